"""Registration (用户注册): send a code, resend, verify, create the account."""

from __future__ import annotations

from fastapi import APIRouter, status

from center.api.codes import add_code_routes, verified_challenge
from center.api.deps import DbSession, KioskId, OtpCtx, PasswordsDep
from center.schemas import (
    RegistrationIn,
    RegistrationOut,
    RegistrationVerifiedOut,
    VerifyIn,
)
from center.services import accounts, otp
from center.services.masking import mask_name

router = APIRouter(prefix="/registrations", tags=["registration"])
add_code_routes(
    router,
    purpose=otp.REGISTRATION,
    check=accounts.refuse_registered,
    send_doc="Step 1: check center, ID number and phone on file, then send a code.",
)


@router.post("/verify", response_model=RegistrationVerifiedOut)
def verify_code(
    body: VerifyIn, db: DbSession, ctx: OtpCtx, _kiosk: KioskId
) -> RegistrationVerifiedOut:
    """Check the SMS code; answer with the single-use registration token."""
    challenge = verified_challenge(db, ctx, body, otp.REGISTRATION)
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
