"""The ledger invariant under a Hypothesis state machine, races, and idempotency keys (unit level).

Runs against the ledger service and :mod:`center.business.idempotency` directly, on a fresh
SQLite database per case.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from center.business import idempotency, ledger
from center.business.config import BusinessSettings
from center.business.idempotency import Stored
from center.business.models import KIND_WITHDRAWAL, Account, LedgerEntry
from center.clock import Clock
from center.db import create_all, create_db_engine, create_session_factory
from center.errors import ApiError
from center.models import Center, Depositor, User

NOW = datetime(2025, 6, 15, 2, 0, tzinfo=UTC)


def _populate(factory: sessionmaker[Session], balance_fen: int = 0) -> tuple[int, int]:
    """One center, depositor, user and account; returns (account id, user id)."""
    with factory() as db:
        db.add(
            Center(
                id="nx",
                name="宁夏住房公积金管理中心",
                short_name="区中心",
                city="银川",
                hotline="12329",
                website="https://example.invalid",
                address="银川",
            )
        )
        depositor = Depositor(
            id_number="640104199003071234",
            name="张三",
            phone="13800000000",
            center_id="nx",
            employer="某单位",
            account_status="正常",
            created_at=NOW,
        )
        db.add(depositor)
        db.flush()
        user = User(
            depositor_id=depositor.id,
            username="zhangsan",
            username_key="zhangsan",
            password_hash="x",
            agreement_version="1",
            agreement_accepted_at=NOW,
            created_at=NOW,
            password_changed_at=NOW,
        )
        account = Account(
            depositor_id=depositor.id,
            account_no="640100000001",
            status="正常",
            employer="某单位",
            deposit_base_fen=800_000,
            employee_rate=12,
            employer_rate=12,
            monthly_amount_fen=192_000,
            balance_fen=0,
            last_seq=0,
            opened_on=date(2015, 1, 1),
            last_deposit_month=None,
            bank_name="中国银行",
            bank_card_no="6217000000001234",
            created_at=NOW,
        )
        db.add_all([user, account])
        db.commit()
        ids = (account.id, user.id)
    if balance_fen:
        ledger.deposit(factory, ids[0], balance_fen, now=NOW, period="2025-05")
    return ids


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'ledger.db'}")
    create_all(engine)
    yield engine
    engine.dispose()


def _withdraw_execute(account_id: int, amount_fen: int):
    def execute(db: Session) -> Stored:
        account = ledger.lock_account(db, account_id)
        assert account is not None
        try:
            entry = ledger.post(
                db,
                account,
                kind=KIND_WITHDRAWAL,
                amount_fen=-amount_fen,
                now=NOW,
                summary="租赁住房提取",
            )
        except ledger.LedgerError as exc:
            raise ApiError(409, exc.code, exc.message) from None
        return Stored(201, {"entry": entry.id, "balance": to_text(entry.balance_after_fen)})

    return execute


def to_text(fen: int) -> str:
    return f"{fen / 100:.2f}"


class LedgerMachine(RuleBasedStateMachine):
    """Deposits, withdrawals and retries with the same key never break the invariant."""

    def __init__(self) -> None:
        super().__init__()
        self.engine = create_db_engine("sqlite://")
        create_all(self.engine)
        self.factory = create_session_factory(self.engine)
        self.account_id, self.user_id = _populate(self.factory)
        self.balance = 0
        self.entries = 0
        self.clock = Clock()
        self.settings = BusinessSettings()
        self.keys: list[tuple[str, int, int, str]] = []  # key, amount, status, body

    def teardown(self) -> None:
        self.engine.dispose()

    @rule(amount=st.integers(min_value=1, max_value=5_000_000))
    def deposit(self, amount: int) -> None:
        ledger.deposit(self.factory, self.account_id, amount, now=NOW, period="2025-05")
        self.balance += amount
        self.entries += 1

    @rule(amount=st.integers(min_value=1, max_value=6_000_000))
    def withdraw(self, amount: int) -> None:
        if amount <= self.balance:
            ledger.withdraw(self.factory, self.account_id, amount, now=NOW)
            self.balance -= amount
            self.entries += 1
        else:
            with pytest.raises(ledger.InsufficientFundsError):
                ledger.withdraw(self.factory, self.account_id, amount, now=NOW)

    def _keyed(self, key: str, amount: int):
        return idempotency.run(
            self.factory,
            self.clock,
            self.settings,
            user_id=self.user_id,
            key=key,
            method="POST",
            path="/api/v1/me/withdrawals",
            body={"amount": amount},
            execute=_withdraw_execute(self.account_id, amount),
        )

    @rule(amount=st.integers(min_value=1, max_value=6_000_000))
    def withdraw_with_new_key(self, amount: int) -> None:
        key = str(uuid.uuid4())
        response = self._keyed(key, amount)
        if amount <= self.balance:
            assert response.status_code == 201
            self.balance -= amount
            self.entries += 1
        else:
            assert response.status_code == 409
            assert json.loads(response.body)["error"]["code"] == "insufficient_balance"
        self.keys.append((key, amount, response.status_code, bytes(response.body).decode()))

    @rule(data=st.data())
    def retry_same_key(self, data: st.DataObject) -> None:
        if not self.keys:
            return
        key, amount, status, body = data.draw(st.sampled_from(self.keys))
        response = self._keyed(key, amount)
        assert response.status_code == status
        assert bytes(response.body).decode() == body
        assert response.headers[idempotency.REPLAY_HEADER] == "true"

    @rule(data=st.data(), other=st.integers(min_value=1, max_value=6_000_000))
    def reuse_key_with_other_body(self, data: st.DataObject, other: int) -> None:
        if not self.keys:
            return
        key, amount, _status, _body = data.draw(st.sampled_from(self.keys))
        if other == amount:
            return
        with pytest.raises(ApiError) as caught:
            self._keyed(key, other)
        assert caught.value.status == 422
        assert caught.value.code == "idempotency_key_mismatch"

    @invariant()
    def balance_equals_sum_of_entries(self) -> None:
        with self.factory() as db:
            assert ledger.invariant_problems(db, self.account_id) == []
            account = db.get(Account, self.account_id)
            assert account is not None
            assert account.balance_fen == self.balance >= 0
            count = db.scalar(select(func.count(LedgerEntry.id)))
            assert count == self.entries


TestLedgerMachine = LedgerMachine.TestCase
TestLedgerMachine.settings = hsettings(max_examples=15, stateful_step_count=20, deadline=None)


def test_twenty_parallel_withdrawals_of_the_whole_balance(engine: Engine):
    factory = create_session_factory(engine)
    account_id, _user = _populate(factory, balance_fen=1_234_567)
    barrier = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        try:
            ledger.withdraw(factory, account_id, 1_234_567, now=NOW)
            result = "ok"
        except ledger.InsufficientFundsError:
            result = "refused"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok"] + ["refused"] * 19
    with factory() as db:
        assert ledger.invariant_problems(db, account_id) == []
        assert db.get(Account, account_id).balance_fen == 0  # type: ignore[union-attr]


def test_same_key_in_parallel_executes_once(engine: Engine):
    factory = create_session_factory(engine)
    account_id, user_id = _populate(factory, balance_fen=1_000_000)
    key = str(uuid.uuid4())
    barrier = threading.Barrier(10)
    statuses: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        try:
            response = idempotency.run(
                factory,
                Clock(),
                BusinessSettings(),
                user_id=user_id,
                key=key,
                method="POST",
                path="/p",
                body={"amount": 100},
                execute=_withdraw_execute(account_id, 100),
            )
            status = response.status_code
        except ApiError as exc:
            status = exc.status
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=worker) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(statuses) <= {201, 409}
    assert 201 in statuses
    with factory() as db:
        assert db.get(Account, account_id).balance_fen == 999_900  # type: ignore[union-attr]
        assert ledger.invariant_problems(db, account_id) == []


def test_a_key_abandoned_by_a_crash_runs_again_after_the_lease(engine: Engine):
    factory = create_session_factory(engine)
    account_id, user_id = _populate(factory, balance_fen=1_000_000)
    clock = Clock()
    s = BusinessSettings()
    fp = idempotency.fingerprint("POST", "/p", {"amount": 100})
    lease = idempotency.begin(
        factory,
        user_id=user_id,
        key="k" * 10,
        method="POST",
        path="/p",
        body_fingerprint=fp,
        now=clock.now(),
        settings=s,
    )
    assert isinstance(lease, idempotency.Lease)

    def again():
        return idempotency.run(
            factory,
            clock,
            s,
            user_id=user_id,
            key="k" * 10,
            method="POST",
            path="/p",
            body={"amount": 100},
            execute=_withdraw_execute(account_id, 100),
        )

    with pytest.raises(ApiError) as caught:
        again()
    assert (caught.value.status, caught.value.code) == (409, "idempotency_in_progress")
    clock.advance(s.idempotency_lease_seconds + 1)
    assert again().status_code == 201
    # the crashed first attempt wakes up: its lease was taken over, it commits nothing
    with pytest.raises(idempotency.LeaseLostError), ledger.money_transaction(factory) as db:
        idempotency.claim(db, lease)
    with factory() as db:
        assert db.get(Account, account_id).balance_fen == 999_900  # type: ignore[union-attr]


def test_an_unexpected_failure_releases_the_key(engine: Engine):
    factory = create_session_factory(engine)
    account_id, user_id = _populate(factory, balance_fen=1_000_000)

    def boom(db: Session) -> Stored:
        account = ledger.lock_account(db, account_id)
        assert account is not None
        ledger.post(db, account, kind=KIND_WITHDRAWAL, amount_fen=-5, now=NOW, summary="x")
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        idempotency.run(
            factory,
            Clock(),
            BusinessSettings(),
            user_id=user_id,
            key="key-12345",
            method="POST",
            path="/p",
            body={},
            execute=boom,
        )
    response = idempotency.run(
        factory,
        Clock(),
        BusinessSettings(),
        user_id=user_id,
        key="key-12345",
        method="POST",
        path="/p",
        body={},
        execute=_withdraw_execute(account_id, 5),
    )
    assert response.status_code == 201
    with factory() as db:
        assert ledger.invariant_problems(db, account_id) == []
        assert db.get(Account, account_id).balance_fen == 999_995  # type: ignore[union-attr]


@pytest.mark.parametrize("key", [None, "", "short", "x" * 129, "has space in it"])
def test_bad_keys_are_refused(key: str | None):
    with pytest.raises(ApiError) as caught:
        idempotency.check_key(key)
    assert caught.value.status == 400


def test_ledger_refuses_wrong_signs_and_closed_accounts(engine: Engine):
    factory = create_session_factory(engine)
    account_id, _ = _populate(factory, balance_fen=100)
    with pytest.raises(ValueError):
        ledger.deposit(factory, account_id, 0, now=NOW)
    with pytest.raises(ValueError):
        ledger.withdraw(factory, account_id, -1, now=NOW)
    with factory() as db:
        account = db.get(Account, account_id)
        assert account is not None
        account.status = "销户"
        db.commit()
    with pytest.raises(ledger.AccountClosedError):
        ledger.deposit(factory, account_id, 100, now=NOW)
    with pytest.raises(LookupError):
        ledger.deposit(factory, 999, 100, now=NOW)
