"""Settings of the central service, declared once.

Every field can be set from an environment variable ``GJJ_CENTER_<FIELD NAME IN CAPITALS>``, e.g.
``GJJ_CENTER_DATABASE_URL`` or ``GJJ_CENTER_PER_KIOSK_HOURLY_SMS``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ENV_PREFIX = "GJJ_CENTER_"
SMS_GATEWAYS = ("outbox", "log")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class CenterSettings:
    """Configuration of one center process.

    Attributes:
        database_url: SQLAlchemy URL; SQLite by default, PostgreSQL in a province-wide deployment.
        demo: seed demo residents and expose the ``/demo`` endpoints.
        host: address ``python -m center`` listens on.
        port: port ``python -m center`` listens on.
        sms_gateway: ``outbox`` (messages kept in the database) or ``log`` (masked log line).
        per_kiosk_hourly_sms: codes one kiosk may have sent per rolling hour.
        per_phone_hourly_sms: codes one phone number may receive per rolling hour.
        per_phone_daily_sms: codes one phone number may receive per rolling 24 hours.
        otp_length: digits of an SMS code.
        otp_lifetime: seconds an SMS code stays valid.
        otp_resend_after: seconds before another code may be sent to the same phone.
        otp_max_attempts: wrong entries after which a code is void.
        grant_lifetime: seconds a registration or reset token stays valid after verification.
        captcha_lifetime: seconds an image captcha stays valid.
        session_idle_timeout: seconds of inactivity after which a session ends.
        session_absolute_timeout: seconds after sign-in after which a session ends regardless.
        login_captcha_after: consecutive failures after which sign-in needs an image captcha.
        login_lock_after: consecutive failures after which sign-in is locked.
        login_lock_seconds: length of that lock.
        login_hourly_max: failures per account and rolling hour, never exceeded.
        argon2_time_cost: argon2id iterations (OWASP: 2).
        argon2_memory_kib: argon2id memory in KiB (OWASP: 19456).
        argon2_parallelism: argon2id lanes (OWASP: 1).
        log_level: level of the ``center`` loggers when run as a program.
        admin_token: the ``X-Admin-Token`` that lists kiosks and sets their configuration
            (``GJJ_CENTER_ADMIN_TOKEN``); empty turns those admin routes off.
    """

    database_url: str = "sqlite:///./center.db"
    demo: bool = False
    host: str = "127.0.0.1"
    port: int = 8000
    sms_gateway: str = "outbox"
    per_kiosk_hourly_sms: int = 60
    per_phone_hourly_sms: int = 5
    per_phone_daily_sms: int = 10
    otp_length: int = 6
    otp_lifetime: int = 300
    otp_resend_after: int = 60
    otp_max_attempts: int = 5
    grant_lifetime: int = 600
    captcha_lifetime: int = 300
    session_idle_timeout: int = 300
    session_absolute_timeout: int = 1800
    login_captcha_after: int = 3
    login_lock_after: int = 10
    login_lock_seconds: int = 900
    login_hourly_max: int = 100
    argon2_time_cost: int = 2
    argon2_memory_kib: int = 19456
    argon2_parallelism: int = 1
    log_level: str = "INFO"
    admin_token: str = ""

    def __post_init__(self) -> None:
        if self.sms_gateway not in SMS_GATEWAYS:
            raise ValueError(f"sms_gateway must be one of {SMS_GATEWAYS}, not {self.sms_gateway!r}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> CenterSettings:
        """Build settings from ``GJJ_CENTER_*`` variables, then apply explicit overrides.

        Args:
            environ: the environment to read (``os.environ`` by default).
            **overrides: field values that win over the environment (None values are ignored).

        Returns:
            The settings.

        Raises:
            ValueError: a variable cannot be read as the field's type.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field in dataclasses.fields(cls):
            raw = env.get(ENV_PREFIX + field.name.upper())
            if raw is not None:
                values[field.name] = _parse(field.name, str(field.type), raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _parse(name: str, type_name: str, raw: str) -> Any:
    """Read one environment value as the field's declared type."""
    if type_name == "bool":
        lowered = raw.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(f"{ENV_PREFIX}{name.upper()} must be a boolean, not {raw!r}")
    if type_name == "int":
        try:
            return int(raw.strip())
        except ValueError:
            raise ValueError(f"{ENV_PREFIX}{name.upper()} must be an integer") from None
    return raw
