"""Bad input never gives a 500: per-field 422 with a Chinese message, or a 4xx rule answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.center.conftest import Api, error_of

POST_ENDPOINTS = {
    "/registrations/otp": ("center_id", "id_number", "phone"),
    "/registrations/otp/abc/resend": (),
    "/registrations/verify": ("challenge_id", "code"),
    "/registrations": (
        "registration_token",
        "username",
        "password",
        "email",
        "captcha_id",
        "captcha_answer",
        "agreement_version",
    ),
    "/password-resets/otp": ("center_id", "id_number", "phone"),
    "/password-resets/otp/abc/resend": (),
    "/password-resets/verify": ("challenge_id", "code"),
    "/password-resets": ("reset_token", "new_password", "captcha_id", "captcha_answer"),
    "/sessions": ("center_id", "username", "password", "captcha_id", "captcha_answer"),
    "/captchas": (),
}

GOOD_OTP = {"center_id": "yc", "id_number": "640105199208083464", "phone": "15809510002"}


def _raw(api: Api, path: str, data: bytes | str) -> Any:
    return api.http.post(
        api.url(path), data=data, headers={"Content-Type": "application/json"}, timeout=10
    )


@pytest.mark.parametrize("path", list(POST_ENDPOINTS))
@pytest.mark.parametrize(
    "data",
    [b"{", b"not json", b"", b"null", b"[]", b"42", b'"text"', b"\xff\xfe", b'{"a": NaN}', b"{}"],
)
def test_malformed_bodies(shared_api: Api, path: str, data: bytes) -> None:
    api = shared_api
    response = _raw(api, path, data)
    assert response.status_code < 500, response.text
    if response.status_code == 422:
        assert error_of(response)["message"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"center_id": None}, "center_id"),
        ({"id_number": 640105199208083464}, "id_number"),
        ({"phone": ["15809510002"]}, "phone"),
        ({"id_number": "6" * 10_000}, "id_number"),
        ({"phone": "1" * 10_000}, "phone"),
        ({"id_number": "😀" * 18}, "id_number"),
        ({"phone": "😀😀😀"}, "phone"),
        ({"id_number": "'; DROP TABLE depositors; --"}, "id_number"),
        ({"phone": "1' OR '1'='1"}, "phone"),
        ({"center_id": "yc' OR 1=1 --"}, "center_id"),
        ({"center_id": "no-such"}, "center_id"),
        ({"id_number": "640105199208083465"}, "id_number"),
        ({"id_number": "640105199213083464"}, "id_number"),
        ({"id_number": "64010519920808346"}, "id_number"),
        ({"phone": "1580951000"}, "phone"),
        ({"phone": "25809510002"}, "phone"),
        ({"phone": ""}, "phone"),
        ({"id_number": "\u0000" * 18}, "id_number"),
    ],
)
def test_bad_fields_are_422_with_the_field(
    shared_api: Api, change: dict[str, Any], field: str
) -> None:
    api = shared_api
    response = api.post("/registrations/otp", json={**GOOD_OTP, **change})
    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["field"] == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])


@pytest.mark.parametrize("missing", ["center_id", "id_number", "phone"])
def test_missing_fields(shared_api: Api, missing: str) -> None:
    api = shared_api
    body = {k: v for k, v in GOOD_OTP.items() if k != missing}
    response = api.post("/registrations/otp", json=body)
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == missing and error["code"] == "missing_field"


@pytest.mark.parametrize(
    ("id_number", "phone"),
    [
        ("６４０１０５１９９２０８０８３４６４", "１５８０９５１０００２"),
        ("640105 19920808 3464", "158 0951 0002"),
        (" 640105199208083464 ", "+86 158-0951-0002"),
        ("640105199208083464", "008615809510002"),
        ("640105199208083464", "8615809510002"),
    ],
)
def test_normalised_input_is_accepted(api: Api, id_number: str, phone: str) -> None:
    response = api.post(
        "/registrations/otp", json={**GOOD_OTP, "id_number": id_number, "phone": phone}
    )
    assert response.status_code == 202, response.text


def test_lower_case_x_is_accepted(api: Api) -> None:
    who = api.resident("刘洋")
    assert who["id_number"].endswith("X")
    response = api.send_code({**who, "id_number": who["id_number"].lower()})
    assert response.status_code == 202


def test_unknown_members_are_ignored(api: Api) -> None:
    response = api.post("/registrations/otp", json={**GOOD_OTP, "admin": True, "__proto__": {}})
    assert response.status_code == 202


def test_huge_and_odd_sign_in_values(shared_api: Api) -> None:
    api = shared_api
    for body in (
        {"center_id": "yc", "username": "a" * 10_000, "password": "x"},
        {"center_id": "yc", "username": "😀😀😀😀😀😀", "password": "😀"},
        {"center_id": "yc", "username": "demo2024' --", "password": "' OR 1=1 --"},
        {"center_id": "😀", "username": "demo2024", "password": "x", "captcha_id": "😀"},
    ):
        response = api.post("/sessions", json=body)
        assert response.status_code in (401, 422), response.text


def test_odd_path_ids(shared_api: Api) -> None:
    api = shared_api
    for challenge in ("%F0%9F%98%80", "a" * 2000, "..%2F..", "%00"):
        response = api.post(f"/registrations/otp/{challenge}/resend")
        assert response.status_code in (404, 410, 422), response.text
    assert api.get("/guides/%F0%9F%98%80").status_code == 404
    assert api.get("/demo/captchas/" + "z" * 500).status_code == 404


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)


@st.composite
def bodies(draw: st.DrawFn, fields: tuple[str, ...]) -> Any:
    if not fields or draw(st.booleans()):
        return draw(json_values)
    chosen = draw(st.lists(st.sampled_from(fields), unique=True))
    return {name: draw(json_values | st.text(max_size=300)) for name in chosen}


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_json_never_gives_500(shared_api: Api, data: st.DataObject) -> None:
    api = shared_api
    path = data.draw(st.sampled_from(list(POST_ENDPOINTS)))
    body = data.draw(bodies(POST_ENDPOINTS[path]))
    response = _raw(api, path, json.dumps(body))
    assert response.status_code < 500, (path, body, response.text)
    assert "error" in response.json() or response.status_code in (201, 202)
