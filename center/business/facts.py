"""What the rules know about one account now: deposits in a row, rent withdrawn this year and
the principal still owed on its loans."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center.business import loans as calc
from center.business.config import CHINA_TZ
from center.business.models import (
    KIND_DEPOSIT,
    WITHDRAWAL_SETTLED,
    Account,
    LedgerEntry,
    Loan,
    Withdrawal,
)
from center.business.people import add_months, month_of
from center.business.service_common import find_account, person_of, today_of
from center.business.withdrawals import AccountFacts
from center.errors import invalid_field
from center.models import Depositor


def deposit_streak(db: Session, account: Account) -> int:
    """Consecutive months deposited, ending at the last deposit month."""
    periods = db.scalars(
        select(LedgerEntry.period)
        .where(
            LedgerEntry.account_id == account.id,
            LedgerEntry.kind == KIND_DEPOSIT,
            LedgerEntry.period.is_not(None),
        )
        .distinct()
        .order_by(LedgerEntry.period.desc())
    ).all()
    streak = 0
    expected = account.last_deposit_month
    for period in periods:
        if period != expected:
            break
        streak += 1
        expected = add_months(period, -1) if period else None
    return streak


def rent_withdrawn_in_year(db: Session, account_id: int, year: int) -> int:
    """Rent withdrawn in a calendar year (Beijing)."""
    start = datetime(year, 1, 1, tzinfo=CHINA_TZ)
    end = datetime(year + 1, 1, 1, tzinfo=CHINA_TZ)
    total = db.scalar(
        select(func.coalesce(func.sum(Withdrawal.amount_fen), 0)).where(
            Withdrawal.account_id == account_id,
            Withdrawal.type_code == "rent",
            Withdrawal.status == WITHDRAWAL_SETTLED,
            Withdrawal.settled_at >= start,
            Withdrawal.settled_at < end,
        )
    )
    return int(total or 0)


def due_date(start: date, period: int) -> date:
    """The due date of installment ``period`` of a loan disbursed on ``start``."""
    month = add_months(month_of(start), period)
    return date(int(month[:4]), int(month[5:7]), min(start.day, 28))


def loan_method(raw: str) -> calc.Method:
    """The repayment method named ``raw`` (a 422 on ``method`` for any other)."""
    if raw == "equal_installment":
        return "equal_installment"
    if raw == "equal_principal":
        return "equal_principal"
    raise invalid_field("method", "请选择还款方式：等额本息或等额本金。")


def loan_position(loan: Loan, today: date) -> tuple[calc.Schedule, int, int]:
    """The schedule of a loan, the periods due by ``today`` and the outstanding principal."""
    schedule = calc.build_schedule(
        loan.amount_fen, loan.term_months, loan_method(loan.method), Decimal(loan.annual_rate)
    )
    paid = sum(1 for k in range(1, loan.term_months + 1) if due_date(loan.disbursed_on, k) <= today)
    remaining = loan.amount_fen if paid == 0 else schedule.installments[paid - 1].remaining_fen
    return schedule, paid, max(0, remaining - loan.prepaid_fen)


def open_loans(db: Session, account_id: int, today: date) -> list[tuple[Loan, int]]:
    """The account's loans with principal still owed, and that principal."""
    result = []
    for loan in db.scalars(select(Loan).where(Loan.account_id == account_id).order_by(Loan.id)):
        outstanding = loan_position(loan, today)[2]
        if outstanding > 0:
            result.append((loan, outstanding))
    return result


def account_facts(db: Session, account: Account, depositor: Depositor, today: date) -> AccountFacts:
    """Everything the withdrawal rules need about one account now."""
    return AccountFacts(
        person=person_of(depositor),
        status=account.status,
        balance_fen=account.balance_fen,
        deposit_months=deposit_streak(db, account),
        last_deposit_month=account.last_deposit_month,
        rent_withdrawn_this_year_fen=rent_withdrawn_in_year(db, account.id, today.year),
        loan_outstanding_fen=sum(o for _, o in open_loans(db, account.id, today)),
    )


def with_facts_for_depositor(
    db: Session, depositor: Depositor, now: datetime
) -> AccountFacts | None:
    """The withdrawal facts of a signed-in depositor (None without an account)."""
    account = find_account(db, depositor.id)
    if account is None:
        return None
    return account_facts(db, account, depositor, today_of(now))
