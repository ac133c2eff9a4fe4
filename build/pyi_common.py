"""What ``kiosk.spec`` and ``bench/bundle_size.py`` share: the excludes and the Qt file filter.

The kiosk uses QtCore, QtGui, QtWidgets, QtNetwork (single instance) and QtPrintSupport (the staff
test page) only. Everything else PySide6 ships (QML/Quick, 3D, WebEngine, multimedia, the virtual
keyboard, SQL drivers, TLS backends, Wayland, ...) and Qt's translations other than Chinese and
English are left out, so the bundle stays small. The demo center (``center``, FastAPI, uvicorn,
pydantic) is left out of the production build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: Python modules never needed by the production kiosk.
EXCLUDES: list[str] = [
    # the demo center and its web stack (kiosk.demo imports it lazily, only with --demo)
    "center",
    "fastapi",
    "uvicorn",
    "starlette",
    "pydantic",
    "pydantic_core",
    "anyio",
    "sniffio",
    "h11",
    "httptools",
    "httpx",
    "httpcore",
    "websockets",
    "watchfiles",
    "uvloop",
    "click",
    "email_validator",
    # development and test tools
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "IPython",
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "lib2to3",
    "test",
    "setuptools",
    "pip",
    "numpy",
    "PIL",
    "greenlet",
    "sqlalchemy.ext.asyncio",
    # PySide6 modules the kiosk does not use
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtVirtualKeyboard",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech",
    "PySide6.QtNetworkAuth",
    "PySide6.QtHttpServer",
    "PySide6.QtAxContainer",
]

#: Qt plugins kept, by plugin folder: a folder not listed here is dropped entirely.
#: Platforms: the native one (Windows, X11) and ``offscreen`` for ``--self-test``. No SVG: the
#: resources use none (``--self-test`` fails when one appears without its image plugin).
KEEP_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": ("qwindows", "qxcb", "qoffscreen", "qcocoa", "qminimal"),
    "imageformats": ("qico", "qjpeg", "qgif"),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
    "printsupport": ("windowsprintersupport", "cupsprintersupport"),
    "xcbglintegrations": ("qxcb-glx-integration", "qxcb-egl-integration"),
}

#: Qt's own translations kept (the kiosk's UI is Chinese, with an English translation).
KEEP_QT_TRANSLATIONS = re.compile(r"^qt(base)?_(zh_CN|en)\.qm$")

#: Qt libraries that only excluded modules or plugins need (matched on the file name).
DROP_QT_LIBRARIES = re.compile(
    r"Qt6(Qml|Quick|Quick3D|3D|WebEngine|WebChannel|WebSockets|Multimedia|SpatialAudio|Charts|"
    r"DataVisualization|Graphs|VirtualKeyboard|Pdf|Sql|Test|Designer|Help|UiTools|Concurrent|"
    r"Bluetooth|Nfc|Positioning|Location|Sensors|SerialPort|SerialBus|RemoteObjects|Scxml|"
    r"StateMachine|TextToSpeech|NetworkAuth|HttpServer|ShaderTools|Wayland|Svg|OpenGLWidgets|"
    r"LanguageServer|JsonRpc|Lottie|EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|"
    r"WlShellIntegration)",
    re.IGNORECASE,
)


def _plugin_kept(parts: list[str]) -> bool | None:
    """For a path inside ``plugins/``: keep it? None when it is not a plugin."""
    if "plugins" not in parts:
        return None
    index = len(parts) - 1 - parts[::-1].index("plugins")
    rest = parts[index + 1 :]
    if len(rest) < 2:
        return True
    folder, name = rest[0], rest[-1]
    kept = KEEP_PLUGINS.get(folder)
    if kept is None:
        return False
    stem = re.sub(r"^lib", "", name.split(".")[0])
    stem = re.sub(r"d$", "", stem) if stem.rstrip("d") in kept else stem  # debug builds
    return stem in kept


def keep(dest: str) -> bool:
    """Whether a bundle entry (its destination path) stays in the kiosk's bundle."""
    parts = re.split(r"[\\/]", dest)
    name = parts[-1]
    plugin = _plugin_kept(parts)
    if plugin is not None:
        return plugin
    if "translations" in parts and name.endswith(".qm") and "PySide6" in parts:
        return bool(KEEP_QT_TRANSLATIONS.match(name))
    return not DROP_QT_LIBRARIES.search(name)


def filter_toc(toc: Iterable[Any]) -> list[Any]:
    """The entries of a PyInstaller TOC (``a.binaries``, ``a.datas``) that :func:`keep` keeps."""
    return [entry for entry in toc if keep(str(entry[0]))]
