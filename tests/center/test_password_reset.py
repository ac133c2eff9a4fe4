"""Password recovery (密码找回)."""

from __future__ import annotations

from typing import Any

from tests.center.conftest import Api, error_of

NEW_PASSWORD = "Newpass2025"


def _reset_body(api: Api, token: str, password: str = NEW_PASSWORD) -> dict[str, Any]:
    captcha_id, answer = api.captcha()
    return {
        "reset_token": token,
        "new_password": password,
        "captcha_id": captcha_id,
        "captcha_answer": answer,
    }


def test_not_registered_is_told_to_register(api: Api) -> None:
    response = api.send_code(api.resident("王芳"), "password-resets")
    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "not_registered" and "注册" in error["message"]


def test_mismatch(api: Api) -> None:
    who = {**api.resident("张晓明"), "phone": "13900000000"}
    response = api.send_code(who, "password-resets")
    assert response.status_code == 400 and error_of(response)["code"] == "identity_mismatch"


def test_reset_flow_revokes_sessions(api: Api) -> None:
    who = api.resident("张晓明")
    token = api.login(who, "demo2024", "Gjj2024abc").json()["token"]
    verified = api.verified_token(who, "password-resets")
    assert verified["login_account"] == "demo2024"
    response = api.post("/password-resets", json=_reset_body(api, verified["reset_token"]))
    assert response.status_code == 204
    assert (
        api.get("/sessions/current", headers={"Authorization": f"Bearer {token}"}).status_code
        == 401
    )
    assert api.login(who, "demo2024", "Gjj2024abc").status_code == 401
    assert api.login(who, "demo2024", NEW_PASSWORD).status_code == 201
    # The reset token is single use.
    again = api.post(
        "/password-resets", json=_reset_body(api, verified["reset_token"], "Other2025x")
    )
    assert again.status_code == 410


def test_reset_works_while_locked_and_lifts_the_lock(api: Api) -> None:
    who = api.resident("张晓明")
    for attempt in range(10):
        api.login(who, "demo2024", "Wrong12345", captcha=attempt >= 3)
    assert api.login(who, "demo2024", "Gjj2024abc", captcha=True).status_code == 423
    verified = api.verified_token(who, "password-resets")
    assert (
        api.post("/password-resets", json=_reset_body(api, verified["reset_token"])).status_code
        == 204
    )
    # Lock and failure counters are gone: no captcha needed either.
    assert api.login(who, "demo2024", NEW_PASSWORD).status_code == 201


def test_new_password_rules(api: Api) -> None:
    who = api.resident("张晓明")
    verified = api.verified_token(who, "password-resets")
    for bad in ("12345", "password", "xdemo2024x", who["phone"] + "a", "ab cd1234"):
        response = api.post("/password-resets", json=_reset_body(api, verified["reset_token"], bad))
        assert response.status_code == 422, bad
        assert error_of(response)["field"] == "new_password"
    assert (
        api.post("/password-resets", json=_reset_body(api, verified["reset_token"])).status_code
        == 204
    )


def test_wrong_captcha(api: Api) -> None:
    who = api.resident("张晓明")
    verified = api.verified_token(who, "password-resets")
    body = {**_reset_body(api, verified["reset_token"]), "captcha_answer": "abcd"}
    response = api.post("/password-resets", json=body)
    assert response.status_code == 400 and error_of(response)["code"] == "captcha_invalid"


def test_registration_token_is_no_reset_token(api: Api) -> None:
    who = api.resident("王芳")
    registration = api.verified_token(who)["registration_token"]
    assert api.post("/password-resets", json=_reset_body(api, registration)).status_code == 410


def test_reset_challenge_cannot_be_verified_as_registration(api: Api) -> None:
    who = api.resident("张晓明")
    challenge_id = api.send_code(who, "password-resets").json()["challenge_id"]
    code = api.latest_code(who["phone"])
    response = api.post("/registrations/verify", json={"challenge_id": challenge_id, "code": code})
    assert response.status_code == 410
