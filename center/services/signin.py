"""Sign-in (登录), sessions and their expiry.

Failures are counted per lower-cased username whether or not the user exists, so the answers never
reveal which usernames are taken: one generic 401; a captcha after 3 consecutive failures; a
15-minute lock after 10; never more than 100 failures an hour.

Every attempt is reserved as a failure before its password is checked: one atomic ``UPDATE ...
SET consecutive_failures = consecutive_failures + 1 ... RETURNING``, committed before the slow
argon2 check, gives each attempt its own number; success deletes the counter again. Counting only
after the check let parallel requests all pass the lock check before the first failure was
written, so N parallel guesses were all checked whatever the lock. With unique numbers at most
``login_lock_after`` passwords are checked before the lock; an attempt numbered beyond it, or
reserved while the name is locked, is refused unchecked. Likewise an attempt without a captcha
whose number shows that the captcha became due meanwhile is refused unchecked (428), so at most
``login_captcha_after`` passwords are checked without one.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center.clock import Clock
from center.config import CenterSettings
from center.errors import ApiError
from center.models import LoginFailure, LoginThrottle, User, UserSession
from center.security import Passwords, hash_token, new_token
from center.services.captcha import check_captcha

log = logging.getLogger(__name__)

INVALID_MESSAGE = (
    "所属中心、用户名或密码不正确，请核对后重新输入；忘记密码可点击“密码找回”重新设置。"
)
CAPTCHA_MESSAGE = "为保护您的账户安全，请输入图片验证码后再登录。"
EXPIRED_MESSAGE = "登录已超时或已退出，为保护您的信息，请重新登录。"
NOT_SIGNED_IN_MESSAGE = "请先登录个人网厅后再办理该业务。"
_USERNAME_KEY = re.compile(r"[a-z0-9]{1,64}")
_RESERVE_TRIES = 5  # insert races of a first attempt; a retry finds the row


@dataclass(frozen=True)
class SignInContext:
    """What sign-in needs besides the database session."""

    clock: Clock
    settings: CenterSettings
    passwords: Passwords


@dataclass(frozen=True)
class SignedIn:
    """A new session and its bearer token (the token is never stored)."""

    token: str
    session: UserSession
    user: User


def _locked(seconds: float) -> ApiError:
    minutes = max(1, math.ceil(seconds / 60))
    return ApiError(
        423,
        "locked",
        f"登录失败次数过多，账号已暂时锁定，请{minutes}分钟后再试；"
        "如忘记密码，可通过“密码找回”重新设置。",
        retry_after=seconds,
        extra={"minutes_left": minutes},
    )


def _captcha_required() -> ApiError:
    return ApiError(428, "captcha_required", CAPTCHA_MESSAGE, field="captcha_answer")


def _invalid(captcha_next: bool) -> ApiError:
    return ApiError(
        401, "invalid_credentials", INVALID_MESSAGE, extra={"captcha_required": captcha_next}
    )


def sign_in(
    db: Session,
    ctx: SignInContext,
    *,
    center_id: str,
    username: str,
    password: str,
    captcha_id: str | None,
    captcha_answer: str | None,
    kiosk_id: str,
) -> SignedIn:
    """Check the credentials and open a session (committed).

    Raises:
        ApiError: 401 ``invalid_credentials``, 428 ``captcha_required``, 400 ``captcha_invalid``,
            423 ``locked``.
    """
    settings = ctx.settings
    now = ctx.clock.now()
    key = username.strip().lower()
    if not _USERNAME_KEY.fullmatch(key):
        ctx.passwords.verify(None, password)
        raise _invalid(False)
    # Plain column values, no ORM object: the counter is only ever written by SQL below.
    throttle = db.execute(
        select(LoginThrottle.consecutive_failures, LoginThrottle.locked_until).where(
            LoginThrottle.username_key == key
        )
    ).one_or_none()
    if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
        raise _locked((throttle.locked_until - now).total_seconds())
    hour_ago = now - timedelta(hours=1)
    recent, oldest = db.execute(
        select(func.count(LoginFailure.id), func.min(LoginFailure.failed_at)).where(
            LoginFailure.username_key == key, LoginFailure.failed_at > hour_ago
        )
    ).one()
    if recent >= settings.login_hourly_max and oldest is not None:
        raise _locked((oldest + timedelta(hours=1) - now).total_seconds())
    failures = throttle.consecutive_failures if throttle is not None else 0
    captcha_checked = failures >= settings.login_captcha_after
    if captcha_checked:
        if not captcha_id:
            raise _captcha_required()
        check_captcha(db, ctx.clock, captcha_id, captcha_answer)
    attempt, locked_until = _reserve_attempt(db, key, now)
    if locked_until is not None and locked_until > now:  # locked since the check above
        raise _locked((locked_until - now).total_seconds())
    if attempt > settings.login_lock_after:  # the attempts allowed are being checked already
        _lock(db, ctx, key, now, only_if_unlocked=True)
        raise _locked(settings.login_lock_seconds)
    if attempt > settings.login_captcha_after and not captcha_checked:
        # Parallel attempts failed since the count was read: this one needs the captcha too.
        _release_attempt(db, ctx, key)
        raise _captcha_required()
    user = db.scalar(select(User).where(User.username_key == key))
    ok = ctx.passwords.verify(user.password_hash if user is not None else None, password)
    if user is None or not ok or user.depositor.center_id != center_id.strip():
        raise _record_failure(db, ctx, key, attempt, now)
    if ctx.passwords.needs_rehash(user.password_hash):
        user.password_hash = ctx.passwords.hash(password)
    # Success resets the counter (and with it the attempts of this name still being checked).
    db.execute(
        delete(LoginThrottle).where(LoginThrottle.username_key == key),
        execution_options={"synchronize_session": False},
    )
    token = new_token()
    session = UserSession(
        token_hash=hash_token(token),
        user_id=user.id,
        kiosk_id=kiosk_id,
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(seconds=settings.session_absolute_timeout),
    )
    user.last_login_at = now
    db.add(session)
    db.commit()
    return SignedIn(token=token, session=session, user=user)


def _reserve_attempt(db: Session, key: str, now: datetime) -> tuple[int, datetime | None]:
    """Count this attempt as a failure before its password is checked (committed).

    One atomic ``UPDATE ... RETURNING``, so parallel attempts of one name get distinct numbers;
    the row is inserted with 1 when missing. While the name is locked the count stays as it is.

    Returns:
        The attempt's number (the failures counted so far, this one included) and the lock's end.
    """
    db.commit()  # nothing pending; on SQLite this also leaves no read transaction to upgrade
    reserve = (
        update(LoginThrottle)
        .where(LoginThrottle.username_key == key)
        .values(
            consecutive_failures=case(
                (LoginThrottle.locked_until > now, LoginThrottle.consecutive_failures),
                else_=LoginThrottle.consecutive_failures + 1,
            ),
            updated_at=now,
        )
        .returning(LoginThrottle.consecutive_failures, LoginThrottle.locked_until)
    )
    for _ in range(_RESERVE_TRIES):
        row = db.execute(reserve, execution_options={"synchronize_session": False}).one_or_none()
        if row is not None:
            db.commit()
            return row.consecutive_failures, row.locked_until
        try:
            db.execute(
                insert(LoginThrottle).values(
                    username_key=key, consecutive_failures=1, locked_until=None, updated_at=now
                )
            )
            db.commit()
        except IntegrityError:  # a parallel first attempt inserted it: count on that row
            db.rollback()
            continue
        return 1, None
    raise RuntimeError(f"could not reserve a sign-in attempt for {key!r}")


def _release_attempt(db: Session, ctx: SignInContext, key: str) -> None:
    """Take back an attempt refused before its password was checked (committed).

    Only while the count is still above the captcha threshold: a success (counter deleted) or a
    lock (count set back) since the reservation already settled it.
    """
    db.execute(
        update(LoginThrottle)
        .where(
            LoginThrottle.username_key == key,
            LoginThrottle.consecutive_failures > ctx.settings.login_captcha_after,
        )
        .values(consecutive_failures=LoginThrottle.consecutive_failures - 1),
        execution_options={"synchronize_session": False},
    )
    db.commit()


def _lock(
    db: Session, ctx: SignInContext, key: str, now: datetime, *, only_if_unlocked: bool
) -> None:
    """Lock the name and set its count back (committed); a deleted counter stays deleted.

    After the lock a captcha is still needed, and a few more failures lock again; the count stays
    below ``login_lock_after`` so that the first attempt after the lock is checked.
    """
    settings = ctx.settings
    condition = LoginThrottle.username_key == key
    if only_if_unlocked:
        condition &= (LoginThrottle.locked_until.is_(None)) | (LoginThrottle.locked_until <= now)
    db.execute(
        update(LoginThrottle)
        .where(condition)
        .values(
            locked_until=now + timedelta(seconds=settings.login_lock_seconds),
            consecutive_failures=max(
                0, min(settings.login_captcha_after, settings.login_lock_after - 1)
            ),
            updated_at=now,
        ),
        execution_options={"synchronize_session": False},
    )
    db.commit()


def _record_failure(
    db: Session, ctx: SignInContext, key: str, attempt: int, now: datetime
) -> ApiError:
    """Log a failure (already counted as ``attempt``), lock when due, return the answer."""
    settings = ctx.settings
    db.add(LoginFailure(username_key=key, failed_at=now))
    if attempt >= settings.login_lock_after:
        _lock(db, ctx, key, now, only_if_unlocked=False)  # commits the failure too
        return _locked(settings.login_lock_seconds)
    db.commit()
    return _invalid(attempt >= settings.login_captcha_after)


def find_session(db: Session, authorization: str | None) -> UserSession | None:
    """The session of an ``Authorization: Bearer`` header, valid or not."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 256:
        return None
    return db.get(UserSession, hash_token(token))


def authenticate(
    db: Session, clock: Clock, settings: CenterSettings, authorization: str | None
) -> UserSession:
    """Return the live session of the request and mark it active now (committed).

    Raises:
        ApiError: 401 ``not_signed_in`` without a token, ``session_expired`` for an expired,
            idle, revoked or unknown one.
    """
    if not authorization:
        raise ApiError(401, "not_signed_in", NOT_SIGNED_IN_MESSAGE)
    session = find_session(db, authorization)
    now = clock.now()
    if (
        session is None
        or session.revoked_at is not None
        or now >= session.expires_at
        or (now - session.last_seen_at).total_seconds() >= settings.session_idle_timeout
    ):
        raise ApiError(401, "session_expired", EXPIRED_MESSAGE)
    session.last_seen_at = now
    db.commit()
    return session


def revoke(db: Session, clock: Clock, session: UserSession) -> None:
    """End a session (committed)."""
    if session.revoked_at is None:
        session.revoked_at = clock.now()
        db.commit()
