"""A grid of on-screen keys painted by one widget: the base of the keypad and the keyboard.

Each key used to be a styled ``QPushButton``.  A keyboard of 45 of them cost more to show,
lay out and paint than the rest of a form together (every key is a widget with its own
events, style-sheet rules and rounded borders), and pushed the switch to the keyboard
screens past a frame.  Here one widget lays the keys out itself, paints them all once into
a cached pixmap, and paints only the key under the finger on top of it; showing it is one
widget's show.  See ``docs/decisions/0007-painted-keys.md``.

Sizes and fonts still come from the style sheet (``qproperty-keyHeight`` and friends, and
the widget's ``font-size``), so the elder mode enlarges the keys as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

__all__ = ["KeyGrid", "KeySpec"]

#: How long 退格 must be held before it repeats, and how fast it repeats (QAbstractButton's).
REPEAT_DELAY_MS = 300
REPEAT_INTERVAL_MS = 100

_RADIUS = 10.0
_PANEL_RADIUS = 14.0
_SHADE = 3  # the darker bottom edge of a character key, in pixels
_CACHED_RENDERS = 4
_LABEL_PADDING = 4  # pixels between a label and the key's edge
_MIN_LABEL_POINTS = 12.0


@dataclass(frozen=True, slots=True)
class _Look:
    face: QColor
    border: QColor
    text: QColor
    down: QColor  # the face while pressed (or checked)
    down_border: QColor


def _looks() -> dict[str, _Look]:
    # The kiosk's palette (see the header of resources/qss/kiosk.qss).
    return {
        "key": _Look(
            QColor("#FFFFFF"),
            QColor("#AAB6C5"),
            QColor("#1A1A1A"),
            QColor("#BBDEFB"),
            QColor("#8C9AAD"),
        ),
        "action": _Look(
            QColor("#546E7A"),
            QColor("#455A64"),
            QColor("#FFFFFF"),
            QColor("#1565C0"),
            QColor("#0D47A1"),
        ),
        "done": _Look(
            QColor("#2E7D32"),
            QColor("#1B5E20"),
            QColor("#FFFFFF"),
            QColor("#1B5E20"),
            QColor("#0F3D12"),
        ),
    }


_PANEL = "#DDE4EC"
_SHADE_COLOUR = "#8C9AAD"


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One key: what it does, what it shows and where it sits.

    Attributes:
        name: stable name (``key_a``, ``key_back``) for tests and the accessible description.
        value: what the key types or does (``"a"``, ``"\\b"`` …); the subclass interprets it.
        label: the text on the key.
        row, column: the top-left grid cell.
        row_span, column_span: how many cells the key covers.
        role: ``"key"`` (a character), ``"action"`` (退格, 清空, 大写) or ``"done"`` (完成).
        repeat: whether holding the key repeats it (退格).
        checkable: whether the key toggles (大写).
    """

    name: str
    value: str
    label: str
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1
    role: str = "key"
    repeat: bool = False
    checkable: bool = False


