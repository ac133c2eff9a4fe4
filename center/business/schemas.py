"""Request and response bodies of the signed-in business routes.

Amounts travel as decimal strings of yuan with two places (``"1234.56"``); request amounts are
strings too and are checked by the service so that each error names its field in Chinese.
Account numbers, bank cards and co-applicants' ID numbers are always masked in answers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

Amount = Annotated[str, Field(max_length=24, description='yuan, e.g. "1234.56"')]
Text64 = Annotated[str, Field(max_length=64)]
Token = Annotated[str, Field(max_length=128)]


class In(BaseModel):
    """Base of request bodies: unknown members are ignored."""

    model_config = ConfigDict(extra="ignore")


# -- account and history ----------------------------------------------------------------------
class AccountOut(BaseModel):
    """``GET /me/account``: the personal account (个人账户)."""

    account_no_masked: str
    name_masked: str
    id_number_masked: str
    center_id: str
    center_name: str
    status: str
    employer: str
    deposit_base: str
    employee_rate_percent: int
    employer_rate_percent: int
    employee_monthly: str
    employer_monthly: str
    monthly_amount: str
    balance: str
    opened_on: date
    last_deposit_month: str | None
    bank_name: str
    bank_card_masked: str


class EntryOut(BaseModel):
    """One line of the history (缴存明细)."""

    seq: int
    date: date
    kind: str
    kind_label: str
    summary: str
    period: str | None
    amount: str
    employee_part: str | None
    employer_part: str | None
    balance_after: str
    reference: str | None


class HistoryTotals(BaseModel):
    """Totals over the whole requested range (not just the page)."""

    count: int
    deposits: str
    withdrawals: str
    interest: str


class HistoryOut(BaseModel):
    """``GET /me/deposits``: newest first, paged."""

    from_month: str = Field(serialization_alias="from")
    to_month: str = Field(serialization_alias="to")
    page: int
    page_size: int
    pages: int
    total: int
    totals: HistoryTotals
    items: list[EntryOut]


# -- step-up ------------------------------------------------------------------------------------
class StepUpChallengeOut(BaseModel):
    """``POST /me/otp``: a code was sent to the phone on file."""

    challenge_id: str
    phone_masked: str
    expires_in: int
    resend_after: int


class StepUpVerifyIn(In):
    """``POST /me/otp/verify``."""

    challenge_id: Token
    code: Annotated[str, Field(max_length=16)]


class StepUpTokenOut(BaseModel):
    """A single-use token authorising one money request."""

    step_up_token: str
    expires_in: int


class RequestOutcomeOut(BaseModel):
    """``GET /me/requests/{key}``: what became of a money request the kiosk lost the answer to.

    ``state`` is ``in_progress`` (ask again shortly) or ``done`` (``status`` and ``body`` are the
    first answer, exactly as a replay would return them).
    """

    key: str
    state: str
    method: str
    path: str
    status: int | None
    body: Any


# -- withdrawals --------------------------------------------------------------------------------
class CounterOut(BaseModel):
    """A counter (service point) where documents can be brought."""

    id: str
    name: str
    address: str
    phone: str
    note: str


class WithdrawalTypeOut(BaseModel):
    """A withdrawal reason; the ``max_*`` and ``available`` members only when signed in."""

    code: str
    name: str
    rule: str
    materials: list[str]
    online: bool
    closes_account: bool
    max_amount: str | None = None
    max_reason: str | None = None
    available: bool | None = None
    whole_balance: bool | None = None


class WithdrawalIn(In):
    """``POST /me/withdrawals``.

    ``amount`` is required for online types (the whole balance for types that close the
    account); ``step_up_token`` is required for online types; counter types produce a slip.
    """

    type: Text64
    amount: Amount | None = None
    step_up_token: Token | None = None


class ReceiptLine(BaseModel):
    """One printed line of a receipt or slip."""

    label: str
    value: str


class PrintOut(BaseModel):
    """A receipt (回单) or a counter slip (办理清单) ready to print."""

    title: str
    lines: list[ReceiptLine]
    footer: str


class WithdrawalOut(BaseModel):
    """A withdrawal: settled (已到账) or a counter slip (待柜台办理 / 已过期)."""

    withdrawal_no: str
    type: str
    type_name: str
    amount: str | None
    status: str
    online: bool
    bank_name: str
    bank_card_masked: str
    balance_after: str | None
    created_at: datetime
    settled_at: datetime | None
    materials: list[str]
    counter_text: str | None
    valid_until: datetime | None
    counters: list[CounterOut]


class WithdrawalResultOut(BaseModel):
    """``POST /me/withdrawals`` (201): the withdrawal, the new balance and what to print."""

    withdrawal: WithdrawalOut
    balance: str
    receipt: PrintOut


# -- loans ----------------------------------------------------------------------------------------
class RateSet(BaseModel):
    """Annual rates in percent."""

    short: str
    long: str


class LoanRatesOut(BaseModel):
    """``GET /loan-rates``: the center's current loan settings."""

    first_home: RateSet
    second_home: RateSet
    short_max_years: int
    min_term_years: int
    max_term_years: int
    min_amount: str
    cap_single: str
    cap_couple: str
    balance_multiple: int
    capacity_ratio_percent: str
    ltv_first_percent: str
    ltv_second_percent: str


