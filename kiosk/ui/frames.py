"""Work that waits for the next frame: started once the screen that needs it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["FALLBACK_MS", "after_next_paint"]

#: When the window paints nothing (covered, or off screen), the work starts after this long.
FALLBACK_MS = 250

_WATCHER_NAME = "afterNextPaint"


class _NextPaint(QObject):
    """One per window, for the window's life: runs the work queued on it after the next paint.

    It is never deleted before its window and owns its two timers.  An earlier version made
    one watcher per call, fired it with ``QTimer.singleShot(ms, watcher, ...)`` and had it
    ``deleteLater()`` itself from inside that call: PySide 6.11 now and then crashed in the
    watcher's destructor (a segmentation fault in CI).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(_WATCHER_NAME)
        self._window = window
        self._work: list[Callable[[], None]] = []
        self._watching = False
        self._after_paint = self._timer(0)
        self._fallback = self._timer(FALLBACK_MS)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self._run)
        return timer

    def add(self, callback: Callable[[], None]) -> None:
        """Queue ``callback`` for after the window's next paint (at once if it is hidden)."""
        self._work.append(callback)
        if not self._window.isVisible():
            self._after_paint.start()  # nothing will paint: run when the loop is free
            return
        if not self._watching:
            self._watching = True
            self._window.installEventFilter(self)
        if not self._fallback.isActive():
            self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and not self._after_paint.isActive():
            # Queued now, it runs once this paint pass is over (the frame is on screen).
            self._after_paint.start()
        elif kind == QEvent.Type.Hide and watched is self._window and not event.spontaneous():
            # Closed by the program (shut down) before its frame: the work is not wanted. A
            # spontaneous hide (minimised) keeps it: the fallback still runs it.
            self._drop()
        return False

    def _drop(self) -> None:
        self._after_paint.stop()
        self._fallback.stop()
        self._window.removeEventFilter(self)
        self._watching = False
        self._work = []

    def _run(self) -> None:
        work = self._work
        self._drop()
        for callback in work:
            callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread once ``widget``'s window has painted its next frame.

    A screen that fetches something as it opens (a captcha image) starts the fetch here: a
    worker thread started during the switch runs Python while the frame is painted and takes
    the interpreter lock from it, which made those switches miss a frame.  A window that is
    not shown runs ``callback`` as soon as the event loop is free; one that paints nothing
    after :data:`FALLBACK_MS`; one that is hidden (closed) first never runs it.

    Args:
        widget: any widget of the window that is about to paint.
        callback: the work; it must check whether it is still wanted (the screen may have
            been left meanwhile).
    """
    window = widget.window()
    watcher = window.findChild(_NextPaint, _WATCHER_NAME)
    if not isinstance(watcher, _NextPaint):
        watcher = _NextPaint(window)
    watcher.add(callback)
