"""The SMS-code steps shared by registration and password recovery (send, resend, verify)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, status
from pydantic import BaseModel
from sqlalchemy.orm import Session

from center.api.deps import DbSession, KioskId, OtpCtx
from center.errors import invalid_field
from center.models import Depositor, OtpChallenge
from center.schemas import OtpChallengeOut, OtpRequestIn, VerifyIn
from center.services import accounts, otp
from center.services.masking import mask_phone
from center.validation import InvalidFieldError, normalise_code

_Out = TypeVar("_Out", bound=BaseModel)


def challenge_out(challenge: OtpChallenge, ctx: otp.OtpContext, model: type[_Out]) -> _Out:
    """The answer to a sent code (``model`` is :class:`OtpChallengeOut` or its look-alike)."""
    return model(
        challenge_id=challenge.id,
        phone_masked=mask_phone(challenge.phone),
        expires_in=ctx.settings.otp_lifetime,
        resend_after=ctx.settings.otp_resend_after,
    )


def verified_challenge(
    db: Session, ctx: otp.OtpContext, body: VerifyIn, purpose: str
) -> OtpChallenge:
    """Check the typed SMS code of a challenge (a 422 on ``code`` when it is malformed)."""
    try:
        code = normalise_code(body.code, ctx.settings.otp_length)
    except InvalidFieldError as exc:
        raise invalid_field(exc.field, exc.message, exc.code) from None
    return otp.verify_challenge(db, ctx, challenge_id=body.challenge_id, purpose=purpose, code=code)


def add_code_routes(
    router: APIRouter, *, purpose: str, check: Callable[[Depositor], object], send_doc: str
) -> None:
    """Add ``POST /otp`` (check the identity, then ``check`` the depositor, send a code) and
    ``POST /otp/{challenge_id}/resend`` for ``purpose`` to ``router``; ``send_doc`` documents
    the first."""

    @router.post(
        "/otp",
        response_model=OtpChallengeOut,
        status_code=status.HTTP_202_ACCEPTED,
        description=send_doc,
    )
    def send_code(
        body: OtpRequestIn, db: DbSession, ctx: OtpCtx, kiosk_id: KioskId
    ) -> OtpChallengeOut:
        challenge = accounts.start_challenge(
            db,
            ctx,
            purpose=purpose,
            check=check,
            center_id=body.center_id,
            id_number=body.id_number,
            phone=body.phone,
            kiosk_id=kiosk_id,
        )
        return challenge_out(challenge, ctx, OtpChallengeOut)

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
            db, ctx, challenge_id=challenge_id, purpose=purpose, kiosk_id=kiosk_id
        )
        return challenge_out(challenge, ctx, OtpChallengeOut)
