"""``Annotated`` dependencies shared by every router.

Other routers use :data:`DbSession`, :data:`ClockDep`, :data:`SettingsDep`, :data:`KioskId`,
:data:`CurrentUser` and :data:`CurrentSession` from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker

from center.clock import Clock
from center.config import CenterSettings
from center.errors import HOTLINE, ApiError
from center.housekeeping import Housekeeping
from center.models import User, UserSession
from center.security import Passwords
from center.services.otp import OtpContext
from center.services.signin import SignInContext, authenticate
from center.sms import SmsGateway

KIOSK_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}")
KIOSK_ID_MESSAGE = f"本终端未登记或终端编号无效，请联系工作人员检查终端设置，或拨打{HOTLINE}热线。"


def get_db(request: Request) -> Iterator[Session]:
    """One database session per request, closed (and rolled back if uncommitted) at the end.

    Once an hour the first request also runs the housekeeping (:mod:`center.housekeeping`).
    """
    factory: sessionmaker[Session] = request.app.state.session_factory
    housekeeping: Housekeeping | None = getattr(request.app.state, "housekeeping", None)
    if housekeeping is not None:
        clock: Clock = request.app.state.clock
        housekeeping.maybe_run(factory, clock.now())
    with factory() as session:
        yield session


def get_clock(request: Request) -> Clock:
    """The application's clock."""
    clock: Clock = request.app.state.clock
    return clock


def get_settings(request: Request) -> CenterSettings:
    """The application's settings."""
    settings: CenterSettings = request.app.state.settings
    return settings


def get_sms(request: Request) -> SmsGateway:
    """The application's SMS gateway."""
    sms: SmsGateway = request.app.state.sms
    return sms


def get_passwords(request: Request) -> Passwords:
    """The application's password hasher."""
    passwords: Passwords = request.app.state.passwords
    return passwords


DbSession = Annotated[Session, Depends(get_db)]
ClockDep = Annotated[Clock, Depends(get_clock)]
SettingsDep = Annotated[CenterSettings, Depends(get_settings)]
SmsDep = Annotated[SmsGateway, Depends(get_sms)]
PasswordsDep = Annotated[Passwords, Depends(get_passwords)]


def check_kiosk_id(value: str | None) -> str:
    """Return a well-formed kiosk id.

    Raises:
        ApiError: 400 ``kiosk_id_missing``.
    """
    kiosk_id = (value or "").strip()
    if not KIOSK_ID_RE.fullmatch(kiosk_id):
        raise ApiError(400, "kiosk_id_missing", KIOSK_ID_MESSAGE)
    return kiosk_id


def get_kiosk_id(
    x_kiosk_id: Annotated[str | None, Header(alias="X-Kiosk-Id")] = None,
) -> str:
    """The ``X-Kiosk-Id`` of the request."""
    return check_kiosk_id(x_kiosk_id)


KioskId = Annotated[str, Depends(get_kiosk_id)]


def get_otp_context(clock: ClockDep, settings: SettingsDep, sms: SmsDep) -> OtpContext:
    """Everything SMS code challenges need."""
    return OtpContext(clock=clock, settings=settings, sms=sms)


def get_signin_context(
    clock: ClockDep, settings: SettingsDep, passwords: PasswordsDep
) -> SignInContext:
    """Everything sign-in needs."""
    return SignInContext(clock=clock, settings=settings, passwords=passwords)


OtpCtx = Annotated[OtpContext, Depends(get_otp_context)]
SignInCtx = Annotated[SignInContext, Depends(get_signin_context)]


def get_current_session(
    db: DbSession,
    clock: ClockDep,
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
) -> UserSession:
    """The live session of the bearer token; refreshes its idle timer.

    Raises:
        ApiError: 401 ``not_signed_in`` / ``session_expired``.
    """
    return authenticate(db, clock, settings, authorization)


CurrentSession = Annotated[UserSession, Depends(get_current_session)]


def get_current_user(session: CurrentSession) -> User:
    """The signed-in user (``user.depositor`` is the depositor)."""
    return session.user


CurrentUser = Annotated[User, Depends(get_current_user)]
