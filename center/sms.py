"""SMS gateways: an outbox kept in the database (demo), and a masked log line.

A gateway raises :class:`SmsError` when sending fails; the code then does not count as sent. Tests
make the next send fail with ``app.state.sms.fail_next = True`` (``fail_always`` for an outage).
"""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from center.clock import Clock
from center.models import SmsOutboxMessage
from center.services.masking import mask_phone

log = logging.getLogger(__name__)


class SmsError(Exception):
    """The gateway could not send the message."""


class SmsGateway(Protocol):
    """Something that sends one text message to one mainland mobile number."""

    fail_next: bool
    fail_always: bool

    def send(self, phone: str, text: str, *, purpose: str) -> None:
        """Send ``text`` to ``phone``.

        Raises:
            SmsError: the message was not sent.
        """


class _FailureSwitch:
    """Test hooks shared by the gateways."""

    def __init__(self) -> None:
        self.fail_next = False
        self.fail_always = False

    def _check_failure(self) -> None:
        if self.fail_always or self.fail_next:
            self.fail_next = False
            raise SmsError("the SMS gateway is unavailable")


class DemoOutboxGateway(_FailureSwitch):
    """Keeps every message in the ``sms_outbox`` table (shown by ``GET /demo/sms``).

    Args:
        session_factory: opens the gateway's own session (its own transaction).
        clock: timestamps the messages.
    """

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock) -> None:
        super().__init__()
        self._session_factory = session_factory
        self._clock = clock

    def send(self, phone: str, text: str, *, purpose: str) -> None:
        """Store the message in the outbox."""
        self._check_failure()
        with self._session_factory() as session:
            session.add(
                SmsOutboxMessage(
                    phone=phone, purpose=purpose, text=text, created_at=self._clock.now()
                )
            )
            session.commit()
        log.info("SMS (%s) to %s placed in the demo outbox", purpose, mask_phone(phone))


class LoggingGateway(_FailureSwitch):
    """Writes one log line per message, with the phone masked and never the text (it has a code)."""

    def send(self, phone: str, text: str, *, purpose: str) -> None:
        """Log that a message would be sent."""
        self._check_failure()
        log.info("SMS (%s, %d characters) to %s", purpose, len(text), mask_phone(phone))


def build_gateway(kind: str, session_factory: sessionmaker[Session], clock: Clock) -> SmsGateway:
    """Create the gateway named by the ``sms_gateway`` setting (``outbox`` or ``log``)."""
    if kind == "log":
        return LoggingGateway()
    return DemoOutboxGateway(session_factory, clock)
