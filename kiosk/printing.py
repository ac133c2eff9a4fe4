"""Printed documents of the kiosk as HTML: 缴存证明, 缴存明细 statement, 回单 and 办理清单.

Qt-free: :mod:`kiosk.ui.printer` lays the HTML out on paper (or into a PDF). Every value is
escaped; the ID number is masked here with :func:`~kiosk.masking.mask_id` whatever the caller
passes in (full or masked), so a full ID number never reaches the paper. Account numbers, cards
and names come masked from the center.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from kiosk.masking import mask_id
from kiosk.money import format_yuan, yuan

__all__ = [
    "certificate_html",
    "document_html",
    "receipt_html",
    "statement_html",
    "withdrawal_receipt",
]

HOTLINE = "12329"

_STYLE = (
    "body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 11pt; }"
    "h1 { font-size: 18pt; text-align: center; margin-bottom: 4px; }"
    "p.sub { text-align: center; color: #444444; margin-top: 0; }"
    "table { border-collapse: collapse; width: 100%; }"
    "td, th { border: 1px solid #555555; padding: 4px 6px; }"
    "th { background: #EEEEEE; }"
    "td.label { width: 30%; background: #F5F5F5; }"
    "td.num { text-align: right; }"
    "p.foot { color: #333333; margin-top: 12px; }"
)


def _e(value: Any) -> str:
    """Escape a value for HTML (the center sends personal numbers masked already)."""
    return html.escape("" if value is None else str(value))


def document_html(title: str, subtitle: str, body: str, footer: str) -> str:
    """A whole printable page: title, subtitle, an HTML body fragment and a footer sentence.

    Args:
        title: the heading (escaped here).
        subtitle: a line under the heading (escaped here).
        body: an already escaped HTML fragment.
        footer: a closing sentence (escaped here).
    """
    return (
        f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>"
        f"<h1>{_e(title)}</h1><p class='sub'>{_e(subtitle)}</p>{body}"
        f"<p class='foot'>{_e(footer)}</p></body></html>"
    )


def _rows(pairs: Iterable[tuple[str, Any]]) -> str:
    cells = "".join(
        f"<tr><td class='label'>{_e(label)}</td><td>{_e(value)}</td></tr>" for label, value in pairs
    )
    return f"<table>{cells}</table>"


def certificate_html(
    account: Mapping[str, Any],
    *,
    id_number: str,
    issued_at: datetime,
    kiosk_id: str,
) -> str:
    """The 住房公积金缴存证明 of the signed-in resident.

    Args:
        account: ``GET /me/account`` (masked account number and name).
        id_number: the resident's ID number, full or already masked: printed masked.
        issued_at: when it is printed.
        kiosk_id: the printing kiosk.
    """
    masked_id = mask_id(id_number) if id_number else "—"
    pairs: list[tuple[str, Any]] = [
        ("姓名", account.get("name_masked", "")),
        ("身份证号", masked_id),
        ("个人账号", account.get("account_no_masked", "")),
        ("缴存单位", account.get("employer", "")),
        ("账户状态", account.get("status", "")),
        ("开户日期", account.get("opened_on", "")),
        ("缴存基数", yuan(str(account.get("deposit_base", "")))),
        (
            "缴存比例",
            f"个人{account.get('employee_rate_percent', '')}%、"
            f"单位{account.get('employer_rate_percent', '')}%",
        ),
        ("月缴存额", yuan(str(account.get("monthly_amount", "")))),
        ("缴至年月", account.get("last_deposit_month") or "—"),
        ("账户余额", yuan(str(account.get("balance", "")))),
    ]
    body = (
        f"<p>兹证明以下职工在{_e(account.get('center_name', '本中心'))}缴存住房公积金，"
        "情况如下：</p>" + _rows(pairs)
    )
    return document_html(
        "住房公积金缴存证明",
        f"打印时间 {issued_at:%Y-%m-%d %H:%M}　自助终端 {kiosk_id}",
        body,
        f"本证明由自助终端打印，仅用于证明上述缴存情况；如有疑问请拨打{HOTLINE}热线。",
    )


def statement_html(
    account: Mapping[str, Any],
    *,
    from_month: str,
    to_month: str,
    items: Sequence[Mapping[str, Any]],
    totals: Mapping[str, Any],
    issued_at: datetime,
) -> str:
    """The 缴存明细 statement of a month range (every entry, newest first).

    Args:
        account: ``GET /me/account``.
        from_month: ``YYYY-MM``.
        to_month: ``YYYY-MM``.
        items: the entries of ``GET /me/deposits`` (all pages).
        totals: the ``totals`` of ``GET /me/deposits``.
        issued_at: when it is printed.
    """
    head = _rows(
        [
            ("姓名", account.get("name_masked", "")),
            ("个人账号", account.get("account_no_masked", "")),
            ("查询期间", f"{from_month} 至 {to_month}"),
            ("笔数", totals.get("count", len(items))),
            ("缴存合计", yuan(str(totals.get("deposits", "0")))),
            ("提取合计", yuan(str(totals.get("withdrawals", "0")))),
            ("结息合计", yuan(str(totals.get("interest", "0")))),
        ]
    )
    lines = "".join(
        "<tr>"
        f"<td>{_e(item.get('date', ''))}</td>"
        f"<td>{_e(item.get('kind_label', ''))}</td>"
        f"<td>{_e(item.get('summary', ''))}</td>"
        f"<td class='num'>{_e(format_yuan(str(item.get('amount', ''))))}</td>"
        f"<td class='num'>{_e(format_yuan(str(item.get('balance_after', ''))))}</td>"
        "</tr>"
        for item in items
    )
    table = (
        "<p></p><table><tr><th>日期</th><th>类型</th><th>摘要</th><th>金额（元）</th>"
        f"<th>余额（元）</th></tr>{lines}</table>"
    )
    return document_html(
        "住房公积金缴存明细",
        f"打印时间 {issued_at:%Y-%m-%d %H:%M}",
        head + table,
        f"本明细由自助终端打印；如有疑问请拨打{HOTLINE}热线。",
    )


def receipt_html(receipt: Mapping[str, Any]) -> str:
    """A receipt (回单) or counter slip (办理清单) the center sent (``PrintOut``)."""
    lines = receipt.get("lines") or []
    pairs = [
        (str(line.get("label", "")), line.get("value", ""))
        for line in lines
        if isinstance(line, Mapping)
    ]
    return document_html(
        str(receipt.get("title", "回单")), "", _rows(pairs), str(receipt.get("footer", ""))
    )


def withdrawal_receipt(withdrawal: Mapping[str, Any], balance: str | None) -> dict[str, Any]:
    """A receipt built from a withdrawal record (when the center's own receipt was lost).

    Args:
        withdrawal: one item of ``GET /me/withdrawals``.
        balance: the balance after it, if known.

    Returns:
        A ``PrintOut``-shaped mapping for :func:`receipt_html`.
    """
    pairs = [
        ("业务类型", f"{withdrawal.get('type_name', '')}提取"),
        ("业务流水号", withdrawal.get("withdrawal_no", "")),
        ("提取金额", yuan(str(withdrawal.get("amount") or "0"))),
        ("收款银行", withdrawal.get("bank_name", "")),
        ("收款卡号", withdrawal.get("bank_card_masked", "")),
        ("提取后余额", yuan(str(balance or withdrawal.get("balance_after") or ""))),
        ("办理时间", withdrawal.get("settled_at") or withdrawal.get("created_at") or ""),
    ]
    return {
        "title": "住房公积金提取业务回单",
        "lines": [{"label": label, "value": str(value)} for label, value in pairs],
        "footer": f"提取资金已划转至您的银行卡，到账时间以银行为准。如有疑问请拨打{HOTLINE}热线。",
    }


def today_text(today: date) -> str:
    """A date as printed: ``2025年06月01日``."""
    return f"{today:%Y年%m月%d日}"
