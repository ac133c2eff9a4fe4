"""Logging: no ID number, phone number, token or password reaches the log file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import (
    LOG_FILE_NAME,
    SafeRotatingFileHandler,
    ScrubFilter,
    scrub_secrets,
    setup_logging,
    teardown_logging,
)

ID_NUMBER = "64010219900101123X"
PHONE = "13812345678"
TOKEN = "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0"


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    level = root.level
    setup_logging(tmp_path / "logs", logging.DEBUG)
    try:
        yield tmp_path / "logs" / LOG_FILE_NAME
    finally:
        teardown_logging()
        root.setLevel(level)


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_personal_data_is_masked_in_the_file(logged: Path) -> None:
    log = logging.getLogger("kiosk.test")
    log.info("send code for %s to %s", ID_NUMBER, PHONE)
    log.info("headers {'Authorization': 'Bearer %s'}", TOKEN)
    log.warning("body %r", {"username": "liming", "password": "Secret123", "phone": PHONE})
    log.info("POST /password-resets new_password=Abc12345&reset_token=%s", TOKEN)
    try:
        raise ValueError(f"identity mismatch for {ID_NUMBER}")
    except ValueError:
        log.exception("failed")
    _flush()
    text = logged.read_text(encoding="utf-8")
    for secret in (ID_NUMBER, PHONE, TOKEN, "Secret123", "Abc12345"):
        assert secret not in text
    assert "640***********123X" in text
    assert "138****5678" in text
    assert "Bearer ***" in text
    assert "identity mismatch for 640***********123X" in text
    assert "liming" in text  # the rest of the record is kept


def test_setup_is_idempotent(tmp_path: Path, logged: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(tmp_path / "logs", logging.DEBUG)
    assert len(root.handlers) == len(before)
    logging.getLogger("kiosk.test").info("once")
    _flush()
    assert logged.read_text(encoding="utf-8").count("once") == 1


def test_stderr_only_and_unwritable_folder(tmp_path: Path) -> None:
    root = logging.getLogger()
    level = root.level
    try:
        setup_logging(None)
        ours = [h for h in root.handlers if isinstance(h, SafeRotatingFileHandler)]
        assert ours == []
        blocker = tmp_path / "file"
        blocker.write_text("x")
        setup_logging(blocker / "logs")  # cannot create: stays on stderr, does not raise
        assert not any(isinstance(h, SafeRotatingFileHandler) for h in root.handlers)
    finally:
        teardown_logging()
        root.setLevel(level)


def test_rotation(tmp_path: Path) -> None:
    handler = SafeRotatingFileHandler(tmp_path / "r.log", max_bytes=200, backup_count=2)
    handler.addFilter(ScrubFilter())
    logger = logging.getLogger("kiosk.test.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(30):
            logger.warning("line %d for %s", i, PHONE)
    finally:
        logger.removeHandler(handler)
        handler.close()
        logger.propagate = True
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["r.log", "r.log.1", "r.log.2"]
    assert all(PHONE not in (tmp_path / name).read_text(encoding="utf-8") for name in files)


def test_a_locked_file_keeps_logging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows renaming an open log file fails: the handler keeps writing instead."""
    handler = SafeRotatingFileHandler(tmp_path / "k.log", max_bytes=100, backup_count=2)
    logger = logging.getLogger("kiosk.test.locked")
    logger.propagate = False
    logger.addHandler(handler)

    def locked(source: str, dest: str) -> None:
        raise PermissionError(32, "The process cannot access the file", source)

    monkeypatch.setattr(handler, "rotate", locked)
    errors: list[logging.LogRecord] = []
    monkeypatch.setattr(handler, "handleError", errors.append)
    try:
        for i in range(20):
            logger.warning("record %02d", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
        logger.propagate = True
    assert errors == []
    text = (tmp_path / "k.log").read_text(encoding="utf-8")
    assert all(f"record {i:02d}" in text for i in range(20))


def test_filter_survives_bad_format_arguments() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d items for %s", ("a",), None)
    assert ScrubFilter().filter(record)
    assert record.args is None
    assert isinstance(record.getMessage(), str)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Authorization: Bearer abc.DEF-123", "Authorization: Bearer ***"),
        ("token: abc", "token: ***"),
        ("password=hunter22&x=1", "password=***&x=1"),
        ('{"new_password": "abcdef12"}', '{"new_password": "***"}'),
        ("{'registration_token': 'r1'}", "{'registration_token': '***'}"),
        ('{"code": "123456"}', '{"code": "***"}'),
        ('{"code": "otp_invalid"}', '{"code": "otp_invalid"}'),
        ("captcha_answer=2273", "captcha_answer=***"),
    ],
)
def test_scrub_secrets(raw: str, clean: str) -> None:
    assert scrub_secrets(raw) == clean
