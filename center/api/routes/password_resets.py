"""Password recovery (密码找回): send a code, resend, verify, set the new password."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from center.api.deps import DbSession, KioskId, OtpCtx, PasswordsDep
from center.api.routes.registrations import challenge_out, typed_code
from center.errors import ApiError
from center.schemas import (
    OtpChallengeOut,
    OtpRequestIn,
    PasswordResetIn,
    ResetVerifiedOut,
    VerifyIn,
)
from center.services import accounts, otp

router = APIRouter(prefix="/password-resets", tags=["password recovery"])


@router.post("/otp", response_model=OtpChallengeOut, status_code=status.HTTP_202_ACCEPTED)
def send_code(body: OtpRequestIn, db: DbSession, ctx: OtpCtx, kiosk_id: KioskId) -> OtpChallengeOut:
    """Step 1: check the identity of a registered user, then send a code."""
    challenge = accounts.start_reset(
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
        db, ctx, challenge_id=challenge_id, purpose=otp.PASSWORD_RESET, kiosk_id=kiosk_id
    )
    return challenge_out(challenge.id, challenge.phone, ctx)


@router.post("/verify", response_model=ResetVerifiedOut)
def verify_code(body: VerifyIn, db: DbSession, ctx: OtpCtx, _kiosk: KioskId) -> ResetVerifiedOut:
    """Check the SMS code; answer with the reset token and the login account (登录账号)."""
    code = typed_code(body.code, ctx)
    challenge = otp.verify_challenge(
        db, ctx, challenge_id=body.challenge_id, purpose=otp.PASSWORD_RESET, code=code
    )
    user = challenge.depositor.user
    if user is None:
        raise ApiError(404, "not_registered", accounts.NOT_REGISTERED_MESSAGE)
    token = otp.issue_grant(db, ctx, challenge)
    return ResetVerifiedOut(
        reset_token=token, login_account=user.username, expires_in=ctx.settings.grant_lifetime
    )


@router.post("", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
def reset_password(
    body: PasswordResetIn, db: DbSession, ctx: OtpCtx, passwords: PasswordsDep, _kiosk: KioskId
) -> Response:
    """Step 2: set the new password; every session ends and the sign-in lock is lifted."""
    accounts.reset_password(
        db,
        ctx,
        passwords,
        reset_token=body.reset_token,
        new_password=body.new_password,
        captcha_id=body.captcha_id,
        captcha_answer=body.captcha_answer,
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
