"""Logging of the kiosk: a rotating file that survives Windows file locks, and no personal data.

:func:`setup_logging` installs, on the root logger, a size-rotating file handler and a stderr
handler, both behind :class:`ScrubFilter`: every record's message, arguments, exception text and
stack are passed through :func:`kiosk.masking.scrub` (ID and phone numbers) and
:func:`scrub_secrets` (bearer tokens, passwords, codes) before anything is written.

Qt-free.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

from kiosk.masking import scrub

__all__ = [
    "LOG_FILE_NAME",
    "SafeRotatingFileHandler",
    "ScrubFilter",
    "scrub_secrets",
    "setup_logging",
    "teardown_logging",
]

LOG_FILE_NAME = "kiosk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

#: Marks the handlers this module installed, so a second call replaces instead of doubling.
_MARK = "_gjj_kiosk_handler"

_SECRET_KEYS = (
    r"[\w-]*(?:password|passwd|pwd|token|secret|authorization|api[_-]?key|captcha_answer"
    r"|sms_code|otp_code|verification_code)[\w-]*"
)
# Pattern strings: ``re`` compiles them on the first record and caches them (nothing to compile
# on the way to the first frame).
_SECRET_PATTERNS: tuple[tuple[str, str], ...] = (
    # Authorization: Bearer <token>
    (r"(?i)\b(bearer)(\s+)[A-Za-z0-9._~+/=-]+", r"\1\2***"),
    # password=..., "token": "...", 'new_password': '...', pwd: ...
    (
        rf"""(?i)(\b{_SECRET_KEYS}["']?\s*[:=]\s*["']?)"""
        r"""(?!bearer\b)(?!\*\*\*)([^\s"'&,;)}\]]+)""",
        r"\1***",
    ),
    # "code": "123456", code=123456 (SMS codes; error codes are words and stay readable)
    (r"""(?i)(\bcode["']?\s*[:=]\s*["']?)([0-9]{4,8})\b""", r"\1***"),
)


def scrub_secrets(text: str) -> str:
    """Hide bearer tokens and the values of password-, token- and code-like keys.

    Args:
        text: any text.

    Returns:
        e.g. ``Authorization: Bearer ***``, ``password=***``, ``"token": "***"``.
    """
    for pattern, replacement in _SECRET_PATTERNS:
        text = re.sub(pattern, replacement, text)
    return text


def _clean(text: str) -> str:
    return scrub_secrets(scrub(text))


class ScrubFilter(logging.Filter):
    """Rewrites every record so no ID number, phone number, token or password is emitted.

    The message is formatted with its arguments, scrubbed, and stored back with no arguments;
    exception and stack texts are scrubbed too. Never drops a record and never raises.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Scrub ``record`` in place; always keep it."""
        try:
            try:
                message = record.getMessage()
            except Exception:  # a bad format string must not lose the record
                message = f"{record.msg!r} {record.args!r}"
            record.msg = _clean(message)
            record.args = None
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = _clean(record.exc_text)
            if record.stack_info:
                record.stack_info = _clean(record.stack_info)
        except Exception:  # pragma: no cover - last resort: emit nothing personal
            record.msg = "<log record could not be scrubbed>"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


class SafeRotatingFileHandler(logging.FileHandler):
    """A size-rotating file handler that keeps logging when the rollover cannot rename.

    ``kiosk.log`` is renamed to ``kiosk.log.1`` (and so on up to ``backup_count``) when the
    next record would take it past ``max_bytes``. On Windows another process (an editor, a virus
    scanner, a second kiosk instance) holding the log file open makes the rename fail with
    ``PermissionError``. Instead of losing records, the handler keeps appending to the current
    file and tries again a minute later.

    Built on ``logging.FileHandler`` rather than ``logging.handlers.RotatingFileHandler``:
    that module imports ``socket``, ``pickle`` and ``queue``, about 10 ms before the kiosk's
    first frame for features it never uses.
    """

    retry_after_s: float = 60.0

    def __init__(self, filename: str | Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, mode="a", encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        self._blocked_until = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        """Rotate first when this record would overfill the file, then write it."""
        try:
            if self.should_rollover(record):
                self.do_rollover()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def should_rollover(self, record: logging.LogRecord) -> bool:
        """Whether ``record`` would take the file past ``max_bytes`` (never while a failed
        rollover waits to be retried)."""
        if self.max_bytes <= 0 or time.monotonic() < self._blocked_until:
            return False
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.seek(0, os.SEEK_END)
        return size + len(self.format(record).encode("utf-8")) + 1 > self.max_bytes

    def do_rollover(self) -> None:
        """Rename ``kiosk.log`` to ``kiosk.log.1`` (shifting older ones); on a locked file keep
        writing to the current one."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        try:
            for index in range(self.backup_count - 1, 0, -1):
                source = f"{base}.{index}"
                if os.path.exists(source):
                    self.rotate(source, f"{base}.{index + 1}")
            if self.backup_count > 0:
                self.rotate(base, f"{base}.1")
        except OSError:
            self._blocked_until = time.monotonic() + self.retry_after_s
        self.stream = self._open()

    def rotate(self, source: str, dest: str) -> None:
        """Rename ``source`` to ``dest``, replacing it (the step a locked file makes fail)."""
        os.replace(source, dest)


def _ours(handler: logging.Handler) -> bool:
    return bool(getattr(handler, _MARK, False))


def teardown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` installed."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(handler)
        handler.close()


def setup_logging(
    log_dir: Path | None,
    level: int = logging.INFO,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> None:
    """Log to ``log_dir/kiosk.log`` (rotating, 5 x 2 MB) and to stderr, all of it scrubbed.

    Idempotent: calling it again replaces the handlers it installed before (e.g. with another
    folder or level). A folder that cannot be created leaves logging on stderr only, with a
    warning; this never raises.

    Args:
        log_dir: the folder of the log files; None logs to stderr only.
        level: the root logger's level.
        max_bytes: size of one file before it rotates.
        backup_count: how many rotated files are kept.
    """
    teardown_logging()
    root = logging.getLogger()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    problem: str | None = None
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handlers.append(
                SafeRotatingFileHandler(log_dir / LOG_FILE_NAME, max_bytes, backup_count)
            )
        except OSError as exc:
            problem = f"cannot log to {log_dir}: {type(exc).__name__}"
    if sys.stderr is not None:  # None in a windowed (no console) frozen build
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        setattr(handler, _MARK, True)
        handler.setFormatter(formatter)
        handler.addFilter(ScrubFilter())
        root.addHandler(handler)
    if problem:
        logging.getLogger(__name__).warning("%s; logging to stderr only", problem)
