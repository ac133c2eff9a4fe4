"""SMS codes: every number of the security table crossed once."""

from __future__ import annotations

from typing import Any

from tests.center.conftest import Api, error_of


def _challenge(api: Api, who: dict[str, Any]) -> str:
    sent = api.send_code(who)
    assert sent.status_code == 202, sent.text
    return str(sent.json()["challenge_id"])


def _verify(api: Api, challenge_id: str, code: str) -> Any:
    return api.post("/registrations/verify", json={"challenge_id": challenge_id, "code": code})


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_five_wrong_codes_void_the_code(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    code = api.latest_code(who["phone"])
    for left in (4, 3, 2, 1):
        response = _verify(api, challenge_id, _wrong(code))
        assert response.status_code == 400
        error = error_of(response)
        assert error["code"] == "otp_invalid" and error["field"] == "code"
        assert error["attempts_left"] == left and str(left) in error["message"]
    fifth = _verify(api, challenge_id, _wrong(code))
    assert fifth.status_code == 410 and error_of(fifth)["code"] == "otp_exhausted"
    right = _verify(api, challenge_id, code)
    assert right.status_code == 410 and error_of(right)["code"] == "otp_exhausted"


def test_exhausted_code_can_be_replaced_by_a_resend(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    code = api.latest_code(who["phone"])
    for _ in range(5):
        _verify(api, challenge_id, _wrong(code))
    api.center.clock.advance(60)
    assert api.post(f"/registrations/otp/{challenge_id}/resend").status_code == 202
    assert _verify(api, challenge_id, api.latest_code(who["phone"])).status_code == 200


def test_code_expires_after_five_minutes(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    code = api.latest_code(who["phone"])
    api.center.clock.advance(299)
    assert _verify(api, challenge_id, _wrong(code)).status_code == 400
    api.center.clock.advance(2)
    response = _verify(api, challenge_id, code)
    assert response.status_code == 410 and error_of(response)["code"] == "otp_expired"


def test_code_is_single_use(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    code = api.latest_code(who["phone"])
    assert _verify(api, challenge_id, code).status_code == 200
    again = _verify(api, challenge_id, code)
    assert again.status_code == 410 and error_of(again)["code"] == "otp_expired"


def test_code_accepts_full_width_digits_and_spaces(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    code = api.latest_code(who["phone"])
    typed = " ".join(chr(ord(c) + 0xFEE0) for c in code)
    assert _verify(api, challenge_id, typed).status_code == 200


def test_malformed_code_is_422_and_costs_no_attempt(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    for bad in ("12345", "1234567", "abcdef", "１２３"):
        response = _verify(api, challenge_id, bad)
        assert response.status_code == 422 and error_of(response)["field"] == "code"
    assert _verify(api, challenge_id, api.latest_code(who["phone"])).status_code == 200


def test_resend_before_60_seconds_is_429(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    api.center.clock.advance(30)
    response = api.post(f"/registrations/otp/{challenge_id}/resend")
    assert response.status_code == 429
    error = error_of(response)
    assert error["code"] == "resend_too_soon"
    assert 29 <= error["retry_after"] <= 31
    assert int(response.headers["Retry-After"]) == error["retry_after"]


def test_resend_voids_the_old_code(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    old = api.latest_code(who["phone"])
    api.center.clock.advance(60)
    resent = api.post(f"/registrations/otp/{challenge_id}/resend")
    assert resent.status_code == 202 and resent.json()["challenge_id"] == challenge_id
    new = api.latest_code(who["phone"])
    assert len(api.sms(who["phone"])) == 2
    if old != new:
        assert _verify(api, challenge_id, old).status_code == 400
    assert _verify(api, challenge_id, new).status_code == 200


def test_only_the_latest_challenge_is_valid(api: Api) -> None:
    who = api.resident("王芳")
    first = _challenge(api, who)
    first_code = api.latest_code(who["phone"])
    api.center.clock.advance(60)
    second = _challenge(api, who)
    second_code = api.latest_code(who["phone"])
    response = _verify(api, first, first_code)
    assert response.status_code == 410
    assert api.post(f"/registrations/otp/{first}/resend").status_code == 410
    assert _verify(api, second, second_code).status_code == 200


def test_new_send_within_60_seconds_is_429(api: Api) -> None:
    who = api.resident("王芳")
    _challenge(api, who)
    response = api.send_code(who)
    assert response.status_code == 429 and response.headers["Retry-After"]


def test_sixth_code_in_an_hour_is_429(api: Api) -> None:
    who = api.resident("王芳")
    for _ in range(5):
        _challenge(api, who)
        api.center.clock.advance(61)
    response = api.send_code(who)
    assert response.status_code == 429
    error = error_of(response)
    assert error["code"] == "sms_hourly_limit"
    assert 0 < error["retry_after"] <= 3600
    api.center.clock.advance(error["retry_after"])
    assert api.send_code(who).status_code == 202


def test_eleventh_code_in_a_day_is_429(api: Api) -> None:
    who = api.resident("王芳")
    for sent in range(10):
        _challenge(api, who)
        api.center.clock.advance(3601 if sent % 5 == 4 else 61)
    response = api.send_code(who)
    assert response.status_code == 429
    error = error_of(response)
    assert error["code"] == "sms_daily_limit" and "明天" in error["message"]


def test_two_depositors_sharing_a_phone_share_the_cap(api: Api) -> None:
    husband, wife = api.resident("周建华"), api.resident("吴婷")
    assert husband["phone"] == wife["phone"]
    _challenge(api, husband)
    too_soon = api.send_code(wife)
    assert too_soon.status_code == 429
    for who in (wife, husband, wife, husband):
        api.center.clock.advance(61)
        _challenge(api, who)
    api.center.clock.advance(61)
    response = api.send_code(wife)
    assert response.status_code == 429 and error_of(response)["code"] == "sms_hourly_limit"


def test_codes_for_registration_and_reset_share_the_cap(api: Api) -> None:
    who = api.resident("张晓明")
    assert api.send_code(who, "password-resets").status_code == 202
    other_purpose = api.post(
        "/registrations/otp",
        json={"center_id": who["center_id"], "id_number": who["id_number"], "phone": who["phone"]},
    )
    assert other_purpose.status_code == 409  # registered already: refused before sending
    assert api.send_code(who, "password-resets").status_code == 429


def test_per_kiosk_cap_and_two_kiosks(make_center: Any) -> None:
    center = make_center(per_kiosk_hourly_sms=3)
    kiosk_a, kiosk_b = Api(center, "kiosk-a"), Api(center, "kiosk-b")
    try:
        for name in ("王芳", "马丽", "杨秀兰"):
            assert kiosk_a.send_code(kiosk_a.resident(name)).status_code == 202
        capped = kiosk_a.send_code(kiosk_a.resident("马文华"))
        assert capped.status_code == 429
        assert error_of(capped)["code"] == "kiosk_sms_limit"
        assert kiosk_b.send_code(kiosk_b.resident("马文华")).status_code == 202
        center.clock.advance(3600)
        assert kiosk_a.send_code(kiosk_a.resident("刘洋")).status_code == 202
    finally:
        kiosk_a.close()
        kiosk_b.close()


def test_gateway_failure_is_503_and_not_counted(api: Api) -> None:
    who = api.resident("王芳")
    api.center.app.state.sms.fail_next = True
    response = api.send_code(who)
    assert response.status_code == 503
    error = error_of(response)
    assert error["code"] == "sms_failed" and "12329" in error["message"]
    assert api.sms(who["phone"]) == []
    # Not counted: no 60-second wait, and five more codes still fit in the hour.
    for _ in range(5):
        assert api.send_code(who).status_code == 202
        api.center.clock.advance(61)
    assert api.send_code(who).status_code == 429


def test_gateway_failure_on_resend_keeps_the_old_code(api: Api) -> None:
    who = api.resident("王芳")
    challenge_id = _challenge(api, who)
    code = api.latest_code(who["phone"])
    api.center.clock.advance(60)
    api.center.app.state.sms.fail_next = True
    assert api.post(f"/registrations/otp/{challenge_id}/resend").status_code == 503
    assert _verify(api, challenge_id, code).status_code == 200


def test_unknown_challenge(api: Api) -> None:
    assert _verify(api, "no-such-challenge", "123456").status_code == 410
    assert api.post("/registrations/otp/no-such-challenge/resend").status_code == 410


def test_sms_text_never_leaks_through_public_routes(api: Api) -> None:
    who = api.resident("王芳")
    sent = api.send_code(who).json()
    assert "code" not in sent and who["phone"] not in str(sent)
