"""The kiosk's look: a CJK font, the stylesheet, and the elder (large text) mode.

Screens style controls through dynamic properties rather than colours in code::

    button.setProperty("role", "primary")    # green: 提交 / 下一步
    button.setProperty("role", "secondary")  # orange: 取消 / 返回
    button.setProperty("role", "danger")     # red: 退出 / 删除
    button.setProperty("role", "tile")       # home-screen tile
    label.setProperty("role", "title")       # a heading; also "hint", "error", "note"
    widget.setProperty("card", True)         # a white content card

A property changed after the widget was shown needs :func:`repolish`.

A widget that needs its own style sheet (a screen's sizes) sets it with :func:`set_local_style`:
its ``pt`` sizes then grow by the elder ratio too, now and whenever 大字 is switched.
"""

from __future__ import annotations

import logging
import re

from PySide6 import QtCore
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.resources import resource_path

__all__ = [
    "BASE_POINT_SIZE",
    "ELDER_POINT_SIZE",
    "FONT_PREFERENCES",
    "apply_theme",
    "is_elder",
    "load_stylesheet",
    "pick_font_family",
    "repolish",
    "scaled_style",
    "set_local_style",
]

log = logging.getLogger(__name__)

#: CJK font families in order of preference; the first one installed wins.
FONT_PREFERENCES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)
#: Body text size in points (the stylesheet repeats it).
BASE_POINT_SIZE = 20
#: Body text size in elder mode (+25 %).
ELDER_POINT_SIZE = 25

_ELDER_PROPERTY = "kioskElder"
_LOCAL_STYLE_PROPERTY = "kioskLocalStyle"
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")


_BUNDLED: list[str] | None = None


def load_bundled_fonts() -> list[str]:
    """Register the fonts IT placed in ``resources/fonts`` (OTF/TTF/TTC); their families, once.

    A province that wants one typeface on every kiosk drops it there; it then wins over the
    system preference list.
    """
    global _BUNDLED  # noqa: PLW0603 - loaded once per process, like the font database itself
    if _BUNDLED is None:
        families: list[str] = []
        folder = resource_path("fonts")
        if folder.is_dir():
            from PySide6.QtGui import QFontDatabase  # its enums cost ~1 ms: only when needed

            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in (".otf", ".ttf", ".ttc"):
                    font_id = QFontDatabase.addApplicationFont(str(path))
                    families.extend(QFontDatabase.applicationFontFamilies(font_id))
        _BUNDLED = families
    return list(_BUNDLED)


def pick_font_family(preferences: tuple[str, ...] = FONT_PREFERENCES) -> str | None:
    """The first installed family of ``preferences``.

    Args:
        preferences: family names, best first.

    Returns:
        The installed family name, or None when none is installed (keep Qt's default).
    """
    bundled = load_bundled_fonts()
    if bundled:
        return bundled[0]
    from PySide6.QtGui import QFontDatabase

    installed = {family.casefold(): family for family in QFontDatabase.families()}
    for wanted in preferences:
        found = installed.get(wanted.casefold())
        if found is not None:
            return found
    return None


def load_stylesheet(*, elder: bool = False) -> str:
    """The text of ``kiosk.qss``; in elder mode with every ``pt`` size grown by 25 % and
    followed by ``kiosk-elder.qss``.

    Args:
        elder: append the large-text overrides.

    Returns:
        The stylesheet; empty parts when a file is missing (logged, never raised: a kiosk
        without its stylesheet is ugly but still usable).
    """
    names = ["kiosk.qss", "kiosk-elder.qss"] if elder else ["kiosk.qss"]
    parts: list[str] = []
    for name in names:
        path = resource_path("qss", name)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            log.warning("stylesheet %s not loaded: %s", path, exc.strerror)
            continue
        if elder and name == "kiosk.qss":  # every text grows; the elder sheet sets the rest
            text = scaled_style(text, elder=True)
        parts.append(text)
    return "\n".join(parts)


def apply_theme(app: QApplication, *, elder: bool = False) -> None:
    """Give ``app`` the kiosk's font and stylesheet.

    Safe to call again at run time to switch elder mode on or off: every widget is re-styled.

    Args:
        app: the application.
        elder: larger text (+25 %) for residents with poor eyesight.
    """
    font = QFont(app.font())
    # Qt takes the first of these families that is installed when it matches the font (and the
    # next ones for characters the first lacks): no need to list every font on the machine
    # first, which took ~6 ms before the first frame.
    font.setFamilies([*load_bundled_fonts(), *FONT_PREFERENCES])
    font.setPointSize(ELDER_POINT_SIZE if elder else BASE_POINT_SIZE)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    changed = is_elder(app) != elder
    app.setProperty(_ELDER_PROPERTY, elder)
    if changed:  # widgets with their own sizes follow (none exist yet at start-up)
        for widget in app.allWidgets():
            local = widget.property(_LOCAL_STYLE_PROPERTY)
            if isinstance(local, str) and local:
                widget.setStyleSheet(scaled_style(local, elder=elder))
    app.setStyleSheet(load_stylesheet(elder=elder))


def scaled_style(style: str, *, elder: bool) -> str:
    """``style`` with its ``pt`` sizes grown by the elder ratio (25 %) in elder mode.

    Args:
        style: a widget's style sheet, written for normal mode.
        elder: whether elder mode is on.
    """
    if not elder:
        return style
    ratio = ELDER_POINT_SIZE / BASE_POINT_SIZE
    return _POINTS.sub(lambda match: f"{round(float(match.group(1)) * ratio)}pt", style)


def set_local_style(widget: QWidget, style: str) -> None:
    """Give ``widget`` its own style sheet, whose ``pt`` sizes follow elder mode.

    A widget's own style sheet wins over the application's, so the elder overrides of
    ``kiosk-elder.qss`` never reach the sizes it sets: without this, 大字 left a screen's
    own texts (the deposit table, the guide's text, the balance) as small as before.

    Args:
        widget: the widget.
        style: its style sheet, written for normal mode.
    """
    widget.setProperty(_LOCAL_STYLE_PROPERTY, style)
    app = QApplication.instance()
    elder = isinstance(app, QApplication) and is_elder(app)
    widget.setStyleSheet(scaled_style(style, elder=elder))


def is_elder(app: QApplication) -> bool:
    """Whether :func:`apply_theme` last put ``app`` in elder mode."""
    return bool(app.property(_ELDER_PROPERTY))


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet to ``widget`` after one of its dynamic properties changed.

    Args:
        widget: the widget whose ``role``/``kind``/``state`` property was set.
    """
    if not widget.testAttribute(QtCore.Qt.WidgetAttribute.WA_WState_Polished):
        return  # not styled yet: the style sheet is applied, with the property, when it shows
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