class KeyGrid(QWidget):
    """Keys in a grid of equal cells, painted by this one widget; never takes the focus.

    Subclasses give the keys (:meth:`set_keys`) and act on them in :meth:`activate`.  A key
    acts when the finger lifts on it (as a button clicks), a held repeating key acts every
    ``REPEAT_INTERVAL_MS`` after ``REPEAT_DELAY_MS``, and a checkable key toggles first.
    Touches arrive as the mouse events Qt makes of them.

    Style-sheet properties: ``keyHeight`` (px, the smallest row), ``columnWidth`` (px, the
    smallest column) and ``actionPointSize`` (pt, the labels of action and done keys); the
    labels of character keys use the widget's font.
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        columns: int,
        rows: int,
        margin: int = 10,
        spacing: int = 10,
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._columns = columns
        self._rows = rows
        self._margin = margin
        self._spacing = spacing
        self._key_height = 80
        self._column_width = 80
        self._action_point_size = 22.0
        self._keys: dict[str, KeySpec] = {}
        self._labels: dict[str, str] = {}
        self._hidden: set[str] = set()
        self._checked: set[str] = set()
        self._pressed: str | None = None
        # Rendered key sets by what they show: the keypad switches between its layouts with
        # and without X on every screen, the keyboard between lower and upper case.
        self._cache: dict[tuple[object, ...], QPixmap] = {}
        self._signature: tuple[object, ...] | None = None
        self._looks = _looks()
        self._repeat = QTimer(self)
        self._repeat.setObjectName("keyRepeatTimer")
        self._repeat.timeout.connect(self._on_repeat)

    # -- style-sheet properties -----------------------------------------------------------------
    def _get_key_height(self) -> int:
        return self._key_height

    def _set_key_height(self, value: int) -> None:
        self._key_height = max(1, int(value))
        self._relayout()

    def _get_column_width(self) -> int:
        return self._column_width

    def _set_column_width(self, value: int) -> None:
        self._column_width = max(1, int(value))
        self._relayout()

    def _get_action_point_size(self) -> float:
        return self._action_point_size

    def _set_action_point_size(self, value: float) -> None:
        self._action_point_size = max(1.0, float(value))
        self._invalidate()

    # Qt property names, set from the style sheet as qproperty-keyHeight and so on.
    keyHeight = Property(int, _get_key_height, _set_key_height)  # noqa: N815
    columnWidth = Property(int, _get_column_width, _set_column_width)  # noqa: N815
    actionPointSize = Property(float, _get_action_point_size, _set_action_point_size)  # noqa: N815

    # -- keys ---------------------------------------------------------------------------------
    def set_keys(self, keys: list[KeySpec]) -> None:
        """Lay out these keys (replacing any before); labels and states start afresh."""
        self._keys = {key.name: key for key in keys}
        self._labels = {key.name: key.label for key in keys}
        self._hidden &= set(self._keys)
        self._checked &= set(self._keys)
        self._release()
        self._invalidate()

    def key_names(self) -> list[str]:
        """The names of the keys shown, in layout order."""
        return [name for name in self._keys if name not in self._hidden]

    def key_label(self, name: str) -> str:
        """The text on key ``name`` now (KeyError for an unknown key)."""
        return self._labels[name]

    def set_key_label(self, name: str, label: str) -> None:
        """Relabel key ``name`` (e.g. letters in upper case)."""
        if self._labels[name] != label:
            self._labels[name] = label
            self._invalidate()

    def set_key_shown(self, name: str, shown: bool) -> None:
        """Show or hide key ``name``; a hidden key leaves its cells empty."""
        self._known(name)
        if shown == (name not in self._hidden):
            return
        if shown:
            self._hidden.discard(name)
        else:
            self._hidden.add(name)
            if self._pressed == name:
                self._release()
        self._invalidate()

    def is_key_shown(self, name: str) -> bool:
        """Whether key ``name`` is shown (on a visible grid, it can be touched)."""
        self._known(name)
        return name not in self._hidden

    def _known(self, name: str) -> None:
        if name not in self._keys:
            raise KeyError(name)

    def is_checked(self, name: str) -> bool:
        """Whether the checkable key ``name`` is on."""
        return name in self._checked

    def set_checked(self, name: str, checked: bool) -> None:
        """Switch the checkable key ``name`` on or off; :meth:`toggled` follows a change."""
        if checked == (name in self._checked):
            return
        if checked:
            self._checked.add(name)
        else:
            self._checked.discard(name)
        self._invalidate()
        self.toggled(name, checked)

    def key_rect(self, name: str) -> QRect:
        """Where key ``name`` is drawn, in widget coordinates (empty when hidden)."""
        key = self._keys[name]
        if name in self._hidden:
            return QRect()
        return self._rect(key).toAlignedRect()

    def key_at(self, pos: QPoint) -> str | None:
        """The name of the shown key at ``pos``, or None (a gap or the border)."""
        point = QRectF(pos.x(), pos.y(), 1, 1).center()
        for name, key in self._keys.items():
            if name not in self._hidden and self._rect(key).contains(point):
                return name
        return None

    def pressed_key(self) -> str | None:
        """The key under the finger now, or None."""
        return self._pressed

    # -- for subclasses -----------------------------------------------------------------------
    def activate(self, key: KeySpec) -> None:
        """A key was tapped (or repeats): act on it.  Subclasses override."""

    def toggled(self, name: str, checked: bool) -> None:
        """A checkable key changed.  Subclasses override."""

    # -- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        width = self._columns * self._column_width + (self._columns - 1) * self._spacing
        height = self._rows * self._key_height + (self._rows - 1) * self._spacing
        return QSize(width + 2 * self._margin, height + 2 * self._margin)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()  # keys never shrink below a touch target

    def _rect(self, key: KeySpec) -> QRectF:
        inner_w = self.width() - 2 * self._margin - (self._columns - 1) * self._spacing
        inner_h = self.height() - 2 * self._margin - (self._rows - 1) * self._spacing
        cell_w = inner_w / self._columns
        cell_h = inner_h / self._rows
        x = self._margin + key.column * (cell_w + self._spacing)
        y = self._margin + key.row * (cell_h + self._spacing)
        w = key.column_span * cell_w + (key.column_span - 1) * self._spacing
        h = key.row_span * cell_h + (key.row_span - 1) * self._spacing
        return QRectF(round(x), round(y), round(x + w) - round(x), round(y + h) - round(y))

    def _relayout(self) -> None:
        self.updateGeometry()
        self._invalidate()

    # -- painting -----------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._signature = None
        self.update()

    def _current_signature(self) -> tuple[object, ...]:
        if self._signature is None:
            shown = tuple(
                (key, self._labels[name])
                for name, key in self._keys.items()
                if name not in self._hidden
            )
            self._signature = (
                shown,
                frozenset(self._checked),
                self.isEnabled(),
                self.font().key(),
                self._action_point_size,
            )
        ratio = self.devicePixelRatioF()
        return (*self._signature, self.width(), self.height(), ratio)

    def paintEvent(self, event: QPaintEvent) -> None:
        signature = self._current_signature()
        pixmap = self._cache.get(signature)
        if pixmap is None:
            if len(self._cache) >= _CACHED_RENDERS:
                del self._cache[next(iter(self._cache))]  # the oldest
            ratio = self.devicePixelRatioF()
            wanted = QSize(round(self.width() * ratio), round(self.height() * ratio))
            pixmap = self._cache[signature] = self._render(wanted, ratio)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, pixmap)
        if self._pressed is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_key(painter, self._keys[self._pressed], down=True)
        painter.end()

    def _render(self, size: QSize, ratio: float) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.isEnabled():
            painter.setOpacity(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(_PANEL))
        painter.drawRoundedRect(QRectF(self.rect()), _PANEL_RADIUS, _PANEL_RADIUS)
        for name, key in self._keys.items():
            if name not in self._hidden:
                self._paint_key(painter, key, down=name in self._checked)
        painter.end()
        return pixmap

    def _paint_key(self, painter: QPainter, key: KeySpec, *, down: bool) -> None:
        look = self._looks.get(key.role, self._looks["key"])
        rect = self._rect(key)
        face = rect
        painter.setPen(Qt.PenStyle.NoPen)
        if key.role == "key":
            # A character key stands on a darker edge, like a real key cap.
            painter.setBrush(QColor(_SHADE_COLOUR))
            painter.drawRoundedRect(rect, _RADIUS, _RADIUS)
            face = rect.adjusted(0, 0, 0, -_SHADE)
        painter.setPen(QPen(look.down_border if down else look.border, 1))
        painter.setBrush(look.down if down else look.face)
        painter.drawRoundedRect(face.adjusted(0.5, 0.5, -0.5, -0.5), _RADIUS, _RADIUS)
        painter.setFont(self.label_font(key.name))
        painter.setPen(look.text)
        painter.drawText(face, Qt.AlignmentFlag.AlignCenter, self._labels[key.name])

    def label_font(self, name: str) -> QFont:
        """The font key ``name``'s label is drawn in: the key's font, made smaller when the
        label is wider than the key (退格 in elder mode, "Delete" in English), never cut."""
        key = self._keys[name]
        label = self._labels[name]
        width = self._rect(key).width() - 2 * _LABEL_PADDING
        font = QFont(self.font())
        if key.role != "key":
            font.setPointSizeF(self._action_point_size)
        wide = QFontMetricsF(font).horizontalAdvance(label)
        if wide > width > 0:
            font.setPointSizeF(max(_MIN_LABEL_POINTS, font.pointSizeF() * width / wide))
        return font

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.EnabledChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LanguageChange,
        ):
            if event.type() == QEvent.Type.EnabledChange and not self.isEnabled():
                self._release()
            self._relayout()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._release()
        super().hideEvent(event)

    # -- touches ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        name = self.key_at(event.position().toPoint())
        self._set_pressed(name)
        if name is not None and self._keys[name].repeat:
            self._repeat.start(REPEAT_DELAY_MS)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None:
            return
        # Sliding off a key cancels it: lifting the finger elsewhere types nothing.
        if self.key_at(event.position().toPoint()) != self._pressed:
            self._release()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        name = self._pressed
        self._release()
        if name is not None and self.key_at(event.position().toPoint()) == name:
            self._tap(name)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Two quick taps are two key presses, not a double click.
        self.mousePressEvent(event)

    def _tap(self, name: str) -> None:
        key = self._keys[name]
        if key.checkable:
            self.set_checked(name, name not in self._checked)
        self.activate(key)

    def _on_repeat(self) -> None:
        if self._pressed is None:
            self._repeat.stop()
            return
        self._repeat.setInterval(REPEAT_INTERVAL_MS)
        self.activate(self._keys[self._pressed])

    def _set_pressed(self, name: str | None) -> None:
        if name == self._pressed:
            return
        old = self._pressed
        self._pressed = name
        for changed in (old, name):
            if changed is not None:
                self.update(self._rect(self._keys[changed]).toAlignedRect())

    def _release(self) -> None:
        self._repeat.stop()
        self._set_pressed(None)
