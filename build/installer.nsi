; 住房公积金自助服务终端 — per-machine installer (NSIS 3, Modern UI 2).
;
; Build (from the repository root, on Windows or Linux):
;     makensis -DVERSION=0.1.0 -DBUNDLE_DIR=dist/GjjKiosk build/installer.nsi
; Optional defines: -DOUTFILE=dist/GjjKiosk-0.1.0-setup.exe
;
; Silent use (see docs/deployment.md):
;     GjjKiosk-0.1.0-setup.exe /S [/D=C:\Program Files\GjjKiosk]      (/D= must be last)
;       [/CONFIG=\\server\share\kiosk.ini]  copy this file to %ProgramData%\GjjKiosk\kiosk.ini
;                                           (only when none exists, unless /REPLACECONFIG)
;       [/KIOSKUSER=KIOSK\kiosk]            account given write access to data and logs
;                                           (default: the local Users group)
;       [/AUTOSTART]                        start the kiosk at every sign-in (HKLM Run key)
;     "C:\Program Files\GjjKiosk\uninstall.exe" /S       keeps kiosk.ini, data and logs
;     "C:\Program Files\GjjKiosk\uninstall.exe" /S /PURGE   removes them too
;
; Upgrades install over an older version in place: the program folder is replaced, the
; configuration and data under %ProgramData%\GjjKiosk are never touched.

Unicode true
; makensis works in the script's folder (build/); relative paths below are from the repository
; root, as on the command line above. (Do not pass /NOCD.)
!cd ".."

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z ..."
!endif
!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "dist/GjjKiosk"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"   ; -DCOMPRESSOR=zlib for a quick check build
!endif
!ifndef OUTFILE
  !define OUTFILE "dist/GjjKiosk-${VERSION}-setup.exe"
!endif

!define APP_NAME "GjjKiosk"
!define APP_EXE "GjjKiosk.exe"
!define PUBLISHER "住房公积金管理中心"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define APP_KEY "Software\${APP_NAME}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
; Well-known SIDs, independent of the Windows display language.
!define SID_SYSTEM "*S-1-5-18"
!define SID_ADMINS "*S-1-5-32-544"
!define SID_USERS "*S-1-5-32-545"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "x64.nsh"

Name "$(AppTitle)"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
RequestExecutionLevel admin
SetCompressor ${COMPRESSOR}
ShowInstDetails show
ShowUnInstDetails show
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "GjjKiosk installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

Var DataRoot        ; %ProgramData%\GjjKiosk
Var KioskUser       ; account (or SID) given write access to data and logs
Var ConfigSource    ; /CONFIG= file to install as kiosk.ini
Var ReplaceConfig   ; 1 when /REPLACECONFIG
Var OldVersion      ; the version being upgraded, if any

