"""One clear sentence when something went wrong, with a painted icon."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.ui.i18n import translated
from kiosk.ui.theme import repolish

__all__ = ["BANNER_KINDS", "ErrorBanner"]

#: Kinds accepted by :meth:`ErrorBanner.show_message`: icon colour and glyph.
BANNER_KINDS: dict[str, tuple[str, str]] = {
    "error": ("#C62828", "!"),
    "warning": ("#E65100", "!"),
    "info": ("#1565C0", "i"),
}


class _BannerIcon(QWidget):
    """A filled circle with ``!`` or ``i``, painted (no image files)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = QColor(BANNER_KINDS["error"][0])
        self._glyph = "!"
        self.setFixedSize(QSize(44, 44))
        self.setAccessibleName("")

    def set_kind(self, kind: str) -> None:
        color, glyph = BANNER_KINDS[kind]
        self._color = QColor(color)
        self._glyph = glyph
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter  # not on the way to the first frame

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 2
        circle = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawEllipse(circle)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(int(side * 0.68))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(circle, QtCore.Qt.AlignmentFlag.AlignCenter, self._glyph)
        painter.end()


class ErrorBanner(QFrame):
    """A red (error), amber (warning) or blue (info) band with an icon and one sentence.

    It shows exactly the text it gets (screens pass :class:`kiosk.errors.KioskError`
    messages, never traces) and hides itself when cleared.  The banner's ``kind`` property
    drives its colours in the stylesheet; its accessible name is the sentence.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build a hidden banner.

        Args:
            parent: the owning widget.
        """
        super().__init__(parent)
        self.setObjectName("errorBanner")  # a QFrame: it paints its stylesheet background
        self.setProperty("kind", "error")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._kind = "error"
        self._icon = _BannerIcon(self)
        self._label = QLabel(self)
        self._label.setObjectName("bannerText")
        self._label.setWordWrap(True)
        self._plain_text = False  # set on the first message (see show_message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        layout.addWidget(self._icon)  # centred vertically: fixed size
        layout.addWidget(self._label, 1)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        """Show ``text``; an empty text clears the banner.

        Args:
            text: one sentence for the resident (what happened and what to do).
            kind: ``"error"``, ``"warning"`` or ``"info"``.

        Raises:
            ValueError: for an unknown kind.
        """
        if kind not in BANNER_KINDS:
            raise ValueError(f"unknown banner kind {kind!r}")
        if not text:
            self.clear()
            return
        text = translated(text)
        if not self._plain_text:  # never rich text, whatever a message contains
            self._label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            self._plain_text = True
        self._label.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(kind)
        if kind != self._kind:
            self._kind = kind
            self.setProperty("kind", kind)
            repolish(self)
            repolish(self._label)
        self._icon.set_kind(kind)
        self.show()

    def clear(self) -> None:
        """Hide the banner and forget its text."""
        self._label.clear()
        self.setAccessibleName("")
        self.hide()

    def message(self) -> str:
        """The sentence shown now, empty when hidden."""
        return self._label.text()

    def kind(self) -> str:
        """The kind of the last message."""
        return self._kind
