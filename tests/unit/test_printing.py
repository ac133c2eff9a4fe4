"""Printed documents (Qt-free): masked ID, escaped values, totals and receipts."""

from __future__ import annotations

from datetime import datetime

from kiosk.printing import certificate_html, receipt_html, statement_html, withdrawal_receipt

ID = "640106199003151234"
ACCOUNT = {
    "name_masked": "张*明",
    "account_no_masked": "6401******4732",
    "center_name": "银川住房公积金管理中心",
    "employer": "<b>某公司</b>",
    "status": "正常",
    "deposit_base": "8765.00",
    "employee_rate_percent": 12,
    "employer_rate_percent": 12,
    "monthly_amount": "2104.00",
    "balance": "116650.40",
    "opened_on": "2021-01-01",
    "last_deposit_month": "2026-10",
}
AT = datetime(2026, 11, 27, 9, 30)


def test_certificate_masks_a_full_id_number() -> None:
    html = certificate_html(ACCOUNT, id_number=ID, issued_at=AT, kiosk_id="K-01")
    assert "640***********1234" in html
    assert ID not in html
    assert "住房公积金缴存证明" in html
    assert "116,650.40元" in html
    assert "2026-11-27 09:30" in html


def test_certificate_keeps_an_already_masked_id_masked() -> None:
    html = certificate_html(ACCOUNT, id_number="640***********1234", issued_at=AT, kiosk_id="K")
    assert "640***********1234" in html


def test_certificate_without_an_id_shows_a_dash() -> None:
    html = certificate_html(ACCOUNT, id_number="", issued_at=AT, kiosk_id="K")
    assert "身份证号" in html and "—" in html


def test_values_are_escaped() -> None:
    html = certificate_html(ACCOUNT, id_number=ID, issued_at=AT, kiosk_id="K")
    assert "<b>某公司</b>" not in html
    assert "&lt;b&gt;某公司&lt;/b&gt;" in html


def test_statement_lists_entries_and_totals() -> None:
    items = [
        {
            "date": "2026-10-15",
            "kind_label": "汇缴",
            "summary": "2026-10汇缴",
            "amount": "2104.00",
            "balance_after": "116650.40",
        },
        {
            "date": "2026-09-15",
            "kind_label": "提取",
            "summary": "租赁住房提取",
            "amount": "-1000.00",
            "balance_after": "114546.40",
        },
    ]
    totals = {"count": 2, "deposits": "2104.00", "withdrawals": "1000.00", "interest": "0.00"}
    html = statement_html(
        ACCOUNT, from_month="2026-01", to_month="2026-10", items=items, totals=totals, issued_at=AT
    )
    assert "2026-01 至 2026-10" in html
    assert "2,104.00元" in html and "1,000.00元" in html
    assert "-1,000.00" in html and "114,546.40" in html
    assert html.count("<tr>") == 2 + 1 + 7  # entries, header row, summary rows


def test_receipt_from_the_center_and_from_a_record() -> None:
    receipt = {
        "title": "住房公积金提取业务回单",
        "lines": [{"label": "业务流水号", "value": "TQ202611270123456789"}],
        "footer": "如有疑问请拨打12329热线。",
    }
    html = receipt_html(receipt)
    assert "TQ202611270123456789" in html  # reference numbers are not masked
    built = withdrawal_receipt(
        {
            "type_name": "租赁住房",
            "withdrawal_no": "TQ1",
            "amount": "800.00",
            "bank_name": "中国银行",
            "bank_card_masked": "6216 **** **** 1234",
            "settled_at": "2026-11-27T09:30:00",
        },
        "115850.40",
    )
    html = receipt_html(built)
    assert "800.00元" in html and "115,850.40元" in html and "6216 **** **** 1234" in html
