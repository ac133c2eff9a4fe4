"""The fleet heartbeat over real HTTP: stored, listed (admin only), silent kiosks, settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from center.fleet import FleetSettings
from center.server import RunningCenter

TOKEN = "fleet-admin-token-for-tests"


class Fleet:
    def __init__(self, center: RunningCenter) -> None:
        self.center = center
        self.http = requests.Session()

    def url(self, path: str) -> str:
        return f"{self.center.base_url}/api/v1{path}"

    def beat(
        self, kiosk_id: str, body: dict[str, Any] | None = None, header: str | None = "same"
    ) -> requests.Response:
        headers = {} if header is None else {"X-Kiosk-Id": kiosk_id if header == "same" else header}
        payload = {
            "version": "0.1.0",
            "uptime_seconds": 3600,
            "center_id": "yinchuan",
            "health": {"printer": "ok", "card_reader": "missing"},
            "last_error": None,
            "offline_seconds": 12,
        }
        payload.update(body or {})
        return self.http.post(
            self.url(f"/kiosks/{kiosk_id}/heartbeat"), json=payload, headers=headers, timeout=10
        )

    def listing(self, token: str | None = TOKEN) -> requests.Response:
        headers = {"X-Kiosk-Id": "it-admin"}
        if token is not None:
            headers["X-Admin-Token"] = token
        return self.http.get(self.url("/kiosks"), headers=headers, timeout=10)

    def put_config(self, key: str, body: dict[str, Any], token: str = TOKEN) -> requests.Response:
        headers = {"X-Kiosk-Id": "it-admin", "X-Admin-Token": token}
        return self.http.put(
            self.url(f"/kiosks/{key}/config"), json=body, headers=headers, timeout=10
        )

    def kiosk(self, kiosk_id: str) -> dict[str, Any]:
        response = self.listing()
        assert response.status_code == 200, response.text
        found = [k for k in response.json()["items"] if k["kiosk_id"] == kiosk_id]
        assert len(found) == 1, response.json()
        return dict(found[0])


@pytest.fixture
def fleet(center: RunningCenter, monkeypatch: pytest.MonkeyPatch) -> Iterator[Fleet]:
    monkeypatch.delenv("GJJ_CENTER_ADMIN_TOKEN", raising=False)
    center.app.state.fleet = FleetSettings(admin_token=TOKEN)
    client = Fleet(center)
    yield client
    client.http.close()


def test_a_heartbeat_is_stored_and_listed(fleet: Fleet) -> None:
    answer = fleet.beat("NX-YC-001", {"last_error": "打印机缺纸"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["config"] == {} and body["notice"] is None
    kiosk = fleet.kiosk("NX-YC-001")
    assert kiosk["version"] == "0.1.0"
    assert kiosk["uptime_seconds"] == 3600
    assert kiosk["center_id"] == "yinchuan"
    assert kiosk["health"] == {"printer": "ok", "card_reader": "missing"}
    assert kiosk["last_error"] == "打印机缺纸"
    assert kiosk["offline_seconds"] == 12
    assert kiosk["heartbeats"] == 1
    assert kiosk["silent"] is False


def test_a_kiosk_without_heartbeat_for_three_minutes_is_silent(fleet: Fleet) -> None:
    assert fleet.beat("NX-YC-001").status_code == 200
    assert fleet.beat("NX-YC-002").status_code == 200
    fleet.center.clock.advance(170)
    assert fleet.beat("NX-YC-002", {"uptime_seconds": 3770}).status_code == 200
    fleet.center.clock.advance(20)  # 001: 190 s without a heartbeat; 002: 20 s
    listing = fleet.listing().json()
    assert listing["silent_after_seconds"] == 180
    by_id = {k["kiosk_id"]: k for k in listing["items"]}
    assert by_id["NX-YC-001"]["silent"] is True
    assert by_id["NX-YC-001"]["silent_seconds"] >= 190
    assert by_id["NX-YC-002"]["silent"] is False
    assert by_id["NX-YC-002"]["heartbeats"] == 2 and by_id["NX-YC-002"]["uptime_seconds"] == 3770
    # The silent kiosk comes back.
    assert fleet.beat("NX-YC-001").status_code == 200
    assert fleet.kiosk("NX-YC-001")["silent"] is False


@pytest.mark.parametrize("token", [None, "", "wrong-token"])
def test_the_listing_needs_the_admin_token(fleet: Fleet, token: str | None) -> None:
    fleet.beat("NX-YC-001")
    response = fleet.listing(token)
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "admin_token_required" and "X-Admin-Token" in error["message"]
    assert "NX-YC-001" not in response.text
    assert fleet.put_config("_default", {"notice": "x"}, token=token or "x").status_code == 401


def test_without_a_configured_token_nobody_lists(fleet: Fleet) -> None:
    fleet.center.app.state.fleet = FleetSettings(admin_token="")
    assert fleet.listing("").status_code == 401
    assert fleet.listing("anything").status_code == 401


def test_the_token_comes_from_the_center_settings_or_env() -> None:
    class WithToken:
        admin_token = "from-settings"

    assert FleetSettings.from_center_settings(WithToken(), {}).admin_token == "from-settings"
    env = {"GJJ_CENTER_ADMIN_TOKEN": " from-env "}
    assert FleetSettings.from_center_settings(object(), env).admin_token == "from-env"
    assert not FleetSettings.from_center_settings(object(), {}).admin_ok("")


def test_the_answer_carries_default_and_per_kiosk_settings(fleet: Fleet) -> None:
    put = fleet.put_config(
        "_default",
        {
            "config": {"idle_form_seconds": 90, "heartbeat_seconds": 120, "printer": 1},
            "notice": "今日 17:00 系统维护",
        },
    )
    assert put.status_code == 200, put.text
    body = fleet.beat("NX-YC-001").json()
    assert body["config"] == {"idle_form_seconds": 90, "heartbeat_seconds": 120}
    assert body["notice"] == "今日 17:00 系统维护"
    # One kiosk gets its own idle time and no notice; the others keep the default.
    assert (
        fleet.put_config(
            "NX-YC-001", {"config": {"idle_form_seconds": 120}, "notice": ""}
        ).status_code
        == 200
    )
    own = fleet.beat("NX-YC-001").json()
    assert own["config"] == {"idle_form_seconds": 120, "heartbeat_seconds": 120}
    assert own["notice"] is None
    other = fleet.beat("NX-YC-002").json()
    assert other["config"]["idle_form_seconds"] == 90 and other["notice"]


def test_the_kiosk_id_must_match_the_header(fleet: Fleet) -> None:
    response = fleet.beat("NX-YC-001", header="NX-YC-999")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "kiosk_id_mismatch"
    missing = fleet.beat("NX-YC-001", header=None)
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == "kiosk_id_missing"


@pytest.mark.parametrize(
    "body",
    [
        {"uptime_seconds": -1},
        {"offline_seconds": "lots"},
        {"version": "x" * 100},
        {"health": {f"d{i}": "ok" for i in range(20)}},
    ],
)
def test_invalid_heartbeats_are_refused_in_chinese(fleet: Fleet, body: dict[str, Any]) -> None:
    response = fleet.beat("NX-YC-001", body)
    assert response.status_code == 422
    assert response.json()["error"]["message"]
    assert fleet.listing().json()["items"] == []


def test_unknown_members_are_ignored_and_long_errors_cut(fleet: Fleet) -> None:
    response = fleet.beat("NX-YC-001", {"screen": "home", "last_error": "错" * 1000})
    assert response.status_code == 200
    assert len(fleet.kiosk("NX-YC-001")["last_error"]) == 300
