"""The ledger: the only code that moves money on an account.

Invariant: an account's ``balance_fen`` equals the sum of its entries' ``amount_fen``, every
entry's ``balance_after_fen`` is the running sum in ``seq`` order, and no balance is ever below
zero. Each movement runs inside one database transaction opened by :func:`money_transaction`,
which on SQLite takes the write lock up front (``BEGIN IMMEDIATE``) so that concurrent movements
serialise instead of reading the same balance; on PostgreSQL :func:`lock_account` takes a row lock
(``SELECT … FOR UPDATE``), and the unique ``(account_id, seq)`` pair refuses any fork regardless.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from center.business.config import CHINA_TZ
from center.business.models import (
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_WITHDRAWAL,
    Account,
    LedgerEntry,
)
from center.models import ACCOUNT_CLOSED


class LedgerError(Exception):
    """A movement the ledger refuses.

    Attributes:
        code: machine code.
        message: one Chinese sentence for the resident.
    """

    code = "ledger_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InsufficientFundsError(LedgerError):
    """The withdrawal would take the balance below zero."""

    code = "insufficient_balance"


class AccountClosedError(LedgerError):
    """The account is closed (销户): nothing moves any more."""

    code = "account_closed"


def business_date(now: datetime) -> date:
    """The Beijing date of an aware instant."""
    return now.astimezone(CHINA_TZ).date()


@contextmanager
def money_transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One write transaction for one money movement, committed on success, rolled back on error.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``: the database write lock is held
    from the first read, so two movements never compute from the same balance (others wait up
    to the busy timeout).

    Args:
        factory: the application's session factory (a fresh session and connection are used).

    Yields:
        The session of the transaction.
    """
    session = factory()
    try:
        if session.get_bind().dialect.name == "sqlite":
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def lock_account(db: Session, account_id: int) -> Account | None:
    """Load an account for update (row lock on PostgreSQL; SQLite is locked by the transaction)."""
    return db.scalars(
        select(Account)
        .where(Account.id == account_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()


def post(
    db: Session,
    account: Account,
    *,
    kind: str,
    amount_fen: int,
    now: datetime,
    summary: str,
    reference: str | None = None,
    period: str | None = None,
    employee_part_fen: int | None = None,
    employer_part_fen: int | None = None,
    posted_on: date | None = None,
) -> LedgerEntry:
    """Append one entry and move the balance (inside the caller's money transaction).

    Args:
        db: the session of the money transaction; ``account`` must have been loaded with
            :func:`lock_account` in it.
        account: the account.
        kind: ``deposit``, ``interest`` (positive amounts) or ``withdrawal`` (negative).
        amount_fen: signed amount in fen.
        now: the instant of the movement.
        summary: a short Chinese description (摘要).
        reference: the business document (withdrawal number, ...).
        period: ``YYYY-MM`` of a monthly deposit.
        employee_part_fen: the employee's part of a deposit.
        employer_part_fen: the employer's part of a deposit.
        posted_on: the business date (default: the Beijing date of ``now``).

    Returns:
        The new entry (flushed).

    Raises:
        ValueError: the sign does not fit the kind, or an unknown kind.
        AccountClosedError: the account is closed.
        InsufficientFundsError: the balance would go below zero.
    """
    if kind in (KIND_DEPOSIT, KIND_INTEREST):
        if amount_fen <= 0:
            raise ValueError(f"a {kind} must be positive")
    elif kind == KIND_WITHDRAWAL:
        if amount_fen >= 0:
            raise ValueError("a withdrawal must be negative")
    else:
        raise ValueError(f"unknown ledger kind {kind!r}")
    if account.status == ACCOUNT_CLOSED:
        raise AccountClosedError("该公积金账户已销户，不能再办理资金业务。")
    new_balance = account.balance_fen + amount_fen
    if new_balance < 0:
        raise InsufficientFundsError("提取金额超过账户余额，请调低金额后重试。")
    account.last_seq += 1
    account.balance_fen = new_balance
    if (
        kind == KIND_DEPOSIT
        and period is not None
        and (account.last_deposit_month is None or period > account.last_deposit_month)
    ):
        account.last_deposit_month = period
    entry = LedgerEntry(
        account_id=account.id,
        seq=account.last_seq,
        kind=kind,
        amount_fen=amount_fen,
        balance_after_fen=new_balance,
        posted_on=posted_on or business_date(now),
        period=period,
        employee_part_fen=employee_part_fen,
        employer_part_fen=employer_part_fen,
        summary=summary,
        reference=reference,
        created_at=now,
    )
    db.add(entry)
    db.flush()
    return entry


def deposit(
    factory: sessionmaker[Session],
    account_id: int,
    amount_fen: int,
    *,
    now: datetime,
    period: str | None = None,
    summary: str = "汇缴",
    reference: str | None = None,
) -> LedgerEntry:
    """Deposit into an account in its own transaction.

    Raises:
        LookupError: no such account.
        LedgerError: the ledger refuses the movement.
        ValueError: a non-positive amount.
    """
    with money_transaction(factory) as db:
        account = lock_account(db, account_id)
        if account is None:
            raise LookupError(account_id)
        return post(
            db,
            account,
            kind=KIND_DEPOSIT,
            amount_fen=amount_fen,
            now=now,
            summary=summary,
            reference=reference,
            period=period,
        )


def withdraw(
    factory: sessionmaker[Session],
    account_id: int,
    amount_fen: int,
    *,
    now: datetime,
    summary: str = "提取",
    reference: str | None = None,
) -> LedgerEntry:
    """Withdraw ``amount_fen`` (positive) from an account in its own transaction.

    Raises:
        LookupError: no such account.
        LedgerError: insufficient balance or a closed account.
        ValueError: a non-positive amount.
    """
    if amount_fen <= 0:
        raise ValueError("a withdrawal amount must be positive")
    with money_transaction(factory) as db:
        account = lock_account(db, account_id)
        if account is None:
            raise LookupError(account_id)
        return post(
            db,
            account,
            kind=KIND_WITHDRAWAL,
            amount_fen=-amount_fen,
            now=now,
            summary=summary,
            reference=reference,
        )


def invariant_problems(db: Session, account_id: int) -> list[str]:
    """Every way the account breaks the ledger invariant (empty when it holds).

    Checks that the balance equals the sum of the entries, that ``seq`` runs 1..n without gaps,
    that each ``balance_after_fen`` is the running sum, and that no balance is negative.
    """
    problems: list[str] = []
    account = db.get(Account, account_id)
    if account is None:
        return [f"account {account_id} does not exist"]
    total = db.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0)).where(
            LedgerEntry.account_id == account_id
        )
    )
    if int(total or 0) != account.balance_fen:
        problems.append(f"balance {account.balance_fen} != sum of entries {total}")
    running = 0
    entries = db.scalars(
        select(LedgerEntry).where(LedgerEntry.account_id == account_id).order_by(LedgerEntry.seq)
    ).all()
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            problems.append(f"entry {entry.id}: seq {entry.seq}, expected {expected_seq}")
        running += entry.amount_fen
        if entry.balance_after_fen != running:
            problems.append(
                f"entry {entry.id}: balance_after {entry.balance_after_fen} != {running}"
            )
        if running < 0:
            problems.append(f"entry {entry.id}: balance below zero ({running})")
    if account.last_seq != len(entries):
        problems.append(f"last_seq {account.last_seq} != {len(entries)} entries")
    if account.balance_fen < 0:
        problems.append(f"balance below zero ({account.balance_fen})")
    return problems
