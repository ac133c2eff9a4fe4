"""Helpers the business operations share: dates, masks, numbers, amounts, the account,
service points and the step-up token."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from center.business.config import CHINA_TZ
from center.business.ledger import business_date, lock_account
from center.business.models import Account
from center.business.money import (
    AmountError,
    parse_yuan,
)
from center.business.people import Person
from center.business.schemas import CounterOut
from center.errors import HOTLINE, ApiError, invalid_field
from center.models import Depositor, ServicePoint, VerificationGrant
from center.security import hash_token
from center.services.otp import STEP_UP

NO_ACCOUNT_MESSAGE = f"未查询到您的公积金账户，请携带身份证到柜台核实，或拨打{HOTLINE}热线咨询。"
STEP_UP_MESSAGE = "为保障资金安全，请先获取并填写发送到您预留手机的短信验证码。"
STEP_UP_GONE_MESSAGE = "短信验证已失效或已使用，请重新获取短信验证码后再提交。"


def today_of(now: datetime) -> date:
    """The business date (Beijing) of an instant."""
    return business_date(now)


def mask_account_no(number: str) -> str:
    """``6401******5678``: first 4 and last 4 visible."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_card(number: str) -> str:
    """``6217 **** **** 1234``: first 4 and last 4 visible."""
    if len(number) <= 8:
        return "*" * len(number)
    return f"{number[:4]} **** **** {number[-4:]}"


def new_number(prefix: str, now: datetime) -> str:
    """A business number: ``prefix``, the Beijing date and 10 random digits."""
    return f"{prefix}{now.astimezone(CHINA_TZ):%Y%m%d}{secrets.randbelow(10**10):010d}"


def person_of(depositor: Depositor) -> Person | None:
    """Birth date and sex from the ID number on file (None when it cannot be read)."""
    try:
        return Person.from_id_number(depositor.id_number)
    except ValueError:
        return None


def parse_amount(raw: str | None, field: str = "amount", *, required: bool = True) -> int | None:
    """Parse a request amount into fen.

    Raises:
        ApiError: 422 for the field when missing or not an amount.
    """
    if raw is None or not raw.strip():
        if required:
            raise invalid_field(field, "请填写金额后再提交。", "missing_field")
        return None
    try:
        fen = parse_yuan(raw)
    except AmountError:
        raise invalid_field(
            field, "金额格式不正确，请填写数字，最多保留两位小数，如 1234.56。"
        ) from None
    if fen <= 0:
        raise invalid_field(field, "金额必须大于0，请重新填写。")
    return fen


def find_account(db: Session, depositor_id: int) -> Account | None:
    """The depositor's account, if there is one."""
    return db.scalars(select(Account).where(Account.depositor_id == depositor_id)).first()


def get_account(db: Session, depositor_id: int) -> Account:
    """The depositor's account.

    Raises:
        ApiError: 404 ``account_not_found``.
    """
    account = find_account(db, depositor_id)
    if account is None:
        raise ApiError(404, "account_not_found", NO_ACCOUNT_MESSAGE)
    return account


def locked_account(db: Session, depositor_id: int) -> tuple[Account, Depositor]:
    """Inside the money transaction: the depositor's account, locked, and the depositor.

    Raises:
        ApiError: 404 ``account_not_found``.
    """
    locked = lock_account(db, get_account(db, depositor_id).id)
    depositor = db.get(Depositor, depositor_id)
    if locked is None or depositor is None:  # pragma: no cover - the user's own records
        raise ApiError(404, "account_not_found", NO_ACCOUNT_MESSAGE)
    return locked, depositor


def counters_for(db: Session, center_id: str, service: str) -> list[CounterOut]:
    """The service points of a center that handle ``service`` (e.g. ``提取业务``)."""
    points = db.scalars(
        select(ServicePoint)
        .where(ServicePoint.center_id == center_id)
        .order_by(ServicePoint.sort_order, ServicePoint.id)
    ).all()
    return [
        CounterOut(id=p.id, name=p.name, address=p.address, phone=p.phone, note=p.note)
        for p in points
        if service in (p.services or [])
    ]


def consume_step_up(db: Session, token: str | None, depositor_id: int, now: datetime) -> None:
    """Use up a step-up token inside the money transaction (undone if the request is refused).

    Raises:
        ApiError: 403 ``step_up_required`` without a token, ``step_up_invalid`` for an unknown,
            used, expired or foreign one.
    """
    if not token:
        raise ApiError(403, "step_up_required", STEP_UP_MESSAGE, field="step_up_token")
    grant = db.scalars(
        select(VerificationGrant)
        .where(VerificationGrant.token_hash == hash_token(token))
        .with_for_update()
    ).one_or_none()
    if (
        grant is None
        or grant.purpose != STEP_UP
        or grant.depositor_id != depositor_id
        or grant.used_at is not None
        or now >= grant.expires_at
    ):
        raise ApiError(403, "step_up_invalid", STEP_UP_GONE_MESSAGE, field="step_up_token")
    grant.used_at = now
