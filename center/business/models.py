"""Tables of the business side: accounts, the ledger, withdrawals, loans, idempotency keys.

Money columns are **integer fen (分)** (``BIGINT``) and end in ``_fen``; ledger amounts are signed (deposits
and interest positive, withdrawals negative). Rates are whole percents (5-12) for deposits and
decimal strings (``"2.6"``) for loans, so that no float or driver-dependent Decimal is stored.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from center.db import Base, UTCDateTime

KIND_DEPOSIT = "deposit"
KIND_WITHDRAWAL = "withdrawal"
KIND_INTEREST = "interest"
LEDGER_KINDS = (KIND_DEPOSIT, KIND_WITHDRAWAL, KIND_INTEREST)
KIND_LABELS = {KIND_DEPOSIT: "汇缴", KIND_WITHDRAWAL: "提取", KIND_INTEREST: "结息"}

WITHDRAWAL_SETTLED = "已到账"
WITHDRAWAL_AT_COUNTER = "待柜台办理"
WITHDRAWAL_EXPIRED = "已过期"

STAGE_ACCEPTED = "受理"
STAGE_APPROVED = "审批"
STAGE_SIGNED = "签约"
STAGE_DISBURSED = "放款"
LOAN_STAGES = (STAGE_ACCEPTED, STAGE_APPROVED, STAGE_SIGNED, STAGE_DISBURSED)

IDEMPOTENCY_IN_PROGRESS = "in_progress"
IDEMPOTENCY_DONE = "done"


class Account(Base):
    """The provident-fund account (个人公积金账户) of one depositor.

    ``balance_fen`` always equals the sum of the account's ledger entries; only
    :mod:`center.business.ledger` changes it. ``last_seq`` numbers the entries.
    """

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    depositor_id: Mapped[int] = mapped_column(ForeignKey("depositors.id"), unique=True)
    account_no: Mapped[str] = mapped_column(String(24), unique=True)
    status: Mapped[str] = mapped_column(String(8))
    employer: Mapped[str] = mapped_column(String(128))
    deposit_base_fen: Mapped[int] = mapped_column(BigInteger)
    employee_rate: Mapped[int] = mapped_column(Integer)
    employer_rate: Mapped[int] = mapped_column(Integer)
    monthly_amount_fen: Mapped[int] = mapped_column(BigInteger)
    balance_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    opened_on: Mapped[date] = mapped_column(Date)
    last_deposit_month: Mapped[str | None] = mapped_column(String(7), nullable=True)
    bank_name: Mapped[str] = mapped_column(String(64))
    bank_card_no: Mapped[str] = mapped_column(String(19))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LedgerEntry(Base):
    """One money movement on an account (a deposit month, a withdrawal, yearly interest)."""

    __tablename__ = "ledger_entries"
    __table_args__ = (UniqueConstraint("account_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    balance_after_fen: Mapped[int] = mapped_column(BigInteger)
    posted_on: Mapped[date] = mapped_column(Date, index=True)
    period: Mapped[str | None] = mapped_column(String(7), nullable=True)
    employee_part_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    employer_part_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    summary: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str | None] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Withdrawal(Base):
    """A withdrawal: settled at once (已到账) or a counter slip (待柜台办理)."""

    __tablename__ = "withdrawals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    withdrawal_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    type_code: Mapped[str] = mapped_column(String(32))
    type_name: Mapped[str] = mapped_column(String(32))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    status: Mapped[str] = mapped_column(String(8))
    bank_name: Mapped[str] = mapped_column(String(64))
    bank_card_masked: Mapped[str] = mapped_column(String(24))
    ledger_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entries.id"), nullable=True
    )
    balance_after_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    materials: Mapped[list[Any]] = mapped_column(JSON, default=list)
    counter_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    kiosk_id: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LoanApplication(Base):
    """A loan application and its progress 受理 → 审批 → 签约 → 放款."""

    __tablename__ = "loan_applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    term_years: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(24))
    home: Mapped[str] = mapped_column(String(8))
    annual_rate: Mapped[str] = mapped_column(String(8))
    monthly_payment_fen: Mapped[int] = mapped_column(BigInteger)
    property_address: Mapped[str] = mapped_column(String(200))
    property_area_m2: Mapped[str] = mapped_column(String(12))
    property_price_fen: Mapped[int] = mapped_column(BigInteger)
    co_applicant_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    co_applicant_id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)
    repayment_bank: Mapped[str] = mapped_column(String(64))
    repayment_card_no: Mapped[str] = mapped_column(String(19))
    status: Mapped[str] = mapped_column(String(8))
    kiosk_id: Mapped[str] = mapped_column(String(64), default="")
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    disbursed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Loan(Base):
    """A disbursed provident-fund loan; its schedule is computed, prepayments are recorded."""

    __tablename__ = "loans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    loan_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("loan_applications.id"), nullable=True, unique=True
    )
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    term_months: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(24))
    annual_rate: Mapped[str] = mapped_column(String(8))
    disbursed_on: Mapped[date] = mapped_column(Date)
    prepaid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    repayment_bank: Mapped[str] = mapped_column(String(64))
    repayment_card_no: Mapped[str] = mapped_column(String(19))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class IdempotencyRecord(Base):
    """One ``Idempotency-Key`` of one user: the request's fingerprint and its first answer."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    key: Mapped[str] = mapped_column(String(128))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    response_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    leased_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_token: Mapped[str] = mapped_column(String(32))
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
