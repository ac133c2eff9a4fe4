"""Fleet heartbeat, the Qt-free part: what the kiosk reports, and when it retries.

:class:`HeartbeatState` collects uptime, the last error, the time spent offline and the device
health; :func:`build_heartbeat` turns it into the body of
``POST /api/v1/kiosks/{kiosk_id}/heartbeat``; :func:`remote_config` keeps only the settings the
center may change; :class:`Backoff` spaces out retries while the center is down. Every clock and
random source is injected so the whole module is tested without waiting.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from kiosk.settings import (
    HEARTBEAT_RANGE,
    IDLE_ACCOUNT_RANGE,
    IDLE_FORM_RANGE,
    IDLE_WARNING_RANGE,
)

Clock = Callable[[], float]

#: Device health values.
HEALTH_OK = "ok"
HEALTH_MISSING = "missing"
HEALTH_ERROR = "error"
HEALTH_UNKNOWN = "unknown"

#: Keys of the answer's ``config`` the kiosk applies, with the ``Settings`` field they set and
#: their allowed range. Anything else in ``config`` is ignored (and logged by the caller).
REMOTE_CONFIG: dict[str, tuple[str, tuple[int, int]]] = {
    "idle_form_seconds": ("idle_form_s", IDLE_FORM_RANGE),
    "idle_account_seconds": ("idle_account_s", IDLE_ACCOUNT_RANGE),
    "idle_warning_seconds": ("idle_warning_s", IDLE_WARNING_RANGE),
    "heartbeat_seconds": ("heartbeat_s", HEARTBEAT_RANGE),
}


class HeartbeatState:
    """What the kiosk knows about itself between heartbeats. Thread-safe.

    Args:
        version: the kiosk's version (``kiosk.__version__``).
        center_id: the management center this kiosk belongs to.
        clock: a monotonic clock in seconds (``time.monotonic``).
    """

    def __init__(self, *, version: str, center_id: str, clock: Clock = time.monotonic) -> None:
        self.version = version
        self.center_id = center_id
        self._clock = clock
        self._started = clock()
        self._guard = threading.Lock()
        self._last_error: str | None = None
        self._last_error_at: float | None = None
        self._offline_since: float | None = None
        self._offline_total = 0.0
        self._health: dict[str, str] = {}

    # -- inputs ---------------------------------------------------------------------------------
    def record_error(self, message: str) -> None:
        """Remember the latest error (a short sentence, no personal data)."""
        with self._guard:
            self._last_error = message[:300]
            self._last_error_at = self._clock()

    def set_health(self, device: str, status: str) -> None:
        """``device`` such as ``printer`` or ``card_reader``; ``status`` one of ``HEALTH_*``."""
        with self._guard:
            self._health[device] = status

    def mark_offline(self) -> None:
        """The center did not answer (the first call of an outage starts the clock)."""
        with self._guard:
            if self._offline_since is None:
                self._offline_since = self._clock()

    def mark_online(self) -> None:
        """The center answered: an outage in progress ends and is added to the total."""
        with self._guard:
            if self._offline_since is not None:
                self._offline_total += self._clock() - self._offline_since
                self._offline_since = None

    # -- outputs --------------------------------------------------------------------------------
    @property
    def uptime_seconds(self) -> float:
        return self._clock() - self._started

    @property
    def online(self) -> bool:
        with self._guard:
            return self._offline_since is None

    @property
    def offline_seconds(self) -> float:
        """How long the current outage has lasted; 0 when the center answers."""
        with self._guard:
            if self._offline_since is None:
                return 0.0
            return self._clock() - self._offline_since

    @property
    def offline_total_seconds(self) -> float:
        """Total time without the center since start, the current outage included."""
        with self._guard:
            current = 0.0 if self._offline_since is None else self._clock() - self._offline_since
            return self._offline_total + current

    @property
    def last_error(self) -> str | None:
        with self._guard:
            return self._last_error

    @property
    def health(self) -> dict[str, str]:
        with self._guard:
            return dict(self._health)


def build_heartbeat(
    state: HeartbeatState, *, extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The JSON body of one heartbeat.

    ``offline_seconds`` is the total time without the center since start: when the heartbeat
    finally gets through after an outage, the center learns how long it lasted.
    """
    body: dict[str, Any] = {
        "version": state.version,
        "uptime_seconds": int(state.uptime_seconds),
        "center_id": state.center_id,
        "health": state.health,
        "last_error": state.last_error,
        "offline_seconds": int(state.offline_total_seconds),
    }
    if extra:
        body.update(extra)
    return body


def remote_config(config: Mapping[str, Any]) -> tuple[dict[str, int], list[str]]:
    """Split the answer's ``config`` into settings to apply and keys rejected.

    Returns:
        ``({settings_field: value}, [rejected keys])``; a value outside the range the INI file
        allows is rejected, not clamped.
    """
    accepted: dict[str, int] = {}
    rejected: list[str] = []
    for key, value in config.items():
        known = REMOTE_CONFIG.get(key)
        if known is None or isinstance(value, bool) or not isinstance(value, int):
            rejected.append(key)
            continue
        field, (low, high) = known
        if low <= value <= high:
            accepted[field] = value
        else:
            rejected.append(key)
    return accepted, rejected


class Backoff:
    """Exponential backoff with jitter, capped, reset on success.

    The n-th delay after n failures is ``min(cap, base * factor**(n-1))`` scaled by a random factor
    in ``[1 - jitter, 1]``, so a fleet that lost the center at the same moment does not come back
    all at once.

    Args:
        base: the first delay in seconds.
        cap: no delay is longer (10 minutes).
        factor: growth per failure.
        jitter: fraction of the delay that is random (0 = none).
        rng: returns a float in ``[0, 1)`` (``random.random``).
    """

    def __init__(
        self,
        *,
        base: float = 15.0,
        cap: float = 600.0,
        factor: float = 2.0,
        jitter: float = 0.2,
        rng: Callable[[], float] = random.random,
    ) -> None:
        if base <= 0 or cap < base or factor < 1 or not 0 <= jitter < 1:
            raise ValueError("invalid backoff parameters")
        self.base = base
        self.cap = cap
        self.factor = factor
        self.jitter = jitter
        self._rng = rng
        self._failures = 0

    @property
    def failures(self) -> int:
        return self._failures

    def next_delay(self) -> float:
        """Count one more failure and return how long to wait before the next try."""
        self._failures += 1
        exponent = min(self._failures - 1, 64)
        delay = min(self.cap, self.base * self.factor**exponent)
        return delay * (1.0 - self.jitter * self._rng())

    def reset(self) -> None:
        """The call succeeded: the next failure starts again at ``base``."""
        self._failures = 0
