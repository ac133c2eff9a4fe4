"""Helpers for the center's HTTP tests: a kiosk-like client and demo shortcuts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import requests

from center.config import CenterSettings
from center.server import RunningCenter, start_in_thread

PASSWORD = "Kiosk2024xyz"


class Api:
    """A tiny HTTP client: ``X-Kiosk-Id`` on every request, paths relative to ``/api/v1``."""

    def __init__(self, center: RunningCenter, kiosk_id: str | None = "kiosk-test-01") -> None:
        self.center = center
        self.base = center.base_url
        self.http = requests.Session()
        if kiosk_id is not None:
            self.http.headers["X-Kiosk-Id"] = kiosk_id

    def url(self, path: str) -> str:
        if path.startswith(("/demo", "/healthz", "/openapi.json")):
            return self.base + path
        return self.base + "/api/v1" + path

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.url(path), timeout=10, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> requests.Response:
        return self.http.post(self.url(path), json=json, timeout=10, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.delete(self.url(path), timeout=10, **kwargs)

    def close(self) -> None:
        self.http.close()

    # -- demo shortcuts ------------------------------------------------------------------
    def resident(self, name: str) -> dict[str, Any]:
        for item in self.get("/demo/residents").json()["items"]:
            if item["name"] == name:
                return dict(item)
        raise KeyError(name)

    def sms(self, phone: str) -> list[dict[str, Any]]:
        return list(self.get("/demo/sms", params={"phone": phone}).json()["items"])

    def latest_code(self, phone: str) -> str:
        return str(self.sms(phone)[0]["code"])

    def captcha(self) -> tuple[str, str]:
        response = self.post("/captchas")
        assert response.status_code == 201, response.text
        captcha_id = response.json()["captcha_id"]
        answer = self.get(f"/demo/captchas/{captcha_id}").json()["answer"]
        return captcha_id, answer

    def send_code(self, who: dict[str, Any], purpose: str = "registrations") -> requests.Response:
        return self.post(
            f"/{purpose}/otp",
            json={
                "center_id": who["center_id"],
                "id_number": who["id_number"],
                "phone": who["phone"],
            },
        )

    def verified_token(self, who: dict[str, Any], purpose: str = "registrations") -> dict[str, Any]:
        sent = self.send_code(who, purpose)
        assert sent.status_code == 202, sent.text
        challenge_id = sent.json()["challenge_id"]
        verified = self.post(
            f"/{purpose}/verify",
            json={"challenge_id": challenge_id, "code": self.latest_code(who["phone"])},
        )
        assert verified.status_code == 200, verified.text
        return dict(verified.json())

    def agreement_version(self) -> str:
        return str(self.get("/policy").json()["agreement_version"])

    def register_body(self, token: str, username: str, password: str = PASSWORD) -> dict[str, Any]:
        captcha_id, answer = self.captcha()
        return {
            "registration_token": token,
            "username": username,
            "password": password,
            "email": None,
            "captcha_id": captcha_id,
            "captcha_answer": answer,
            "agreement_version": self.agreement_version(),
        }

    def register(
        self, who: dict[str, Any], username: str, password: str = PASSWORD
    ) -> requests.Response:
        token = self.verified_token(who)["registration_token"]
        return self.post("/registrations", json=self.register_body(token, username, password))

    def login(
        self, who: dict[str, Any], username: str, password: str, *, captcha: bool = False
    ) -> requests.Response:
        body: dict[str, Any] = {
            "center_id": who["center_id"],
            "username": username,
            "password": password,
        }
        if captcha:
            body["captcha_id"], body["captcha_answer"] = self.captcha()
        return self.post("/sessions", json=body)


@pytest.fixture
def api(center: RunningCenter) -> Iterator[Api]:
    client = Api(center)
    yield client
    client.close()


@pytest.fixture
def bare_api(bare_center: RunningCenter) -> Iterator[Api]:
    client = Api(bare_center)
    yield client
    client.close()


@pytest.fixture(scope="module")
def shared_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One demo center for a whole module, for tests that change no state they rely on."""
    path = tmp_path_factory.mktemp("shared") / "center.db"
    running = start_in_thread(CenterSettings(database_url=f"sqlite:///{path}", demo=True))
    client = Api(running)
    try:
        yield client
    finally:
        client.close()
        running.stop()


@pytest.fixture
def make_center(tmp_path: Path) -> Iterator[Any]:
    """Start demo centers with custom settings (stopped at the end of the test)."""
    started: list[RunningCenter] = []

    def make(**overrides: Any) -> RunningCenter:
        settings = replace(
            CenterSettings(database_url=f"sqlite:///{tmp_path / f'c{len(started)}.db'}", demo=True),
            **overrides,
        )
        running = start_in_thread(settings)
        started.append(running)
        return running

    yield make
    for running in started:
        running.stop()


def error_of(response: requests.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    error = dict(body["error"])
    assert {"code", "message", "field", "retry_after"} <= set(error)
    assert isinstance(error["message"], str) and error["message"]
    return error