class LoanQuoteIn(In):
    """``POST /loan-quotes``: ``method`` is ``equal_installment`` (等额本息) or
    ``equal_principal`` (等额本金); ``home`` is ``first`` or ``second``."""

    amount: Amount
    term_years: int
    method: Text64 = "equal_installment"
    home: Text64 = "first"
    couple: bool = False
    property_price: Amount | None = None


class InstallmentOut(BaseModel):
    """One month of the schedule."""

    period: int
    payment: str
    principal: str
    interest: str
    remaining: str


class LimitItemOut(BaseModel):
    """One item of the limit with its reason."""

    code: str
    label: str
    amount: str | None
    term_years: int | None
    reason: str


class ProblemOut(BaseModel):
    """Something that keeps the resident from applying (or this amount/term from working)."""

    code: str
    message: str
    field: str | None


class LimitOut(BaseModel):
    """The resident's limit (signed-in quotes only)."""

    max_amount: str
    max_term_years: int
    eligible: bool
    binding: str | None
    items: list[LimitItemOut]
    problems: list[ProblemOut]
    checks: list[ProblemOut]


class LoanQuoteOut(BaseModel):
    """``POST /loan-quotes``: payments, totals, schedule, and the limit when signed in."""

    amount: str
    term_years: int
    months: int
    method: str
    method_label: str
    home: str
    home_label: str
    annual_rate: str
    monthly_payment: str
    last_payment: str
    total_interest: str
    total_payment: str
    schedule: list[InstallmentOut]
    limit: LimitOut | None


class PropertyIn(In):
    """The property bought."""

    address: Annotated[str, Field(max_length=200)]
    area_m2: Annotated[str, Field(max_length=12)]
    price: Amount


class CoApplicantIn(In):
    """The spouse applying together."""

    name: Text64
    id_number: Annotated[str, Field(max_length=32)]


class LoanApplicationIn(In):
    """``POST /me/loan-applications``."""

    amount: Amount
    term_years: int
    method: Text64 = "equal_installment"
    home: Text64 = "first"
    property: PropertyIn
    co_applicant: CoApplicantIn | None = None
    repayment_bank: Text64
    repayment_card_no: Annotated[str, Field(max_length=32)]
    step_up_token: Token | None = None


class StageOut(BaseModel):
    """One stage of the progress."""

    name: str
    done: bool
    at: datetime | None


class PropertyOut(BaseModel):
    """The property of an application."""

    address: str
    area_m2: str
    price: str


class CoApplicantOut(BaseModel):
    """The co-applicant, masked."""

    name_masked: str
    id_number_masked: str


class LoanApplicationOut(BaseModel):
    """A loan application and its progress (受理 → 审批 → 签约 → 放款)."""

    id: int
    application_no: str
    amount: str
    term_years: int
    method: str
    method_label: str
    home: str
    home_label: str
    annual_rate: str
    monthly_payment: str
    property: PropertyOut
    co_applicant: CoApplicantOut | None
    repayment_bank: str
    repayment_card_masked: str
    status: str
    stages: list[StageOut]
    next_step: str
    submitted_at: datetime
    loan_no: str | None


class LoanOut(BaseModel):
    """A disbursed loan with its schedule and what is still owed."""

    loan_no: str
    amount: str
    term_months: int
    method: str
    method_label: str
    annual_rate: str
    disbursed_on: date
    monthly_payment: str
    paid_periods: int
    remaining_periods: int
    outstanding_principal: str
    prepaid: str
    next_due_date: date | None
    next_payment: str | None
    repayment_bank: str
    repayment_card_masked: str
    schedule: list[InstallmentOut]
