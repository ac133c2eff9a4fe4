"""The kiosk fleet: heartbeats in, the settings to apply out; the fleet listing for IT.

* ``POST /kiosks/{kiosk_id}/heartbeat`` (the kiosk, every minute): stores the report and answers
  ``{"config": {...}, "notice": ...}``.
* ``GET /kiosks`` (IT, ``X-Admin-Token``): every kiosk with its last heartbeat and ``silent``.
* ``PUT /kiosks/{kiosk_id}/config`` (IT, ``X-Admin-Token``): settings and notice for one kiosk, or
  for all with the id ``_default``.

Like every ``/api/v1`` call these carry ``X-Kiosk-Id`` (IT tools send any id, e.g. ``it-admin``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from center import fleet
from center.api.deps import ClockDep, DbSession, KioskId
from center.errors import ApiError

router = APIRouter(prefix="/kiosks", tags=["kiosks"])

ADMIN_MESSAGE = "需要有效的管理令牌（X-Admin-Token）才能查看或修改终端设置。"
MISMATCH_MESSAGE = "终端编号与请求头 X-Kiosk-Id 不一致，请检查终端设置。"

Text300 = Annotated[str, Field(max_length=300)]


class HeartbeatIn(BaseModel):
    """What a kiosk reports; members the center does not know are ignored."""

    model_config = ConfigDict(extra="ignore")

    version: Annotated[str, Field(max_length=32)]
    uptime_seconds: Annotated[int, Field(ge=0)] = 0
    center_id: Annotated[str | None, Field(max_length=32)] = None
    health: dict[Annotated[str, Field(max_length=32)], Annotated[str, Field(max_length=32)]] = (
        Field(default_factory=dict)
    )
    last_error: str | None = None
    offline_seconds: Annotated[int, Field(ge=0)] = 0

    @field_validator("health")
    @classmethod
    def _few_devices(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > 16:
            raise ValueError("too many devices")
        return value

    @field_validator("last_error")
    @classmethod
    def _short_error(cls, value: str | None) -> str | None:
        return None if value is None else value[:300]


class HeartbeatOut(BaseModel):
    """The settings the kiosk applies, and a notice to show (None: none)."""

    config: dict[str, Any]
    notice: str | None
    server_time: datetime


class KioskOut(BaseModel):
    """One kiosk in the fleet listing."""

    kiosk_id: str
    version: str
    uptime_seconds: int
    center_id: str | None
    health: dict[str, Any]
    last_error: str | None
    offline_seconds: int
    first_seen: datetime
    last_seen: datetime
    heartbeats: int
    silent: bool
    silent_seconds: int


class FleetOut(BaseModel):
    """``GET /kiosks``."""

    items: list[KioskOut]
    silent_after_seconds: int
    now: datetime


class KioskConfigIn(BaseModel):
    """``PUT /kiosks/{kiosk_id}/config``: only the settings a kiosk applies are kept."""

    model_config = ConfigDict(extra="ignore")

    config: dict[str, int] = Field(default_factory=dict)
    notice: Text300 | None = None


def get_fleet_settings(request: Request) -> fleet.FleetSettings:
    """``app.state.fleet`` when the application set one, else built from its settings."""
    configured = getattr(request.app.state, "fleet", None)
    if isinstance(configured, fleet.FleetSettings):
        return configured
    return fleet.FleetSettings.from_center_settings(request.app.state.settings)


FleetDep = Annotated[fleet.FleetSettings, Depends(get_fleet_settings)]


def require_admin(
    settings: FleetDep,
    x_admin_token: Annotated[str | None, Header(alias="X-Admin-Token")] = None,
) -> None:
    """401 unless ``X-Admin-Token`` matches the configured token."""
    if not settings.admin_ok(x_admin_token):
        raise ApiError(401, "admin_token_required", ADMIN_MESSAGE)


AdminOnly = Annotated[None, Depends(require_admin)]


@router.post("/{kiosk_id}/heartbeat", response_model=HeartbeatOut)
def heartbeat(
    kiosk_id: str,
    body: HeartbeatIn,
    *,
    request: Request,
    db: DbSession,
    clock: ClockDep,
    header_kiosk_id: KioskId,
) -> HeartbeatOut:
    """Store the kiosk's report; answer with its settings and notice."""
    if kiosk_id != header_kiosk_id:
        raise ApiError(400, "kiosk_id_mismatch", MISMATCH_MESSAGE)
    now = clock.now()
    fleet.record_heartbeat(
        db,
        kiosk_id,
        fleet.Heartbeat(
            version=body.version,
            uptime_seconds=body.uptime_seconds,
            center_id=body.center_id,
            health=body.health,
            last_error=body.last_error,
            offline_seconds=body.offline_seconds,
        ),
        now=now,
        remote_addr=request.client.host if request.client else None,
    )
    config, notice = fleet.config_for(db, kiosk_id)
    db.commit()
    return HeartbeatOut(config=config, notice=notice, server_time=now)


@router.get("", response_model=FleetOut)
def list_kiosks(_admin: AdminOnly, settings: FleetDep, db: DbSession, clock: ClockDep) -> FleetOut:
    """Every kiosk with its last heartbeat; ``silent`` when none came for 3 minutes."""
    now = clock.now()
    items = [
        KioskOut(
            kiosk_id=row.kiosk_id,
            version=row.version,
            uptime_seconds=row.uptime_seconds,
            center_id=row.center_id,
            health=dict(row.health or {}),
            last_error=row.last_error,
            offline_seconds=row.offline_seconds,
            first_seen=row.first_seen,
            last_seen=row.last_seen,
            heartbeats=row.heartbeats,
            silent=fleet.is_silent(row, now=now, silent_after=settings.silent_after),
            silent_seconds=max(0, int((now - row.last_seen).total_seconds())),
        )
        for row in fleet.list_kiosks(db)
    ]
    return FleetOut(
        items=items, silent_after_seconds=int(settings.silent_after.total_seconds()), now=now
    )


@router.put("/{kiosk_id}/config", response_model=HeartbeatOut)
def put_config(
    kiosk_id: str, body: KioskConfigIn, _admin: AdminOnly, db: DbSession, clock: ClockDep
) -> HeartbeatOut:
    """Set the settings and notice of one kiosk (or of all: ``_default``)."""
    now = clock.now()
    fleet.set_config(db, kiosk_id, body.config, body.notice, now=now)
    db.commit()
    config, notice = fleet.config_for(db, kiosk_id)
    return HeartbeatOut(config=config, notice=notice, server_time=now)
