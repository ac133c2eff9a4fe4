"""The personal account (个人账户) and its history (缴存明细)."""

from __future__ import annotations

import math
import re
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center.business.models import (
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_LABELS,
    KIND_WITHDRAWAL,
    Account,
    LedgerEntry,
)
from center.business.money import to_yuan
from center.business.people import add_months, month_of
from center.business.schemas import (
    AccountOut,
    EntryOut,
    HistoryOut,
    HistoryTotals,
)
from center.business.service_common import mask_account_no, mask_card
from center.errors import invalid_field
from center.models import Depositor
from center.services.masking import mask_id_number, mask_name

_MONTH_RE = re.compile(r"^(19|20|21)\d{2}-(0[1-9]|1[0-2])$")


def account_view(account: Account, depositor: Depositor) -> AccountOut:
    """The personal account as the kiosk shows it."""
    employee = _part(account.deposit_base_fen, account.employee_rate)
    employer = _part(account.deposit_base_fen, account.employer_rate)
    return AccountOut(
        account_no_masked=mask_account_no(account.account_no),
        name_masked=mask_name(depositor.name),
        id_number_masked=mask_id_number(depositor.id_number),
        center_id=depositor.center_id,
        center_name=depositor.center.name,
        status=account.status,
        employer=account.employer,
        deposit_base=to_yuan(account.deposit_base_fen),
        employee_rate_percent=account.employee_rate,
        employer_rate_percent=account.employer_rate,
        employee_monthly=to_yuan(employee),
        employer_monthly=to_yuan(employer),
        monthly_amount=to_yuan(account.monthly_amount_fen),
        balance=to_yuan(account.balance_fen),
        opened_on=account.opened_on,
        last_deposit_month=account.last_deposit_month,
        bank_name=account.bank_name,
        bank_card_masked=mask_card(account.bank_card_no),
    )


def _part(base_fen: int, rate: int) -> int:
    """One side's monthly deposit: base × rate, rounded half up to the whole yuan."""
    return (base_fen * rate + 5000) // 10000 * 100


def monthly_parts(base_fen: int, employee_rate: int, employer_rate: int) -> tuple[int, int]:
    """The employee's and the employer's monthly deposit (each rounded to the yuan)."""
    return _part(base_fen, employee_rate), _part(base_fen, employer_rate)


def _month(raw: str | None, field: str, default: str) -> str:
    if raw is None or not raw.strip():
        return default
    value = raw.strip()
    if not _MONTH_RE.match(value):
        raise invalid_field(field, "月份格式不正确，请按“年-月”选择，如 2024-06。")
    return value


def history(
    db: Session,
    account: Account,
    today: date,
    *,
    from_month: str | None,
    to_month: str | None,
    page: int,
    page_size: int,
) -> HistoryOut:
    """The account history (缴存明细) between two months, newest first.

    Raises:
        ApiError: 422 for a bad month, a reversed range or a bad page.
    """
    last = _month(to_month, "to", month_of(today))
    first = _month(from_month, "from", add_months(last, -11))
    if first > last:
        raise invalid_field("from", "起始月份不能晚于结束月份，请重新选择。")
    if page < 1 or page > 100_000:
        raise invalid_field("page", "页码不正确。")
    if page_size < 1 or page_size > 100:
        raise invalid_field("page_size", "每页条数应为1-100。")
    start = date(int(first[:4]), int(first[5:7]), 1)
    after = add_months(last, 1)
    end = date(int(after[:4]), int(after[5:7]), 1)
    where = (
        LedgerEntry.account_id == account.id,
        LedgerEntry.posted_on >= start,
        LedgerEntry.posted_on < end,
    )
    sums: dict[str, int] = {
        str(kind): int(total or 0)
        for kind, total in db.execute(
            select(LedgerEntry.kind, func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
            .where(*where)
            .group_by(LedgerEntry.kind)
        ).all()
    }
    total = int(db.scalar(select(func.count(LedgerEntry.id)).where(*where)) or 0)
    rows = db.scalars(
        select(LedgerEntry)
        .where(*where)
        .order_by(LedgerEntry.seq.desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    items = [
        EntryOut(
            seq=row.seq,
            date=row.posted_on,
            kind=row.kind,
            kind_label=KIND_LABELS.get(row.kind, row.kind),
            summary=row.summary,
            period=row.period,
            amount=to_yuan(row.amount_fen),
            employee_part=None if row.employee_part_fen is None else to_yuan(row.employee_part_fen),
            employer_part=None if row.employer_part_fen is None else to_yuan(row.employer_part_fen),
            balance_after=to_yuan(row.balance_after_fen),
            reference=row.reference,
        )
        for row in rows
    ]
    return HistoryOut(
        from_month=first,
        to_month=last,
        page=page,
        page_size=page_size,
        pages=max(1, math.ceil(total / page_size)),
        total=total,
        totals=HistoryTotals(
            count=total,
            deposits=to_yuan(int(sums.get(KIND_DEPOSIT, 0))),
            withdrawals=to_yuan(-int(sums.get(KIND_WITHDRAWAL, 0))),
            interest=to_yuan(int(sums.get(KIND_INTEREST, 0))),
        ),
        items=items,
    )
