"""Online-hall accounts: registration (用户注册) and password recovery (密码找回)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center.errors import ApiError, invalid_field
from center.models import Depositor, LoginFailure, LoginThrottle, OtpChallenge, User, UserSession
from center.security import Passwords
from center.services import otp
from center.services.agreement import AGREEMENT_VERSION
from center.services.captcha import check_captcha
from center.services.identity import refuse_closed, resolve_depositor
from center.services.masking import mask_id_number
from center.validation import InvalidFieldError, check_password, check_username, normalise_email

log = logging.getLogger(__name__)

ALREADY_REGISTERED_MESSAGE = (
    "该身份证号已注册网厅账号，请直接登录；如忘记密码，请使用“密码找回”重新设置。"
)
USERNAME_TAKEN_MESSAGE = "该用户名已被他人使用，请换一个用户名。"
NOT_REGISTERED_MESSAGE = "该身份证号尚未注册网厅账号，请先点击“用户注册”完成注册。"
AGREEMENT_OUTDATED_MESSAGE = "《个人用户注册协议》已更新，请重新阅读并同意最新协议后再提交。"


@dataclass(frozen=True)
class NewAccount:
    """What a registration form carries after its shape was checked."""

    registration_token: str
    username: str
    password: str
    email: str | None
    captcha_id: str
    captcha_answer: str
    agreement_version: str


def start_challenge(
    db: Session,
    ctx: otp.OtpContext,
    *,
    purpose: str,
    check: Callable[[Depositor], object],
    center_id: str,
    id_number: str,
    phone: str,
    kiosk_id: str,
) -> OtpChallenge:
    """Check the identity, then with ``check`` that ``purpose`` fits the depositor (e.g.
    :func:`refuse_registered`), and send a code to the phone on file.

    Raises:
        ApiError: 422, 400 ``identity_mismatch``/``account_closed``, what ``check`` raises
            (409 ``already_registered``, 404 ``not_registered``), 429, 503.
    """
    depositor = resolve_depositor(db, center_id=center_id, id_number=id_number, phone=phone)
    refuse_closed(depositor)
    check(depositor)
    return otp.issue_challenge(db, ctx, depositor=depositor, purpose=purpose, kiosk_id=kiosk_id)


def refuse_registered(depositor: Depositor) -> None:
    """Raise 409 ``already_registered`` when the depositor already has an online-hall user."""
    if depositor.user is not None:
        raise ApiError(409, "already_registered", ALREADY_REGISTERED_MESSAGE)


def registered_user(depositor: Depositor) -> User:
    """The depositor's online-hall user.

    Raises:
        ApiError: 404 ``not_registered``.
    """
    user = depositor.user
    if user is None:
        raise ApiError(404, "not_registered", NOT_REGISTERED_MESSAGE)
    return user


def _field_rule(exc: InvalidFieldError) -> ApiError:
    return invalid_field(exc.field, exc.message, exc.code)


def register(db: Session, ctx: otp.OtpContext, passwords: Passwords, form: NewAccount) -> User:
    """Create the online-hall user of the verified depositor (committed).

    Raises:
        ApiError: 410 ``verification_expired``; 422 per field (rules, agreement version);
            400 ``captcha_invalid``; 409 ``username_taken`` / ``already_registered``.
    """
    grant = otp.find_grant(
        db,
        ctx.clock,
        token=form.registration_token,
        purpose=otp.REGISTRATION,
        field="registration_token",
    )
    depositor: Depositor = grant.depositor
    try:
        username = check_username(form.username)
        check_password(
            form.password, id_number=depositor.id_number, phone=depositor.phone, username=username
        )
        email = normalise_email(form.email)
    except InvalidFieldError as exc:
        raise _field_rule(exc) from None
    if form.agreement_version.strip() != AGREEMENT_VERSION:
        raise invalid_field("agreement_version", AGREEMENT_OUTDATED_MESSAGE, "agreement_outdated")
    check_captcha(db, ctx.clock, form.captcha_id, form.captcha_answer)
    refuse_registered(depositor)
    key = username.lower()
    if db.scalar(select(func.count(User.id)).where(User.username_key == key)):
        raise ApiError(409, "username_taken", USERNAME_TAKEN_MESSAGE, field="username")
    now = ctx.clock.now()
    user = User(
        depositor_id=depositor.id,
        username=username,
        username_key=key,
        password_hash=passwords.hash(form.password),
        email=email,
        agreement_version=AGREEMENT_VERSION,
        agreement_accepted_at=now,
        created_at=now,
        password_changed_at=now,
    )
    db.add(user)
    grant.used_at = now
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise ApiError(409, "username_taken", USERNAME_TAKEN_MESSAGE, field="username") from None
    log.info("registered an online-hall user for %s", mask_id_number(depositor.id_number))
    return user


def reset_password(
    db: Session,
    ctx: otp.OtpContext,
    passwords: Passwords,
    *,
    reset_token: str,
    new_password: str,
    captcha_id: str,
    captcha_answer: str,
) -> User:
    """Set a new password, revoke every session, lift the sign-in lock (committed).

    Raises:
        ApiError: 410 ``verification_expired``; 422 on ``new_password``; 400 ``captcha_invalid``;
            404 ``not_registered``.
    """
    grant = otp.find_grant(
        db, ctx.clock, token=reset_token, purpose=otp.PASSWORD_RESET, field="reset_token"
    )
    user = registered_user(grant.depositor)
    try:
        check_password(
            new_password,
            id_number=grant.depositor.id_number,
            phone=grant.depositor.phone,
            username=user.username,
            field="new_password",
        )
    except InvalidFieldError as exc:
        raise _field_rule(exc) from None
    check_captcha(db, ctx.clock, captcha_id, captcha_answer)
    now = ctx.clock.now()
    user.password_hash = passwords.hash(new_password)
    user.password_changed_at = now
    grant.used_at = now
    db.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    db.execute(delete(LoginThrottle).where(LoginThrottle.username_key == user.username_key))
    db.execute(delete(LoginFailure).where(LoginFailure.username_key == user.username_key))
    db.commit()
    log.info("password reset for %s", mask_id_number(grant.depositor.id_number))
    return user
