"""Public routes: health, centers, service points, channels, guides, policy, captchas."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from sqlalchemy import select

from center import __version__
from center import db as database
from center.api.deps import ClockDep, DbSession, KioskId, SettingsDep
from center.errors import HOTLINE, ApiError
from center.models import Center, Channel, Guide, ServicePoint
from center.schemas import (
    CaptchaOut,
    CenterOut,
    ChannelOut,
    GuideOut,
    GuideSummaryOut,
    HealthOut,
    Items,
    PolicyOut,
    ServicePointOut,
)
from center.services.agreement import AGREEMENT_TITLE, AGREEMENT_VERSION, agreement_text
from center.services.captcha import create_captcha
from center.services.hours import hours_text
from center.services.identity import is_plain_key
from center.validation import (
    PASSWORD_MAX,
    PASSWORD_MIN,
    PASSWORD_RULE,
    USERNAME_MAX,
    USERNAME_MIN,
    USERNAME_RULE,
)

health_router = APIRouter(tags=["health"])
router = APIRouter(tags=["public"])


@health_router.get("/healthz", response_model=HealthOut)
def healthz(request: Request, response: Response) -> HealthOut:
    """Liveness and database reachability."""
    reachable = database.ping(request.app.state.engine)
    if not reachable:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return HealthOut(
        status="ok" if reachable else "degraded",
        database="ok" if reachable else "unreachable",
        version=__version__,
    )


@router.get("/centers", response_model=Items[CenterOut])
def list_centers(db: DbSession) -> Items[CenterOut]:
    """Management centers."""
    rows = db.scalars(select(Center).order_by(Center.sort_order, Center.id))
    return Items[CenterOut](items=[CenterOut.model_validate(r, from_attributes=True) for r in rows])


@router.get("/service-points", response_model=Items[ServicePointOut])
def list_service_points(db: DbSession, center_id: str | None = None) -> Items[ServicePointOut]:
    """Service points (网点), optionally of one center."""
    query = select(ServicePoint).order_by(ServicePoint.sort_order, ServicePoint.id)
    if center_id:
        key = center_id.strip()
        query = query.where(ServicePoint.center_id == (key if is_plain_key(key, 16) else ""))
    items = [
        ServicePointOut(
            id=p.id,
            center_id=p.center_id,
            name=p.name,
            address=p.address,
            lon=p.lon,
            lat=p.lat,
            phone=p.phone,
            opening_hours=p.opening_hours,
            hours_text=hours_text(p.opening_hours),
            services=p.services,
            note=p.note,
        )
        for p in db.scalars(query)
    ]
    return Items[ServicePointOut](items=items)


@router.get("/channels", response_model=Items[ChannelOut])
def list_channels(db: DbSession) -> Items[ChannelOut]:
    """WeChat, Android app, iOS app and website: the targets of the kiosk's QR codes."""
    rows = db.scalars(select(Channel).order_by(Channel.sort_order))
    return Items[ChannelOut](
        items=[ChannelOut.model_validate(r, from_attributes=True) for r in rows]
    )


@router.get("/guides", response_model=Items[GuideSummaryOut])
def list_guides(db: DbSession) -> Items[GuideSummaryOut]:
    """Service guide (办事指南) articles without their bodies."""
    rows = db.scalars(select(Guide).order_by(Guide.sort_order))
    return Items[GuideSummaryOut](
        items=[GuideSummaryOut.model_validate(r, from_attributes=True) for r in rows]
    )


@router.get("/guides/{guide_id}", response_model=GuideOut)
def get_guide(db: DbSession, guide_id: str) -> GuideOut:
    """One guide article with its body."""
    guide = db.get(Guide, guide_id) if is_plain_key(guide_id, 48) else None
    if guide is None:
        raise ApiError(
            404,
            "guide_not_found",
            f"未找到该办事指南，请返回列表重新选择，或拨打{HOTLINE}热线咨询。",
        )
    return GuideOut.model_validate(guide, from_attributes=True)


@router.get("/policy", response_model=PolicyOut)
def get_policy(settings: SettingsDep) -> PolicyOut:
    """Username/password rules, code and session numbers, the current agreement."""
    return PolicyOut(
        username={
            "min_length": USERNAME_MIN,
            "max_length": USERNAME_MAX,
            "pattern": f"^[A-Za-z0-9]{{{USERNAME_MIN},{USERNAME_MAX}}}$",
            "description": USERNAME_RULE,
        },
        password={
            "min_length": PASSWORD_MIN,
            "max_length": PASSWORD_MAX,
            "pattern": f"^[A-Za-z0-9]{{{PASSWORD_MIN},{PASSWORD_MAX}}}$",
            "description": PASSWORD_RULE,
            "rules": [
                PASSWORD_RULE,
                "不能使用123456、password等常见的简单密码",
                "不能包含本人身份证号、手机号码或用户名",
            ],
        },
        code_length=settings.otp_length,
        code_lifetime=settings.otp_lifetime,
        resend_after=settings.otp_resend_after,
        code_max_attempts=settings.otp_max_attempts,
        sms_hourly_limit=settings.per_phone_hourly_sms,
        sms_daily_limit=settings.per_phone_daily_sms,
        session_idle_timeout=settings.session_idle_timeout,
        session_absolute_timeout=settings.session_absolute_timeout,
        login_captcha_after=settings.login_captcha_after,
        login_lock_after=settings.login_lock_after,
        login_lock_minutes=settings.login_lock_seconds // 60,
        agreement_version=AGREEMENT_VERSION,
        agreement_title=AGREEMENT_TITLE,
        agreement_text=agreement_text(),
        hotline=HOTLINE,
    )


@router.post("/captchas", response_model=CaptchaOut, status_code=status.HTTP_201_CREATED)
def new_captcha(
    db: DbSession, clock: ClockDep, settings: SettingsDep, _kiosk: KioskId
) -> CaptchaOut:
    """A new image captcha (4 digits, PNG as base64, single use)."""
    created = create_captcha(db, clock, settings.captcha_lifetime)
    return CaptchaOut(
        captcha_id=created.captcha_id,
        image_png_base64=created.image_png_base64,
        expires_in=created.expires_in,
    )
