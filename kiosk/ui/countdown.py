"""A whole-second countdown (resend SMS in 60 s, return to login in 10 s, …)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

__all__ = ["Countdown"]


class Countdown(QObject):
    """Counts down whole seconds with a repeating QTimer that runs only while counting.

    ``start(3)`` emits ``tick(3)`` at once, then ``tick(2)``, ``tick(1)`` and ``tick(0)``
    one second apart, and ``expired()`` right after ``tick(0)``; the timer is stopped then.

    Signals:
        tick(int): seconds left, on start and at each second.
        expired(): the countdown reached zero.
    """

    tick = Signal(int)
    expired = Signal()

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 1000) -> None:
        """Build a stopped countdown.

        Args:
            parent: the owner.
            interval_ms: length of one "second" (tests may shorten it).
        """
        super().__init__(parent)
        self._remaining = 0
        self._timer = QTimer(self)
        self._timer.setObjectName("countdownTimer")
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.on_timer_timeout)

    @property
    def remaining(self) -> int:
        """Seconds left (0 when stopped or expired)."""
        return self._remaining

    def is_running(self) -> bool:
        """Whether the countdown is counting."""
        return self._timer.isActive()

    def start(self, seconds: int) -> None:
        """(Re)start from ``seconds``; zero or less expires at once.

        Args:
            seconds: whole seconds to count down.
        """
        self._timer.stop()
        self._remaining = max(0, int(seconds))
        self.tick.emit(self._remaining)
        if self._remaining == 0:
            self.expired.emit()
            return
        self._timer.start()

    def stop(self) -> None:
        """Stop counting and keep ``remaining`` as it is; never emits ``expired``."""
        self._timer.stop()

    def reset(self) -> None:
        """Stop counting and set ``remaining`` to zero; never emits ``expired``."""
        self._timer.stop()
        self._remaining = 0

    def on_timer_timeout(self) -> None:
        """One second passed."""
        self._remaining = max(0, self._remaining - 1)
        self.tick.emit(self._remaining)
        if self._remaining == 0:
            self._timer.stop()
            self.expired.emit()
