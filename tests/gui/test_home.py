"""The public home screen: tiles lead to their flows, QR codes decode back, hours are right."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import numpy as np
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from kiosk.hours import status_at, today_text
from kiosk.ui.service_info import HoursPanel
from tests.gui.helpers import (
    CENTER_ID,
    home_tile,
    tap,
    wait_for,
)

pytestmark = pytest.mark.gui


def decode(image: QImage) -> list[str]:
    """Read every QR code in an image with zxing-cpp (numpy array, no Pillow)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buffer = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * height)
    pixels = buffer.reshape(height, stride)[:, :width].copy()
    return [result.text for result in zxingcpp.read_barcodes(pixels)]


def test_the_qr_codes_decode_back_to_the_centers_channels(kiosk: Any) -> None:
    home = kiosk.window.screen_by_id("home")
    channels = {c["kind"]: c["url"] for c in kiosk.client.channels()}
    assert set(channels) >= {"wechat", "android", "ios", "website"}
    cards = home.channels.cards
    assert [c.url() for c in cards] == [
        channels[k] for k in ("wechat", "android", "ios", "website")
    ]
    for card in cards:
        assert card.isVisible()
        assert card.pixmap().width() >= 130  # readable at arm's length
        assert decode(card.pixmap().toImage()) == [card.url()]
    # What the resident sees on screen (the whole window grabbed) decodes too.
    on_screen = decode(kiosk.window.grab().toImage())
    assert sorted(on_screen) == sorted(channels.values())
    titles = [c.findChild(QLabel, "qrTitle").text() for c in cards]
    assert titles[0] == "微信公众号" and "Android" in titles[1] and "iOS" in titles[2]
    assert titles[3] == "官方网站"


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (_dt.datetime(2025, 6, 4, 10, 0), "正在办公"),  # a Wednesday morning
        (_dt.datetime(2025, 6, 4, 17, 10), "即将下班"),
        (_dt.datetime(2025, 6, 4, 12, 30), "午间休息"),
        (_dt.datetime(2025, 6, 4, 19, 0), "已下班"),
        (_dt.datetime(2025, 6, 8, 10, 0), "今日休息"),  # a Sunday
    ],
)
def test_todays_hours_and_the_open_status(kiosk: Any, moment: _dt.datetime, expected: str) -> None:
    home = kiosk.window.screen_by_id("home")
    home.set_clock(lambda: moment)
    point = next(p for p in kiosk.client.service_points() if p["center_id"] == CENTER_ID)
    assert home.hours.today.text() == today_text(point["opening_hours"], moment)
    status = home.hours.status.text()
    assert status == status_at(point["opening_hours"], moment).text
    assert status.startswith(expected)
    if expected == "已下班":
        assert "明天（周四）09:00上班" in status
    if expected == "正在办公":
        assert home.hours.today.text() == "今日 09:00-12:00 13:30-17:30"
    pill = home.hours.status.grab().toImage()
    assert pill.pixelColor(4, pill.height() // 2).name() == STATUS_COLOURS[expected]


#: The background of the status line for each opening state.
STATUS_COLOURS = {
    "正在办公": "#2e7d32",
    "即将下班": "#e65100",
    "午间休息": "#fff4e5",
    "已下班": "#55606e",
    "今日休息": "#55606e",
}


def test_the_status_colour_follows_the_state_before_the_panel_was_ever_shown(
    qtbot: Any, kiosk: Any
) -> None:
    """A prebuilt screen's hours card is styled (painted off screen) before it is first shown;
    a later change of state must still change its colour."""
    panel = HoursPanel()
    qtbot.addWidget(panel)
    panel.grab()  # styled and painted, never shown
    point = next(p for p in kiosk.client.service_points() if p["center_id"] == CENTER_ID)
    for moment, expected in (
        (_dt.datetime(2025, 6, 4, 10, 0), "正在办公"),
        (_dt.datetime(2025, 6, 4, 19, 0), "已下班"),
    ):
        panel.show_point(point, moment)
        pill = panel.status.grab().toImage()
        assert pill.pixelColor(4, pill.height() // 2).name() == STATUS_COLOURS[expected]


def test_the_hours_timer_runs_only_while_home_is_shown(qtbot: Any, kiosk: Any) -> None:
    home = kiosk.window.screen_by_id("home")
    assert home.hours.timer.isActive()
    tap(qtbot, home_tile(kiosk, "guide"))
    wait_for(qtbot, kiosk, "guide")
    assert not home.hours.timer.isActive()


@pytest.mark.parametrize(
    ("tile", "screen_id", "flow"),
    [
        ("registration", "center", "registration"),
        ("login", "center", "login"),
        ("recovery", "center", "recovery"),
        ("guide", "guide", None),
        ("points", "points", None),
    ],
)
def test_each_tile_leads_to_its_service(
    qtbot: Any, kiosk: Any, tile: str, screen_id: str, flow: str | None
) -> None:
    tap(qtbot, home_tile(kiosk, tile))
    wait_for(qtbot, kiosk, screen_id)
    run = kiosk.window.flow_run
    assert (run.flow.name if run is not None else None) == flow
    tap(qtbot, kiosk.window.back_button)
    wait_for(qtbot, kiosk, "home")
