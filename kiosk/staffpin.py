"""The staff PIN: an argon2id hash in the configuration, with a growing delay after wrong tries.

Qt-free. :meth:`PinAttempts.check` is pure (run it off the GUI thread: argon2 is slow on
purpose); :meth:`PinAttempts.record` keeps the count of wrong tries and the lock-out on the GUI
thread. One object lives as long as the application, so closing and reopening the PIN pad does
not reset the delay.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

log = logging.getLogger(__name__)

#: The longest lock-out after wrong tries, in seconds.
MAX_LOCKOUT_S = 300.0


def lockout_seconds(failures: int, *, unit_s: float = 1.0, cap_s: float = MAX_LOCKOUT_S) -> float:
    """Lock-out after ``failures`` consecutive wrong tries: 1, 2, 4, 8 ... units, capped."""
    if failures <= 0:
        return 0.0
    return min(cap_s, unit_s * 2.0 ** min(failures - 1, 32))


def hash_pin(pin: str, hasher: PasswordHasher | None = None) -> str:
    """The argon2id hash IT puts in ``[staff] pin_hash`` (``python -m kiosk.staffpin``)."""
    return (hasher or PasswordHasher()).hash(pin)


class PinAttempts:
    """Checks PINs against the configured hash and counts wrong tries.

    Args:
        pin_hash: ``[staff] pin_hash``; empty means no staff PIN: every try fails.
        clock: monotonic seconds.
        unit_s: the first lock-out (seconds); it doubles with each wrong try.
        cap_s: the longest lock-out.
    """

    def __init__(
        self,
        pin_hash: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        unit_s: float = 1.0,
        cap_s: float = MAX_LOCKOUT_S,
    ) -> None:
        self._hash = pin_hash
        self._hasher = PasswordHasher()
        self._clock = clock
        self._unit_s = unit_s
        self._cap_s = cap_s
        self._failures = 0
        self._locked_until = 0.0
        self.last_lockout_s = 0.0

    @property
    def configured(self) -> bool:
        return bool(self._hash)

    @property
    def failures(self) -> int:
        return self._failures

    def locked_for(self) -> float:
        """Seconds left before the next try is allowed (0 when allowed)."""
        return max(0.0, self._locked_until - self._clock())

    def check(self, pin: str) -> bool:
        """Whether ``pin`` matches the hash. Pure and thread-safe; slow (argon2)."""
        if not self._hash or not pin:
            return False
        try:
            return self._hasher.verify(self._hash, pin)
        except (VerificationError, InvalidHashError):
            return False

    def record(self, ok: bool) -> float:
        """Record the outcome of one try; returns the lock-out it starts (0 when right)."""
        if ok:
            self._failures = 0
            self._locked_until = 0.0
            self.last_lockout_s = 0.0
            return 0.0
        self._failures += 1
        delay = lockout_seconds(self._failures, unit_s=self._unit_s, cap_s=self._cap_s)
        self._locked_until = self._clock() + delay
        self.last_lockout_s = delay
        log.warning("staff PIN wrong (%d in a row); locked for %.0f s", self._failures, delay)
        return delay


def main() -> None:
    """Print the hash of a PIN typed twice (for IT writing kiosk.ini)."""
    import getpass

    first = getpass.getpass("员工 PIN（6 到 12 位数字）: ")
    second = getpass.getpass("再输入一次: ")
    if first != second or not first.isdigit() or not 6 <= len(first) <= 12:
        raise SystemExit("两次输入不一致，或不是 6 到 12 位数字。")
    print(hash_pin(first))


if __name__ == "__main__":
    main()
