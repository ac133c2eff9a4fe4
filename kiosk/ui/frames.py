"""Work that waits for the next frame: started once the screen that needs it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["FALLBACK_MS", "after_next_paint"]

#: When the window paints nothing (covered, or off screen), the work starts after this long.
FALLBACK_MS = 250


class _NextPaint(QObject):
    """Watches one window for its next paint, then runs a callback once, after that paint."""

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Queued now, it runs once this paint pass is over (the frame is on screen).
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread once ``widget``'s window has painted its next frame.

    A screen that fetches something as it opens (a captcha image) starts the fetch here: a
    worker thread started during the switch runs Python while the frame is painted and takes
    the interpreter lock from it, which made those switches miss a frame.  A window that is
    not shown runs ``callback`` as soon as the event loop is free; one that paints nothing
    after :data:`FALLBACK_MS`.

    Args:
        widget: any widget of the window that is about to paint.
        callback: the work; it must check whether it is still wanted (the screen may have
            been left meanwhile).
    """
    window = widget.window()
    if not window.isVisible():
        QTimer.singleShot(0, window, callback)
        return
    _NextPaint(window, callback)
