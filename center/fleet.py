"""The kiosk fleet: the last heartbeat of every kiosk, and the settings the center sends back.

Tables on :class:`center.db.Base`:

* ``kiosk_status``: one row per kiosk, replaced by each heartbeat (version, uptime, center,
  device health, last error, offline time, last seen).
* ``kiosk_config``: settings and a notice for one kiosk (``kiosk_id``) or for every kiosk
  (the row :data:`DEFAULT_KEY`); a kiosk's own row wins over the default, key by key.

The admin token protecting the fleet listing comes from the center's settings (``admin_token``,
env ``GJJ_CENTER_ADMIN_TOKEN``); an empty token disables the listing.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from center.db import Base, UTCDateTime

#: ``kiosk_config`` key of the settings every kiosk gets.
DEFAULT_KEY = "_default"
#: A kiosk is "silent" when its last heartbeat is older than this (three missed heartbeats).
SILENT_AFTER = timedelta(minutes=3)
#: The settings a kiosk applies from a heartbeat answer (kiosk.heartbeat.REMOTE_CONFIG).
REMOTE_KEYS = frozenset(
    {"idle_form_seconds", "idle_account_seconds", "idle_warning_seconds", "heartbeat_seconds"}
)


class KioskStatus(Base):
    """The last heartbeat of one kiosk."""

    __tablename__ = "kiosk_status"

    kiosk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(32), default="")
    uptime_seconds: Mapped[int] = mapped_column(Integer, default=0)
    center_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    health: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    offline_seconds: Mapped[int] = mapped_column(Integer, default=0)
    remote_addr: Mapped[str | None] = mapped_column(String(64), nullable=True)
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    heartbeats: Mapped[int] = mapped_column(Integer, default=0)


class KioskConfig(Base):
    """Settings and a notice for one kiosk, or (key :data:`DEFAULT_KEY`) for all."""

    __tablename__ = "kiosk_config"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    config: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notice: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class Heartbeat:
    """What one heartbeat reports (already checked by the router)."""

    version: str
    uptime_seconds: int
    center_id: str | None
    health: Mapping[str, str] = field(default_factory=dict)
    last_error: str | None = None
    offline_seconds: int = 0


@dataclass(frozen=True)
class FleetSettings:
    """The fleet's own settings.

    Attributes:
        admin_token: the ``X-Admin-Token`` that lists kiosks and sets their config; empty: off.
        silent_after: how old a last heartbeat makes a kiosk "silent".
    """

    admin_token: str = ""
    silent_after: timedelta = SILENT_AFTER

    @classmethod
    def from_center_settings(
        cls, settings: object, environ: Mapping[str, str] | None = None
    ) -> FleetSettings:
        """``settings.admin_token`` if the center's settings have it, else the environment."""
        env = os.environ if environ is None else environ
        token = str(getattr(settings, "admin_token", "") or env.get("GJJ_CENTER_ADMIN_TOKEN", ""))
        return cls(admin_token=token.strip())

    def admin_ok(self, given: str | None) -> bool:
        """Constant-time check of an ``X-Admin-Token``; always False when no token is set."""
        if not self.admin_token or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.admin_token.encode("utf-8"))


def record_heartbeat(
    db: Session, kiosk_id: str, beat: Heartbeat, *, now: datetime, remote_addr: str | None
) -> KioskStatus:
    """Store ``beat`` as the kiosk's latest state (the caller commits)."""
    row = db.get(KioskStatus, kiosk_id)
    if row is None:
        row = KioskStatus(kiosk_id=kiosk_id, first_seen=now, heartbeats=0)
        db.add(row)
    row.version = beat.version
    row.uptime_seconds = beat.uptime_seconds
    row.center_id = beat.center_id
    row.health = dict(beat.health)
    row.last_error = beat.last_error
    row.offline_seconds = beat.offline_seconds
    row.remote_addr = remote_addr
    row.last_seen = now
    row.heartbeats = (row.heartbeats or 0) + 1
    return row


def config_for(db: Session, kiosk_id: str) -> tuple[dict[str, Any], str | None]:
    """The settings and notice for ``kiosk_id``: its own row over the default row."""
    default = db.get(KioskConfig, DEFAULT_KEY)
    own = db.get(KioskConfig, kiosk_id)
    config: dict[str, Any] = {}
    notice: str | None = None
    for row in (default, own):
        if row is None:
            continue
        config.update({k: v for k, v in (row.config or {}).items() if k in REMOTE_KEYS})
        if row.notice is not None:
            notice = row.notice or None  # an empty notice on the kiosk's row clears the default
    return config, notice


def set_config(
    db: Session, key: str, config: Mapping[str, Any], notice: str | None, *, now: datetime
) -> KioskConfig:
    """Replace the settings and notice of ``key`` (a kiosk id or :data:`DEFAULT_KEY`)."""
    row = db.get(KioskConfig, key)
    if row is None:
        row = KioskConfig(key=key)
        db.add(row)
    row.config = {k: v for k, v in config.items() if k in REMOTE_KEYS}
    row.notice = notice
    row.updated_at = now
    return row


def list_kiosks(db: Session) -> list[KioskStatus]:
    """Every kiosk that ever sent a heartbeat, by id."""
    return list(db.scalars(select(KioskStatus).order_by(KioskStatus.kiosk_id)))


def is_silent(row: KioskStatus, *, now: datetime, silent_after: timedelta = SILENT_AFTER) -> bool:
    """No heartbeat for longer than ``silent_after``."""
    return now - row.last_seen > silent_after
