"""个人账户 against the real center: the hidden balance, and the printed 缴存证明."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk.app import Kiosk
from kiosk.masking import mask_id
from kiosk.money import yuan
from tests.gui.business import ID_NUMBER_PREFIX, open_tile, sign_in
from tests.gui.helpers import primary_button, tap

pytestmark = pytest.mark.gui

WAIT_MS = 15000


def pdf_text(path: Path) -> str:
    """The text of a PDF (NFKC: CJK fonts map some glyphs to Kangxi radicals)."""
    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return unicodedata.normalize("NFKC", text)


def open_account(qtbot: Any, kiosk: Kiosk) -> Any:
    sign_in(qtbot, kiosk)
    screen = open_tile(qtbot, kiosk, "account")
    qtbot.waitUntil(screen.print_button.isEnabled, timeout=WAIT_MS)
    return screen


def test_balance_hidden_until_tapped(qtbot: Any, kiosk: Kiosk) -> None:
    screen = open_account(qtbot, kiosk)
    assert kiosk.client is not None
    account = kiosk.client.get_me("/account")
    assert screen.balance_value.text() == "******"
    assert screen.values["account_no_masked"].text() == account["account_no_masked"]
    assert "*" in screen.values["name_masked"].text()
    assert "****" in screen.values["bank"].text()

    tap(qtbot, screen.toggle_button)
    assert screen.balance_value.text() == yuan(account["balance"])
    assert screen.toggle_button.text() == "隐藏余额"

    # leaving the screen hides it again; a reset wipes every value
    kiosk.window.on_back_button_clicked()
    assert kiosk.window.current_id == "account_home"
    assert screen.balance_value.text() == "******"
    kiosk.window.go_home()
    assert all(not label.text() for label in screen.values.values())
    assert screen.balance_value.text() == "******"


def test_certificate_printed_to_pdf_with_masked_id(
    qtbot: Any, kiosk: Kiosk, tmp_path: Path
) -> None:
    screen = open_account(qtbot, kiosk)
    assert kiosk.client is not None
    account = kiosk.client.get_me("/account")
    tap(qtbot, screen.print_button)
    path = screen.last_print
    assert path is not None and path.parent == tmp_path / "kiosk" / "prints"
    assert path.stat().st_size > 0
    assert "正在打印" in screen.print_status.text()

    text = pdf_text(path)
    assert "住房公积金缴存证明" in text
    assert account["account_no_masked"] in text
    assert account["name_masked"] in text
    assert ID_NUMBER_PREFIX not in text  # never the full ID number

    assert mask_id(account["id_number_masked"]) in text
    assert mask_id(account["id_number_masked"]).startswith(ID_NUMBER_PREFIX[:3])


def test_query_range_paging_totals_and_statement(qtbot: Any, kiosk: Kiosk) -> None:
    sign_in(qtbot, kiosk)
    screen = open_tile(qtbot, kiosk, "query")
    qtbot.waitUntil(lambda: bool(screen.history()), timeout=WAIT_MS)
    first = screen.history()
    # the default range is the last 12 months, set on the pickers from the center's answer
    assert screen.from_picker.month() == first["from"]
    assert screen.to_picker.month() == first["to"]
    assert screen.deposits_table.rowCount() == len(first["items"]) > 0
    assert f"共{first['totals']['count']}笔" in screen.totals_label.text()

    # a longer range by taps: 12 months further back, then 查询
    for _ in range(12):
        tap(qtbot, screen.from_picker.minus)
    tap(qtbot, primary_button(kiosk))
    qtbot.waitUntil(lambda: screen.history().get("from") != first["from"], timeout=WAIT_MS)
    longer = screen.history()
    assert longer["total"] > first["total"]
    assert longer["pages"] > 1
    assert screen.page_label.text() == f"第1/{longer['pages']}页"
    assert not screen.prev_button.isEnabled()

    tap(qtbot, screen.next_button)
    qtbot.waitUntil(lambda: screen.history().get("page") == 2, timeout=WAIT_MS)
    assert screen.prev_button.isEnabled()
    assert screen.deposits_table.item(0, 0).text() == longer_page_date(kiosk, longer, 2)

    # a reversed range is refused before any call
    for _ in range(30):
        tap(qtbot, screen.to_picker.minus)
    assert screen.from_picker.month() > screen.to_picker.month()
    assert "起始月份不能晚于结束月份" in screen.error
    assert not primary_button(kiosk).isEnabled()
    for _ in range(30):
        tap(qtbot, screen.to_picker.plus)
    assert not screen.error
    assert primary_button(kiosk).isEnabled()

    # the statement of the range, printed to a PDF
    tap(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.last_print is not None, timeout=WAIT_MS)
    assert screen.last_print.stat().st_size > 0
    text = pdf_text(screen.last_print)
    assert "住房公积金缴存明细" in text

    # 提取记录
    tap(qtbot, screen.tabs.buttons["withdrawals"])
    qtbot.waitUntil(lambda: screen.withdrawals_table.rowCount() > 0, timeout=WAIT_MS)

    kiosk.window.go_home()
    assert screen.deposits_table.rowCount() == 0
    assert not screen.totals_label.text()


def longer_page_date(kiosk: Kiosk, history: dict[str, Any], page: int) -> str:
    assert kiosk.client is not None
    body = kiosk.client.get_me(
        "/deposits",
        {
            "from": history["from"],
            "to": history["to"],
            "page": page,
            "page_size": history["page_size"],
        },
    )
    return str(body["items"][0]["date"])


def test_the_spinner_says_what_it_waits_for(qtbot: Any, kiosk: Kiosk) -> None:
    """Loading the account reads 正在查询; a submission (the next screen's) reads 正在提交."""
    sign_in(qtbot, kiosk)
    busy = kiosk.window.busy_indicator
    seen: list[str] = []
    kiosk.window.show_page("account")  # its entry starts the load at once
    screen = kiosk.window.current_screen
    seen.append(busy.text() if busy.isVisible() else "")
    qtbot.waitUntil(screen.print_button.isEnabled, timeout=WAIT_MS)
    assert seen == ["正在查询，请稍候…"]
    assert not busy.isVisible()
    screen.set_busy(True)  # as a submission does
    assert busy.isVisible() and busy.text() == "正在提交，请稍候…"
    screen.set_busy(False)
