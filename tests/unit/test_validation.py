"""Field checks: never raise, reject every typo of an ID number, accept what residents type."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.validation import (
    COMMON_PASSWORDS,
    PROVINCE_CODES,
    Check,
    PasswordPolicy,
    UsernamePolicy,
    check_code,
    check_confirm,
    check_email,
    check_id_number,
    check_password,
    check_phone,
    check_username,
    id_check_char,
    normalise_digits,
)

TODAY = dt.date(2025, 6, 1)
VALID_ID = "11010519491231002X"  # the GB 11643-1999 example
VALID_ID_2 = "640102199001011237"

ID_CHARS = "0123456789X"
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９ｘ")

any_text = st.text() | st.text(alphabet="0123456789Xx１２３８６ +-—()@.a") | st.just("")


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    area = draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
    serial = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    first17 = f"{region}{area}{born:%Y%m%d}{serial}"
    return first17 + id_check_char(first17)


@st.composite
def valid_phones(draw: st.DrawFn) -> str:
    second = draw(st.sampled_from("3456789"))
    rest = draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    return f"1{second}{rest}"


# -- never raises -------------------------------------------------------------------------------


@given(any_text)
def test_no_check_raises_on_any_string(text: str) -> None:
    results = [
        check_id_number(text, today=TODAY),
        check_id_number(text),
        check_phone(text),
        check_username(text),
        check_username(text, UsernamePolicy(1, 3)),
        check_password(text),
        check_password(text, id_number=text, phone=text, username=text),
        check_confirm(text, text[::-1]),
        check_email(text),
        check_code(text),
        check_code(text, 4),
    ]
    for result in results:
        assert isinstance(result, Check)
        assert result.ok == (result.message == "")
        assert not (result.ok and result.partial)
    assert isinstance(normalise_digits(text), str)


@given(st.one_of(st.none(), st.integers(), st.text(), st.dictionaries(st.text(), st.integers())))
def test_policies_from_anything(raw: object) -> None:
    assert UsernamePolicy.from_center(raw).min_length >= 1
    assert PasswordPolicy.from_center(raw).max_length >= PasswordPolicy.from_center(raw).min_length


# -- ID numbers ---------------------------------------------------------------------------------


@given(valid_ids())
def test_generated_ids_are_valid(id_number: str) -> None:
    assert check_id_number(id_number, today=TODAY) == Check(True, id_number, "", False)


@given(valid_ids())
def test_every_single_character_typo_is_rejected(id_number: str) -> None:
    for position, original in enumerate(id_number):
        for replacement in ID_CHARS:
            if replacement == original:
                continue
            typo = id_number[:position] + replacement + id_number[position + 1 :]
            result = check_id_number(typo, today=TODAY)
            assert not result.ok, typo
            assert result.show_error, typo


@given(valid_ids())
def test_every_neighbour_swap_is_rejected(id_number: str) -> None:
    for i in range(len(id_number) - 1):
        a, b = id_number[i], id_number[i + 1]
        if a == b:
            continue
        swapped = id_number[:i] + b + a + id_number[i + 2 :]
        assert not check_id_number(swapped, today=TODAY).ok, swapped


@given(valid_ids())
def test_typing_a_valid_id_never_shows_an_error(id_number: str) -> None:
    for end in range(len(id_number)):
        result = check_id_number(id_number[:end], today=TODAY)
        assert result.partial and not result.show_error, id_number[:end]


@given(valid_ids(), st.sampled_from(["fullwidth", "lower", "spaces", "hyphens", "padded"]))
def test_variants_are_accepted_and_normalised(id_number: str, variant: str) -> None:
    typed = {
        "fullwidth": id_number.translate(FULLWIDTH),
        "lower": id_number.lower(),
        "spaces": f"{id_number[:6]} {id_number[6:14]} {id_number[14:]}",
        "hyphens": f"{id_number[:6]}-{id_number[6:14]}-{id_number[14:]}",
        "padded": f"\u3000 {id_number}\t",
    }[variant]
    result = check_id_number(typed, today=TODAY)
    assert result.ok
    assert result.value == id_number


def test_known_valid_ids() -> None:
    for id_number in (VALID_ID, VALID_ID_2, "11010519491231002x"):
        assert check_id_number(id_number, today=TODAY).ok


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1101051949123100", "身份证号应为18位，请核对后重新输入。"),
        ("1101051949123100211", "身份证号应为18位，请核对后重新输入。"),
        ("110105194912310021", "身份证号校验位不正确，请核对第二代居民身份证后重新输入。"),
        ("990105194912310021", "身份证号前两位地区代码不正确，请核对后重新输入。"),
        ("110105194902300021", "身份证号中的出生日期不正确，请核对后重新输入。"),  # 30 February
        ("110105189912310021", "身份证号中的出生日期不正确，请核对后重新输入。"),  # before 1900
        ("110105202701010021", "身份证号中的出生日期不正确，请核对后重新输入。"),  # the future
        ("11010519491231X02X", "身份证号只有最后一位可以是字母X，请核对后重新输入。"),
        ("11010519491231002Y", "身份证号只能包含数字和字母X，请核对后重新输入。"),
        ("", "请输入身份证号。"),
    ],
)
def test_known_invalid_ids(typed: str, message: str) -> None:
    result = check_id_number(typed, today=TODAY)
    assert not result.ok
    assert result.message == message


def test_birth_date_today_is_accepted_and_tomorrow_is_not() -> None:
    born = f"640102{TODAY:%Y%m%d}123"
    assert check_id_number(born + id_check_char(born), today=TODAY).ok
    later = f"640102{TODAY + dt.timedelta(days=1):%Y%m%d}123"
    assert not check_id_number(later + id_check_char(later), today=TODAY).ok


def test_short_ids_are_partial_with_a_hint_for_old_15_digit_numbers() -> None:
    assert check_id_number("640102", today=TODAY).partial
    assert "第二代" in check_id_number("640102199001011", today=TODAY).message
    old = check_id_number("640102900101123", today=TODAY)  # 15-digit: YYMMDD birth
    assert old.show_error and "第二代" in old.message


def test_an_impossible_prefix_is_shown_at_once() -> None:
    assert check_id_number("99", today=TODAY).show_error
    assert check_id_number("64010219992", today=TODAY).show_error  # month 2x
    assert check_id_number("640102199913", today=TODAY).show_error  # month 13
    assert check_id_number("6401X", today=TODAY).show_error


def test_id_check_char_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        id_check_char("123")


# -- phone numbers ------------------------------------------------------------------------------


@given(
    valid_phones(),
    st.sampled_from(
        ["{p}", "+86{p}", "+86 {p}", "0086{p}", "86{p}", "86-{a}-{b}-{c}", "{a} {b} {c}"]
    ),
)
def test_phone_formats_are_accepted(phone: str, template: str) -> None:
    typed = template.format(p=phone, a=phone[:3], b=phone[3:7], c=phone[7:])
    result = check_phone(typed)
    assert result.ok, typed
    assert result.value == phone


@given(valid_phones(), st.sampled_from(["", "+86 ", "0086", "86"]))
def test_typing_a_valid_phone_never_shows_an_error(phone: str, prefix: str) -> None:
    typed = prefix + phone
    for end in range(len(typed)):
        result = check_phone(typed[:end])
        assert not result.show_error, typed[:end]


def test_fullwidth_phone_is_accepted() -> None:
    assert check_phone("１３８１２３４５６７８").value == "13812345678"


@pytest.mark.parametrize(
    "typed", ["12812345678", "23812345678", "138123456789", "1381234567a", "+1 2025550100"]
)
def test_bad_phones_are_rejected(typed: str) -> None:
    result = check_phone(typed)
    assert not result.ok
    assert result.show_error


def test_short_phone_is_partial() -> None:
    result = check_phone("1381234")
    assert result.partial
    assert result.message == "手机号码应为11位，请核对后重新输入。"


# -- user names and passwords -----------------------------------------------------------------


def test_username_rule_from_the_manual() -> None:
    assert check_username("abc123").ok
    assert check_username("ａｂｃ１２３").value == "abc123"
    assert check_username("abcdefghijklmnop").ok  # 16
    assert check_username("abcdefghijklmnopq").show_error  # 17
    assert check_username("abc").partial
    assert check_username("abc_123").show_error
    assert check_username("张三丰abc").show_error
    assert "6-16" in check_username("abc").message


def test_password_rule_from_the_manual() -> None:
    assert check_password("Gjj2025abc").ok
    assert check_password("abc").partial
    assert check_password("a" * 24 + "1").show_error
    assert check_password("abc 12345").show_error
    assert check_password("ａｂｃ１２３４５").message.startswith("密码只能使用字母和数字")


@pytest.mark.parametrize("common", sorted(COMMON_PASSWORDS & {"123456", "password", "qwerty123"}))
def test_common_passwords_are_refused(common: str) -> None:
    result = check_password(common)
    assert not result.ok
    assert result.message == "这个密码太常见，容易被他人猜到，请换一个。"
    assert not check_password(common.upper()).ok


def test_password_must_not_contain_own_data() -> None:
    assert check_password(f"a{VALID_ID.lower()}", id_number=VALID_ID).show_error
    assert check_password("x13812345678", phone="+86 138 1234 5678").show_error
    assert check_password("13812345678", phone="13812345678").show_error
    assert check_password("MyName2025", username="myname2025").show_error
    assert check_password("zzMYNAMEzz", username="myname").show_error
    assert check_password("Gjj2025abc", id_number=VALID_ID, phone="13812345678", username="xyzabc")
    # a user name still being typed is not compared
    assert check_password("abc12345xyz", username="ab").ok


def test_policy_from_center() -> None:
    nested = {"username": {"min_length": 4, "max_length": 20}, "password": {"min": 8, "max": 30}}
    assert UsernamePolicy.from_center(nested) == UsernamePolicy(4, 20)
    password = PasswordPolicy.from_center(nested)
    assert (password.min_length, password.max_length) == (8, 30)
    flat = {"password_min_length": 10, "password_blocklist": ["Ningxia123"]}
    flat_policy = PasswordPolicy.from_center(flat)
    assert flat_policy.min_length == 10
    assert flat_policy.max_length == 24
    assert "ningxia123" in flat_policy.blocklist
    assert not check_password("Ningxia123", flat_policy).ok
    assert PasswordPolicy.from_center(None) == PasswordPolicy()
    assert UsernamePolicy.from_center({"username": {"min_length": 30, "max_length": 2}}) == (
        UsernamePolicy()
    )
    assert UsernamePolicy.from_center({"username": {"min_length": True}}) == UsernamePolicy()


def test_confirm() -> None:
    assert check_confirm("abc123", "abc123").ok
    assert check_confirm("abc123", "abc").partial
    assert check_confirm("abc123", "abd").show_error
    assert check_confirm("abc123", "abc1234").message == "两次输入的密码不一致，请重新输入。"
    assert check_confirm("abc123", "").partial


# -- e-mail and codes -------------------------------------------------------------------------


def test_email_is_optional() -> None:
    assert check_email("").ok
    assert check_email("   ").ok
    assert check_email("name@example.com").ok
    assert check_email("ｎａｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ").value == "name@example.com"
    assert check_email("a@b@c.com").show_error
    assert check_email("张三@example.com").show_error


def test_typing_an_email_never_shows_an_error() -> None:
    address = "li.ming-01@mail.nx-gjj.gov.cn"
    for end in range(1, len(address)):
        assert not check_email(address[:end]).show_error, address[:end]


def test_code() -> None:
    assert check_code("123456").ok
    assert check_code("１２３ ４５６").value == "123456"
    assert check_code("1234").partial
    assert check_code("1234567").show_error
    assert check_code("12a456").show_error
    assert check_code("1234", length=4).ok
    assert check_code("").message == "请输入短信中的6位验证码。"


def test_normalise_digits() -> None:
    assert normalise_digits("１１０ １０５－１９４９ x") == "1101051949X"
    assert normalise_digits(" 138-1234-5678 ") == "13812345678"
