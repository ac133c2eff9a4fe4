"""Demo-only routes (registered only with ``--demo``): residents, SMS outbox, captcha answers."""

from __future__ import annotations

import re

from fastapi import APIRouter
from sqlalchemy import select

from center.api.deps import DbSession
from center.errors import ApiError
from center.models import Captcha, Depositor, SmsOutboxMessage
from center.schemas import DemoCaptchaOut, DemoResidentOut, DemoSmsOut, Items
from center.seed import demo_notes, demo_password
from center.validation import InvalidFieldError, normalise_phone, normalise_token_like

router = APIRouter(prefix="/demo", tags=["demo"])
_CODE = re.compile(r"验证码为(\d{4,8})")


@router.get("/residents", response_model=Items[DemoResidentOut])
def list_residents(db: DbSession) -> Items[DemoResidentOut]:
    """Every demo depositor with full ID and phone, and the demo password where one was seeded."""
    notes = demo_notes()
    items = []
    for depositor in db.scalars(select(Depositor).order_by(Depositor.id)):
        user = depositor.user
        items.append(
            DemoResidentOut(
                center_id=depositor.center_id,
                center_name=depositor.center.name,
                id_number=depositor.id_number,
                phone=depositor.phone,
                name=depositor.name,
                employer=depositor.employer,
                account_status=depositor.account_status,
                registered=user is not None,
                username=user.username if user else None,
                password=demo_password(user.username) if user else None,
                note=notes.get(depositor.id_number, ""),
            )
        )
    return Items[DemoResidentOut](items=items)


@router.get("/sms", response_model=Items[DemoSmsOut])
def list_sms(db: DbSession, phone: str | None = None) -> Items[DemoSmsOut]:
    """Messages of the demo outbox, newest first (of one phone when ``phone`` is given)."""
    query = select(SmsOutboxMessage).order_by(SmsOutboxMessage.id.desc()).limit(200)
    if phone:
        try:
            number = normalise_phone(phone[:32])
        except InvalidFieldError:
            return Items[DemoSmsOut](items=[])
        query = query.where(SmsOutboxMessage.phone == number)
    items = []
    for message in db.scalars(query):
        found = _CODE.search(message.text)
        items.append(
            DemoSmsOut(
                id=message.id,
                phone=message.phone,
                purpose=message.purpose,
                text=message.text,
                code=found.group(1) if found else None,
                sent_at=message.created_at,
            )
        )
    return Items[DemoSmsOut](items=items)


@router.get("/captchas/{captcha_id}", response_model=DemoCaptchaOut)
def captcha_answer(captcha_id: str, db: DbSession) -> DemoCaptchaOut:
    """The answer of a captcha, so demos and tests can pass it."""
    key = normalise_token_like(captcha_id, field="captcha_id")
    captcha = db.get(Captcha, key) if key else None
    if captcha is None:
        raise ApiError(404, "captcha_not_found", "未找到该图片验证码，请换一张后重试。")
    return DemoCaptchaOut(answer=captcha.answer)
