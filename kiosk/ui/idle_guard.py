"""Resets the kiosk after a resident walks away: the idle watch and its warning overlay."""

from __future__ import annotations

import functools

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPaintEvent, QWindow
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["MIN_WARNING_SECONDS", "IdleGuard", "IdleWarning"]

#: The warning lasts at least this long, so a slow resident can react.
MIN_WARNING_SECONDS = 20


@functools.cache
def _activity_types() -> frozenset[QEvent.Type]:
    """The events that count as a resident's activity (built when first needed: creating
    ``QEvent.Type`` costs a few milliseconds that the first frame does without)."""
    return frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.Wheel,
            QEvent.Type.TabletPress,
            QEvent.Type.InputMethod,
        }
    )


class IdleGuard(QObject):
    """Watches input on the top-level windows and warns, then times out, when idle.

    Armed with :meth:`set_limit`; disarmed with ``set_limit(None)`` (the public home
    screen).  After ``limit`` seconds without a touch, click, key or wheel event it emits
    ``warning(warning_seconds)`` and counts down, emitting ``countdown(n)`` once a second down
    to ``countdown(0)``, then ``timed_out()``.  Activity or :meth:`keep_alive` during the
    warning cancels it (``warning_cancelled()``) and the idle wait starts again.  The guard
    shows nothing itself: the shell shows an :class:`IdleWarning` and resets the session.
    After ``timed_out`` the guard waits for the next activity or ``set_limit`` call.

    What it watches, and why: an event filter is a call from C++ into Python for every event
    the filtered object receives.  On the application that is every event of every object
    (paint, show, layout, move, timer, ...): some 350 calls per screen switch and more on every
    repaint.  Input from the platform (touch, mouse, keys, wheel, tablet) always reaches a
    top-level ``QWindow`` first, which hands it on to its widgets, so the guard filters only
    the top-level windows: it sees every touch of a resident and none of the widgets'
    internal events.  Only an armed guard filters anything: disarmed (the home screen, where
    the kiosk waits most of the day) no window carries its filter and no event goes through
    Python for it.

    Windows that appear while armed are picked up three ways, since none alone catches all:

    * ``QGuiApplication.focusWindowChanged``: a window that takes focus (a modal dialog such
      as the agreement) is watched as soon as it is activated;
    * after each input event, once the event has been handled (a 0 ms single shot), the
      top-level windows are looked at again: a window opened by a touch without taking focus
      (a combo box list or menu popup on Windows, which the platform shows without
      activating it but sends the mouse to) is watched before the next touch can reach it;
    * when the warning starts: a window that appeared on its own without focus is watched
      from then on, so a touch on it still cancels the warning.

    Installing the filter on a window that already has it only moves it to the front (Qt
    keeps one entry per filter), so looking again is harmless.  The guard keeps no list of
    windows, so a destroyed window can never be touched: disarming removes the filter from
    every window that still exists (``QGuiApplication.allWindows()``; removing a filter
    that is not installed does nothing), and Qt drops a destroyed window with its filters.

    Limitation: an input method event that a platform input method sends straight to the
    focus widget (a desktop IME's composition) does not pass the window; the kiosk's own
    keyboards are touched, and those touches do.

    Both waits are single-shot QTimers, so tests use a small ``limit`` and ``tick_ms``.

    Signals:
        warning(int): the resident has been idle for the limit; seconds until timeout.
        countdown(int): seconds left in the warning, once a second (ends with 0).
        warning_cancelled(): activity or ``keep_alive()`` ended the warning.
        timed_out(): the warning ran out; reset everything and go home.
    """

    warning = Signal(int)
    countdown = Signal(int)
    warning_cancelled = Signal()
    timed_out = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        warning_seconds: int = MIN_WARNING_SECONDS,
        tick_ms: int = 1000,
        app: QCoreApplication | None = None,
    ) -> None:
        """Build a disarmed guard (it watches the application's windows once armed).

        Args:
            parent: the owner (the main window).
            warning_seconds: length of the warning countdown, at least 20.
            tick_ms: length of one countdown second (tests may shorten it).
            app: the application whose windows to watch; defaults to the running instance.

        Raises:
            ValueError: when ``warning_seconds`` is below :data:`MIN_WARNING_SECONDS`.
            RuntimeError: when there is no application.
        """
        super().__init__(parent)
        if warning_seconds < MIN_WARNING_SECONDS:
            raise ValueError(f"warning_seconds must be at least {MIN_WARNING_SECONDS}")
        application = app or QCoreApplication.instance()
        if application is None:
            raise RuntimeError("IdleGuard needs a running QApplication")
        self._app = application
        self._warning_seconds = warning_seconds
        self._limit: float | None = None
        self._remaining = 0
        self._idle_timer = QTimer(self)
        self._idle_timer.setObjectName("idleTimer")
        self._idle_timer.setSingleShot(True)
        self._tick_timer = QTimer(self)
        self._tick_timer.setObjectName("idleTickTimer")
        self._tick_timer.setSingleShot(True)
        self._tick_timer.setInterval(tick_ms)
        self._installed = False
        self._scan_pending = False
        self._activity: frozenset[QEvent.Type] = frozenset()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._idle_timer.timeout.connect(self.on_idle_timer_timeout)
        self._tick_timer.timeout.connect(self.on_tick_timer_timeout)

    # -- public API ---------------------------------------------------------------------------
    @property
    def limit(self) -> float | None:
        """Idle seconds before the warning, or None when disarmed."""
        return self._limit

    @property
    def warning_seconds(self) -> int:
        """Length of the warning countdown in seconds."""
        return self._warning_seconds

    def set_limit(self, seconds: float | None) -> None:
        """Arm with ``seconds`` of allowed idleness, or disarm with None.

        A running warning is cancelled (``warning_cancelled``) and the idle wait starts
        afresh.

        Args:
            seconds: e.g. 60 on forms, 90 on account views; None on the public home screen.

        Raises:
            ValueError: for a limit that is not positive.
        """
        if seconds is not None and seconds <= 0:
            raise ValueError("the idle limit must be positive")
        self._limit = seconds
        self._watch(seconds is not None)
        was_warning = self.is_warning()
        self._tick_timer.stop()
        self._remaining = 0
        if was_warning:
            self.warning_cancelled.emit()
        self._restart_idle()

    def set_tick_ms(self, ms: int) -> None:
        """Length of one countdown second in milliseconds (tests shorten it)."""
        self._tick_timer.setInterval(ms)

    def keep_alive(self) -> None:
        """Count as activity (e.g. the warning's 继续 button, a long center call)."""
        if self._limit is None:
            return
        if self.is_warning():
            self._tick_timer.stop()
            self._remaining = 0
            self.warning_cancelled.emit()
        self._restart_idle()

    def is_warning(self) -> bool:
        """Whether the warning countdown is running."""
        return self._tick_timer.isActive()

    def is_armed(self) -> bool:
        """Whether a limit is set."""
        return self._limit is not None

    def seconds_left(self) -> int:
        """Seconds left in the warning (0 when not warning)."""
        return self._remaining if self.is_warning() else 0

    def shutdown(self) -> None:
        """Stop every timer and stop watching input (before the window closes)."""
        self._idle_timer.stop()
        self._tick_timer.stop()
        self._limit = None
        self._watch(False)

    def _watch(self, on: bool) -> None:
        if on and not self._installed:
            self._activity = _activity_types()
            self._installed = True
            if isinstance(self._app, QGuiApplication):
                self._app.focusWindowChanged.connect(self.on_focus_window_changed)
            self._adopt_windows()
        elif not on and self._installed:
            self._installed = False
            if isinstance(self._app, QGuiApplication):
                self._app.focusWindowChanged.disconnect(self.on_focus_window_changed)
            # Every window that still exists; a destroyed one took the filter with it.
            for window in QGuiApplication.allWindows():
                window.removeEventFilter(self)

    def _adopt_windows(self) -> None:
        """Filter every top-level window (again: a second install replaces the first)."""
        self._scan_pending = False
        if not self._installed:
            return
        for window in QGuiApplication.topLevelWindows():
            window.installEventFilter(self)

    def _adopt_windows_soon(self) -> None:
        """Look at the windows once the current input event has been handled."""
        if not self._scan_pending:
            self._scan_pending = True
            # Context-bound: dropped with the guard; not a QTimer child left running.
            QTimer.singleShot(0, self, self._adopt_windows)

    # -- events and slots ---------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Treat touches, clicks, keys and wheel turns as activity; never consume them."""
        if self._limit is not None and event.type() in self._activity:
            self.keep_alive()
            self._adopt_windows_soon()
        return False

    def on_focus_window_changed(self, window: QWindow | None) -> None:
        """Watch a window that took focus (e.g. a dialog opened while armed)."""
        if self._installed and window is not None:
            window.installEventFilter(self)

    def on_idle_timer_timeout(self) -> None:
        """Idle for the limit: start the warning."""
        if self._limit is None:
            return
        self._adopt_windows()  # a window that appeared on its own: a touch on it cancels
        self._remaining = self._warning_seconds
        self.warning.emit(self._remaining)
        # Precise: the on-screen seconds must not drift (set here, not on the way to the
        # first frame, where touching Qt's enums costs time).
        self._tick_timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._tick_timer.start()

    def on_tick_timer_timeout(self) -> None:
        """One second of the warning passed."""
        self._remaining -= 1
        self.countdown.emit(self._remaining)
        if self._remaining > 0:
            self._tick_timer.start()
            return
        self._remaining = 0
        self.timed_out.emit()

    def _restart_idle(self) -> None:
        if self._limit is None:
            self._idle_timer.stop()
            return
        self._idle_timer.start(max(1, round(self._limit * 1000)))


