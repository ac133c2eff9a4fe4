"""Pure parts of the center: validators, masking, PNG, clock, settings, hours."""

from __future__ import annotations

import random
import zlib
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from center.clock import Clock
from center.config import CenterSettings
from center.errors import ApiError
from center.security import Passwords, code_matches, hash_code, new_code, new_salt
from center.services.captcha import render_png
from center.services.hours import hours_text
from center.services.masking import mask_id_number, mask_name, mask_phone
from center.validation import (
    InvalidFieldError,
    check_password,
    check_username,
    id_check_char,
    normalise_code,
    normalise_id_number,
    normalise_phone,
)

births = st.dates(min_value=date(1900, 1, 1), max_value=date.today())
regions = st.integers(min_value=110000, max_value=659999).map(str)
sequences = st.integers(min_value=0, max_value=999).map(lambda n: f"{n:03d}")


@given(regions, births, sequences)
def test_every_valid_id_is_accepted(region: str, born: date, seq: str) -> None:
    first17 = region + born.strftime("%Y%m%d") + seq
    full = first17 + id_check_char(first17)
    assert normalise_id_number(full) == full
    assert normalise_id_number(full.lower()) == full
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in full)
    assert normalise_id_number(fullwidth) == full


@given(regions, births, sequences, st.sampled_from("0123456789X"))
def test_a_wrong_check_character_is_refused(region: str, born: date, seq: str, check: str) -> None:
    first17 = region + born.strftime("%Y%m%d") + seq
    if check == id_check_char(first17):
        return
    with pytest.raises(InvalidFieldError) as caught:
        normalise_id_number(first17 + check)
    assert caught.value.field == "id_number" and caught.value.code == "id_number_checksum"


@given(st.text(max_size=40))
def test_id_validator_never_crashes(text: str) -> None:
    try:
        value = normalise_id_number(text)
    except InvalidFieldError:
        return
    assert len(value) == 18


@given(st.text(max_size=40))
def test_phone_validator_never_crashes(text: str) -> None:
    try:
        value = normalise_phone(text)
    except InvalidFieldError:
        return
    assert len(value) == 11 and value.isdigit()


def test_known_ids() -> None:
    assert normalise_id_number("11010519491231002X") == "11010519491231002X"
    assert normalise_id_number("11010519491231002x") == "11010519491231002X"
    future = (date.today() + timedelta(days=400)).strftime("%Y%m%d")
    first17 = "640104" + future + "123"
    with pytest.raises(InvalidFieldError):
        normalise_id_number(first17 + id_check_char(first17))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13895012345", "13895012345"),
        ("+86 138 9501 2345", "13895012345"),
        ("138-9501-2345", "13895012345"),
        ("１３８９５０１２３４５", "13895012345"),
    ],
)
def test_phones(raw: str, expected: str) -> None:
    assert normalise_phone(raw) == expected


def test_code_normalisation() -> None:
    assert normalise_code(" １２３ ４５６ ", 6) == "123456"
    with pytest.raises(InvalidFieldError):
        normalise_code("١٢٣٤٥٦", 6)  # Arabic-Indic digits are digits, but not ASCII


def test_username_and_password_rules() -> None:
    assert check_username(" abc123 ") == "abc123"
    for bad in ("abc12", "a" * 17, "abc 123", "abc-123", "用户名字用户"):
        with pytest.raises(InvalidFieldError):
            check_username(bad)
    ok = check_password(
        "Zq83kd0s", id_number="640106199003151239", phone="13895012345", username="demo2024"
    )
    assert ok == "Zq83kd0s"
    for bad in (
        "12345",
        "123456",
        "aaaaaaa",
        "x640106199003151239",
        "a13895012345",
        "ademo2024",
        "DEMO2024x",
    ):
        with pytest.raises(InvalidFieldError):
            check_password(
                bad, id_number="640106199003151239", phone="13895012345", username="demo2024"
            )


def test_masking() -> None:
    assert mask_id_number("64050219930505385X") == "640***********385X"
    assert mask_phone("13895012345") == "138****2345"
    assert mask_name("张晓明") == "张*明"
    assert mask_name("王芳") == "王*"
    assert mask_name("欧阳修文") == "欧**文"


def test_codes_are_hashed_and_random() -> None:
    codes = {new_code(6) for _ in range(200)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 150
    salt = new_salt()
    stored = hash_code("123456", salt)
    assert "123456" not in stored
    assert code_matches("123456", salt, stored) and not code_matches("123457", salt, stored)


def test_passwords_cheap_parameters() -> None:
    passwords = Passwords(time_cost=1, memory_kib=1024)
    stored = passwords.hash("Zq83kd0s")
    assert stored.startswith("$argon2id$")
    assert passwords.verify(stored, "Zq83kd0s")
    assert not passwords.verify(stored, "wrong")
    assert not passwords.verify(None, "Zq83kd0s")
    assert not passwords.verify("garbage", "Zq83kd0s")
    assert Passwords().needs_rehash(stored)


def test_png_decodes() -> None:
    data = render_png("0123", random.Random(1))
    assert data.startswith(b"\x89PNG")
    idat_start = data.index(b"IDAT") + 4
    length = int.from_bytes(data[idat_start - 8 : idat_start - 4], "big")
    raw = zlib.decompress(data[idat_start : idat_start + length])
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert len(raw) == height * (1 + width * 3)


def test_clock() -> None:
    clock = Clock()
    before = clock.now()
    clock.advance(3600)
    assert clock.now() - before >= timedelta(seconds=3600)
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_settings_from_env() -> None:
    settings = CenterSettings.from_env(
        {
            "GJJ_CENTER_DEMO": "yes",
            "GJJ_CENTER_PER_KIOSK_HOURLY_SMS": "7",
            "GJJ_CENTER_DATABASE_URL": "sqlite://",
        },
        port=9000,
    )
    assert settings.demo and settings.per_kiosk_hourly_sms == 7 and settings.port == 9000
    assert settings.database_url == "sqlite://"
    with pytest.raises(ValueError):
        CenterSettings.from_env({"GJJ_CENTER_PORT": "eighty"})
    with pytest.raises(ValueError):
        CenterSettings(sms_gateway="pigeon")


def test_hours_text() -> None:
    day = [["09:00", "12:00"], ["13:30", "17:30"]]
    assert hours_text([day] * 5 + [[["09:00", "12:00"]], []]) == (
        "周一至周五 09:00-12:00、13:30-17:30；周六 09:00-12:00；周日休息"
    )


def test_api_error_body() -> None:
    error = ApiError(429, "x", "请稍后再试。", retry_after=0.2, extra={"attempts_left": 1})
    assert error.body()["error"]["retry_after"] == 1
    assert error.response().headers["Retry-After"] == "1"
