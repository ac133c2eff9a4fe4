"""Demo business data: an account with years of history for every demo depositor.

Called by :func:`center.seed.seed_demo` as ``seed_business_data(session, clock)`` after the
depositors exist. Deterministic: each depositor's history comes from a ``random.Random`` seeded
with the ID number, so every demo run shows the same figures (relative to the clock's today).
History is written in one go with running balances that satisfy the ledger invariant.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from center.business.account_service import monthly_parts
from center.business.config import CHINA_TZ, BusinessSettings
from center.business.ledger import business_date
from center.business.loans import build_schedule
from center.business.models import (
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_WITHDRAWAL,
    STAGE_ACCEPTED,
    Account,
    LedgerEntry,
    Loan,
    LoanApplication,
)
from center.business.money import round_fen
from center.business.people import Person, add_months, month_of
from center.business.withdrawal_service import settled_withdrawal
from center.clock import Clock
from center.models import ACCOUNT_CLOSED, ACCOUNT_SEALED, Depositor

BANKS: tuple[tuple[str, str], ...] = (
    ("中国建设银行", "6217"),
    ("中国银行", "6216"),
    ("中国工商银行", "6222"),
    ("中国农业银行", "6228"),
    ("宁夏银行", "6231"),
    ("宁夏黄河农村商业银行", "6230"),
)
#: Demo residents with a loan application in progress / a disbursed loan (by name).
APPLICATION_IN_PROGRESS = ("周建华",)
LOAN_DISBURSED = ("陈磊",)


@dataclass
class _Event:
    day: date
    kind: str
    amount_fen: int
    summary: str
    period: str | None = None
    employee_fen: int | None = None
    employer_fen: int | None = None
    withdrawal_type: tuple[str, str] | None = None


def _at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=CHINA_TZ)


def _month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def seed_business_data(session: Session, clock: Clock) -> None:
    """Create an account and its history for every depositor that has none (not committed).

    Args:
        session: the seeding session (the caller commits).
        clock: the application clock (history ends at its today).
    """
    now = clock.now()
    today = business_date(now)
    have = set(session.scalars(select(Account.depositor_id)))
    depositors = [
        d for d in session.scalars(select(Depositor).order_by(Depositor.id)) if d.id not in have
    ]
    for depositor in depositors:
        rng = random.Random(f"gjj-demo-{depositor.id_number}")
        account = _seed_account(session, depositor, rng, now, today)
        if depositor.name in APPLICATION_IN_PROGRESS:
            _seed_application(session, account, rng, now)
        if depositor.name in LOAN_DISBURSED:
            _seed_loan(session, account, rng, now, today)
    session.flush()


def _seed_account(
    session: Session, depositor: Depositor, rng: random.Random, now: datetime, today: date
) -> Account:
    bank, prefix = rng.choice(BANKS)
    rate = rng.choice((12, 12, 12, 10, 8, 5))
    try:
        born = Person.from_id_number(depositor.id_number).birth_date
    except ValueError:
        born = date(1985, 1, 1)
    this_month = month_of(today)
    last = add_months(this_month, -1)
    if depositor.account_status == ACCOUNT_SEALED:
        last = add_months(this_month, -rng.randint(7, 14))
    elif depositor.account_status == ACCOUNT_CLOSED:
        last = add_months(this_month, -rng.randint(10, 20))
    earliest = add_months(month_of(born), 22 * 12)
    first = max(add_months(last, -rng.randint(36, 144)), earliest)
    if first > last:
        first = add_months(last, -35)
    base_yuan = rng.randint(4000, 9000)
    events: list[_Event] = []
    month = first
    base_fen = base_yuan * 100
    while month <= last:
        if month[5:7] == "07" and month != first:
            base_fen = min(
                1_500_000,
                round_fen(Decimal(base_fen) * Decimal(str(1 + rng.randint(3, 7) / 100)))
                // 100
                * 100,
            )
        employee, employer = monthly_parts(base_fen, rate, rate)
        events.append(
            _Event(
                _month_start(month) + timedelta(days=14),
                KIND_DEPOSIT,
                employee + employer,
                f"{month[:4]}年{month[5:7]}月汇缴",
                month,
                employee,
                employer,
            )
        )
        month = add_months(month, 1)
    start = _month_start(first)
    for year in range(start.year, today.year + 1):
        day = date(year, 6, 30)
        if start < day < today:
            events.append(_Event(day, KIND_INTEREST, 0, f"{year}年度结息"))
        if year - start.year >= 2 and depositor.account_status != ACCOUNT_CLOSED:
            chance = 0.4 if year == today.year else 0.6
            if rng.random() < chance:
                day = date(year, rng.randint(2, 5), rng.randint(1, 28))
                if start < day < today:
                    amount = rng.randint(30, 156) * 10_000
                    events.append(
                        _Event(
                            day,
                            KIND_WITHDRAWAL,
                            -amount,
                            "租赁住房提取",
                            withdrawal_type=("rent", "租赁住房"),
                        )
                    )
    events.sort(key=lambda e: (e.day, e.kind != KIND_DEPOSIT))
    if depositor.account_status == ACCOUNT_CLOSED:
        close_day = min(_month_start(add_months(last, 7)), today - timedelta(days=1))
        events.append(
            _Event(
                close_day,
                KIND_WITHDRAWAL,
                0,
                "与单位解除劳动关系提取",
                withdrawal_type=("termination", "与单位解除劳动关系"),
            )
        )
    account = Account(
        depositor_id=depositor.id,
        account_no=f"6401{depositor.id:06d}{rng.randrange(10_000):04d}",
        status=depositor.account_status,
        employer=depositor.employer,
        deposit_base_fen=base_fen,
        employee_rate=rate,
        employer_rate=rate,
        monthly_amount_fen=sum(monthly_parts(base_fen, rate, rate)),
        balance_fen=0,
        last_seq=0,
        opened_on=start,
        last_deposit_month=None,
        bank_name=bank,
        bank_card_no=prefix + "".join(str(rng.randrange(10)) for _ in range(12)),
        created_at=now,
    )
    session.add(account)
    session.flush()
    _write_history(session, account, events, rng)
    return account


def _write_history(
    session: Session, account: Account, events: list[_Event], rng: random.Random
) -> None:
    balance = 0
    settings = BusinessSettings()
    withdrawals: list[tuple[LedgerEntry, _Event]] = []
    for event in events:
        amount = event.amount_fen
        if event.kind == KIND_INTEREST:
            amount = round_fen(Decimal(balance) * settings.deposit_interest_rate / 100)
            if amount <= 0:
                continue
        elif event.kind == KIND_WITHDRAWAL:
            if amount == 0:  # closing: the whole balance
                amount = -balance
            elif balance + amount < 100_000:
                continue
            if amount == 0:
                continue
        balance += amount
        account.last_seq += 1
        entry = LedgerEntry(
            account_id=account.id,
            seq=account.last_seq,
            kind=event.kind,
            amount_fen=amount,
            balance_after_fen=balance,
            posted_on=event.day,
            period=event.period,
            employee_part_fen=event.employee_fen,
            employer_part_fen=event.employer_fen,
            summary=event.summary,
            reference=None,
            created_at=_at(event.day),
        )
        session.add(entry)
        if event.kind == KIND_DEPOSIT:
            account.last_deposit_month = event.period
        if event.withdrawal_type is not None:
            withdrawals.append((entry, event))
    account.balance_fen = balance
    session.flush()
    for entry, event in withdrawals:
        assert event.withdrawal_type is not None
        number = f"TQ{entry.posted_on:%Y%m%d}{rng.randrange(10**10):010d}"
        entry.reference = number
        session.add(
            settled_withdrawal(
                account,
                entry,
                type_code=event.withdrawal_type[0],
                type_name=event.withdrawal_type[1],
                kiosk_id="counter",
            )
        )


def _seed_application(
    session: Session, account: Account, rng: random.Random, now: datetime
) -> None:
    amount = 40_000_000
    schedule = build_schedule(amount, 300, "equal_installment", Decimal("2.6"))
    session.add(
        LoanApplication(
            application_no=f"DK{now.astimezone(CHINA_TZ):%Y%m%d}{rng.randrange(10**10):010d}",
            account_id=account.id,
            amount_fen=amount,
            term_years=25,
            method="equal_installment",
            home="first",
            annual_rate="2.6",
            monthly_payment_fen=schedule.monthly_payment_fen,
            property_address="银川市金凤区阅海万家F区3号楼2单元501室",
            property_area_m2="98.6",
            property_price_fen=98_000_000,
            co_applicant_name=None,
            co_applicant_id_number=None,
            repayment_bank=account.bank_name,
            repayment_card_no=account.bank_card_no,
            status=STAGE_ACCEPTED,
            kiosk_id="counter",
            submitted_at=now - timedelta(days=2),
        )
    )


def _seed_loan(
    session: Session, account: Account, rng: random.Random, now: datetime, today: date
) -> None:
    disbursed = date(today.year - 5, 9, 18)
    session.add(
        Loan(
            loan_no=f"JK{disbursed:%Y%m%d}{rng.randrange(10**10):010d}",
            account_id=account.id,
            application_id=None,
            amount_fen=30_000_000,
            term_months=240,
            method="equal_installment",
            annual_rate="3.25",
            disbursed_on=disbursed,
            prepaid_fen=0,
            repayment_bank=account.bank_name,
            repayment_card_no=account.bank_card_no,
            created_at=now,
        )
    )
