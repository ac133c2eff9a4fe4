"""网点查询: every service point of a center on a map, a list beside it, and a detail card.

The card shows the name, address, phone, opening hours (today's status and the week), services,
and a QR code that opens the point in a phone map app for directions. Everything comes from the
reference data, so the screen works with the center down.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.flows import FlowData
from kiosk.hours import status_at, week_lines
from kiosk.reference import Reference
from kiosk.ui.i18n import translated
from kiosk.ui.map_panel import MapPanel
from kiosk.ui.qr import QrCard
from kiosk.ui.screen import Screen
from kiosk.ui.scroll import enable_touch_scroll, page_scroll_area
from kiosk.ui.theme import set_local_style

_STYLE = """
QPushButton[role="choice"] { min-height: 56px; min-width: 0; padding: 4px 18px; font-size: 18pt; }
QPushButton[role="choice"]:checked { color: #FFFFFF; background: #1565C0; }
QScrollArea#pointList { background: #FFFFFF; border: 1px solid #C9D3E0; border-radius: 12px; }
QWidget#pointListBody { background: #FFFFFF; }
QPushButton[role="pointItem"] { text-align: left; min-height: 72px; padding: 6px 16px;
    font-size: 18pt; color: #1A1A1A; background: #FFFFFF; border: none;
    border-bottom: 1px solid #E4E8ED; border-radius: 0; }
QPushButton[role="pointItem"]:checked { color: #0D47A1; background: #E3F2FD; font-weight: bold; }
QLabel#pointName { font-size: 24pt; font-weight: bold; color: #0D47A1; }
QLabel#pointStatus { font-size: 20pt; font-weight: bold; color: #2E7D32; }
QLabel#pointStatus[open="false"] { color: #8A4B00; }
QLabel#pointText { font-size: 18pt; color: #1A1A1A; }
QLabel#pointHint { font-size: 20pt; color: #55606E; }
QLabel#qrTitle { font-size: 18pt; }
QLabel#qrCaption { font-size: 15pt; }
"""


def navigation_url(point: Mapping[str, Any]) -> str:
    """A link that opens the point in a phone map app (AMap), for directions.

    Args:
        point: a service point with ``lon``, ``lat`` and ``name``.

    Returns:
        e.g. ``https://uri.amap.com/marker?position=106.218,38.499&name=...``.
    """
    lon, lat = float(point.get("lon", 0.0)), float(point.get("lat", 0.0))
    name = quote(str(point.get("name", "")), safe="")
    return (
        f"https://uri.amap.com/marker?position={lon:.6f},{lat:.6f}&name={name}"
        "&coordinate=wgs84&callnative=1"
    )


class PointsScreen(Screen):
    """The service-point map with a list and a detail card.

    Args:
        reference: the reference data.
        center_id: the kiosk's own center, shown first.
        map_image: an approved base-map image (empty: the schematic).
        map_bounds: the image's (west, south, east, north).
        clock: the current local time.
    """

    idle_kind = "account"

    def __init__(
        self,
        reference: Reference,
        center_id: str,
        parent: QWidget | None = None,
        *,
        map_image: str = "",
        map_bounds: tuple[float, float, float, float] | None = None,
        clock: Callable[[], _dt.datetime] = _dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.primary_text = None
        set_local_style(self, _STYLE)
        self._reference = reference
        self._default_center = center_id
        self._center_id = center_id
        self._clock = clock
        self._points: dict[str, dict[str, Any]] = {}

        self._center_group = QButtonGroup(self)
        self._center_group.setExclusive(True)
        self.center_buttons: dict[str, QPushButton] = {}
        self._center_row = QHBoxLayout()
        self._center_row.setSpacing(10)

        self.map = MapPanel(self, image_path=map_image, image_bounds=map_bounds)
        self.list = QScrollArea(self)
        self.list.setObjectName("pointList")
        self.list.setWidgetResizable(True)
        self._list_body = QWidget(self.list)
        self._list_body.setObjectName("pointListBody")
        self._list_layout = QVBoxLayout(self._list_body)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(0)
        self._list_layout.addStretch(1)
        self.list.setWidget(self._list_body)
        # No drag-scrolling here: a kinetic scroller swallows short taps on the items, and a
        # center has only a few points; the wide scroll bar is there when they do not fit.
        self._item_group = QButtonGroup(self)
        self._item_group.setExclusive(True)
        self.items: dict[str, QPushButton] = {}

        self.card = QWidget(self)
        self.card.setObjectName("pointCard")
        self.card.setProperty("card", True)
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hint = QLabel(
            self.tr("请点击地图上的编号或列表中的网点，查看地址、电话和办公时间"), self
        )
        self.hint.setObjectName("pointHint")
        self.hint.setWordWrap(True)
        self.name = QLabel(self.card)
        self.name.setObjectName("pointName")
        self.name.setWordWrap(True)
        self.status = QLabel(self.card)
        self.status.setObjectName("pointStatus")
        self.status.setWordWrap(True)
        self.details = QLabel(self.card)
        self.details.setObjectName("pointText")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.qr = QrCard(self.card, min_pixels=200)
        self.qr.setObjectName("pointQr")
        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addWidget(self.name)
        texts.addWidget(self.status)
        # A point's hours and services can need more rows than the card has (large text):
        # they scroll rather than lose their last lines.
        details_area = page_scroll_area(self.card, self.details)
        enable_touch_scroll(details_area)
        texts.addWidget(details_area, 1)
        card_layout = QHBoxLayout(self.card)
        card_layout.setContentsMargins(20, 16, 16, 16)
        card_layout.setSpacing(12)
        card_layout.addLayout(texts, 1)
        card_layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)

        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self.list, 2)
        side.addWidget(self.hint)
        side.addWidget(self.card, 3)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.map, 11)
        body.addLayout(side, 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(self._center_row)
        layout.addLayout(body, 1)
        self._connect_signals()
        self.set_valid(True)
        self._show_details(None)

    def _connect_signals(self) -> None:
        self.map.point_clicked.connect(self.on_map_point_clicked)
        self._center_group.idClicked.connect(self.on_center_group_id_clicked)

    def title(self) -> str:
        return self.tr("网点查询")

    # -- data ----------------------------------------------------
    def _populate_centers(self) -> None:
        centers = self._reference.centers()
        ids = [str(c.get("id")) for c in centers]
        if ids == list(self.center_buttons):
            return
        for button in self.center_buttons.values():
            self._center_group.removeButton(button)
            self._center_row.removeWidget(button)
            button.deleteLater()
        self.center_buttons = {}
        for index, center in enumerate(centers):
            center_id = str(center.get("id"))
            label = str(center.get("short_name") or center.get("name") or center_id)
            button = QPushButton(label, self)
            button.setObjectName(f"points_center_{center_id}")
            button.setCheckable(True)
            button.setProperty("role", "choice")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._center_group.addButton(button, index)
            self._center_row.addWidget(button)
            self.center_buttons[center_id] = button

    @Slot()
    def refresh(self) -> None:
        """Read the reference data again and redraw the map and the list."""
        self._populate_centers()
        if self._center_id not in self.center_buttons and self.center_buttons:
            self._center_id = next(iter(self.center_buttons))
        button = self.center_buttons.get(self._center_id)
        if button is not None:
            button.setChecked(True)
        self._show_center(self._center_id)

    def set_center(self, center_id: str) -> None:
        """Show the service points of another center."""
        self._center_id = center_id
        self.refresh()

    def center_id(self) -> str:
        return self._center_id

    def _show_center(self, center_id: str) -> None:
        selected = self.map.selected()
        points = self._reference.service_points(center_id)
        self._points = {str(p.get("id")): dict(p) for p in points}
        self.map.set_points(points)
        now = self._clock()
        for button in self.items.values():
            self._item_group.removeButton(button)
            self._list_layout.removeWidget(button)
            button.deleteLater()
        self.items = {}
        for number, point in enumerate(points, start=1):
            point_id = str(point.get("id"))
            status = status_at(point.get("opening_hours") or {}, now)
            button = QPushButton(
                f"{number}. {point.get('name', '')}\n      {translated(status.text)}", self
            )
            button.setObjectName(f"point_{point_id}")
            button.setProperty("role", "pointItem")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, p=point_id: self.select(p))
            self._item_group.addButton(button)
            self._list_layout.insertWidget(self._list_layout.count() - 1, button)
            self.items[point_id] = button
        if selected not in self._points:
            selected = next(iter(self._points), "")
        self.select(selected)

    # -- selection ------------------------------------------
    def select(self, point_id: str) -> None:
        """Select a point on the map and in the list, and show its card."""
        self.map.select(point_id)
        button = self.items.get(point_id)
        if button is not None:
            button.setChecked(True)
            self.list.ensureWidgetVisible(button)
        else:
            checked = self._item_group.checkedButton()
            if checked is not None:
                self._item_group.setExclusive(False)
                checked.setChecked(False)
                self._item_group.setExclusive(True)
        self._show_details(self._points.get(point_id))

    def selected(self) -> str:
        return self.map.selected()

    def _show_details(self, point: Mapping[str, Any] | None) -> None:
        self.card.setVisible(point is not None)
        self.hint.setVisible(point is None)
        if point is None:
            self.qr.set_content("", "")
            return
        hours = point.get("opening_hours") or {}
        status = status_at(hours, self._clock())
        self.name.setText(str(point.get("name", "")))
        self.status.setText(translated(status.text))
        self.status.setProperty("open", "true" if status.is_open else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        services = [str(s) for s in point.get("services") or []]
        lines = [
            self.tr("地址：{address}").format(address=point.get("address", "")),
            self.tr("电话：{phone}").format(phone=point.get("phone", "")),
            self.tr("办公时间：") + self.tr("；").join(translated(w) for w in week_lines(hours)),
        ]
        if services:
            lines.append(self.tr("可办业务：") + "、".join(services))
        note = str(point.get("note") or "").strip()
        if note:
            lines.append(note)
        self.details.setText("\n".join(lines))
        self.qr.set_content(self.tr("扫码导航"), navigation_url(point), self.tr("用手机地图前往"))

    # -- slots --------------------------------------------------
    @Slot(str)
    def on_map_point_clicked(self, point_id: str) -> None:
        self.select(point_id)

    @Slot(int)
    def on_center_group_id_clicked(self, index: int) -> None:
        ids = list(self.center_buttons)
        if 0 <= index < len(ids):
            self.set_center(ids[index])

    # -- life cycle ----------------------------------------
    def enter(self, data: FlowData) -> None:
        self.refresh()

    def reset(self) -> None:
        super().reset()
        self._center_id = self._default_center
        self.map.select("")
        self.set_valid(True)
