"""The last errors of this run, kept in memory for the staff panel and the heartbeat.

Qt-free. :class:`ErrorRing` is a logging handler that keeps the last ``capacity`` records at
WARNING or above as short lines (time, level, logger, message). Messages here never carry personal
data in full: the rest of the kiosk masks ID and phone numbers before logging.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorEntry:
    """One remembered log record."""

    at: float
    level: str
    logger: str
    message: str

    def line(self) -> str:
        stamp = time.strftime("%m-%d %H:%M:%S", time.localtime(self.at))
        return f"{stamp} {self.level} {self.logger}: {self.message}"


class ErrorRing(logging.Handler):
    """A bounded, thread-safe in-memory log of the last warnings and errors.

    Args:
        capacity: how many entries to keep.
        level: the lowest level kept (WARNING by default).
        on_record: called (on the logging thread) with each new entry, e.g. to feed the
            heartbeat's last error.
    """

    def __init__(
        self,
        capacity: int = 50,
        level: int = logging.WARNING,
        on_record: Callable[[ErrorEntry], None] | None = None,
    ) -> None:
        super().__init__(level)
        self._entries: deque[ErrorEntry] = deque(maxlen=capacity)
        self._guard = threading.Lock()
        self._on_record = on_record

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage().splitlines()[0][:300] if record.msg else ""
        except Exception:  # a broken format string must never break logging
            message = str(record.msg)[:300]
        entry = ErrorEntry(record.created, record.levelname, record.name, message)
        with self._guard:
            self._entries.append(entry)
        if self._on_record is not None:
            self._on_record(entry)

    def entries(self) -> list[ErrorEntry]:
        """Oldest first."""
        with self._guard:
            return list(self._entries)

    def last(self) -> ErrorEntry | None:
        with self._guard:
            return self._entries[-1] if self._entries else None

    def clear(self) -> None:
        with self._guard:
            self._entries.clear()
