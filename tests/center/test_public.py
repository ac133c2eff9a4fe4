"""Public reference routes, health, captchas, the X-Kiosk-Id rule and demo-only routes."""

from __future__ import annotations

import base64
import struct
import zlib

import requests

from tests.center.conftest import Api, error_of

NINGXIA_LON = (104.2, 107.7)
NINGXIA_LAT = (35.2, 39.4)
CITY_NEAR = {  # center id -> (lon, lat) of its city
    "nx": (106.23, 38.49),
    "yc": (106.23, 38.49),
    "szs": (106.38, 39.01),
    "wz": (106.20, 37.99),
    "gy": (106.24, 36.02),
    "zw": (105.19, 37.51),
}


def test_healthz(api: Api) -> None:
    body = api.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["version"]


def test_centers(api: Api) -> None:
    items = api.get("/centers").json()["items"]
    names = {item["name"] for item in items}
    assert names == {
        "宁夏住房资金管理中心",
        "银川住房公积金管理中心",
        "石嘴山市住房公积金管理中心",
        "吴忠市住房公积金管理中心",
        "固原市住房公积金管理中心",
        "中卫市住房公积金管理中心",
    }
    for item in items:
        assert item["hotline"] == "12329"
        assert item["website"].startswith("http")


def test_service_points(api: Api) -> None:
    items = api.get("/service-points").json()["items"]
    assert {item["center_id"] for item in items} == set(CITY_NEAR)
    for item in items:
        assert NINGXIA_LON[0] < item["lon"] < NINGXIA_LON[1]
        assert NINGXIA_LAT[0] < item["lat"] < NINGXIA_LAT[1]
        lon, lat = CITY_NEAR[item["center_id"]]
        assert abs(item["lon"] - lon) < 1.2 and abs(item["lat"] - lat) < 1.2, item["name"]
        assert len(item["opening_hours"]) == 7
        for day in item["opening_hours"]:
            for start, end in day:
                assert len(start) == 5 and len(end) == 5 and start < end
        assert item["services"] and item["phone"] and item["address"] and item["hours_text"]
    one = api.get("/service-points", params={"center_id": "gy"}).json()["items"]
    assert one and {item["center_id"] for item in one} == {"gy"}


def test_channels(api: Api) -> None:
    items = api.get("/channels").json()["items"]
    assert {item["kind"] for item in items} == {"wechat", "android", "ios", "website"}
    website = next(item for item in items if item["kind"] == "website")
    assert website["url"] == "http://www.nxzfgjj.gov.cn"
    for item in items:
        assert {"id", "kind", "name", "url", "description"} <= set(item)


def test_guides(api: Api) -> None:
    items = api.get("/guides").json()["items"]
    assert {"用户注册", "密码找回", "缴存", "提取", "贷款"} <= {item["category"] for item in items}
    for item in items:
        assert "body" not in item and item["summary"]
        detail = api.get(f"/guides/{item['id']}").json()
        assert detail["title"] == item["title"]
        assert len(detail["body"]) > 200
    missing = api.get("/guides/no-such-guide")
    assert missing.status_code == 404
    assert error_of(missing)["code"] == "guide_not_found"


def test_policy(api: Api) -> None:
    policy = api.get("/policy").json()
    assert policy["username"]["min_length"] == 6 and policy["username"]["max_length"] == 16
    assert policy["password"]["min_length"] == 6 and policy["password"]["max_length"] == 24
    assert policy["code_length"] == 6
    assert policy["code_lifetime"] == 300
    assert policy["resend_after"] == 60
    assert policy["session_idle_timeout"] == 300
    assert policy["agreement_version"]
    assert "个人用户注册协议" in policy["agreement_text"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, tag = struct.unpack(">I4s", data[8:16])
    assert tag == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]
    return width, height


def test_captcha_is_a_png(api: Api) -> None:
    response = api.post("/captchas")
    assert response.status_code == 201
    body = response.json()
    assert body["expires_in"] == 300
    width, height = _png_size(base64.b64decode(body["image_png_base64"]))
    assert 60 <= width <= 300 and 20 <= height <= 100
    answer = api.get(f"/demo/captchas/{body['captcha_id']}").json()["answer"]
    assert len(answer) == 4 and answer.isdigit()


def test_missing_kiosk_id_is_refused_except_public_gets(center: object) -> None:
    anonymous = Api(center, kiosk_id=None)  # type: ignore[arg-type]
    try:
        assert anonymous.get("/centers").status_code == 200
        assert anonymous.get("/policy").status_code == 200
        assert anonymous.get("/healthz").status_code == 200
        for response in (
            anonymous.post("/captchas"),
            anonymous.post("/registrations/otp", json={}),
            anonymous.post("/sessions", json={}),
            anonymous.delete("/sessions/current"),
        ):
            assert response.status_code == 400
            assert error_of(response)["code"] == "kiosk_id_missing"
    finally:
        anonymous.close()


def test_unknown_route_gives_a_chinese_404(api: Api) -> None:
    response = api.get("/no-such-thing")
    assert response.status_code == 404
    assert "12329" in error_of(response)["message"]


def test_demo_routes_absent_without_demo(bare_api: Api) -> None:
    for path in ("/demo/residents", "/demo/sms?phone=13895012345", "/demo/captchas/x"):
        assert bare_api.get(path).status_code == 404


def test_bare_center_has_reference_data_but_no_residents(bare_api: Api) -> None:
    assert len(bare_api.get("/centers").json()["items"]) == 6
    response = bare_api.post(
        "/registrations/otp",
        json={"center_id": "yc", "id_number": "640106199003151234", "phone": "13895012345"},
    )
    assert response.status_code in (400, 422)


def test_demo_residents(api: Api) -> None:
    items = api.get("/demo/residents").json()["items"]
    assert {item["center_id"] for item in items} >= {"nx", "yc", "szs", "wz", "gy", "zw"}
    statuses = [item["account_status"] for item in items]
    assert "封存" in statuses and "销户" in statuses
    assert any(not item["id_number"].startswith("64") for item in items)
    registered = [item for item in items if item["registered"]]
    assert any(item["username"] == "demo2024" and item["password"] for item in registered)
    phones = [item["phone"] for item in items]
    assert any(phones.count(phone) == 2 for phone in phones)


def test_requests_without_session_close_cleanly(api: Api) -> None:
    assert requests.get(api.base + "/healthz", timeout=5).status_code == 200


def test_openapi_document(api: Api) -> None:
    document = api.get("/openapi.json").json()
    paths = document["paths"]
    for path in (
        "/api/v1/registrations/otp",
        "/api/v1/registrations/otp/{challenge_id}/resend",
        "/api/v1/registrations/verify",
        "/api/v1/registrations",
        "/api/v1/password-resets",
        "/api/v1/sessions",
        "/api/v1/sessions/current",
        "/api/v1/captchas",
        "/healthz",
    ):
        assert path in paths


def test_odd_reference_queries(api: Api) -> None:
    assert api.get("/service-points", params={"center_id": "\x00😀"}).json()["items"] == []
    assert api.get("/guides/%00").status_code == 404
