"""Lock-down of the kiosk window: full screen, frameless, on top, no close, a hidden staff gesture.

Signals:
    CornerGesture.triggered: a long press (or five quick taps) in the top-left corner.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: The hidden corner (top left of the window), in logical pixels.
CORNER_SIZE = 120
#: How long a finger must stay in the corner.
LONG_PRESS_MS = 3000
#: Or this many taps in the corner ...
TAP_COUNT = 5
#: ... each within this long of the previous one.
TAP_INTERVAL_S = 0.6

_WATCHED = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonRelease,
    }
)


def apply_lockdown(window: QWidget, *, touch: bool, fullscreen: bool = True) -> None:
    """Make ``window`` the only thing on screen.

    Frameless and on top; full screen unless ``fullscreen`` is False (development); the mouse
    cursor hidden when a touch screen is configured (a cursor stuck mid-screen confuses people).
    Call before the window is shown; it shows it.
    """
    flags = window.windowFlags()
    flags |= Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
    window.setWindowFlags(flags)
    if touch:
        window.setCursor(QCursor(Qt.CursorShape.BlankCursor))
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    if fullscreen:
        window.showFullScreen()
    else:
        window.show()


def release_cursor() -> None:
    """Undo the override cursor set by :func:`apply_lockdown` (maintenance exit)."""
    while QGuiApplication.overrideCursor() is not None:
        QGuiApplication.restoreOverrideCursor()


class CloseGuard(QObject):
    """Event filter refusing to close the watched window until :meth:`allow_close`.

    Alt+F4, the taskbar's close and ``window.close()`` are all refused; the application closes the
    window on purpose (restart, maintenance) by calling :meth:`allow_close` first.

    Signals:
        close_refused: a close was refused (logged; the staff panel may count them).
    """

    close_refused = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._allowed = False
        window.installEventFilter(self)

    @property
    def allowed(self) -> bool:
        return self._allowed

    def allow_close(self) -> None:
        self._allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and not self._allowed:
            assert isinstance(event, QCloseEvent)
            event.ignore()
            log.info("close refused (kiosk lock-down)")
            self.close_refused.emit()
            return True
        return super().eventFilter(watched, event)


class CornerGesture(QObject):
    """Watches a widget for the hidden staff gesture in its top-left corner.

    A press held for :data:`LONG_PRESS_MS` without leaving the corner, or :data:`TAP_COUNT` taps
    each within :data:`TAP_INTERVAL_S` of the previous, emits :attr:`triggered`. The events still
    reach the widgets (the filter never eats them).

    Touch screens are served by the mouse events Qt synthesizes from touches. By default it
    watches the whole application (``app_wide``), because the corner is usually
    covered by a child widget (the header) that takes the press before the window sees it; only
    presses inside ``widget``'s window count, each press once.

    Args:
        widget: the main window; corner coordinates are relative to it.
        app_wide: filter every event of the application, not only ``widget``'s own.
        clock: monotonic seconds, injectable for tests.

    Signals:
        triggered: the gesture was made.
    """

    triggered = Signal()

    def __init__(
        self,
        widget: QWidget,
        *,
        corner: int = CORNER_SIZE,
        long_press_ms: int = LONG_PRESS_MS,
        app_wide: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._corner = corner
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(long_press_ms)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._taps: list[float] = []
        self._last_press: tuple[int, int] | None = None
        self._app = QCoreApplication.instance() if app_wide else None
        if self._app is not None:
            self._app.installEventFilter(self)
        else:
            widget.installEventFilter(self)

    @property
    def pressing(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """Stop the long-press timer and stop watching (application exit, tests)."""
        self._timer.stop()
        self._taps.clear()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def corner_rect(self) -> QRect:
        return QRect(0, 0, self._corner, self._corner)

    def _in_corner(self, global_pos: QPointF) -> bool:
        local = self._widget.mapFromGlobal(global_pos.toPoint())
        return self.corner_rect().contains(QPoint(local.x(), local.y()))

    def _concerns(self, watched: QObject) -> bool:
        """Events of widgets in the watched window (app-wide: not of other windows)."""
        if self._app is None:
            return watched is self._widget
        return isinstance(watched, QWidget) and watched.window() is self._widget.window()

    def _first_delivery(self, event: QMouseEvent) -> bool:
        """A press propagated from a child to its parents is seen again: count it once."""
        key = (int(event.type().value), int(event.timestamp()))
        if key == self._last_press:
            return False
        self._last_press = key
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED or not self._concerns(watched):
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            assert isinstance(event, QMouseEvent)
            if self._first_delivery(event):
                self._on_press(self._in_corner(event.globalPosition()))
        elif kind == QEvent.Type.MouseMove and self._timer.isActive():
            assert isinstance(event, QMouseEvent)
            if not self._in_corner(event.globalPosition()):
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
        return False

    def _on_press(self, in_corner: bool) -> None:
        if not in_corner:
            self._timer.stop()
            self._taps.clear()
            return
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= TAP_INTERVAL_S * TAP_COUNT]
        if self._taps and now - self._taps[-1] > TAP_INTERVAL_S:
            self._taps.clear()
        self._taps.append(now)
        if len(self._taps) >= TAP_COUNT:
            self._taps.clear()
            self._timer.stop()
            self._fire()
            return
        self._timer.start()

    def on_timer_timeout(self) -> None:
        self._taps.clear()
        self._fire()

    def _fire(self) -> None:
        log.info("staff gesture made")
        self.triggered.emit()
