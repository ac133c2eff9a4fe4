"""Money: Decimal yuan on the wire, formatted for the screen, parsed from what residents type."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.money import (
    MoneyError,
    check_yuan,
    format_yuan,
    from_wire,
    parse_yuan,
    to_wire,
    yuan,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("12345.67"), "12,345.67"),
        ("12345.675", "12,345.68"),
        ("0.005", "0.01"),
        (1234567, "1,234,567.00"),
        ("-1234.5", "-1,234.50"),
        ("-0.001", "0.00"),
        ("0", "0.00"),
        ("abc", "—"),
        ("1e5", "—"),
        ("NaN", "—"),
        (Decimal("Infinity"), "—"),
        (True, "—"),
    ],
)
def test_format_yuan(value: Decimal | str | int, text: str) -> None:
    assert format_yuan(value) == text


def test_yuan_and_wire() -> None:
    assert yuan("12345.6") == "12,345.60元"
    assert yuan("x") == "—"
    assert to_wire(Decimal("12.3")) == "12.30"
    assert to_wire(5) == "5.00"
    assert from_wire("12345.67") == Decimal("12345.67")
    with pytest.raises(ValueError):
        from_wire("1e3")
    with pytest.raises(ValueError):
        to_wire(Decimal("9" * 40))


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12345.67", "12345.67"),
        ("１２,３４５.６元", "12345.60"),
        ("¥ 800", "800.00"),
        ("￥800元", "800.00"),
        ("10万", "100000.00"),
        ("1.5万元", "15000.00"),
        (".5", "0.50"),
        ("12.", "12.00"),
    ],
)
def test_parse_yuan(typed: str, amount: str) -> None:
    assert parse_yuan(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "请输入金额。"),
        ("abc", "金额格式不正确，请只输入数字和小数点，例如 12345.67。"),
        ("1.234", "金额最多保留两位小数（精确到分），请重新输入。"),
        ("0", "金额应大于0元，请重新输入。"),
        ("-5", "金额格式不正确，请只输入数字和小数点，例如 12345.67。"),
        ("1e5", "金额格式不正确，请只输入数字和小数点，例如 12345.67。"),
        ("9" * 40, "金额过大，请核对后重新输入。"),
        (".", "金额格式不正确，请只输入数字和小数点，例如 12345.67。"),
    ],
)
def test_parse_yuan_errors(typed: str, message: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_yuan(typed)
    assert info.value.message == message


def test_bounds() -> None:
    with pytest.raises(MoneyError, match=r"不能超过500,000\.00元"):
        parse_yuan("60万", maximum=Decimal(500000))
    with pytest.raises(MoneyError, match=r"不能少于100\.00元"):
        parse_yuan("50", minimum=Decimal(100))
    assert parse_yuan("50万", maximum=Decimal(500000)) == Decimal(500000)


def test_check_yuan() -> None:
    assert check_yuan("1,000").value == "1000.00"
    assert check_yuan("").partial
    assert check_yuan("1.234").show_error


@given(st.text())
def test_parse_never_raises_anything_but_money_error(text: str) -> None:
    try:
        amount = parse_yuan(text)
    except MoneyError as exc:
        assert exc.message
    else:
        assert amount > 0
        assert amount == amount.quantize(Decimal("0.01"))


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_format_then_parse_round_trip(amount: Decimal) -> None:
    if amount > 0:
        assert parse_yuan(format_yuan(amount)) == amount
