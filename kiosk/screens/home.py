"""The public home screen: what a resident sees walking up to the kiosk.

Large tiles for every public service, the QR codes of the official channels, and today's working
hours of the kiosk's own center. Everything shown comes from the reference data (bundled
defaults, the local cache, then the center), so the screen works with the center down.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.flows import FlowData
from kiosk.reference import Reference
from kiosk.ui.screen import Screen
from kiosk.ui.service_info import ChannelStrip, HoursPanel
from kiosk.ui.tile import add_tiles

#: Targets that need the center (flows): refused up front while it is unreachable.
ONLINE_TARGETS = ("registration", "login", "recovery")


class HomeScreen(Screen):
    """Large tiles for every public service; never reset for idleness.

    Args:
        reference: the reference data (read again at each :meth:`refresh`).
        center_id: the kiosk's own management center.
        clock: the current local time (tests pass a fixed one).

    Signals:
        center_check_requested(): a tile needing the center was tapped while it was offline;
            the composition root tries to reach it again.
    """

    idle_kind = "public"
    center_check_requested = Signal()

    def __init__(
        self,
        reference: Reference,
        center_id: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], _dt.datetime] = _dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.primary_text = None
        self._reference = reference
        self._center_id = center_id
        self._online: bool | None = None
        self.welcome = QLabel(self.tr("欢迎使用住房公积金自助服务终端，请点击您要办理的业务"), self)
        self.welcome.setObjectName("Welcome")  # centred, large and blue: see the stylesheet
        self.welcome.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(20)
        specs = (
            ("registration", self.tr("用户注册"), self.tr("首次使用网上业务大厅"), "注", "#2E7D32"),
            ("login", self.tr("用户登录"), self.tr("查询账户、办理提取和贷款"), "登", "#1565C0"),
            (
                "recovery",
                self.tr("密码找回"),
                self.tr("忘记密码，用短信验证码重设"),
                "密",
                "#EF6C00",
            ),
            ("guide", self.tr("办事指南"), self.tr("各项业务的条件和所需材料"), "指", "#6A1B9A"),
            (
                "points",
                self.tr("网点查询"),
                self.tr("服务网点地图、地址和办公时间"),
                "网",
                "#00838F",
            ),
        )
        self.tiles = add_tiles(grid, specs, self, self.on_tile_clicked)
        self.hours = HoursPanel(self)
        grid.addWidget(self.hours, 1, 2)

        self.channels = ChannelStrip(self, min_pixels=130)
        channel_row = QHBoxLayout()
        channel_row.addStretch(1)
        channel_row.addWidget(self.channels)
        channel_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.welcome)
        layout.addLayout(grid, 1)
        layout.addLayout(channel_row)

        self._clock = clock
        # Making and painting four codes is the costliest part of the home screen: the strip is
        # filled in the event loop after each refresh, and not before the home screen's first
        # frame is on screen (see paintEvent).
        self._painted = False
        self._channels_timer = QTimer(self)
        self._channels_timer.setObjectName("homeChannelsTimer")
        self._channels_timer.setSingleShot(True)
        self._channels_timer.setInterval(0)
        self._channels_timer.timeout.connect(self.update_channels)
        self.set_valid(True)  # the hours are read when the screen is entered (see enter)

    def title(self) -> str:
        return self.tr("首页")

    # -- data ----------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Read the reference data again (after a refresh from the center or the cache)."""
        if self._painted:
            self._channels_timer.start()
        self.refresh_hours()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self._channels_timer.start()  # runs after this paint pass

    @Slot()
    def update_channels(self) -> None:
        """Show the QR codes of the current channels (WeChat, apps, website)."""
        self.channels.set_channels(self._reference.channels())

    @Slot()
    def refresh_hours(self) -> None:
        """Recompute today's hours and the open/closed status of the kiosk's center."""
        self.hours.follow(self._reference.service_points, self._center_id, self._clock)

    def set_clock(self, clock: Callable[[], _dt.datetime]) -> None:
        """Use another clock (tests, a kiosk in another time zone) and recompute."""
        self._clock = clock
        self.refresh_hours()

    def set_center_online(self, online: bool | None) -> None:
        """Whether the center answered the last time it was asked (None: not asked yet)."""
        self._online = online
        if online:
            self.set_error("")

    # -- life cycle ----------------------------------------
    def enter(self, data: FlowData) -> None:
        self.set_error("")
        self.refresh()

    def reset(self) -> None:
        super().reset()
        self.set_valid(True)

    @Slot(str)
    def on_tile_clicked(self, target: str) -> None:
        if target in ONLINE_TARGETS and self._online is False:
            title = self.tiles[target].title()
            self.set_error(
                self.tr(
                    "暂时无法连接公积金中心，{service}暂不可用，请稍后再试；"
                    "如急需办理，请到柜台或拨打12329热线。"
                ).format(service=title)
            )
            self.center_check_requested.emit()
            return
        self.set_error("")
        self.leave_requested.emit(target)
