"""The server wrapper, the catch-all error handler, logging hygiene and the command line."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from center.__main__ import parse_args
from center.config import CenterSettings
from center.server import start_in_thread
from tests.center.conftest import PASSWORD, Api, error_of


def test_start_and_stop_in_memory() -> None:
    running = start_in_thread(CenterSettings(database_url="sqlite://", demo=False))
    try:
        assert requests.get(running.base_url + "/healthz", timeout=5).json()["status"] == "ok"
        assert running.port > 0 and running.app.state.clock is running.clock
    finally:
        running.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(running.base_url + "/healthz", timeout=2)


def test_demo_data_survives_a_restart(tmp_path: Path) -> None:
    settings = CenterSettings(database_url=f"sqlite:///{tmp_path / 'c.db'}", demo=True)
    first = start_in_thread(settings)
    count = len(requests.get(first.base_url + "/demo/residents", timeout=5).json()["items"])
    first.stop()
    second = start_in_thread(settings)
    try:
        items = requests.get(second.base_url + "/demo/residents", timeout=5).json()["items"]
        assert len(items) == count
    finally:
        second.stop()


def test_a_real_bug_gives_a_chinese_500(api: Api) -> None:
    def broken() -> None:
        raise RuntimeError("boom")

    api.center.app.add_api_route("/api/v1/broken", broken, methods=["GET"])
    response = api.get("/broken")
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "internal_error" and "12329" in error["message"]
    assert "boom" not in response.text and "Traceback" not in response.text


def test_logs_never_hold_full_personal_data(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    who = api.resident("王芳")
    assert api.register(who, "wangfang01").status_code == 201
    token = api.login(who, "wangfang01", PASSWORD).json()["token"]
    api.center.app.state.sms.fail_next = True
    api.center.clock.advance(61)
    api.send_code(api.resident("马丽"))
    codes = [m["code"] for m in api.sms(who["phone"])]
    text = "\n".join(
        record.getMessage()
        for record in caplog.records
        if record.name.startswith(("center", "uvicorn"))  # not the test client's own log
    )
    assert "****" in text  # masked phones were logged
    for secret in (who["id_number"], who["phone"], PASSWORD, token, *codes):
        assert secret not in text


def test_command_line() -> None:
    args = parse_args(["--port", "9001", "--demo", "--database-url", "sqlite://"])
    assert args.port == 9001 and args.demo and args.database_url == "sqlite://"
    result = subprocess.run(
        [sys.executable, "-m", "center", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "--database-url" in result.stdout


def test_parallel_requests_never_fail(api: Api) -> None:
    from concurrent.futures import ThreadPoolExecutor

    who = api.resident("张晓明")

    def one(index: int) -> int:
        client = Api(api.center, kiosk_id=f"kiosk-{index % 3}")
        try:
            if index % 2:
                return client.post("/captchas").status_code
            return client.login(who, "demo2024", "Wrong12345").status_code
        finally:
            client.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(one, range(30)))
    assert all(status < 500 for status in statuses), statuses
    assert set(statuses) <= {201, 401, 423, 428}