class IdleWarning(QWidget):
    """A dimmed overlay over its parent with the timeout warning and a big 继续 button.

    It covers the whole parent (following its resizes), so nothing behind it can be
    touched, and starts hidden: the shell calls :meth:`popup` on ``IdleGuard.warning``,
    :meth:`set_seconds` on ``countdown`` and :meth:`dismiss` on ``warning_cancelled`` /
    ``timed_out``.

    Signals:
        continue_clicked(): the resident pressed 继续.
    """

    continue_clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        """Build the hidden overlay.

        Args:
            parent: the window to cover.
        """
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self._seconds = 0
        self._panel = QWidget(self)
        self._panel.setObjectName("idlePanel")
        self._panel.setAttribute(QtCore.Qt.WidgetAttribute.WA_StyledBackground, True)
        self._number = QLabel(self._panel)
        self._number.setObjectName("idleSeconds")
        self._number.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._text = QLabel(self._panel)
        self._text.setObjectName("idleText")
        self._text.setWordWrap(True)
        self._text.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._button = QPushButton(self.tr("继续"), self._panel)
        self._button.setObjectName("idleContinue")
        self._button.setProperty("role", "primary")
        panel_layout = QVBoxLayout(self._panel)
        panel_layout.setContentsMargins(40, 32, 40, 32)
        panel_layout.setSpacing(20)
        panel_layout.addWidget(self._number)
        panel_layout.addWidget(self._text)
        panel_layout.addWidget(self._button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self._panel, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self._panel.setMinimumWidth(640)
        self._panel.setMaximumWidth(820)
        self.set_seconds(0)
        self.hide()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._button.clicked.connect(self.continue_clicked)
        parent = self.parentWidget()
        if parent is not None:
            parent.installEventFilter(self)

    def set_seconds(self, seconds: int) -> None:
        """Show ``seconds`` left."""
        self._seconds = max(0, seconds)
        self._number.setText(str(self._seconds))
        text = self.tr("您已长时间未操作，将在 {seconds} 秒后返回首页并清除已填写的信息").format(
            seconds=self._seconds
        )
        self._text.setText(text)
        self._panel.setAccessibleName(text)

    def seconds(self) -> int:
        """Seconds shown."""
        return self._seconds

    def message(self) -> str:
        """The sentence shown."""
        return self._text.text()

    def popup(self, seconds: int) -> None:
        """Cover the parent and show ``seconds`` left."""
        self.set_seconds(seconds)
        self._cover_parent()
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        """Hide the overlay."""
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the parent's size."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover_parent()
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Dim whatever is behind the panel."""
        from PySide6.QtGui import QPainter  # not on the way to the first frame

        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
        painter.end()

    def _cover_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
