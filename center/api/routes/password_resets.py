"""Password recovery (密码找回): send a code, resend, verify, set the new password."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from center.api.codes import add_code_routes, verified_challenge
from center.api.deps import DbSession, KioskId, OtpCtx, PasswordsDep
from center.schemas import PasswordResetIn, ResetVerifiedOut, VerifyIn
from center.services import accounts, otp

router = APIRouter(prefix="/password-resets", tags=["password recovery"])
add_code_routes(
    router,
    purpose=otp.PASSWORD_RESET,
    check=accounts.registered_user,
    send_doc="Step 1: check the identity of a registered user, then send a code.",
)


@router.post("/verify", response_model=ResetVerifiedOut)
def verify_code(body: VerifyIn, db: DbSession, ctx: OtpCtx, _kiosk: KioskId) -> ResetVerifiedOut:
    """Check the SMS code; answer with the reset token and the login account (登录账号)."""
    challenge = verified_challenge(db, ctx, body, otp.PASSWORD_RESET)
    user = accounts.registered_user(challenge.depositor)
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
