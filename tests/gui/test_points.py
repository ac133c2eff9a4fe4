"""网点查询: every seeded point of the center on the map, tap one for its card and its QR code."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.gui.helpers import (
    CENTER_ID,
    home_tile,
    tap,
    wait_for,
)
from tests.gui.test_home import decode

pytestmark = pytest.mark.gui


def _open_points(qtbot: Any, kiosk: Any) -> Any:
    tap(qtbot, home_tile(kiosk, "points"))
    wait_for(qtbot, kiosk, "points")
    return kiosk.window.screen_by_id("points")


def test_the_map_shows_every_point_of_the_center(qtbot: Any, kiosk: Any) -> None:
    screen = _open_points(qtbot, kiosk)
    seeded = kiosk.client.service_points(CENTER_ID)
    assert len(seeded) >= 2
    assert [p.point_id for p in screen.map.points()] == [str(p["id"]) for p in seeded]
    area = QRectF(screen.map.rect())
    positions = [screen.map.marker_position(str(p["id"])) for p in seeded]
    for position in positions:
        assert position is not None and area.contains(position)
    # Distinct points are drawn apart, so each can be tapped.
    for index, first in enumerate(positions):
        for second in positions[index + 1 :]:
            assert (first - second).manhattanLength() > 10
    assert list(screen.items) == [str(p["id"]) for p in seeded]
    assert screen.map.has_base_map() is False  # the schematic, labelled 示意图


def test_tapping_a_point_shows_its_details_and_a_navigation_qr(qtbot: Any, kiosk: Any) -> None:
    screen = _open_points(qtbot, kiosk)
    seeded = kiosk.client.service_points(CENTER_ID)
    target = seeded[-1]
    assert screen.selected() != str(target["id"])
    position = screen.map.marker_position(str(target["id"]))
    qtbot.mouseClick(screen.map, Qt.MouseButton.LeftButton, pos=position.toPoint())
    assert screen.selected() == str(target["id"])
    assert screen.name.text() == target["name"]
    details = screen.details.text()
    for text in (target["address"], target["phone"], target["services"][0]):
        assert text in details
    assert "办公时间" in details and screen.status.text()
    assert screen.items[str(target["id"])].isChecked()
    url = screen.qr.url()
    assert decode(screen.qr.pixmap().toImage()) == [url]
    query = parse_qs(urlsplit(url).query)
    lon, lat = (float(v) for v in query["position"][0].split(","))
    assert (lon, lat) == pytest.approx((target["lon"], target["lat"]))
    assert query["name"] == [target["name"]]
    # Tapping the empty sea of the map changes nothing.
    qtbot.mouseClick(screen.map, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert screen.selected() == str(target["id"])


def test_the_list_selects_on_the_map_and_other_centers_can_be_shown(qtbot: Any, kiosk: Any) -> None:
    screen = _open_points(qtbot, kiosk)
    seeded = kiosk.client.service_points(CENTER_ID)
    item = screen.items[str(seeded[1]["id"])]
    screen.list.ensureWidgetVisible(item)
    tap(qtbot, item)
    assert screen.map.selected() == str(seeded[1]["id"])
    assert screen.name.text() == seeded[1]["name"]

    other = next(c for c in kiosk.client.centers() if c["id"] != CENTER_ID)
    tap(qtbot, screen.findChild(QAbstractButton, f"points_center_{other['id']}"))
    expected = [str(p["id"]) for p in kiosk.client.service_points(other["id"])]
    assert [p.point_id for p in screen.map.points()] == expected
    assert screen.selected() in expected
