"""Registration (用户注册) end to end over HTTP."""

from __future__ import annotations

from tests.center.conftest import PASSWORD, Api, error_of


def test_happy_path(api: Api) -> None:
    who = api.resident("王芳")
    sent = api.send_code(who)
    assert sent.status_code == 202
    body = sent.json()
    assert body["phone_masked"] == who["phone"][:3] + "****" + who["phone"][-4:]
    assert body["expires_in"] == 300 and body["resend_after"] == 60
    message = api.sms(who["phone"])[0]
    assert "验证码" in message["text"] and len(message["code"]) == 6
    verified = api.post(
        "/registrations/verify",
        json={"challenge_id": body["challenge_id"], "code": message["code"]},
    )
    assert verified.status_code == 200
    token = verified.json()["registration_token"]
    assert verified.json()["expires_in"] > 0
    created = api.post("/registrations", json=api.register_body(token, "wangfang01"))
    assert created.status_code == 201, created.text
    assert created.json()["username"] == "wangfang01"
    assert created.json()["display_name"] == "王*"
    login = api.login(who, "wangfang01", PASSWORD)
    assert login.status_code == 201
    assert login.json()["display_name"] == "王*"
    resident = api.resident("王芳")
    assert resident["registered"] and resident["username"] == "wangfang01"


def test_registration_token_is_single_use(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    assert (
        api.post("/registrations", json=api.register_body(token, "wangfang01")).status_code == 201
    )
    again = api.post("/registrations", json=api.register_body(token, "wangfang02"))
    assert again.status_code == 410
    assert error_of(again)["code"] == "verification_expired"


def test_registration_token_expires(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    api.center.clock.advance(601)
    response = api.post("/registrations", json=api.register_body(token, "wangfang01"))
    assert response.status_code == 410


def test_token_is_bound_to_the_verified_identity(api: Api) -> None:
    who = api.resident("马丽")
    token = api.verified_token(who)["registration_token"]
    assert api.post("/registrations", json=api.register_body(token, "mali2024")).status_code == 201
    assert api.resident("马丽")["username"] == "mali2024"
    assert api.resident("王芳")["registered"] is False


def test_identity_mismatch(api: Api) -> None:
    who = api.resident("王芳")
    for body in (
        {**who, "phone": "13900000000"},
        {**who, "center_id": "gy"},
        {**who, "id_number": api.resident("马丽")["id_number"]},
    ):
        response = api.send_code(body)
        assert response.status_code == 400
        error = error_of(response)
        assert error["code"] == "identity_mismatch"
        assert "介绍信" in error["message"] and "柜台" in error["message"]
    assert api.sms(who["phone"]) == []


def test_closed_account_is_told_to_go_to_the_counter(api: Api) -> None:
    response = api.send_code(api.resident("孙强"))
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "account_closed"
    assert "柜台" in error["message"]


def test_sealed_and_out_of_region_depositors_can_register(api: Api) -> None:
    for index, name in enumerate(("李建国", "陈磊", "赵敏")):
        assert api.register(api.resident(name), f"user2024ab{index}").status_code == 201


def test_already_registered(api: Api) -> None:
    response = api.send_code(api.resident("张晓明"))
    assert response.status_code == 409
    assert error_of(response)["code"] == "already_registered"


def test_username_taken_case_insensitive(api: Api) -> None:
    token = api.verified_token(api.resident("王芳"))["registration_token"]
    for taken in ("demo2024", "DEMO2024", "Demo2024"):
        response = api.post("/registrations", json=api.register_body(token, taken))
        assert response.status_code == 409
        error = error_of(response)
        assert error["code"] == "username_taken" and error["field"] == "username"
    assert api.post("/registrations", json=api.register_body(token, "Demo2025")).status_code == 201


RULE_CASES = [
    ("abc12", PASSWORD, "username"),
    ("a" * 17, PASSWORD, "username"),
    ("wang_fang", PASSWORD, "username"),
    ("王芳用户名字", PASSWORD, "username"),
    ("wangfang01", "abc12", "password"),
    ("wangfang01", "a1" * 12 + "b", "password"),
    ("wangfang01", "abc 1234", "password"),
    ("wangfang01", "abc_1234", "password"),
    ("wangfang01", "123456", "password"),
    ("wangfang01", "password", "password"),
    ("wangfang01", "Qwerty123", "password"),
    ("wangfang01", "aaaaaaaa", "password"),
    ("wangfang01", "WANGFANG01", "password"),
    ("wangfang01", "xwangfang01x", "password"),
    ("wangfang01", "ID", "password"),
    ("wangfang01", "IDx", "password"),
    ("wangfang01", "PHONE", "password"),
    ("wangfang01", "aPHONEb", "password"),
]


def test_username_and_password_rules(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    for username, template, field in RULE_CASES:
        password = template.replace("PHONE", who["phone"]).replace("ID", who["id_number"])
        response = api.post("/registrations", json=api.register_body(token, username, password))
        assert response.status_code == 422, (username, password, response.text)
        error = error_of(response)
        assert error["field"] == field, (username, password)
        assert error["message"].endswith("。")
    # Each rule was refused before the captcha and the token were spent: fixing it works.
    fixed = api.post("/registrations", json=api.register_body(token, "wangfang01"))
    assert fixed.status_code == 201


def test_id_with_lower_case_x_in_password_is_refused(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    body = api.register_body(token, "wangfang01", "a" + who["id_number"][-6:].lower() + "b")
    # Containing only the tail of the ID number is fine.
    assert api.post("/registrations", json=body).status_code == 201


def test_email_is_optional_but_checked(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    body = {**api.register_body(token, "wangfang01"), "email": "not-an-email"}
    response = api.post("/registrations", json=body)
    assert response.status_code == 422 and error_of(response)["field"] == "email"
    body = {**api.register_body(token, "wangfang01"), "email": "wf@example.cn"}
    assert api.post("/registrations", json=body).status_code == 201


def test_outdated_agreement_is_refused(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    body = {**api.register_body(token, "wangfang01"), "agreement_version": "2019.1"}
    response = api.post("/registrations", json=body)
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "agreement_version" and "协议" in error["message"]


def test_captcha_wrong_expired_and_single_use(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    body = api.register_body(token, "wangfang01")
    wrong = {**body, "captcha_answer": "0000" if body["captcha_answer"] != "0000" else "1111"}
    response = api.post("/registrations", json=wrong)
    assert response.status_code == 400
    assert error_of(response)["code"] == "captcha_invalid"
    # The captcha was spent by the wrong try: the right answer no longer works either.
    assert api.post("/registrations", json=body).status_code == 400
    expired = api.register_body(token, "wangfang01")
    api.center.clock.advance(301)
    response = api.post("/registrations", json=expired)
    assert response.status_code == 400 and error_of(response)["field"] == "captcha_answer"
    ok = api.register_body(token, "wangfang01")
    assert api.post("/registrations", json=ok).status_code == 201
    assert api.post("/registrations", json=ok).status_code in (400, 410)


def test_captcha_answer_accepts_full_width_digits(api: Api) -> None:
    who = api.resident("王芳")
    token = api.verified_token(who)["registration_token"]
    body = api.register_body(token, "wangfang01")
    body["captcha_answer"] = "".join(chr(ord(c) + 0xFEE0) for c in body["captcha_answer"])
    assert api.post("/registrations", json=body).status_code == 201
