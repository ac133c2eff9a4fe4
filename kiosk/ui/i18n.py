"""The English translation at run time: the translator, the 中文/English button, flow texts.

Chinese is the source language of the UI (``self.tr("下一步")``); English is the Qt translation
``resources/translations/kiosk_en.qm`` (maintained with ``python tools/i18n.py``). Qt widgets do
not retranslate themselves: the composition root rebuilds the screens after a change (see
``Kiosk.set_language``).
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QCoreApplication, QTranslator, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.flows import Flow
from kiosk.texts import Sentence
from kiosk.ui.resources import resource_path

__all__ = [
    "ENGLISH",
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "LanguageToggle",
    "install_translator",
    "installed_language",
    "translated",
    "translated_flow",
]

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (SOURCE_LANGUAGE, ENGLISH)

#: Translators this module installed, per application (removed at the next switch).
_installed: dict[int, list[QTranslator]] = {}
#: Like the 大字 button: outlined white on the blue header.
_STYLE = """
QPushButton#languageToggle {
    min-width: 110px; color: #FFFFFF; background: transparent; border: 2px solid #FFFFFF;
}
"""
_language: dict[int, str] = {}


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Show the UI in ``language`` from now on (texts built after this call).

    ``"en"`` installs ``kiosk_en.qm`` from ``resources/translations`` and, when Qt ships it,
    ``qtbase_en`` (Qt's own texts); ``"zh_CN"`` (the source language) only removes what an
    earlier call installed. Installing sends ``LanguageChange`` to every widget.

    Returns:
        The kiosk's translator, or None for Chinese or when the ``.qm`` cannot be loaded (the UI
        then stays Chinese, which is logged).

    Raises:
        ValueError: an unknown language.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (expected one of {LANGUAGES})")
    key = id(app)
    for old in _installed.pop(key, []):
        app.removeTranslator(old)
        old.deleteLater()
    _language[key] = SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return None
    kiosk = QTranslator(app)
    path = resource_path("translations", f"kiosk_{language}.qm")
    if not kiosk.load(str(path)) or kiosk.isEmpty():
        log.warning("translation %s cannot be loaded: the UI stays Chinese", path)
        kiosk.deleteLater()
        return None
    installed = [kiosk]
    qt_own = QTranslator(app)
    from PySide6.QtCore import QLibraryInfo  # only when English is installed

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_folder) and not qt_own.isEmpty():
        installed.append(qt_own)
    else:
        qt_own.deleteLater()
    for translator in installed:
        app.installTranslator(translator)
    _installed[key] = installed
    _language[key] = language
    return kiosk


def installed_language(app: QCoreApplication) -> str:
    """The language :func:`install_translator` last put in place (``zh_CN`` before any call)."""
    return _language.get(id(app), SOURCE_LANGUAGE)


def translated_flow(flow: Flow) -> Flow:
    """``flow`` with its title and stage labels in the current language (context ``Flow``)."""
    return dataclasses.replace(
        flow,
        title=QCoreApplication.translate("Flow", flow.title),
        stages=tuple(QCoreApplication.translate("Flow", s) for s in flow.stages),
    )


def translated(text: str) -> str:
    """A sentence of a Qt-free core module (errors, checks, amounts, hours) in the current
    language, context ``Core``; a :class:`~kiosk.texts.Sentence` has its template translated
    before its values (translated too) are put in. A center's sentence, never in the
    translation, stays as it is.
    """
    if not text:
        return text
    if isinstance(text, Sentence):
        values = {k: translated(v) if isinstance(v, str) else v for k, v in text.values.items()}
        return QCoreApplication.translate("Core", text.template).format(**values)
    return QCoreApplication.translate("Core", text)


class LanguageToggle(QPushButton):
    """``English`` while the UI is Chinese, ``中文`` while it is English.

    Each label is written in the language it offers (never translated), so that a resident who
    cannot read the current language still finds it.

    Signals:
        language_changed(str): the resident asked for another language (``"en"`` or ``"zh_CN"``).
    """

    language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, language: str = SOURCE_LANGUAGE) -> None:
        super().__init__(parent)
        self.setObjectName("languageToggle")  # never takes the focus (stylesheet: NoFocus)
        self.setStyleSheet(_STYLE)
        self._language = SOURCE_LANGUAGE
        self.set_language(language)
        self.clicked.connect(self.on_clicked)

    def language(self) -> str:
        """The language the UI is in now."""
        return self._language

    def set_language(self, language: str) -> None:
        """Show the button for a UI in ``language`` (no signal)."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._language = language
        if language == ENGLISH:
            self.setText("中文")
            self.setAccessibleName("切换为中文 / Switch to Chinese")
        else:
            self.setText("English")
            self.setAccessibleName("Switch to English / 切换为英文")

    def on_clicked(self) -> None:
        other = SOURCE_LANGUAGE if self._language == ENGLISH else ENGLISH
        self.set_language(other)
        self.language_changed.emit(other)
