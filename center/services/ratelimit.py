"""Sending limits for SMS codes: per phone (60 s apart, 5 an hour, 10 a day) and per kiosk.

Only codes the gateway really accepted are recorded (``sms_sends``), so a gateway failure never
counts. The phone limits apply across accounts and purposes: two depositors sharing one phone
number share them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center.config import CenterSettings
from center.errors import HOTLINE, ApiError
from center.models import SmsSend

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def _window(db: Session, column_filter: object, since: datetime) -> tuple[int, datetime | None]:
    """Count the sends matching ``column_filter`` since ``since`` and return the oldest of them."""
    count, oldest = db.execute(
        select(func.count(SmsSend.id), func.min(SmsSend.sent_at)).where(
            column_filter,  # type: ignore[arg-type]
            SmsSend.sent_at > since,
        )
    ).one()
    return int(count), _aware(oldest)


def check_sms_allowed(
    db: Session, *, settings: CenterSettings, now: datetime, phone: str, kiosk_id: str
) -> None:
    """Refuse with 429 when a code may not be sent to ``phone`` from ``kiosk_id`` right now.

    Raises:
        ApiError: 429 ``resend_too_soon``, ``sms_hourly_limit``, ``sms_daily_limit`` or
            ``kiosk_sms_limit``, each with ``retry_after``.
    """
    last = db.scalar(select(func.max(SmsSend.sent_at)).where(SmsSend.phone == phone))
    last = _aware(last)
    if last is not None:
        wait = (last + timedelta(seconds=settings.otp_resend_after) - now).total_seconds()
        if wait > 0:
            raise ApiError(
                429,
                "resend_too_soon",
                f"验证码已发送，请查收短信；如未收到，请{_seconds_text(wait)}后再重新发送。",
                retry_after=wait,
            )
    count, oldest = _window(db, SmsSend.phone == phone, now - HOUR)
    if count >= settings.per_phone_hourly_sms and oldest is not None:
        wait = (oldest + HOUR - now).total_seconds()
        raise ApiError(
            429,
            "sms_hourly_limit",
            f"该手机号码1小时内接收验证码已达{settings.per_phone_hourly_sms}次，"
            f"请{_seconds_text(wait)}后再试，或拨打{HOTLINE}热线咨询。",
            retry_after=wait,
        )
    count, oldest = _window(db, SmsSend.phone == phone, now - DAY)
    if count >= settings.per_phone_daily_sms and oldest is not None:
        wait = (oldest + DAY - now).total_seconds()
        raise ApiError(
            429,
            "sms_daily_limit",
            f"该手机号码今日接收验证码已达{settings.per_phone_daily_sms}次，"
            f"请明天再试，或到柜台办理、拨打{HOTLINE}热线咨询。",
            retry_after=wait,
        )
    count, oldest = _window(db, SmsSend.kiosk_id == kiosk_id, now - HOUR)
    if count >= settings.per_kiosk_hourly_sms and oldest is not None:
        wait = (oldest + HOUR - now).total_seconds()
        raise ApiError(
            429,
            "kiosk_sms_limit",
            f"本终端发送验证码过于频繁，请{_seconds_text(wait)}后再试，或到柜台办理。",
            retry_after=wait,
        )


def record_sms(db: Session, *, now: datetime, phone: str, kiosk_id: str, purpose: str) -> None:
    """Count one code the gateway accepted (added to ``db``, committed by the caller)."""
    db.add(SmsSend(phone=phone, kiosk_id=kiosk_id, purpose=purpose, sent_at=now))


def _aware(value: datetime | None) -> datetime | None:
    """Aggregates bypass the column type: attach UTC to a naive timestamp."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _seconds_text(seconds: float) -> str:
    """``45秒`` or ``12分钟`` for a wait, rounded up."""
    whole = max(1, int(-(-seconds // 1)))
    if whole < 60:
        return f"{whole}秒"
    return f"{-(-whole // 60)}分钟"
