"""网厅首页: the signed-in home with the business tiles, 退出登录, QR codes, map entry and hours."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.flows import FlowData
from kiosk.masking import mask_name
from kiosk.reference import Reference
from kiosk.ui.screen import Screen
from kiosk.ui.service_info import ChannelStrip, HoursPanel
from kiosk.ui.theme import set_local_style
from kiosk.ui.tile import add_tiles

#: The business targets of the tiles, in the manual's order.
BUSINESS_TARGETS = ("account", "query", "loan", "withdraw")


class AccountHomeScreen(Screen):
    """The signed-in home (网厅首页).

    Args:
        reference: the reference data (QR codes, hours).
        center_id: the kiosk's own center (whose hours are shown).
        available: whether a target screen is registered; a tile whose target is not says
            the business is coming soon instead of failing.
        clock: the current local time.
    """

    idle_kind = "account"

    def __init__(
        self,
        reference: Reference,
        center_id: str,
        available: Callable[[str], bool],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], _dt.datetime] = _dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.primary_text = None
        self._reference = reference
        self._center_id = center_id
        self._available = available
        self._clock = clock
        self._display_name = ""

        self.greeting = QLabel(self)
        self.greeting.setObjectName("Greeting")
        set_local_style(self.greeting, "font-size: 26pt; font-weight: bold; color: #0D47A1;")
        self.logout_button = QPushButton(self.tr("退出登录"), self)
        self.logout_button.setObjectName("LogoutButton")
        self.logout_button.setProperty("role", "danger")
        head = QHBoxLayout()
        head.addWidget(self.greeting, 1)
        head.addWidget(self.logout_button)

        specs = (
            ("account", self.tr("个人账户"), self.tr("账户余额、缴存基数和状态"), "账", "#1565C0"),
            ("query", self.tr("信息查询"), self.tr("缴存明细、提取和贷款记录"), "查", "#00838F"),
            ("loan", self.tr("我要贷款"), self.tr("贷款试算、申请和进度"), "贷", "#2E7D32"),
            ("withdraw", self.tr("我要提取"), self.tr("提取公积金到本人银行卡"), "取", "#EF6C00"),
            ("guide", self.tr("办事指南"), self.tr("各项业务的条件和所需材料"), "指", "#6A1B9A"),
            ("points", self.tr("网点查询"), self.tr("服务网点地图和办公时间"), "网", "#455A64"),
        )
        grid = QGridLayout()
        grid.setSpacing(12)
        self.tiles = add_tiles(grid, specs, self, self.on_tile_clicked)

        self.hours = HoursPanel(self)
        self.channels = ChannelStrip(self, min_pixels=130)
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        bottom.addWidget(self.hours, 1)
        bottom.addWidget(self.channels)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)  # in elder mode every pixel counts: it must fit 1080 rows
        layout.addLayout(head)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)

        self.logout_button.clicked.connect(self.on_logout_button_clicked)
        self.set_valid(True)
        self._update_greeting()

    def title(self) -> str:
        return self.tr("网厅首页")

    # -- the resident ------------------------------------
    def set_display_name(self, name: str) -> None:
        """The signed-in resident's name; shown masked (the center sends it masked already)."""
        self._display_name = name
        self._update_greeting()

    def display_name(self) -> str:
        """The name as shown (masked)."""
        return mask_name(self._display_name) if self._display_name else ""

    def _update_greeting(self) -> None:
        name = self.display_name()
        self.greeting.setText(
            self.tr("您好，{name}！请选择您要办理的业务").format(name=name)
            if name
            else self.tr("您好！请选择您要办理的业务")
        )

    # -- data ----------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Read the reference data again."""
        self.channels.set_channels(self._reference.channels())
        self.refresh_hours()

    @Slot()
    def refresh_hours(self) -> None:
        self.hours.follow(self._reference.service_points, self._center_id, self._clock)

    # -- life cycle ----------------------------------------
    def enter(self, data: FlowData) -> None:
        if data.get("display_name"):
            self.set_display_name(str(data["display_name"]))
        self.set_error("")
        self.refresh()

    def reset(self) -> None:
        super().reset()
        self._display_name = ""
        self._update_greeting()
        self.set_valid(True)

    @Slot(str)
    def on_tile_clicked(self, target: str) -> None:
        if target in BUSINESS_TARGETS and not self._available(target):
            self.set_error(
                self.tr("该业务即将开通，敬请期待；如需现在办理，请到柜台或拨打12329热线咨询。")
            )
            return
        self.set_error("")
        self.leave_requested.emit(target)

    @Slot()
    def on_logout_button_clicked(self) -> None:
        """退出登录: the shell's reset revokes the session on the server and wipes every screen."""
        self.leave_requested.emit("home")
