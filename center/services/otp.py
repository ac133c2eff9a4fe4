"""SMS code challenges shared by registration, password recovery and step-up.

A challenge belongs to one depositor and one purpose. Its code is 6 CSPRNG digits, stored as a
salted hash, valid 5 minutes, single use; 5 wrong entries void it; a resend replaces the code; a
new challenge voids the earlier ones of the same depositor and purpose, so only the latest code is
valid. A verified challenge yields a single-use grant token bound to the depositor.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from center.clock import Clock
from center.config import CenterSettings
from center.errors import HOTLINE, ApiError
from center.models import (
    CHALLENGE_ACTIVE,
    CHALLENGE_SUPERSEDED,
    CHALLENGE_VERIFIED,
    CHALLENGE_VOID,
    Depositor,
    OtpChallenge,
    VerificationGrant,
)
from center.security import (
    code_matches,
    hash_code,
    hash_token,
    new_code,
    new_public_id,
    new_salt,
    new_token,
)
from center.services.masking import mask_phone
from center.services.ratelimit import check_sms_allowed, record_sms
from center.sms import SmsError, SmsGateway
from center.validation import normalise_token_like

log = logging.getLogger(__name__)

REGISTRATION = "registration"
PASSWORD_RESET = "password_reset"
STEP_UP = "step_up"

PURPOSE_LABELS = {
    REGISTRATION: "网上业务大厅用户注册",
    PASSWORD_RESET: "网上业务大厅密码找回",
    STEP_UP: "公积金业务办理确认",
}

SMS_FAILED_MESSAGE = (
    "短信验证码发送失败，请稍后重试；如您的手机号码非宁夏本地号码或已停用，"
    f"请到柜台变更预留手机号码，或拨打{HOTLINE}热线咨询。"
)
CHALLENGE_GONE_MESSAGE = "该验证码已失效，请重新点击“发送验证码”获取新的验证码。"


@dataclass(frozen=True)
class OtpContext:
    """What every challenge operation needs besides the database session."""

    clock: Clock
    settings: CenterSettings
    sms: SmsGateway


def _message(purpose: str, code: str, settings: CenterSettings) -> str:
    minutes = max(1, settings.otp_lifetime // 60)
    label = PURPOSE_LABELS.get(purpose, "公积金业务")
    return (
        f"【宁夏住房公积金】您的验证码为{code}，用于{label}，{minutes}分钟内有效。"
        "请勿将验证码告诉他人，工作人员不会向您索取验证码。"
    )


def _send_code(ctx: OtpContext, phone: str, purpose: str) -> str:
    """Send a fresh code; raise 503 ``sms_failed`` when the gateway fails."""
    code = new_code(ctx.settings.otp_length)
    try:
        ctx.sms.send(phone, _message(purpose, code, ctx.settings), purpose=purpose)
    except SmsError:
        log.warning("SMS (%s) to %s failed", purpose, mask_phone(phone))
        raise ApiError(503, "sms_failed", SMS_FAILED_MESSAGE) from None
    return code


def issue_challenge(
    db: Session, ctx: OtpContext, *, depositor: Depositor, purpose: str, kiosk_id: str
) -> OtpChallenge:
    """Send a code to the depositor's phone on file and open a challenge (committed).

    Raises:
        ApiError: 429 when a sending limit is reached, 503 when the gateway fails.
    """
    now = ctx.clock.now()
    phone = depositor.phone
    check_sms_allowed(db, settings=ctx.settings, now=now, phone=phone, kiosk_id=kiosk_id)
    code = _send_code(ctx, phone, purpose)
    db.execute(
        update(OtpChallenge)
        .where(
            OtpChallenge.depositor_id == depositor.id,
            OtpChallenge.purpose == purpose,
            OtpChallenge.status == CHALLENGE_ACTIVE,
        )
        .values(status=CHALLENGE_SUPERSEDED)
    )
    salt = new_salt()
    challenge = OtpChallenge(
        id=new_public_id(),
        purpose=purpose,
        depositor_id=depositor.id,
        phone=phone,
        kiosk_id=kiosk_id,
        code_salt=salt,
        code_hash=hash_code(code, salt),
        attempts=0,
        status=CHALLENGE_ACTIVE,
        created_at=now,
        sent_at=now,
        expires_at=now + timedelta(seconds=ctx.settings.otp_lifetime),
    )
    db.add(challenge)
    record_sms(db, now=now, phone=phone, kiosk_id=kiosk_id, purpose=purpose)
    db.commit()
    return challenge


def find_challenge(db: Session, challenge_id: str, purpose: str) -> OtpChallenge:
    """Return the challenge of that id and purpose.

    Raises:
        ApiError: 410 ``otp_expired`` when there is none.
    """
    key = normalise_token_like(challenge_id, field="challenge_id")
    challenge = db.get(OtpChallenge, key) if key else None
    if challenge is None or challenge.purpose != purpose:
        raise ApiError(410, "otp_expired", CHALLENGE_GONE_MESSAGE, field="code")
    return challenge


def resend_challenge(
    db: Session, ctx: OtpContext, *, challenge_id: str, purpose: str, kiosk_id: str
) -> OtpChallenge:
    """Send a new code for an open challenge; the previous code becomes void (committed).

    Raises:
        ApiError: 410 when the challenge is gone or already used, 429, 503.
    """
    challenge = find_challenge(db, challenge_id, purpose)
    if challenge.status not in (CHALLENGE_ACTIVE, CHALLENGE_VOID):
        raise ApiError(410, "otp_expired", CHALLENGE_GONE_MESSAGE, field="code")
    now = ctx.clock.now()
    wait = (
        challenge.sent_at + timedelta(seconds=ctx.settings.otp_resend_after) - now
    ).total_seconds()
    if wait > 0:
        raise ApiError(
            429,
            "resend_too_soon",
            f"验证码已发送，请查收短信；如未收到，请{int(-(-wait // 1))}秒后再重新发送。",
            retry_after=wait,
        )
    check_sms_allowed(db, settings=ctx.settings, now=now, phone=challenge.phone, kiosk_id=kiosk_id)
    code = _send_code(ctx, challenge.phone, purpose)
    challenge.code_salt = new_salt()
    challenge.code_hash = hash_code(code, challenge.code_salt)
    challenge.attempts = 0
    challenge.status = CHALLENGE_ACTIVE
    challenge.sent_at = now
    challenge.expires_at = now + timedelta(seconds=ctx.settings.otp_lifetime)
    record_sms(db, now=now, phone=challenge.phone, kiosk_id=kiosk_id, purpose=purpose)
    db.commit()
    return challenge


def verify_challenge(
    db: Session, ctx: OtpContext, *, challenge_id: str, purpose: str, code: str
) -> OtpChallenge:
    """Check a typed code; on success the challenge is used up (committed either way).

    Raises:
        ApiError: 400 ``otp_invalid`` with ``attempts_left``; 410 ``otp_expired`` or
            ``otp_exhausted``.
    """
    challenge = find_challenge(db, challenge_id, purpose)
    max_attempts = ctx.settings.otp_max_attempts
    if challenge.attempts >= max_attempts:
        raise _exhausted()
    if challenge.status != CHALLENGE_ACTIVE:
        raise ApiError(410, "otp_expired", CHALLENGE_GONE_MESSAGE, field="code")
    if ctx.clock.now() >= challenge.expires_at:
        raise ApiError(
            410,
            "otp_expired",
            "验证码已过期（有效期5分钟），请重新点击“发送验证码”获取新的验证码。",
            field="code",
        )
    if code_matches(code, challenge.code_salt, challenge.code_hash):
        challenge.status = CHALLENGE_VERIFIED
        db.commit()
        return challenge
    challenge.attempts += 1
    left = max_attempts - challenge.attempts
    if left <= 0:
        challenge.status = CHALLENGE_VOID
    db.commit()
    if left <= 0:
        raise _exhausted()
    raise ApiError(
        400,
        "otp_invalid",
        f"短信验证码不正确，还可再试{left}次，请核对短信后重新输入。",
        field="code",
        extra={"attempts_left": left},
    )


def _exhausted() -> ApiError:
    return ApiError(
        410,
        "otp_exhausted",
        "验证码输入错误次数过多，已失效，请重新点击“发送验证码”获取新的验证码。",
        field="code",
        extra={"attempts_left": 0},
    )


def issue_grant(db: Session, ctx: OtpContext, challenge: OtpChallenge) -> str:
    """Return a single-use token proving the challenge's identity was verified (committed)."""
    token = new_token()
    now = ctx.clock.now()
    db.add(
        VerificationGrant(
            token_hash=hash_token(token),
            purpose=challenge.purpose,
            depositor_id=challenge.depositor_id,
            created_at=now,
            expires_at=now + timedelta(seconds=ctx.settings.grant_lifetime),
        )
    )
    db.commit()
    return token


def find_grant(
    db: Session, clock: Clock, *, token: str, purpose: str, field: str
) -> VerificationGrant:
    """Return the unused, unexpired grant for ``token`` (not consumed here).

    Raises:
        ApiError: 410 ``verification_expired`` otherwise.
    """
    grant = db.get(VerificationGrant, hash_token(token)) if token else None
    if (
        grant is None
        or grant.purpose != purpose
        or grant.used_at is not None
        or clock.now() >= grant.expires_at
    ):
        raise ApiError(
            410,
            "verification_expired",
            "身份验证已失效，请返回第一步重新验证身份证号和手机号码。",
            field=field,
        )
    return grant


def latest_active_challenge(db: Session, depositor_id: int, purpose: str) -> OtpChallenge | None:
    """The newest open challenge of a depositor for a purpose, if any."""
    return db.scalars(
        select(OtpChallenge)
        .where(
            OtpChallenge.depositor_id == depositor_id,
            OtpChallenge.purpose == purpose,
            OtpChallenge.status == CHALLENGE_ACTIVE,
        )
        .order_by(OtpChallenge.created_at.desc())
        .limit(1)
    ).first()
