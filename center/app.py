"""The application factory: ``create_app(settings) -> FastAPI``.

To add a resource, write its router in its own module and add one line to :func:`api_routers`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from center import __version__
from center.api.deps import KIOSK_ID_MESSAGE, KIOSK_ID_RE
from center.api.routes import demo, kiosks, password_resets, public, registrations, sessions
from center.business import idempotency
from center.business import routes as business_routes
from center.business.config import BusinessSettings
from center.clock import Clock
from center.config import CenterSettings
from center.db import create_all, create_db_engine, create_session_factory
from center.errors import ApiError, install_handlers
from center.housekeeping import Housekeeping
from center.security import Passwords
from center.seed import seed_demo, seed_reference
from center.sms import build_gateway

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"

#: GET routes under /api/v1 that work without ``X-Kiosk-Id`` (public reference data).
PUBLIC_GET_PREFIXES: tuple[str, ...] = (
    f"{API_PREFIX}/centers",
    f"{API_PREFIX}/service-points",
    f"{API_PREFIX}/channels",
    f"{API_PREFIX}/guides",
    f"{API_PREFIX}/policy",
    f"{API_PREFIX}/withdrawal-types",
)


def api_routers() -> list[APIRouter]:
    """Every router mounted under ``/api/v1`` (one line per resource)."""
    return [
        public.router,
        registrations.router,
        password_resets.router,
        sessions.router,
        kiosks.router,
        business_routes.router,
    ]


class KioskIdGuard:
    """ASGI middleware: every ``/api/v1`` request except public GETs must carry ``X-Kiosk-Id``.

    A missing or malformed header is answered with 400 ``kiosk_id_missing``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the header, then pass the request on."""
        if scope["type"] == "http" and self._needs_kiosk_id(scope):
            value = None
            for name, raw in scope.get("headers", []):
                if name == b"x-kiosk-id":
                    value = raw.decode("latin-1").strip()
                    break
            if value is None or not KIOSK_ID_RE.fullmatch(value):
                error = ApiError(400, "kiosk_id_missing", KIOSK_ID_MESSAGE)
                body = json.dumps(error.body(), ensure_ascii=False).encode("utf-8")
                await send(
                    {
                        "type": "http.response.start",
                        "status": 400,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode("ascii")),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

    @staticmethod
    def _needs_kiosk_id(scope: Scope) -> bool:
        path: str = scope.get("path", "")
        if not path.startswith(API_PREFIX + "/"):
            return False
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            return not any(
                path == prefix or path.startswith(prefix + "/") for prefix in PUBLIC_GET_PREFIXES
            )
        return True


def create_app(
    settings: CenterSettings | None = None,
    *,
    clock: Clock | None = None,
    extra_routers: Sequence[APIRouter] = (),
) -> FastAPI:
    """Build the application: database (tables created, reference data loaded), routers, handlers.

    Args:
        settings: configuration (``CenterSettings.from_env()`` when omitted).
        clock: the clock all expiry logic uses (a real one when omitted).
        extra_routers: more routers to mount under ``/api/v1``.

    Returns:
        The application; ``app.state`` holds ``settings``, ``clock``, ``engine``,
        ``session_factory``, ``sms`` and ``passwords``.
    """
    settings = settings or CenterSettings.from_env()
    clock = clock or Clock()
    app = FastAPI(
        title="宁夏住房公积金自助终端 中心服务",
        version=__version__,
        description="The reference central service the kiosk talks to (API v1).",
    )
    install_handlers(app)
    app.add_middleware(KioskIdGuard)
    app.include_router(public.health_router)
    for router in [*api_routers(), *extra_routers]:
        app.include_router(router, prefix=API_PREFIX)
    if settings.demo:
        app.include_router(demo.router)

    engine = create_db_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    passwords = Passwords(
        settings.argon2_time_cost, settings.argon2_memory_kib, settings.argon2_parallelism
    )
    create_all(engine)  # after the routers: their modules have registered their tables
    with session_factory() as session:
        seed_reference(session)
        if settings.demo:
            seed_demo(session, clock, passwords)

    app.state.settings = settings
    app.state.clock = clock
    app.state.engine = engine
    app.state.session_factory = session_factory
    app.state.passwords = passwords
    app.state.sms = build_gateway(settings.sms_gateway, session_factory, clock)
    app.state.housekeeping = Housekeeping()
    app.state.housekeeping.register(
        "idempotency_records",
        lambda db, now: idempotency.purge(
            db, now, ttl_hours=_business_settings(app).idempotency_ttl_hours
        ),
    )
    return app


def _business_settings(app: FastAPI) -> BusinessSettings:
    current: BusinessSettings | None = getattr(app.state, "business_settings", None)
    return current or BusinessSettings()
