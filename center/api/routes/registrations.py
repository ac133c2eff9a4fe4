"""Registration (用户注册): send a code, resend, verify, create the account."""

from __future__ import annotations

from fastapi import APIRouter, status

from center.api.deps import DbSession, KioskId, OtpCtx, PasswordsDep
from center.errors import invalid_field
from center.schemas import (
    OtpChallengeOut,
    OtpRequestIn,
    RegistrationIn,
    RegistrationOut,
    RegistrationVerifiedOut,
    VerifyIn,
)
from center.services import accounts, otp
from center.services.masking import mask_name, mask_phone
from center.validation import InvalidFieldError, normalise_code

router = APIRouter(prefix="/registrations", tags=["registration"])


def challenge_out(challenge_id: str, phone: str, ctx: otp.OtpContext) -> OtpChallengeOut:
    """The answer to a sent code."""
    return OtpChallengeOut(
        challenge_id=challenge_id,
        phone_masked=mask_phone(phone),
        expires_in=ctx.settings.otp_lifetime,
        resend_after=ctx.settings.otp_resend_after,
    )


def typed_code(raw: str, ctx: otp.OtpContext) -> str:
    """The typed SMS code, normalised, or a 422 on ``code``."""
    try:
        return normalise_code(raw, ctx.settings.otp_length)
    except InvalidFieldError as exc:
        raise invalid_field(exc.field, exc.message, exc.code) from None


@router.post("/otp", response_model=OtpChallengeOut, status_code=status.HTTP_202_ACCEPTED)
def send_code(body: OtpRequestIn, db: DbSession, ctx: OtpCtx, kiosk_id: KioskId) -> OtpChallengeOut:
    """Step 1: check center, ID number and phone on file, then send a code."""
    challenge = accounts.start_registration(
        db,
        ctx,
        center_id=body.center_id,
        id_number=body.id_number,
        phone=body.phone,
        kiosk_id=kiosk_id,
    )
    return challenge_out(challenge.id, challenge.phone, ctx)


@router.post(
    "/otp/{challenge_id}/resend",
    response_model=OtpChallengeOut,
    status_code=status.HTTP_202_ACCEPTED,
)
def resend_code(
    challenge_id: str, db: DbSession, ctx: OtpCtx, kiosk_id: KioskId
) -> OtpChallengeOut:
    """Send a new code for the challenge; the previous one becomes void."""
    challenge = otp.resend_challenge(
        db, ctx, challenge_id=challenge_id, purpose=otp.REGISTRATION, kiosk_id=kiosk_id
    )
    return challenge_out(challenge.id, challenge.phone, ctx)


@router.post("/verify", response_model=RegistrationVerifiedOut)
def verify_code(
    body: VerifyIn, db: DbSession, ctx: OtpCtx, _kiosk: KioskId
) -> RegistrationVerifiedOut:
    """Check the SMS code; answer with the single-use registration token."""
    code = typed_code(body.code, ctx)
    challenge = otp.verify_challenge(
        db, ctx, challenge_id=body.challenge_id, purpose=otp.REGISTRATION, code=code
    )
    token = otp.issue_grant(db, ctx, challenge)
    return RegistrationVerifiedOut(registration_token=token, expires_in=ctx.settings.grant_lifetime)


@router.post("", response_model=RegistrationOut, status_code=status.HTTP_201_CREATED)
def register(
    body: RegistrationIn, db: DbSession, ctx: OtpCtx, passwords: PasswordsDep, _kiosk: KioskId
) -> RegistrationOut:
    """Step 2: username, password, optional e-mail, captcha and the accepted agreement."""
    user = accounts.register(
        db,
        ctx,
        passwords,
        accounts.NewAccount(
            registration_token=body.registration_token,
            username=body.username,
            password=body.password,
            email=body.email,
            captcha_id=body.captcha_id,
            captcha_answer=body.captcha_answer,
            agreement_version=body.agreement_version,
        ),
    )
    return RegistrationOut(
        username=user.username,
        display_name=mask_name(user.depositor.name),
        center_id=user.depositor.center_id,
        message="注册成功！请返回登录页面，使用注册的用户名和密码登录。",
    )