; -- pages ---------------------------------------------------------------------------------------
!define MUI_ICON "resources/icons/kiosk.ico"
!define MUI_UNICON "resources/icons/kiosk.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_NOAUTOCLOSE

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString AppTitle ${LANG_SIMPCHINESE} "住房公积金自助服务终端"
LangString AppTitle ${LANG_ENGLISH} "Housing Provident Fund Kiosk"
LangString SecMain ${LANG_SIMPCHINESE} "自助终端程序（必需）"
LangString SecMain ${LANG_ENGLISH} "Kiosk program (required)"
LangString SecMainDesc ${LANG_SIMPCHINESE} "程序文件，以及 ProgramData 下的配置、数据和日志目录。"
LangString SecMainDesc ${LANG_ENGLISH} "Program files, and the configuration, data and log folders under ProgramData."
LangString SecAutostart ${LANG_SIMPCHINESE} "登录后自动启动"
LangString SecAutostart ${LANG_ENGLISH} "Start automatically at sign-in"
LangString SecAutostartDesc ${LANG_SIMPCHINESE} "在 HKLM Run 中登记，每个用户登录后启动终端。使用 Shell Launcher 时不要勾选。"
LangString SecAutostartDesc ${LANG_ENGLISH} "Registers the kiosk in HKLM Run so it starts at every sign-in. Leave it off with Shell Launcher."
LangString SecShortcut ${LANG_SIMPCHINESE} "开始菜单快捷方式"
LangString SecShortcut ${LANG_ENGLISH} "Start menu shortcut"
LangString SecShortcutDesc ${LANG_SIMPCHINESE} "在开始菜单中为维护人员添加快捷方式。"
LangString SecShortcutDesc ${LANG_ENGLISH} "A Start menu entry for maintenance staff."
LangString MsgNeed64 ${LANG_SIMPCHINESE} "本程序需要 64 位 Windows 10 或更高版本。"
LangString MsgNeed64 ${LANG_ENGLISH} "This program needs 64-bit Windows 10 or later."
LangString MsgNoConfig ${LANG_SIMPCHINESE} "尚未找到配置文件 $DataRoot\kiosk.ini。请按部署指南填写（示例：kiosk.ini.example），否则终端无法启动。"
LangString MsgNoConfig ${LANG_ENGLISH} "No configuration file $DataRoot\kiosk.ini yet. Write it from kiosk.ini.example as the deployment guide says; the kiosk does not start without it."
LangString MsgBadConfigSource ${LANG_SIMPCHINESE} "找不到 /CONFIG 指定的文件："
LangString MsgBadConfigSource ${LANG_ENGLISH} "The file given with /CONFIG was not found: "
LangString MsgKeepData ${LANG_SIMPCHINESE} "是否保留配置文件、本地数据和日志（$DataRoot）？$\r$\n重新安装或升级时会继续使用它们。"
LangString MsgKeepData ${LANG_ENGLISH} "Keep the configuration, local data and logs ($DataRoot)?$\r$\nA later install or upgrade uses them again."
LangString MsgUpgrade ${LANG_SIMPCHINESE} "正在从旧版本升级："
LangString MsgUpgrade ${LANG_ENGLISH} "Upgrading from version "

