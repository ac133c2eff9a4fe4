"""Helpers of the business tests over real HTTP (sign in, step-up, direct database looks)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import requests
from sqlalchemy import select

from center.business import ledger
from center.business.models import Account
from center.models import User, VerificationGrant
from center.security import hash_token, new_token
from center.server import RunningCenter
from center.services.otp import STEP_UP

USERNAME = "demo2024"
PASSWORD = "Gjj2024abc"
PHONE = "13895012345"
KIOSK = {"X-Kiosk-Id": "kiosk-test-01"}


class Client:
    """A signed-in kiosk talking to the test center."""

    def __init__(self, center: RunningCenter) -> None:
        self.center = center
        self.api = center.base_url + "/api/v1"
        self.headers: dict[str, str] = dict(KIOSK)
        self.sign_in()

    def sign_in(self) -> None:
        response = requests.post(
            self.api + "/sessions",
            json={"center_id": "yc", "username": USERNAME, "password": PASSWORD},
            headers=KIOSK,
            timeout=10,
        )
        assert response.status_code == 201, response.text
        self.headers["Authorization"] = "Bearer " + response.json()["token"]

    def get(self, path: str, **params: Any) -> requests.Response:
        return requests.get(self.api + path, params=params, headers=self.headers, timeout=10)

    def post(self, path: str, body: Any = None, key: str | None = None) -> requests.Response:
        headers = dict(self.headers)
        if key is not None:
            headers["Idempotency-Key"] = key
        return requests.post(self.api + path, json=body, headers=headers, timeout=20)

    def step_up(self) -> str:
        """A real step-up: send a code, read it from the demo outbox, verify it."""
        sent = self.post("/me/otp")
        assert sent.status_code == 202, sent.text
        sms = requests.get(
            self.center.base_url + "/demo/sms", params={"phone": PHONE}, timeout=10
        ).json()["items"][0]
        verified = self.post(
            "/me/otp/verify", {"challenge_id": sent.json()["challenge_id"], "code": sms["code"]}
        )
        assert verified.status_code == 200, verified.text
        token: str = verified.json()["step_up_token"]
        return token

    def balance(self) -> str:
        response = self.get("/me/account")
        assert response.status_code == 200
        value: str = response.json()["balance"]
        return value


def demo_ids(center: RunningCenter) -> tuple[int, int]:
    """(depositor id, account id) of the demo user."""
    with center.app.state.session_factory() as db:
        user = db.scalars(select(User).where(User.username_key == USERNAME)).one()
        account = db.scalars(select(Account).where(Account.depositor_id == user.depositor_id)).one()
        return user.depositor_id, account.id


def demo_user_id(center: RunningCenter) -> int:
    """The user id of the demo user."""
    with center.app.state.session_factory() as db:
        user_id: int = db.scalars(select(User.id).where(User.username_key == USERNAME)).one()
        return user_id


def mint_step_up(center: RunningCenter, depositor_id: int) -> str:
    """A verified step-up token written straight into the database (as a verified code would).

    Used where many valid tokens must exist at once (the parallel test); the SMS sending limits
    rightly forbid sending 20 codes to one phone in a minute.
    """
    token = new_token()
    now = center.clock.now()
    with center.app.state.session_factory() as db:
        db.add(
            VerificationGrant(
                token_hash=hash_token(token),
                purpose=STEP_UP,
                depositor_id=depositor_id,
                created_at=now,
                expires_at=now + timedelta(minutes=10),
            )
        )
        db.commit()
    return token


def invariant(center: RunningCenter, account_id: int) -> list[str]:
    with center.app.state.session_factory() as db:
        return ledger.invariant_problems(db, account_id)


def entry_count(center: RunningCenter, account_id: int) -> int:
    with center.app.state.session_factory() as db:
        account = db.get(Account, account_id)
        assert account is not None
        count: int = account.last_seq
        return count
