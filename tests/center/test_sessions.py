"""Sign-in (登录): generic failures, captcha, lock, token expiry, logout."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from typing import Any

import pytest

from tests.center.conftest import Api, error_of

DEMO_PASSWORD = "Gjj2024abc"


@pytest.fixture
def demo_user(api: Api) -> dict[str, Any]:
    return api.resident("张晓明")


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _fail(api: Api, who: dict[str, Any], times: int, *, captcha: bool = False) -> Any:
    response = None
    for _ in range(times):
        response = api.login(who, "demo2024", "Wrong12345", captcha=captcha)
    return response


def test_sign_in_and_masked_name(api: Api, demo_user: dict[str, Any]) -> None:
    response = api.login(demo_user, "demo2024", DEMO_PASSWORD)
    assert response.status_code == 201
    body = response.json()
    assert len(body["token"]) >= 43
    assert body["idle_timeout"] == 300
    assert body["display_name"] == "张*明"
    assert body["expires_at"]
    me = api.get("/sessions/current", headers=_bearer(body["token"]))
    assert me.status_code == 200 and me.json()["username"] == "demo2024"


def test_username_is_case_insensitive(api: Api, demo_user: dict[str, Any]) -> None:
    assert api.login(demo_user, "DEMO2024", DEMO_PASSWORD).status_code == 201


def test_one_generic_message(api: Api, demo_user: dict[str, Any]) -> None:
    wrong_password = api.login(demo_user, "demo2024", "Wrong12345")
    unknown_user = api.login(demo_user, "nobody999", "Wrong12345")
    wrong_center = api.login({**demo_user, "center_id": "gy"}, "demo2024", DEMO_PASSWORD)
    odd_name = api.login(demo_user, "名字", "Wrong12345")
    errors = [error_of(r) for r in (wrong_password, unknown_user, wrong_center, odd_name)]
    assert {r.status_code for r in (wrong_password, unknown_user, wrong_center, odd_name)} == {401}
    assert {e["code"] for e in errors} == {"invalid_credentials"}
    assert len({e["message"] for e in errors}) == 1


def test_captcha_after_three_failures(api: Api, demo_user: dict[str, Any]) -> None:
    third = _fail(api, demo_user, 3)
    assert error_of(third)["captcha_required"] is True
    response = api.login(demo_user, "demo2024", DEMO_PASSWORD)
    assert response.status_code == 428
    assert error_of(response)["code"] == "captcha_required"
    body = {"center_id": "yc", "username": "demo2024", "password": DEMO_PASSWORD}
    captcha_id, answer = api.captcha()
    wrong = {**body, "captcha_id": captcha_id, "captcha_answer": "x" + answer}
    response = api.post("/sessions", json=wrong)
    assert response.status_code == 400 and error_of(response)["code"] == "captcha_invalid"
    assert api.login(demo_user, "demo2024", DEMO_PASSWORD, captcha=True).status_code == 201
    # Success resets the counter: no captcha next time.
    assert api.login(demo_user, "demo2024", DEMO_PASSWORD).status_code == 201


def test_unknown_usernames_behave_like_real_ones(api: Api, demo_user: dict[str, Any]) -> None:
    for _ in range(3):
        api.login(demo_user, "nobody999", "Wrong12345")
    assert api.login(demo_user, "nobody999", "Wrong12345").status_code == 428


def test_lock_after_ten_failures(api: Api, demo_user: dict[str, Any]) -> None:
    _fail(api, demo_user, 3)
    ninth = _fail(api, demo_user, 6, captcha=True)
    assert ninth.status_code == 401
    tenth = _fail(api, demo_user, 1, captcha=True)
    assert tenth.status_code == 423
    error = error_of(tenth)
    assert error["code"] == "locked"
    assert error["retry_after"] == 900 and tenth.headers["Retry-After"] == "900"
    assert "15分钟" in error["message"]
    # Locked: even the right password is refused, with the minutes left.
    api.center.clock.advance(300)
    locked = api.login(demo_user, "demo2024", DEMO_PASSWORD, captcha=True)
    assert locked.status_code == 423 and "10分钟" in error_of(locked)["message"]
    api.center.clock.advance(601)
    assert api.login(demo_user, "demo2024", DEMO_PASSWORD, captcha=True).status_code == 201


def test_at_most_100_failures_an_hour(make_center: Any) -> None:
    center = make_center(login_lock_after=1000, login_captcha_after=1000, login_hourly_max=5)
    api = Api(center)
    try:
        who = api.resident("张晓明")
        for _ in range(5):
            assert api.login(who, "demo2024", "Wrong12345").status_code == 401
        response = api.login(who, "demo2024", DEMO_PASSWORD)
        assert response.status_code == 423 and error_of(response)["retry_after"] > 0
        center.clock.advance(3601)
        assert api.login(who, "demo2024", DEMO_PASSWORD).status_code == 201
    finally:
        api.close()


def test_idle_timeout(api: Api, demo_user: dict[str, Any]) -> None:
    token = api.login(demo_user, "demo2024", DEMO_PASSWORD).json()["token"]
    api.center.clock.advance(299)
    assert api.get("/sessions/current", headers=_bearer(token)).status_code == 200
    api.center.clock.advance(299)  # activity above restarted the idle timer
    assert api.get("/sessions/current", headers=_bearer(token)).status_code == 200
    api.center.clock.advance(300)
    response = api.get("/sessions/current", headers=_bearer(token))
    assert response.status_code == 401 and error_of(response)["code"] == "session_expired"


def test_absolute_timeout(api: Api, demo_user: dict[str, Any]) -> None:
    token = api.login(demo_user, "demo2024", DEMO_PASSWORD).json()["token"]
    for _ in range(8):
        api.center.clock.advance(220)
        assert api.get("/sessions/current", headers=_bearer(token)).status_code == 200
    api.center.clock.advance(250)  # 30 min 10 s after sign-in, though active
    assert api.get("/sessions/current", headers=_bearer(token)).status_code == 401


def test_logout_revokes(api: Api, demo_user: dict[str, Any]) -> None:
    token = api.login(demo_user, "demo2024", DEMO_PASSWORD).json()["token"]
    assert api.delete("/sessions/current", headers=_bearer(token)).status_code == 204
    assert api.get("/sessions/current", headers=_bearer(token)).status_code == 401
    assert api.delete("/sessions/current", headers=_bearer(token)).status_code == 204
    assert api.delete("/sessions/current").status_code == 401


def test_bad_tokens(api: Api) -> None:
    for header in ("", "Bearer", "Bearer nonsense", "Basic abc", "Bearer " + "x" * 5000):
        response = api.get("/sessions/current", headers={"Authorization": header})
        assert response.status_code == 401
        assert error_of(response)["code"] in ("not_signed_in", "session_expired")


def _burst(center: Any, monkeypatch: pytest.MonkeyPatch, attempts: int) -> tuple[list[int], int]:
    """Send ``attempts`` wrong passwords for one name at once, without a captcha.

    Returns:
        The answers' status codes and how many passwords the center checked.
    """
    passwords = center.app.state.passwords
    verify = passwords.verify
    checked: list[str] = []

    def counting_verify(stored_hash: str | None, password: str) -> bool:
        checked.append(password)  # list.append is atomic
        return bool(verify(stored_hash, password))

    monkeypatch.setattr(passwords, "verify", counting_verify)
    clients = [Api(center) for _ in range(attempts)]  # requests.Session is not thread-safe
    try:
        who = clients[0].resident("张晓明")
        for client in clients:  # connect first, so the requests start together
            assert client.get("/healthz").status_code == 200
        start = threading.Barrier(attempts)

        def guess(client: Api) -> int:
            start.wait(timeout=10)
            return client.login(who, "demo2024", "Wrong12345").status_code

        with ThreadPoolExecutor(max_workers=attempts) as pool:
            statuses = list(pool.map(guess, clients))
    finally:
        for client in clients:
            client.close()
    monkeypatch.setattr(passwords, "verify", verify)
    return statuses, len(checked)


def test_lock_holds_against_parallel_guesses(
    make_center: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parallel wrong passwords for one name get at most ``login_lock_after`` checks in all."""
    lock_after = 5
    center = make_center(login_captcha_after=1000, login_lock_after=lock_after)
    statuses, checked = _burst(center, monkeypatch, 20)
    assert set(statuses) <= {401, 423}, statuses
    assert statuses.count(401) < lock_after, statuses  # the lock_after-th answers 423
    assert checked <= lock_after  # the others were refused without a check
    with closing(Api(center)) as api:
        who = api.resident("张晓明")
        locked = api.login(who, "demo2024", DEMO_PASSWORD)
        assert locked.status_code == 423 and error_of(locked)["code"] == "locked"
        center.clock.advance(901)
        assert api.login(who, "demo2024", DEMO_PASSWORD).status_code == 201


def test_captcha_holds_against_parallel_guesses(
    make_center: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parallel guesses without a captcha get at most ``login_captcha_after`` checks."""
    captcha_after = 3
    center = make_center(login_captcha_after=captcha_after, login_lock_after=1000)
    statuses, checked = _burst(center, monkeypatch, 20)
    assert set(statuses) <= {401, 428}, statuses
    assert checked <= captcha_after, statuses  # the rest were asked for the captcha unchecked
    assert statuses.count(428) >= 20 - captcha_after
    with closing(Api(center)) as api:
        who = api.resident("张晓明")
        again = api.login(who, "demo2024", DEMO_PASSWORD)  # still due, and not counted up
        assert again.status_code == 428, again.text
        assert api.login(who, "demo2024", DEMO_PASSWORD, captcha=True).status_code == 201
