"""Request and response bodies of the HTTP API (pydantic), kept apart from the tables.

Request strings carry generous length limits only; the rules themselves (ID check digit, password
rules, ...) are checked by :mod:`center.validation` so that every message is Chinese and per field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

Short = Annotated[str, Field(max_length=64)]
Code = Annotated[str, Field(max_length=32)]
Secret = Annotated[str, Field(max_length=128)]


class Request(BaseModel):
    """Base of request bodies: unknown members are ignored."""

    model_config = ConfigDict(extra="ignore")


class Items(BaseModel, Generic[T]):
    """A list answer: ``{"items": [...]}``."""

    items: list[T]


# -- public ---------------------------------------------------------------------------------
class HealthOut(BaseModel):
    """``GET /healthz``."""

    status: str
    database: str
    version: str


class CenterOut(BaseModel):
    """A management center."""

    id: str
    name: str
    short_name: str
    city: str
    hotline: str
    website: str
    address: str


class ServicePointOut(BaseModel):
    """A service point (网点); ``opening_hours[0]`` is Monday, each a list of [open, close]."""

    id: str
    center_id: str
    name: str
    address: str
    lon: float
    lat: float
    phone: str
    opening_hours: list[list[list[str]]]
    hours_text: str
    services: list[str]
    note: str


class ChannelOut(BaseModel):
    """A service channel shown as a QR code."""

    id: str
    kind: str
    name: str
    url: str
    description: str


class GuideSummaryOut(BaseModel):
    """A guide in the list."""

    id: str
    title: str
    category: str
    summary: str


class GuideOut(GuideSummaryOut):
    """A guide with its body (plain text; a heading is a line in 【】 brackets)."""

    body: str


class CaptchaOut(BaseModel):
    """A new image captcha."""

    captcha_id: str
    image_png_base64: str
    expires_in: int


class PolicyOut(BaseModel):
    """Rules the kiosk explains and checks before sending."""

    username: dict[str, Any]
    password: dict[str, Any]
    code_length: int
    code_lifetime: int
    resend_after: int
    code_max_attempts: int
    sms_hourly_limit: int
    sms_daily_limit: int
    session_idle_timeout: int
    session_absolute_timeout: int
    login_captcha_after: int
    login_lock_after: int
    login_lock_minutes: int
    agreement_version: str
    agreement_title: str
    agreement_text: str
    hotline: str


# -- registration and recovery ------------------------------------------------------------
class OtpRequestIn(Request):
    """Step 1 (身份验证): center, ID number and the phone on file."""

    center_id: Short
    id_number: Short
    phone: Short


class OtpChallengeOut(BaseModel):
    """A code was sent."""

    challenge_id: str
    phone_masked: str
    expires_in: int
    resend_after: int


class VerifyIn(Request):
    """The SMS code typed for a challenge."""

    challenge_id: Secret
    code: Code


class RegistrationVerifiedOut(BaseModel):
    """Identity verified: the token for step 2 (填写注册信息)."""

    registration_token: str
    expires_in: int


class RegistrationIn(Request):
    """Step 2 (填写注册信息)."""

    registration_token: Secret
    username: Short
    password: Short
    email: Annotated[str | None, Field(max_length=254)] = None
    captcha_id: Secret
    captcha_answer: Code
    agreement_version: Code


class RegistrationOut(BaseModel):
    """Registration done (注册成功)."""

    username: str
    display_name: str
    center_id: str
    message: str


class ResetVerifiedOut(BaseModel):
    """Identity verified for a password reset."""

    reset_token: str
    login_account: str
    expires_in: int


class PasswordResetIn(Request):
    """Step 2 of recovery (修改密码)."""

    reset_token: Secret
    new_password: Short
    captcha_id: Secret
    captcha_answer: Code


# -- sessions -----------------------------------------------------------------------------
class SessionIn(Request):
    """Sign-in form."""

    center_id: Short
    username: Short
    password: Short
    captcha_id: Annotated[str | None, Field(max_length=128)] = None
    captcha_answer: Annotated[str | None, Field(max_length=32)] = None


class SessionOut(BaseModel):
    """A new session."""

    token: str
    idle_timeout: int
    expires_at: datetime
    display_name: str
    username: str
    center_id: str


class SessionInfoOut(BaseModel):
    """The signed-in session."""

    idle_timeout: int
    expires_at: datetime
    display_name: str
    username: str
    center_id: str


# -- demo ---------------------------------------------------------------------------------
class DemoResidentOut(BaseModel):
    """A demo depositor, unmasked (demo mode only)."""

    center_id: str
    center_name: str
    id_number: str
    phone: str
    name: str
    employer: str
    account_status: str
    registered: bool
    username: str | None
    password: str | None
    note: str


class DemoSmsOut(BaseModel):
    """A message of the demo SMS outbox."""

    id: int
    phone: str
    purpose: str
    text: str
    code: str | None
    sent_at: datetime


class DemoCaptchaOut(BaseModel):
    """The answer of a captcha (demo mode only)."""

    answer: str
