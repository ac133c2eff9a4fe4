"""Housekeeping: what no rule needs any more is deleted, once an hour, and nothing else."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from center.business.models import IdempotencyRecord
from center.models import (
    Captcha,
    LoginFailure,
    LoginThrottle,
    OtpChallenge,
    SmsOutboxMessage,
    SmsSend,
    UserSession,
)
from center.server import RunningCenter
from tests.center.business_helpers import Client, demo_ids, mint_step_up
from tests.center.conftest import Api

TABLES: dict[str, Any] = {
    "captchas": Captcha,
    "otp_challenges": OtpChallenge,
    "sms_sends": SmsSend,
    "sms_outbox": SmsOutboxMessage,
    "login_failures": LoginFailure,
    "login_throttles": LoginThrottle,
    "user_sessions": UserSession,
    "idempotency_records": IdempotencyRecord,
}
HOUR = 3600


def _counts(center: RunningCenter) -> dict[str, int]:
    with center.app.state.session_factory() as db:
        return {
            name: db.scalar(select(func.count()).select_from(model))
            for name, model in TABLES.items()
        }


def _knock(center: RunningCenter) -> None:
    """Any request: the first one after the hour runs the housekeeping."""
    api = Api(center)
    try:
        assert api.get("/centers").status_code == 200
    finally:
        api.close()


def _traffic(center: RunningCenter) -> Client:
    """A bit of everything: a code sent, a captcha, a failed and a good sign-in, a money key."""
    api = Api(center)
    try:
        who = api.resident("王芳")
        assert api.send_code(who).status_code == 202
        api.captcha()
        assert api.login(api.resident("张晓明"), "nobody999", "Wrong12345").status_code == 401
    finally:
        api.close()
    client = Client(center)  # signs in
    token = mint_step_up(center, demo_ids(center)[0])
    body = {"type": "rent", "amount": "10.00", "step_up_token": token}
    assert client.post("/me/withdrawals", body, key=str(uuid.uuid4())).status_code == 201
    return client


def test_old_rows_go_and_what_the_rules_still_need_stays(center: RunningCenter) -> None:
    housekeeping = center.app.state.housekeeping
    client = _traffic(center)
    counts = _counts(center)
    assert all(count > 0 for count in counts.values()), counts

    # Within the hour nothing runs again; after it, nothing is old enough to go yet.
    first_run = housekeeping.last_run
    assert client.get("/me/account").status_code == 200
    assert housekeeping.last_run == first_run
    center.clock.advance(HOUR + 1)
    _knock(center)
    assert housekeeping.last_run >= first_run + timedelta(seconds=HOUR + 1)  # it ran again
    assert _counts(center) == counts

    # Two days on, every row of that traffic is past what any rule reads.
    center.clock.advance(2 * 24 * HOUR + 1)
    _knock(center)
    assert _counts(center) == dict.fromkeys(TABLES, 0)
    # ... and the center works as before.
    fresh = Client(center)
    assert fresh.get("/me/account").status_code == 200


def test_the_sms_limits_outlive_a_day(center: RunningCenter) -> None:
    """The daily limit per phone counts the sends of the last 24 hours: they stay that long."""
    api = Api(center)
    try:
        assert api.send_code(api.resident("王芳")).status_code == 202
        center.clock.advance(25 * HOUR)  # the code and its challenge are long dead
        _knock(center)
        with center.app.state.session_factory() as db:
            assert db.scalar(select(func.count()).select_from(SmsSend)) == 1
            assert db.scalar(select(func.count()).select_from(OtpChallenge)) == 0
    finally:
        api.close()


def test_a_lock_is_kept_until_it_ends(make_center: Any) -> None:
    center = make_center(login_lock_after=1, login_lock_seconds=3 * 24 * HOUR)
    api = Api(center)
    try:
        who = api.resident("张晓明")
        assert api.login(who, "demo2024", "Wrong12345").status_code == 423
        center.clock.advance(2 * 24 * HOUR)
        assert api.login(who, "demo2024", "Gjj2024abc").status_code == 423  # still locked
        center.clock.advance(24 * HOUR + 1)
        assert api.login(who, "demo2024", "Gjj2024abc").status_code == 201
    finally:
        api.close()
