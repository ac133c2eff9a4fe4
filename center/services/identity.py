"""Matching what a resident typed (center, ID number, phone) with a depositor on file."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from center.errors import HOTLINE, ApiError, invalid_field
from center.models import ACCOUNT_CLOSED, Center, Depositor
from center.validation import InvalidFieldError, normalise_id_number, normalise_phone

MISMATCH_MESSAGE = (
    "您填写的手机号码与身份证号不匹配（或不属于所选管理中心），请核对后重试；"
    "如需变更，请携带本人身份证和单位开具的介绍信到公积金缴交银行柜台或公积金管理中心柜台办理。"
)
CLOSED_MESSAGE = f"您的公积金账户已销户，无法在网上办理，请携带本人身份证到公积金管理中心柜台咨询，或拨打{HOTLINE}热线。"


def is_plain_key(value: str, max_length: int) -> bool:
    """True for a short ASCII letters/digits/``-``/``_`` key that is safe to look up."""
    return (
        0 < len(value) <= max_length
        and value.isascii()
        and all(ch.isalnum() or ch in "-_" for ch in value)
    )


def check_center(db: Session, center_id: str) -> Center:
    """Return the chosen center.

    Raises:
        ApiError: 422 on ``center_id`` when no such center exists.
    """
    key = center_id.strip()
    center = db.get(Center, key) if is_plain_key(key, 16) else None
    if center is None:
        raise invalid_field("center_id", "请选择您所属的公积金管理中心。", "center_unknown")
    return center


def resolve_depositor(db: Session, *, center_id: str, id_number: str, phone: str) -> Depositor:
    """Return the depositor with that ID number and phone on file at that center.

    Raises:
        ApiError: 422 for a malformed field; 400 ``identity_mismatch`` when nobody matches.
    """
    center = check_center(db, center_id)
    try:
        id_value = normalise_id_number(id_number)
        phone_value = normalise_phone(phone)
    except InvalidFieldError as exc:
        raise invalid_field(exc.field, exc.message, exc.code) from None
    depositor = db.scalar(select(Depositor).where(Depositor.id_number == id_value))
    if depositor is None or depositor.center_id != center.id or depositor.phone != phone_value:
        raise ApiError(400, "identity_mismatch", MISMATCH_MESSAGE)
    return depositor


def refuse_closed(depositor: Depositor) -> None:
    """Raise 400 ``account_closed`` for a closed (销户) account."""
    if depositor.account_status == ACCOUNT_CLOSED:
        raise ApiError(400, "account_closed", CLOSED_MESSAGE)
