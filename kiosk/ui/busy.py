"""A painted spinner with a sentence such as 正在提交，请稍候…."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QPointF, QSize, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

__all__ = ["BusyIndicator"]

_STEPS = 12


class _Spinner(QWidget):
    """Twelve spokes of fading blue; the timer runs only while the spinner is visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(64, 64))
        self._step = 0
        self.timer = QTimer(self)
        self.timer.setObjectName("spinnerTimer")
        self.timer.setInterval(80)
        self.timer.timeout.connect(self.on_timer_timeout)

    def on_timer_timeout(self) -> None:
        self._step = (self._step + 1) % _STEPS
        self.update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        from PySide6.QtGui import QPainter, QPen  # not on the way to the first frame

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        painter.translate(self.width() / 2, self.height() / 2)
        base = QColor("#1565C0")
        pen = QPen()
        pen.setWidthF(side * 0.09)
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        for index in range(_STEPS):
            age = (self._step - index) % _STEPS
            color = QColor(base)
            color.setAlphaF(max(0.15, 1.0 - age / _STEPS))
            pen.setColor(color)
            painter.setPen(pen)
            painter.save()
            painter.rotate(index * 360 / _STEPS)
            painter.drawLine(QPointF(0, -side * 0.44), QPointF(0, -side * 0.24))
            painter.restore()
        painter.end()


class BusyIndicator(QFrame):
    """A spinner and one sentence, shown while a center call runs.

    The spinner's timer runs only while the indicator is visible.
    """

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        """Build the indicator (visible by default, like any widget).

        Args:
            parent: the owning widget.
            text: the sentence; defaults to 正在提交，请稍候….
        """
        super().__init__(parent)
        self.setObjectName("busyIndicator")  # a QFrame: it paints its stylesheet background
        self._spinner = _Spinner(self)
        self._label = QLabel(text or self.tr("正在提交，请稍候…"), self)
        self._label.setObjectName("busyText")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(16)
        row.addStretch(1)
        row.addWidget(self._spinner)
        row.addWidget(self._label)
        row.addStretch(1)
        self.setAccessibleName(self._label.text())

    def set_text(self, text: str) -> None:
        """Change the sentence (e.g. 正在查询，请稍候…); empty for 正在提交，请稍候…."""
        text = text or self.tr("正在提交，请稍候…")
        if text != self._label.text():
            self._label.setText(text)
            self.setAccessibleName(text)

    def text(self) -> str:
        """The sentence shown."""
        return self._label.text()

    def is_animating(self) -> bool:
        """Whether the spinner's timer runs."""
        return self._spinner.timer.isActive()
