"""我要贷款 against the real center: the quote checked against an independent schedule, the
limit with its reasons, and an application followed through its stages."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.app import Kiosk
from kiosk.money import yuan
from tests.gui.business import CENTER_ID, PASSWORD, PHONE, USERNAME, open_tile, sign_in
from tests.gui.helpers import keypad_type, latest_code, primary_button, tap, wait_for

pytestmark = pytest.mark.gui

WAIT_MS = 15000
CENT = Decimal("0.01")


def level_payment(principal: Decimal, annual_percent: Decimal, months: int) -> Decimal:
    """等额本息: M = P·r·(1+r)^n / ((1+r)^n − 1), r = annual / 12, rounded half up to the fen."""
    with localcontext() as ctx:
        ctx.prec = 50
        r = annual_percent / 100 / 12
        growth = (1 + r) ** months
        return (principal * r * growth / (growth - 1)).quantize(CENT, rounding=ROUND_HALF_UP)


def level_schedule(principal: Decimal, annual_percent: Decimal, months: int) -> list[Decimal]:
    """The interest of each month: remaining principal × r (half up); the last month clears."""
    payment = level_payment(principal, annual_percent, months)
    with localcontext() as ctx:
        ctx.prec = 50
        r = annual_percent / 100 / 12
        remaining = principal
        interests = []
        for month in range(1, months + 1):
            interest = (remaining * r).quantize(CENT, rounding=ROUND_HALF_UP)
            repaid = remaining if month == months else payment - interest
            remaining -= repaid
            interests.append(interest)
        assert remaining == 0
        return interests


def test_quote_matches_an_independent_schedule(qtbot: Any, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    assert kiosk.client is not None
    rates = kiosk.client.request("GET", "/loan-rates")
    screen = open_tile(qtbot, kiosk, "loan")
    qtbot.waitUntil(lambda: "%" in screen.rates_label.text(), timeout=WAIT_MS)
    keypad_type(qtbot, kiosk, "loan_amount", "500000")
    for _ in range(5):
        tap(qtbot, screen.term.minus)
    assert screen.term.value() == 15
    assert screen.method.value() == "equal_installment"
    qtbot.waitUntil(lambda: primary_button(kiosk).isEnabled(), timeout=WAIT_MS)
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(lambda: bool(screen.quote()), timeout=WAIT_MS)

    rate = Decimal(rates["first_home"]["long"])
    expected = level_payment(Decimal(500000), rate, 180)
    quote = screen.quote()
    assert Decimal(quote["monthly_payment"]) == expected
    assert yuan(expected) in screen.monthly_label.text()
    interests = level_schedule(Decimal(500000), rate, 180)
    assert Decimal(quote["total_interest"]) == sum(interests)
    assert yuan(sum(interests)) in screen.totals_label.text()
    assert screen.schedule.rowCount() == 180
    assert screen.schedule.item(0, 1).text() == f"{expected:,.2f}"
    assert screen.schedule.item(179, 4).text() == "0.00"

    # the limit, each item with its reason
    limit = quote["limit"]
    codes = {item["code"] for item in limit["items"]}
    assert {"balance_multiple", "cap", "working_years", "repayment_capacity"} <= codes
    shown = screen.limit_label.text()
    for item in limit["items"]:
        assert item["reason"] in shown
    assert yuan(limit["max_amount"]) in screen.limit_title.text()

    # 等额本金: the first month pays the most
    tap(qtbot, screen.method.buttons["equal_principal"])
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(lambda: screen.quote().get("method") == "equal_principal", timeout=WAIT_MS)
    first = Decimal(screen.quote()["monthly_payment"])
    principal = (Decimal(500000) / 180).quantize(CENT, rounding="ROUND_DOWN")
    assert first == principal + (Decimal(500000) * rate / 100 / 12).quantize(
        CENT, rounding=ROUND_HALF_UP
    )
    assert "首月还款" in screen.monthly_label.text()


def test_application_with_step_up_then_progress(qtbot: Any, kiosk: Kiosk, center: Any) -> None:
    sign_in(qtbot, kiosk)
    screen = open_tile(qtbot, kiosk, "loan")
    tap(qtbot, screen.apply_button)
    wait_for(qtbot, kiosk, "loan_apply")
    apply = kiosk.window.current_screen
    address = apply.fields["address"].line_edit
    address.setFocus()
    qtbot.keyClicks(address, "Yinchuan Jinfeng 3-2-501")
    keypad_type(qtbot, kiosk, "property_area", "90")
    keypad_type(qtbot, kiosk, "property_price", "1000000")
    keypad_type(qtbot, kiosk, "loan_amount", "300000")
    keypad_type(qtbot, kiosk, "repayment_card", "6217000012345678")
    assert not primary_button(kiosk).isEnabled(), "no SMS code yet"
    tap(qtbot, apply.step_up.send_button)
    qtbot.waitUntil(lambda: bool(apply.step_up.challenge_id), timeout=WAIT_MS)
    keypad_type(qtbot, kiosk, "step_up_code", latest_code(kiosk, PHONE))
    qtbot.waitUntil(lambda: primary_button(kiosk).isEnabled(), timeout=WAIT_MS)
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(lambda: bool(apply.result()), timeout=WAIT_MS)
    assert "已受理" in apply.done_label.text()
    assert "**** **** 5678" in apply.done_detail.text()
    assert "6217000012345678" not in apply.done_detail.text()

    tap(qtbot, apply.progress_button)
    wait_for(qtbot, kiosk, "loan_progress")
    progress = kiosk.window.current_screen
    qtbot.waitUntil(lambda: bool(progress.cards), timeout=WAIT_MS)
    card = progress.cards[0]
    assert card.findChild(QLabel, "stage_受理").property("stage") == "done"
    assert card.findChild(QLabel, "stage_放款").property("stage") == "todo"

    # a week later (signed in again) the demo center has moved it through every stage
    center.clock.advance(8 * 24 * 3600)
    assert kiosk.client is not None
    kiosk.client.login(center_id=CENTER_ID, username=USERNAME, password=PASSWORD)
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(
        lambda: (
            bool(progress.cards)
            and progress.cards[0].findChild(QLabel, "stage_放款") is not None
            and progress.cards[0].findChild(QLabel, "stage_放款").property("stage") == "done"
        ),
        timeout=WAIT_MS,
    )
    assert progress.applications()[0]["status"] == "放款"
    assert not progress.findChildren(QPushButton, "ApplyButton")
