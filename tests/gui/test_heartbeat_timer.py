"""The heartbeat timer over real HTTP: against the real center, and with the center down."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from center.fleet import FleetSettings
from kiosk import __version__
from kiosk.api import CenterClient
from kiosk.heartbeat import Backoff, HeartbeatState
from kiosk.ui.heartbeat_timer import HeartbeatTimer
from kiosk.ui.tasks import TaskRunner

TOKEN = "heartbeat-test-token"
KIOSK_ID = "NX-HB-01"


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def fleet_listing(center: Any) -> dict[str, dict[str, Any]]:
    response = requests.get(
        f"{center.base_url}/api/v1/kiosks",
        headers={"X-Kiosk-Id": "it-admin", "X-Admin-Token": TOKEN},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return {k["kiosk_id"]: k for k in response.json()["items"]}


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.cancel_all()
    assert tasks.wait_for_done()


@pytest.fixture
def admin(center: Any) -> Any:
    center.app.state.fleet = FleetSettings(admin_token=TOKEN)
    return center


def make_timer(client: CenterClient, runner: TaskRunner, **kwargs: Any) -> HeartbeatTimer:
    state = HeartbeatState(version=__version__, center_id="yinchuan")
    state.set_health("printer", "ok")
    return HeartbeatTimer(client, runner, state, **kwargs)


@pytest.fixture
def timers() -> Iterator[list[HeartbeatTimer]]:
    made: list[HeartbeatTimer] = []
    yield made
    for timer in made:
        timer.stop()


def test_a_heartbeat_reaches_the_center_and_is_listed(qtbot, admin, runner, timers) -> None:
    client = CenterClient(admin.base_url, KIOSK_ID)
    timer = make_timer(client, runner, interval_s=60)
    timers.append(timer)
    with qtbot.waitSignal(timer.sent, timeout=10_000):
        timer.start()
    assert timer.running and not timer.in_flight
    assert timer.next_delay_s == 60 and timer.backoff.failures == 0
    listed = fleet_listing(admin)[KIOSK_ID]
    assert listed["version"] == __version__
    assert listed["center_id"] == "yinchuan"
    assert listed["health"] == {"printer": "ok"}
    assert listed["silent"] is False
    timer.stop()
    assert not timer.running


def test_settings_and_notice_from_the_answer_are_applied(qtbot, admin, runner, timers) -> None:
    put = requests.put(
        f"{admin.base_url}/api/v1/kiosks/_default/config",
        json={
            "config": {"idle_form_seconds": 90, "heartbeat_seconds": 120},
            "notice": "今日 17:00 起系统维护",
        },
        headers={"X-Kiosk-Id": "it-admin", "X-Admin-Token": TOKEN},
        timeout=10,
    )
    assert put.status_code == 200, put.text
    timer = make_timer(CenterClient(admin.base_url, KIOSK_ID), runner, interval_s=60)
    timers.append(timer)
    with (
        qtbot.waitSignal(timer.config_received, timeout=10_000) as config,
        qtbot.waitSignal(timer.notice_received, timeout=10_000) as notice,
    ):
        timer.start()
    assert config.args == [{"idle_form_s": 90, "heartbeat_s": 120}]
    assert notice.args == ["今日 17:00 起系统维护"]
    assert timer.interval_s == 120
    qtbot.waitUntil(lambda: not timer.in_flight)
    assert timer.next_delay_s == 120


def test_center_down_backs_off_then_recovers(qtbot, admin, runner, timers) -> None:
    client = CenterClient(closed_port_url(), KIOSK_ID, timeout=(1.0, 1.0))
    backoff = Backoff(base=0.05, cap=0.2, jitter=0.0)
    timer = make_timer(client, runner, interval_s=60, backoff=backoff)
    timers.append(timer)
    failures: list[float] = []
    timer.failed.connect(lambda _message, delay: failures.append(delay))
    with qtbot.waitSignal(timer.failed, timeout=10_000) as first:
        timer.start()
    assert "无法连接" in first.args[0]
    qtbot.waitUntil(lambda: len(failures) >= 4, timeout=10_000)
    assert failures[:4] == pytest.approx([0.05, 0.1, 0.2, 0.2])  # doubling, capped
    assert not timer.state.online and timer.state.offline_seconds > 0
    # The kiosk kept working meanwhile: the GUI thread never waited (the calls ran on the runner).
    client.base_url = admin.base_url  # the center is back
    with qtbot.waitSignal(timer.sent, timeout=10_000):
        pass
    assert timer.backoff.failures == 0 and timer.state.online
    qtbot.waitUntil(lambda: not timer.in_flight)
    assert timer.next_delay_s == 60
    assert fleet_listing(admin)[KIOSK_ID]["version"] == __version__


def test_a_dropped_result_is_sent_again(qtbot, admin, runner, timers) -> None:
    timer = make_timer(
        CenterClient(admin.base_url, KIOSK_ID), runner, interval_s=60, watchdog_s=0.2
    )
    timers.append(timer)
    timer.start(first_delay_s=0)
    qtbot.waitUntil(lambda: timer.in_flight)
    runner.cancel_all()  # e.g. a session reset on a shared runner drops the result
    with qtbot.waitSignal(timer.sent, timeout=10_000):
        pass
    assert fleet_listing(admin)[KIOSK_ID]["heartbeats"] >= 1
