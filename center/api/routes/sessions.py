"""Sign-in (登录) and sign-out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response, status

from center.api.deps import ClockDep, CurrentSession, DbSession, KioskId, SettingsDep, SignInCtx
from center.errors import ApiError
from center.schemas import SessionIn, SessionInfoOut, SessionOut
from center.services import signin
from center.services.masking import mask_name

router = APIRouter(prefix="/sessions", tags=["sessions"])


@router.post("", response_model=SessionOut, status_code=status.HTTP_201_CREATED)
def create_session(body: SessionIn, db: DbSession, ctx: SignInCtx, kiosk_id: KioskId) -> SessionOut:
    """Sign in with center, username and password (and a captcha after 3 failures)."""
    signed_in = signin.sign_in(
        db,
        ctx,
        center_id=body.center_id,
        username=body.username,
        password=body.password,
        captcha_id=body.captcha_id,
        captcha_answer=body.captcha_answer,
        kiosk_id=kiosk_id,
    )
    return SessionOut(
        token=signed_in.token,
        idle_timeout=ctx.settings.session_idle_timeout,
        expires_at=signed_in.session.expires_at,
        display_name=mask_name(signed_in.user.depositor.name),
        username=signed_in.user.username,
        center_id=signed_in.user.depositor.center_id,
    )


@router.get("/current", response_model=SessionInfoOut)
def current_session(session: CurrentSession, settings: SettingsDep) -> SessionInfoOut:
    """The signed-in session (also refreshes its idle timer)."""
    return SessionInfoOut(
        idle_timeout=settings.session_idle_timeout,
        expires_at=session.expires_at,
        display_name=mask_name(session.user.depositor.name),
        username=session.user.username,
        center_id=session.user.depositor.center_id,
    )


@router.delete("/current", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
def delete_session(
    db: DbSession,
    clock: ClockDep,
    _kiosk: KioskId,
    authorization: Annotated[str | None, Header()] = None,
) -> Response:
    """Sign out: the session's token stops working at once (an already dead token is fine)."""
    if not authorization:
        raise ApiError(401, "not_signed_in", signin.NOT_SIGNED_IN_MESSAGE)
    session = signin.find_session(db, authorization)
    if session is not None:
        signin.revoke(db, clock, session)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
