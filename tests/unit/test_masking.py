"""Masking of ID, phone, name, account and card numbers, and scrubbing of free text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kiosk.masking import mask_account, mask_card, mask_id, mask_name, mask_phone, scrub

PHONE_RE = re.compile(r"1[3-9][0-9]{9}")
ID_RE = re.compile(r"[0-9]{17}[0-9Xx]|[0-9]{15}")

digits = st.text(alphabet="0123456789", min_size=1, max_size=3)
phones = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
ids = st.builds(
    lambda body, last: body + last,
    st.text(alphabet="0123456789", min_size=17, max_size=17),
    st.sampled_from("0123456789Xx"),
)
fillers = st.text(alphabet=st.characters(codec="utf-8"), max_size=8)


def test_mask_id() -> None:
    assert mask_id("64010219900101123X") == "640***********123X"
    assert len(mask_id("64010219900101123X")) == 18
    assert mask_id(" 640102199001011237 ") == "640***********1237"
    assert mask_id("123") == "***"
    assert mask_id("") == ""
    assert mask_id(None) == ""


def test_mask_phone() -> None:
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("138 1234 1234") == "138****1234"
    assert mask_phone("1234567") == "*******"


def test_mask_name() -> None:
    assert mask_name("张三明") == "张*明"
    assert mask_name("王五") == "王*"
    assert mask_name("欧阳娜娜") == "欧**娜"
    assert mask_name("李") == "*"
    assert mask_name("") == ""


def test_mask_account_and_card() -> None:
    assert mask_account("123456789012") == "********9012"
    assert mask_account("1234") == "****"
    assert mask_card("6222 0212 3456 7890 123") == "**** **** **** 0123"
    assert mask_card("6222-0212-3456-7890") == "**** **** **** 7890"
    assert mask_card("123") == "****"


def test_scrub_examples() -> None:
    text = "id=64010219900101123X tel:13812345678 +86 138-1234-5678 640102 19900101 123x"
    out = scrub(text)
    assert "640***********123X" in out
    assert "138****5678" in out
    assert "138-****-5678" in out
    assert "640*** ******** 123x" in out
    harmless = "time 2025-06-01 12:30:45, 404 errors, order 1234567890"
    assert scrub(harmless) == harmless
    assert scrub("card 6222021234567890123") == "card ***************0123"
    assert scrub("全角 １３８１２３４５６７８") == "全角 １３８****５６７８"
    assert scrub(None) == ""


@given(st.lists(st.one_of(phones, ids, fillers, digits), max_size=12))
def test_scrub_leaves_no_phone_or_id(parts: list[str]) -> None:
    out = scrub("".join(parts))
    assert not PHONE_RE.search(out)
    assert not ID_RE.search(out)


@given(st.text())
def test_scrub_never_raises_and_keeps_text_without_numbers(text: str) -> None:
    out = scrub(text)
    if not re.search(r"[0-9\uff10-\uff19]{11}", text) and not re.search(
        r"[0-9\uff10-\uff19]{3}[ \-\u3000]", text
    ):
        assert out == text
    assert len(out) == len(text)


@given(st.text())
def test_maskers_never_raise(text: str) -> None:
    for mask in (mask_id, mask_phone, mask_name, mask_account, mask_card):
        assert isinstance(mask(text), str)
