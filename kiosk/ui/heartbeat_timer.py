"""Sends the fleet heartbeat every ``heartbeat_s`` seconds, off the GUI thread.

The call runs through the :class:`~kiosk.ui.tasks.TaskRunner`; the answer's settings and notice
come back as signals. When the center is down the kiosk keeps working and the heartbeat retries
with :class:`~kiosk.heartbeat.Backoff`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.errors import CenterError, KioskError
from kiosk.heartbeat import Backoff, HeartbeatState, build_heartbeat, remote_config
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: An answer that never comes back (its result dropped by ``TaskRunner.cancel_all``) is given up
#: after this long, and the heartbeat carries on.
WATCHDOG_S = 60


class HeartbeatClient(Protocol):
    """The part of :class:`~kiosk.api.CenterClient` the heartbeat needs."""

    def heartbeat(self, body: Mapping[str, Any]) -> dict[str, Any]: ...


class HeartbeatTimer(QObject):
    """Periodic heartbeat with backoff.

    Args:
        client: sends the heartbeat (``CenterClient``).
        runner: runs the call off the GUI thread. Prefer a runner of its own, so a session
            reset (``cancel_all``) does not drop a heartbeat; a dropped one is retried anyway.
        state: what the heartbeat reports.
        interval_s: seconds between heartbeats while the center answers.
        backoff: retry policy while it does not.
        watchdog_s: a heartbeat without any result after this long (a dropped result) is
            given up and sent again.

    Signals:
        sent(dict): the center answered (the whole answer).
        failed(str, float): a heartbeat failed: the error message and the seconds until the retry.
        config_received(dict): settings the center asks for, by ``Settings`` field name
            (``idle_form_s`` ...), only checked ones, emitted when they change; apply them
            over the INI settings (``base.with_(**config)``), an empty dict means "back to INI".
        notice_received(str): a notice to show; ``""`` when the center withdraws it. Emitted when
            it changes.
    """

    sent = Signal(dict)
    failed = Signal(str, float)
    config_received = Signal(dict)
    notice_received = Signal(str)

    def __init__(
        self,
        client: HeartbeatClient,
        runner: TaskRunner,
        state: HeartbeatState,
        *,
        interval_s: int = 60,
        backoff: Backoff | None = None,
        watchdog_s: float = WATCHDOG_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._state = state
        self._interval_s = interval_s
        self._backoff = backoff or Backoff()
        self._watchdog_s = watchdog_s
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._in_flight = False
        self._running = False
        self._last_config: dict[str, int] = {}
        self._last_notice = ""
        self._next_delay_s: float = 0.0

    # -- control --------------------------------------------------------------------------------
    @property
    def interval_s(self) -> int:
        return self._interval_s

    @property
    def running(self) -> bool:
        return self._running

    @property
    def in_flight(self) -> bool:
        return self._in_flight

    @property
    def next_delay_s(self) -> float:
        """Seconds the timer was last set to (interval, or a backoff delay)."""
        return self._next_delay_s

    @property
    def state(self) -> HeartbeatState:
        return self._state

    @property
    def backoff(self) -> Backoff:
        return self._backoff

    def set_interval(self, seconds: int) -> None:
        """Takes effect from the next successful heartbeat."""
        self._interval_s = seconds

    def start(self, first_delay_s: float = 0.0) -> None:
        """Send the first heartbeat after ``first_delay_s`` seconds, then one every interval."""
        self._running = True
        self._schedule(first_delay_s)

    def stop(self) -> None:
        """Stop the timer; a heartbeat in flight is ignored when it returns."""
        self._running = False
        self._timer.stop()

    def send_now(self) -> None:
        """Send a heartbeat at once unless one is on its way (staff panel, tests)."""
        if self._in_flight:
            return
        body = build_heartbeat(self._state)
        self._in_flight = True
        # Watchdog: if the result is dropped (a runner reset), the timer still fires.
        self._schedule(self._watchdog_s)
        client = self._client
        self._runner.run(
            lambda: client.heartbeat(body), self.on_heartbeat_done, self.on_heartbeat_error
        )

    # -- slots ----------------------------------------------------------------------------------
    def on_timer_timeout(self) -> None:
        if not self._running:
            return
        if self._in_flight:
            log.warning("heartbeat: no result within the watchdog time; sending again")
            self._in_flight = False
        self.send_now()

    def on_heartbeat_done(self, answer: Any) -> None:
        self._in_flight = False
        self._state.mark_online()
        self._backoff.reset()
        body: dict[str, Any] = answer if isinstance(answer, dict) else {}
        self._apply(body)
        if self._running:
            self._schedule(self._interval_s)
        self.sent.emit(body)

    def on_heartbeat_error(self, error: KioskError) -> None:
        self._in_flight = False
        if isinstance(error, CenterError):
            # The center answered (a 4xx): it is up, but refused this heartbeat.
            self._state.mark_online()
            log.warning("heartbeat refused by the center: %s (%s)", error.code, error.status)
        else:
            self._state.mark_offline()
            log.info("heartbeat failed: %s", error.code)
        delay = self._backoff.next_delay()
        if self._running:
            self._schedule(delay)
        self.failed.emit(error.message, delay)

    # -- internals ------------------------------------------------------------------------------
    def _schedule(self, seconds: float) -> None:
        self._next_delay_s = seconds
        if self._running:
            self._timer.start(max(0, round(seconds * 1000)))

    def _apply(self, answer: Mapping[str, Any]) -> None:
        config = answer.get("config")
        if isinstance(config, Mapping):
            accepted, rejected = remote_config(config)
            if rejected:
                log.warning("heartbeat: ignored remote settings %s", ", ".join(sorted(rejected)))
            if "heartbeat_s" in accepted:
                self._interval_s = accepted["heartbeat_s"]
            if accepted != self._last_config:
                # Emitted also when it becomes empty: the kiosk returns to its INI settings.
                self._last_config = accepted
                self.config_received.emit(dict(accepted))
        notice = answer.get("notice")
        text = notice.strip() if isinstance(notice, str) else ""
        if text != self._last_notice:
            self._last_notice = text
            self.notice_received.emit(text)
