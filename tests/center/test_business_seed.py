"""The demo business data: years of history, the ledger invariant, determinism."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center.business import ledger
from center.business.models import Account, LedgerEntry, Loan, LoanApplication, Withdrawal
from center.clock import Clock
from center.db import create_all, create_db_engine, create_session_factory
from center.models import Depositor
from center.security import Passwords
from center.seed import seed_demo, seed_reference


def _seeded() -> tuple[Session, list[Account]]:
    engine = create_db_engine("sqlite://")
    create_all(engine)  # the business tables are registered by importing their models
    db = create_session_factory(engine)()
    seed_reference(db)
    seed_demo(db, Clock(), Passwords(time_cost=1, memory_kib=8, parallelism=1))
    return db, list(db.scalars(select(Account).order_by(Account.depositor_id)))


def test_every_demo_depositor_has_years_of_consistent_history():
    db, accounts = _seeded()
    depositors = db.scalars(select(Depositor)).all()
    assert len(accounts) == len(depositors) >= 10
    for account in accounts:
        assert ledger.invariant_problems(db, account.id) == []
        assert 5 <= account.employee_rate <= 12 and 5 <= account.employer_rate <= 12
        assert 400_000 <= account.deposit_base_fen <= 1_500_000
        months = db.scalar(
            select(func.count(LedgerEntry.id)).where(
                LedgerEntry.account_id == account.id, LedgerEntry.kind == "deposit"
            )
        )
        assert months is not None and months >= 36
        depositor = db.get(Depositor, account.depositor_id)
        assert depositor is not None and account.status == depositor.account_status
        if account.status == "销户":
            assert account.balance_fen == 0
        else:
            assert account.balance_fen > 0
    assert db.scalar(select(func.count(Withdrawal.id))) > 0
    assert db.scalar(select(func.count(LoanApplication.id))) == 1
    assert db.scalar(select(func.count(Loan.id))) == 1


def test_demo_data_is_deterministic():
    first = [(a.account_no, a.balance_fen, a.last_seq) for a in _seeded()[1]]
    second = [(a.account_no, a.balance_fen, a.last_seq) for a in _seeded()[1]]
    assert first == second