; -- install -------------------------------------------------------------------------------------
Section "!$(SecMain)" SEC_MAIN
  SectionIn RO
  SetShellVarContext all
  SetRegView 64

  ; A running kiosk keeps its files open: stop it (it runs as the kiosk shell; upgrades are done
  ; in maintenance mode or remotely, see docs/deployment.md).
  nsExec::ExecToLog 'taskkill /F /T /IM "${APP_EXE}"'
  Pop $0

  ${If} $OldVersion != ""
    DetailPrint "$(MsgUpgrade)$OldVersion"
    ; Replace the program folder entirely, so no file of the old version is left behind.
    RMDir /r "$INSTDIR\_internal"
    Delete "$INSTDIR\${APP_EXE}"
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}/*"
  File "/oname=kiosk.ini.example" "build/kiosk.ini.example"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Configuration, data and logs: never overwritten by an upgrade.
  CreateDirectory "$DataRoot"
  CreateDirectory "$DataRoot\data"
  CreateDirectory "$DataRoot\logs"
  CopyFiles /SILENT "$INSTDIR\kiosk.ini.example" "$DataRoot\kiosk.ini.example"
  ${If} $ConfigSource != ""
    ${If} ${FileExists} "$ConfigSource"
      ${If} $ReplaceConfig == "1"
      ${OrIfNot} ${FileExists} "$DataRoot\kiosk.ini"
        CopyFiles /SILENT "$ConfigSource" "$DataRoot\kiosk.ini"
      ${EndIf}
    ${Else}
      DetailPrint "$(MsgBadConfigSource)$ConfigSource"
      SetErrorLevel 2
    ${EndIf}
  ${EndIf}

  ; Rights: administrators and SYSTEM own everything; the kiosk account may read the
  ; configuration (never change it: it holds the staff PIN hash) and may change data and logs.
  nsExec::ExecToLog 'icacls "$DataRoot" /inheritance:r /grant:r "${SID_SYSTEM}:(OI)(CI)F" "${SID_ADMINS}:(OI)(CI)F" "${SID_USERS}:(OI)(CI)RX"'
  Pop $0
  nsExec::ExecToLog 'icacls "$DataRoot\data" /grant "$KioskUser:(OI)(CI)M"'
  Pop $0
  nsExec::ExecToLog 'icacls "$DataRoot\logs" /grant "$KioskUser:(OI)(CI)M"'
  Pop $0

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${APP_KEY}" "DataDir" "$DataRoot"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "$(AppTitle)"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  ${IfNot} ${FileExists} "$DataRoot\kiosk.ini"
    DetailPrint "$(MsgNoConfig)"
    MessageBox MB_OK|MB_ICONINFORMATION "$(MsgNoConfig)" /SD IDOK
  ${EndIf}
SectionEnd

Section /o "$(SecAutostart)" SEC_AUTOSTART
  SetRegView 64
  WriteRegStr HKLM "${RUN_KEY}" "${APP_NAME}" '"$INSTDIR\${APP_EXE}"'
SectionEnd

Section "$(SecShortcut)" SEC_SHORTCUT
  SetShellVarContext all
  CreateShortcut "$SMPROGRAMS\$(AppTitle).lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; Without the auto-start section an upgrade removes an older Run entry.
Section "-cleanup"
  SetRegView 64
  ${IfNot} ${SectionIsSelected} ${SEC_AUTOSTART}
    DeleteRegValue HKLM "${RUN_KEY}" "${APP_NAME}"
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_MAIN} "$(SecMainDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_AUTOSTART} "$(SecAutostartDesc)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SEC_SHORTCUT} "$(SecShortcutDesc)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  SetShellVarContext all
  SetRegView 64
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgNeed64)" /SD IDOK
    SetErrorLevel 1
    Quit
  ${EndIf}
  StrCpy $DataRoot "$APPDATA\${APP_NAME}"

  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSKUSER=" $KioskUser
  ${If} ${Errors}
  ${OrIf} $KioskUser == ""
    StrCpy $KioskUser "${SID_USERS}"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/CONFIG=" $ConfigSource
  ${If} ${Errors}
    StrCpy $ConfigSource ""
  ${EndIf}
  ClearErrors
  StrCpy $ReplaceConfig "0"
  ${GetOptions} $R0 "/REPLACECONFIG" $1
  ${IfNot} ${Errors}
    StrCpy $ReplaceConfig "1"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/AUTOSTART" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SEC_AUTOSTART}
  ${Else}
    ; Keep the choice made at the previous install.
    ClearErrors
    ReadRegStr $1 HKLM "${RUN_KEY}" "${APP_NAME}"
    ${IfNot} ${Errors}
    ${AndIf} $1 != ""
      !insertmacro SelectSection ${SEC_AUTOSTART}
    ${EndIf}
  ${EndIf}
  ClearErrors
  ReadRegStr $OldVersion HKLM "${APP_KEY}" "Version"

  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; -- uninstall -----------------------------------------------------------------------------------
Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  nsExec::ExecToLog 'taskkill /F /T /IM "${APP_EXE}"'
  Pop $0

  ; Only what the installer put there: never a recursive delete of $INSTDIR itself.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\kiosk.ini.example"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\$(AppTitle).lnk"

  DeleteRegValue HKLM "${RUN_KEY}" "${APP_NAME}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegValue HKLM "${APP_KEY}" "InstallDir"
  DeleteRegValue HKLM "${APP_KEY}" "Version"

  ; Keep the configuration and data unless /PURGE, or the person uninstalling says no.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $1
  ${If} ${Errors}
    MessageBox MB_YESNO|MB_ICONQUESTION "$(MsgKeepData)" /SD IDYES IDYES keep
  ${EndIf}
  RMDir /r "$DataRoot"
  DeleteRegKey HKLM "${APP_KEY}"
  keep:
SectionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
  StrCpy $DataRoot "$APPDATA\${APP_NAME}"
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
