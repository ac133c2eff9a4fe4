"""Housekeeping: forget what no rule needs any more.

Every SMS code, captcha, session, failed sign-in and ``Idempotency-Key`` used to stay in the
database for ever: a central service that answers a province's kiosks would grow without end,
and keep personal traces (phone numbers of sent codes) longer than any rule needs them.

What is kept, and why (every period is at least the longest rule that reads the rows):

======================  =============================================  ==================
rows                    read by                                        deleted after
======================  =============================================  ==================
captchas                one sign-in or form, 5 minutes                 1 day past expiry
otp_challenges          verifying a code (5 min), resend (60 s)        1 day past expiry
verification_grants     registering or resetting (10 min)              1 day past expiry
sms_sends               10 codes a day per phone, per-kiosk hourly     2 days
sms_outbox (demo)       the demo inbox                                 1 day
login_failures          100 failures an hour per name                  1 day
login_throttles         consecutive failures and the lock              1 day untouched,
                                                                       and not locked
user_sessions           30-minute sessions                             1 day past expiry
                                                                       or revocation
idempotency_records     replaying a money request's first answer       its TTL (≥ 24 h)
======================  =============================================  ==================

It runs at most once an hour, on the first request after the hour is up (:func:`maybe_run`),
in its own transaction; a failure is logged and never reaches the request.  Other parts of the
center register their own tables with :func:`register`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, or_
from sqlalchemy.orm import Session

from center.models import (
    Captcha,
    LoginFailure,
    LoginThrottle,
    OtpChallenge,
    SmsOutboxMessage,
    SmsSend,
    UserSession,
    VerificationGrant,
)

log = logging.getLogger(__name__)

#: How often housekeeping runs (on the first request after this long).
INTERVAL = timedelta(hours=1)
DAY = timedelta(days=1)

#: A purge: deletes what is no longer needed at ``now`` and returns how many rows it deleted.
Purge = Callable[[Session, datetime], int]


def _purge_core(db: Session, now: datetime) -> dict[str, int]:
    day_ago = now - DAY
    statements = {
        "captchas": delete(Captcha).where(Captcha.expires_at < day_ago),
        "otp_challenges": delete(OtpChallenge).where(OtpChallenge.expires_at < day_ago),
        "verification_grants": delete(VerificationGrant).where(
            VerificationGrant.expires_at < day_ago
        ),
        "sms_sends": delete(SmsSend).where(SmsSend.sent_at < now - 2 * DAY),
        "sms_outbox": delete(SmsOutboxMessage).where(SmsOutboxMessage.created_at < day_ago),
        "login_failures": delete(LoginFailure).where(LoginFailure.failed_at < day_ago),
        "login_throttles": delete(LoginThrottle).where(
            LoginThrottle.updated_at < day_ago,
            or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until < now),
        ),
        "user_sessions": delete(UserSession).where(
            or_(UserSession.expires_at < day_ago, UserSession.revoked_at < day_ago)
        ),
    }
    return {
        name: int(getattr(db.execute(statement), "rowcount", 0) or 0)
        for name, statement in statements.items()
    }


@dataclass
class Housekeeping:
    """The purges of one center and when they last ran."""

    extra: dict[str, Purge] = field(default_factory=dict)
    last_run: datetime | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def register(self, name: str, purge: Purge) -> None:
        """Add a purge for another part's table (e.g. the business module's keys)."""
        self.extra[name] = purge

    def run(self, db: Session, now: datetime) -> dict[str, int]:
        """Delete everything no rule needs at ``now`` (committed); rows deleted per table."""
        counts = _purge_core(db, now)
        for name, purge in self.extra.items():
            counts[name] = purge(db, now)
        db.commit()
        self.last_run = now
        deleted = {name: count for name, count in counts.items() if count}
        if deleted:
            log.info("housekeeping deleted %s", deleted)
        return counts

    def maybe_run(self, factory: Callable[[], Session], now: datetime) -> bool:
        """Run when an hour has passed since the last run (never two at once); True if it ran.

        A failure is logged: a request never fails because of housekeeping.
        """
        if self.last_run is not None and now - self.last_run < INTERVAL:
            return False
        if not self._lock.acquire(blocking=False):
            return False  # another request is doing it
        try:
            if self.last_run is not None and now - self.last_run < INTERVAL:
                return False
            with factory() as db:
                self.run(db, now)
            return True
        except Exception:
            log.exception("housekeeping failed; trying again in an hour")
            self.last_run = now
            return False
        finally:
            self._lock.release()
