"""Tables of the center's core: reference data, depositors, online-hall users, codes, sessions.

The ledger (accounts, deposits, withdrawals, loans) lives in ``center.business`` on the same
:class:`~center.db.Base`, with foreign keys to ``depositors.id``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from center.db import Base, UTCDateTime

ACCOUNT_NORMAL = "正常"
ACCOUNT_SEALED = "封存"
ACCOUNT_CLOSED = "销户"
ACCOUNT_STATUSES = (ACCOUNT_NORMAL, ACCOUNT_SEALED, ACCOUNT_CLOSED)

CHALLENGE_ACTIVE = "active"
CHALLENGE_VERIFIED = "verified"
CHALLENGE_VOID = "void"
CHALLENGE_SUPERSEDED = "superseded"


class Center(Base):
    """A housing provident fund management center (公积金管理中心)."""

    __tablename__ = "centers"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    short_name: Mapped[str] = mapped_column(String(32))
    city: Mapped[str] = mapped_column(String(32))
    hotline: Mapped[str] = mapped_column(String(16))
    website: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ServicePoint(Base):
    """A service point (网点) of a center.

    ``opening_hours`` holds seven lists (Monday first), each of ``["HH:MM", "HH:MM"]`` pairs.
    """

    __tablename__ = "service_points"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    phone: Mapped[str] = mapped_column(String(32))
    opening_hours: Mapped[list[Any]] = mapped_column(JSON)
    services: Mapped[list[Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Channel(Base):
    """A service channel the kiosk shows as a QR code (WeChat, apps, website)."""

    __tablename__ = "channels"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64))
    url: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Guide(Base):
    """A service guide article (办事指南)."""

    __tablename__ = "guides"

    id: Mapped[str] = mapped_column(String(48), primary_key=True)
    category: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Depositor(Base):
    """A depositing employee (缴存职工) known to a center, with the phone number on file."""

    __tablename__ = "depositors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(11), index=True)
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"), index=True)
    employer: Mapped[str] = mapped_column(String(128))
    account_status: Mapped[str] = mapped_column(String(8), default=ACCOUNT_NORMAL)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    center: Mapped[Center] = relationship()
    user: Mapped[User | None] = relationship(back_populates="depositor")


class User(Base):
    """An online-hall user (网厅用户) of one depositor."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    depositor_id: Mapped[int] = mapped_column(ForeignKey("depositors.id"), unique=True)
    username: Mapped[str] = mapped_column(String(16))
    username_key: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    agreement_version: Mapped[str] = mapped_column(String(16))
    agreement_accepted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    depositor: Mapped[Depositor] = relationship(back_populates="user")


class LoginThrottle(Base):
    """Consecutive sign-in failures of one username (existing or not) and its temporary lock.

    Keyed by the lower-cased username so that unknown names behave exactly like real ones.
    """

    __tablename__ = "login_throttles"

    username_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginFailure(Base):
    """One failed sign-in, kept for the hourly ceiling per account."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username_key: Mapped[str] = mapped_column(String(64), index=True)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class UserSession(Base):
    """A signed-in session; only the SHA-256 of its bearer token is stored."""

    __tablename__ = "user_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kiosk_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()


class OtpChallenge(Base):
    """An SMS code sent for one purpose to a depositor's phone on file (stored hashed)."""

    __tablename__ = "otp_challenges"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))
    depositor_id: Mapped[int] = mapped_column(ForeignKey("depositors.id"), index=True)
    phone: Mapped[str] = mapped_column(String(11))
    kiosk_id: Mapped[str] = mapped_column(String(64))
    code_salt: Mapped[str] = mapped_column(String(32))
    code_hash: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default=CHALLENGE_ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)

    depositor: Mapped[Depositor] = relationship()


class VerificationGrant(Base):
    """A single-use token proving a verified identity (registration or reset token)."""

    __tablename__ = "verification_grants"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))
    depositor_id: Mapped[int] = mapped_column(ForeignKey("depositors.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    depositor: Mapped[Depositor] = relationship()


class SmsSend(Base):
    """One code actually handed to the SMS gateway: the basis of every sending limit."""

    __tablename__ = "sms_sends"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    phone: Mapped[str] = mapped_column(String(11), index=True)
    kiosk_id: Mapped[str] = mapped_column(String(64), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class SmsOutboxMessage(Base):
    """A message the demo gateway 'sent' (readable through ``/demo/sms``)."""

    __tablename__ = "sms_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    phone: Mapped[str] = mapped_column(String(11), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Captcha(Base):
    """An image captcha: single use, short-lived."""

    __tablename__ = "captchas"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    answer: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
