"""The kiosk with the center unreachable: the public home works from the cache or the defaults."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.settings import Settings
from kiosk.ui.theme import apply_theme
from tests.gui.helpers import CENTER_ID, WAIT_MS, home_tile, tap, wait_for
from tests.gui.test_home import decode

pytestmark = pytest.mark.gui


def _closed_port_url() -> str:
    """A loopback address where nothing listens (connections are refused at once)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _settings(data_dir: Path, url: str) -> Settings:
    return Settings(
        center_url=url,
        kiosk_id="TEST-KIOSK-OFF",
        center_id=CENTER_ID,
        data_dir=data_dir,
        fullscreen=False,
        demo=False,
    )


def _start(qtbot: Any, qapp: QApplication, settings: Settings) -> Kiosk:
    apply_theme(qapp)
    app = Kiosk(settings)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 900)
    app.window.show()
    # The home screen is painted before any network: it is already there now.
    assert app.window.current_id == "home"
    with qtbot.waitSignal(app.reference_refreshed, timeout=WAIT_MS) as refreshed:
        app.start_services()
    app.refreshed_ok = refreshed.args[0]  # type: ignore[attr-defined]
    return app


@pytest.fixture
def offline_kiosk(qtbot: Any, qapp: QApplication, tmp_path: Path) -> Iterator[Kiosk]:
    """A first start (no cache) with the center unreachable."""
    app = _start(qtbot, qapp, _settings(tmp_path / "kiosk", _closed_port_url()))
    yield app
    app.shutdown()


def test_first_start_offline_shows_home_from_the_bundled_defaults(offline_kiosk: Kiosk) -> None:
    kiosk = offline_kiosk
    assert kiosk.refreshed_ok is False  # type: ignore[attr-defined]
    assert kiosk.window.current_id == "home"
    home = kiosk.window.screen_by_id("home")
    assert home.isVisible()
    assert kiosk.reference.sources["channels"] == "default"
    assert len(home.channels.cards) == 4
    assert sorted(decode(kiosk.window.grab().toImage())) == sorted(home.channels.urls())
    assert home.hours.today.text().startswith("今日")
    assert home.hours.status.text()
    notice = kiosk.window.notice
    assert notice.isVisible()
    for words in ("注册", "登录", "找回密码", "12329"):
        assert words in notice.message()
    assert kiosk.window.header.center_name() == "银川住房公积金管理中心"


def test_a_flow_needing_the_center_says_so_before_any_typing(
    qtbot: Any, offline_kiosk: Kiosk
) -> None:
    kiosk = offline_kiosk
    with qtbot.waitSignal(kiosk.reference_refreshed, timeout=WAIT_MS):
        tap(qtbot, home_tile(kiosk, "registration"))  # it also tries the center again
    assert kiosk.window.current_id == "home"
    message = kiosk.window.banner.message()
    assert kiosk.window.banner.isVisible()
    assert "用户注册" in message and "12329" in message
    # The public services still work: the guide and the map from the bundled data.
    tap(qtbot, home_tile(kiosk, "guide"))
    wait_for(qtbot, kiosk, "guide")
    guide = kiosk.window.screen_by_id("guide")
    assert guide.items
    tap(qtbot, next(iter(guide.items.values())))
    assert guide.article_text()
    tap(qtbot, kiosk.window.back_button)
    wait_for(qtbot, kiosk, "home")
    tap(qtbot, home_tile(kiosk, "points"))
    wait_for(qtbot, kiosk, "points")
    points = kiosk.window.screen_by_id("points")
    assert points.map.points() and points.qr.url()


def test_a_restart_with_the_center_stopped_shows_home_from_the_cache(
    qtbot: Any, qapp: QApplication, tmp_path: Path, center: Any
) -> None:
    data_dir = tmp_path / "kiosk"
    online = _start(qtbot, qapp, _settings(data_dir, center.base_url))
    assert online.refreshed_ok is True  # type: ignore[attr-defined]
    expected = online.window.screen_by_id("home").channels.urls()
    online.shutdown()
    online.window.close()

    offline = _start(qtbot, qapp, _settings(data_dir, _closed_port_url()))
    try:
        assert offline.refreshed_ok is False  # type: ignore[attr-defined]
        # Not the bundled defaults (which carry no fetch time): what the center sent last time.
        for kind in ("channels", "service_points", "guides"):
            assert offline.reference.sources[kind] != "default"
            assert offline.reference.fetched_at[kind] is not None
        home = offline.window.screen_by_id("home")
        assert offline.window.current_id == "home" and home.isVisible()
        assert home.channels.urls() == expected
        assert "12329" in offline.window.notice.message()
    finally:
        offline.shutdown()
