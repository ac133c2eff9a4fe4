"""Reference data (centers, service points, channels, guides) and the demo residents.

Reference data comes from ``center/data/*.json`` and is loaded into an empty database in every
mode. Demo residents are created only with ``--demo``; all their ID numbers carry valid GB 11643
check characters.
"""

from __future__ import annotations

import importlib
import json
import logging
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center.clock import Clock
from center.db import Base
from center.models import (
    ACCOUNT_CLOSED,
    ACCOUNT_NORMAL,
    ACCOUNT_SEALED,
    Center,
    Channel,
    Depositor,
    Guide,
    ServicePoint,
    User,
)
from center.security import Passwords, cached_demo_hash
from center.services.agreement import AGREEMENT_VERSION
from center.validation import id_check_char

log = logging.getLogger(__name__)

BUSINESS_SEED_MODULE = "center.business.seed"


@dataclass(frozen=True)
class DemoResident:
    """One demo depositor; ``id17`` are the first 17 characters of the ID number."""

    center_id: str
    id17: str
    name: str
    phone: str
    employer: str
    status: str = ACCOUNT_NORMAL
    username: str | None = None
    password: str | None = None
    note: str = ""

    @property
    def id_number(self) -> str:
        """The full ID number with its check character."""
        return self.id17 + id_check_char(self.id17)


SHARED_PHONE = "13909510010"

DEMO_RESIDENTS: tuple[DemoResident, ...] = (
    DemoResident(
        "yc",
        "64010619900315123",
        "张晓明",
        "13895012345",
        "宁夏银川新华百货商业集团股份有限公司",
        username="demo2024",
        password="Gjj2024abc",
        note="已注册网厅：用户名 demo2024",
    ),
    DemoResident(
        "yc",
        "64010519920808346",
        "王芳",
        "15809510002",
        "银川市第一人民医院",
        note="未注册，可演示用户注册",
    ),
    DemoResident(
        "nx",
        "64010419850612224",
        "马丽",
        "13995110001",
        "宁夏回族自治区人民医院",
        note="区直单位职工，未注册",
    ),
    DemoResident(
        "szs",
        "64020219780120151",
        "李建国",
        "13709520003",
        "石嘴山市大武口区人民政府",
        status=ACCOUNT_SEALED,
        note="账户封存（离职暂停缴存），可注册",
    ),
    DemoResident(
        "wz",
        "64030219880926262",
        "杨秀兰",
        "18195300004",
        "吴忠市利通区第一中学",
        note="未注册",
    ),
    DemoResident(
        "gy",
        "64040219951111173",
        "马文华",
        "13519540005",
        "固原市原州区人民医院",
        note="未注册",
    ),
    DemoResident(
        "zw",
        "64050219930505385",
        "刘洋",
        "17795500006",
        "中卫市沙坡头旅游开发有限公司",
        note="未注册",
    ),
    DemoResident(
        "zw",
        "64050219700318017",
        "孙强",
        "13995500009",
        "中卫市供电公司",
        status=ACCOUNT_CLOSED,
        note="账户已销户：注册会被拒绝并提示到柜台办理",
    ),
    DemoResident(
        "yc",
        "11010519870214411",
        "陈磊",
        "13801010007",
        "中国移动通信集团宁夏有限公司",
        note="北京身份证号，在银川缴存",
    ),
    DemoResident(
        "wz",
        "61011319910701228",
        "赵敏",
        "18095300008",
        "青铜峡铝业股份有限公司",
        note="陕西西安身份证号，在吴忠缴存",
    ),
    DemoResident(
        "yc",
        "64010419860409139",
        "周建华",
        SHARED_PHONE,
        "宁夏电力设计院",
        note="与吴婷共用同一手机号码（短信次数合并计算）",
    ),
    DemoResident(
        "yc",
        "64010419880612246",
        "吴婷",
        SHARED_PHONE,
        "银川市兴庆区实验小学",
        note="与周建华共用同一手机号码（短信次数合并计算）",
    ),
)


def demo_password(username: str) -> str | None:
    """The seeded password of a demo user (None when not seeded)."""
    for resident in DEMO_RESIDENTS:
        if resident.username == username:
            return resident.password
    return None


def demo_notes() -> dict[str, str]:
    """A short note on each demo resident, by ID number."""
    return {resident.id_number: resident.note for resident in DEMO_RESIDENTS}


def _load(name: str) -> list[dict[str, Any]]:
    text = resources.files("center").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows: list[dict[str, Any]] = json.loads(text)
    return rows


def seed_reference(session: Session) -> None:
    """Load centers, service points, channels and guides into an empty database (committed)."""
    if session.scalar(select(func.count()).select_from(Center)):
        return
    session.add_all(Center(**row) for row in _load("centers.json"))
    session.flush()
    session.add_all(ServicePoint(**row) for row in _load("service_points.json"))
    session.add_all(Channel(**row) for row in _load("channels.json"))
    session.add_all(Guide(**row) for row in _load("guides.json"))
    session.commit()


def seed_demo(session: Session, clock: Clock, passwords: Passwords) -> None:
    """Create the demo residents once, then the demo ledger if ``center.business`` exists."""
    if session.scalar(select(func.count()).select_from(Depositor)):
        return
    now = clock.now()
    for resident in DEMO_RESIDENTS:
        depositor = Depositor(
            id_number=resident.id_number,
            name=resident.name,
            phone=resident.phone,
            center_id=resident.center_id,
            employer=resident.employer,
            account_status=resident.status,
            created_at=now,
        )
        session.add(depositor)
        if resident.username and resident.password:
            session.add(
                User(
                    depositor=depositor,
                    username=resident.username,
                    username_key=resident.username.lower(),
                    password_hash=cached_demo_hash(resident.password, passwords.parameters),
                    email=None,
                    agreement_version=AGREEMENT_VERSION,
                    agreement_accepted_at=now,
                    created_at=now,
                    password_changed_at=now,
                )
            )
    session.commit()
    _seed_business(session, clock)


def _seed_business(session: Session, clock: Clock) -> None:
    """Call ``center.business.seed.seed_business_data(session, clock)`` when it exists."""
    try:
        module = importlib.import_module(BUSINESS_SEED_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name and BUSINESS_SEED_MODULE.startswith(exc.name):
            return
        raise
    bind = session.get_bind()
    Base.metadata.create_all(bind)
    module.seed_business_data(session, clock)
    session.commit()
