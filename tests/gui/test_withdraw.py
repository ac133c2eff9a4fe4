"""我要提取 against the real center: settlement, lost answers, the counter slip."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.app import Kiosk
from kiosk.errors import OUTCOME_UNKNOWN
from tests.gui.business import PHONE, header, losing_answers, open_tile, sign_in
from tests.gui.helpers import keypad_type, latest_code, primary_button, tap

pytestmark = pytest.mark.gui

WAIT_MS = 15000
MARKER = b"POST /api/v1/me/withdrawals"


def balance(kiosk: Kiosk) -> Decimal:
    assert kiosk.client is not None
    return Decimal(kiosk.client.get_me("/account")["balance"])


def withdrawals(kiosk: Kiosk) -> list[dict[str, Any]]:
    assert kiosk.client is not None
    return list(kiosk.client.get_me("/withdrawals")["items"])


def withdrawal_entries(kiosk: Kiosk) -> list[dict[str, Any]]:
    assert kiosk.client is not None
    body = kiosk.client.get_me("/deposits", {"page_size": 100})
    return [e for e in body["items"] if e["kind"] == "withdrawal"]


def open_rent(qtbot: Any, kiosk: Kiosk) -> Any:
    screen = open_tile(qtbot, kiosk, "withdraw")
    qtbot.waitUntil(lambda: "rent" in screen.type_buttons, timeout=WAIT_MS)
    assert "可提" in screen.type_buttons["rent"].text()
    tap(qtbot, screen.type_buttons["rent"])
    assert screen.page() == "form"
    return screen


def fill_rent_form(qtbot: Any, kiosk: Kiosk, screen: Any, amount: str) -> None:
    """Amount on the keypad, the card shown masked, the SMS code requested and typed."""
    card = screen.findChild(QLabel, "CardLabel").text()
    assert "**** ****" in card
    keypad_type(qtbot, kiosk, "amount", amount)
    assert screen.amount_field.message_kind() != "error", screen.amount_field.message()
    tap(qtbot, screen.step_up.send_button)
    qtbot.waitUntil(lambda: bool(screen.step_up.challenge_id), timeout=WAIT_MS)
    assert "****" in screen.step_up.sent_label.text()
    keypad_type(qtbot, kiosk, "step_up_code", latest_code(kiosk, PHONE))
    qtbot.waitUntil(lambda: primary_button(kiosk).isEnabled(), timeout=WAIT_MS)
    assert primary_button(kiosk).text() == "确认提取"


def start_rent(qtbot: Any, kiosk: Kiosk, amount: str) -> tuple[Decimal, int, int, Any]:
    """Sign in and fill the rent form: the balance, withdrawals and ledger entries before."""
    sign_in(qtbot, kiosk)
    before = balance(kiosk)
    known, entries = len(withdrawals(kiosk)), len(withdrawal_entries(kiosk))
    screen = open_rent(qtbot, kiosk)
    fill_rent_form(qtbot, kiosk, screen, amount)
    return before, known, entries, screen


def test_rent_withdrawal_settles_at_once(qtbot: Any, kiosk: Kiosk, tmp_path: Path) -> None:
    before, known, entries, screen = start_rent(qtbot, kiosk, "1000")
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(lambda: screen.page() == "result", timeout=WAIT_MS)

    after = balance(kiosk)
    assert after == before - Decimal(1000)
    shown = screen.findChild(QLabel, "NewBalance").text()
    assert f"{after:,.2f}元" in shown
    assert len(withdrawals(kiosk)) == known + 1
    assert len(withdrawal_entries(kiosk)) == entries + 1

    tap(qtbot, screen.print_button)
    assert screen.last_print is not None
    assert screen.last_print.parent == tmp_path / "kiosk" / "prints"
    assert screen.last_print.stat().st_size > 0

    kiosk.window.go_home()
    assert screen.page() == "list"
    assert not screen.new_balance.text()
    assert not screen.result()


def test_lost_answer_is_retried_with_the_same_key_once(qtbot: Any, kiosk: Kiosk) -> None:
    with losing_answers(kiosk, MARKER, drops=1) as proxy:
        before, known, entries, screen = start_rent(qtbot, kiosk, "800")
        tap(qtbot, primary_button(kiosk))
        qtbot.waitUntil(lambda: screen.page() == "result", timeout=WAIT_MS)

    assert len(proxy.seen) == 2, "one lost answer, one retry"
    keys = {header(raw, "Idempotency-Key") for raw in proxy.seen}
    assert len(keys) == 1 and "" not in keys
    assert len(withdrawals(kiosk)) == known + 1
    assert len(withdrawal_entries(kiosk)) == entries + 1
    assert balance(kiosk) == before - Decimal(800)
    assert "提取成功" in screen.result_headline.text()


def test_unknown_outcome_is_asked_not_resubmitted(qtbot: Any, kiosk: Kiosk) -> None:
    with losing_answers(kiosk, MARKER, drops=100) as proxy:
        before, known, entries, screen = start_rent(qtbot, kiosk, "500")
        errors: list[str] = []
        screen.changed.connect(lambda: errors.append(screen.error))
        tap(qtbot, primary_button(kiosk))
        # every answer lost: the kiosk says so, asks the center and finds the withdrawal
        qtbot.waitUntil(lambda: screen.page() == "result", timeout=WAIT_MS * 2)

    assert OUTCOME_UNKNOWN in errors
    attempts = len(proxy.seen)
    assert attempts >= 2
    assert len({header(raw, "Idempotency-Key") for raw in proxy.seen}) == 1
    assert len(withdrawals(kiosk)) == known + 1
    assert len(withdrawal_entries(kiosk)) == entries + 1
    assert balance(kiosk) == before - Decimal(500)
    assert "提取成功" in screen.result_headline.text()
    assert f"{before - Decimal(500):,.2f}" in screen.new_balance.text()


def test_document_type_ends_in_a_counter_slip(qtbot: Any, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    before = balance(kiosk)
    entries = len(withdrawal_entries(kiosk))
    screen = open_tile(qtbot, kiosk, "withdraw")
    qtbot.waitUntil(lambda: "house_purchase" in screen.type_buttons, timeout=WAIT_MS)
    tap(qtbot, screen.type_buttons["house_purchase"])
    assert "购房合同" in screen.materials_label.text()
    assert not screen.amount_field.isVisible()
    assert primary_button(kiosk).text() == "生成办理清单"
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(lambda: screen.page() == "result", timeout=WAIT_MS)
    assert "柜台" in screen.result_headline.text()
    assert "购房合同" in screen.result_detail.text()
    assert not screen.new_balance.isVisible()
    assert balance(kiosk) == before
    assert len(withdrawal_entries(kiosk)) == entries


def test_over_the_maximum_keeps_the_amount(qtbot: Any, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    screen = open_rent(qtbot, kiosk)
    keypad_type(qtbot, kiosk, "amount", "99999999")
    assert screen.amount_field.message_kind() == "error"
    assert "不能超过" in screen.amount_field.message()
    assert screen.amount_field.text() == "99999999"
    assert not primary_button(kiosk).isEnabled()
