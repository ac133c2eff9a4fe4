"""The loan calculator (我要贷款): rates, repayment schedules and the limit with its reasons.

Pure functions over integer fen and :class:`~decimal.Decimal` rates; no database, no clock.

Schedules:
    * 等额本息 (``equal_installment``): the level payment
      ``P·r·(1+r)^n / ((1+r)^n − 1)`` rounded half up to the fen; each month's interest is the
      remaining principal times the monthly rate ``r = annual / 12``, rounded half up; the last
      month repays whatever principal is left, so the principal column always sums to the amount.
    * 等额本金 (``equal_principal``): the amount divided by the months, rounded down to the fen,
      every month, the last month taking the remainder; interest as above.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from typing import Literal

from center.business.config import BusinessSettings
from center.business.money import floor_fen, round_fen, to_yuan_display
from center.business.people import Person

Method = Literal["equal_installment", "equal_principal"]
Home = Literal["first", "second"]

METHOD_LABELS: dict[str, str] = {"equal_installment": "等额本息", "equal_principal": "等额本金"}
HOME_LABELS: dict[str, str] = {"first": "首套住房", "second": "第二套住房"}

_PRECISION = 40


def annual_rate(settings: BusinessSettings, home: Home, term_years: int) -> Decimal:
    """The annual rate in percent for a first or second home and a term in years."""
    short = term_years <= settings.rate_short_max_years
    if home == "first":
        return settings.rate_first_short if short else settings.rate_first_long
    return settings.rate_second_short if short else settings.rate_second_long


def _monthly_rate(annual_percent: Decimal) -> Decimal:
    return annual_percent / Decimal(100) / Decimal(12)


def _annuity_factor(rate: Decimal, months: int) -> Decimal:
    """Payment per fen of principal for the level payment (``1/months`` at a zero rate)."""
    if rate == 0:
        return Decimal(1) / Decimal(months)
    growth = (1 + rate) ** months
    return rate * growth / (growth - 1)


@dataclass(frozen=True)
class Installment:
    """One month of a repayment schedule (amounts in fen).

    Attributes:
        period: 1-based month number.
        payment_fen: principal plus interest.
        principal_fen: principal repaid this month.
        interest_fen: interest of this month.
        remaining_fen: principal still owed after this payment.
    """

    period: int
    payment_fen: int
    principal_fen: int
    interest_fen: int
    remaining_fen: int


@dataclass(frozen=True)
class Schedule:
    """A whole repayment schedule.

    Attributes:
        amount_fen: the principal.
        months: the term in months.
        method: ``equal_installment`` or ``equal_principal``.
        annual_rate: percent.
        installments: one per month.
    """

    amount_fen: int
    months: int
    method: Method
    annual_rate: Decimal
    installments: tuple[Installment, ...]

    @property
    def monthly_payment_fen(self) -> int:
        """The first (for 等额本金 the largest, for 等额本息 the level) monthly payment."""
        return self.installments[0].payment_fen

    @property
    def last_payment_fen(self) -> int:
        """The last monthly payment."""
        return self.installments[-1].payment_fen

    @property
    def total_interest_fen(self) -> int:
        """Interest over the whole term."""
        return sum(item.interest_fen for item in self.installments)

    @property
    def total_payment_fen(self) -> int:
        """Principal plus interest over the whole term."""
        return self.amount_fen + self.total_interest_fen


def first_payment_fen(amount_fen: int, months: int, method: Method, annual: Decimal) -> int:
    """The first monthly payment without building the schedule (same rounding)."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rate = _monthly_rate(annual)
        if method == "equal_installment":
            if months == 1:
                return amount_fen + round_fen(Decimal(amount_fen) * rate)
            return round_fen(Decimal(amount_fen) * _annuity_factor(rate, months))
        principal = amount_fen if months == 1 else amount_fen // months
        return principal + round_fen(Decimal(amount_fen) * rate)


def build_schedule(amount_fen: int, months: int, method: Method, annual: Decimal) -> Schedule:
    """The repayment schedule of a loan.

    Args:
        amount_fen: principal, positive.
        months: term in months, positive.
        method: ``equal_installment`` (等额本息) or ``equal_principal`` (等额本金).
        annual: annual rate in percent, e.g. ``Decimal("2.6")``.

    Returns:
        The schedule; its principals sum to ``amount_fen`` exactly.

    Raises:
        ValueError: a non-positive amount or term.
    """
    if amount_fen <= 0 or months <= 0:
        raise ValueError("amount and term must be positive")
    items: list[Installment] = []
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rate = _monthly_rate(annual)
        level = round_fen(Decimal(amount_fen) * _annuity_factor(rate, months))
        base_principal = amount_fen // months
        remaining = amount_fen
        for period in range(1, months + 1):
            interest = round_fen(Decimal(remaining) * rate)
            if period == months:
                principal = remaining
            elif method == "equal_installment":
                principal = min(max(level - interest, 0), remaining)
            else:
                principal = min(base_principal, remaining)
            remaining -= principal
            items.append(Installment(period, principal + interest, principal, interest, remaining))
    return Schedule(amount_fen, months, method, annual, tuple(items))


# -- the limit ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Borrower:
    """What the limit depends on for the signed-in applicant.

    Attributes:
        person: birth date and sex (from the ID number).
        balance_fen: current balance.
        monthly_income_fen: the deposit base, taken as the monthly income.
        account_status: 正常, 封存 or 销户.
        deposit_months: consecutive months deposited up to the last deposit month.
        has_open_loan: a provident-fund loan of this center not yet repaid.
    """

    person: Person
    balance_fen: int
    monthly_income_fen: int
    account_status: str
    deposit_months: int
    has_open_loan: bool = False


@dataclass(frozen=True)
class LimitItem:
    """One thing that limits the loan, with the sentence that explains it.

    Attributes:
        code: ``balance_multiple``, ``cap``, ``working_years``, ``repayment_capacity`` or
            ``property_price``.
        label: a short Chinese label.
        amount_fen: the largest amount this item allows (None for the term item).
        term_years: the longest term this item allows (the term item only).
        reason: one Chinese sentence.
    """

    code: str
    label: str
    amount_fen: int | None
    term_years: int | None
    reason: str


@dataclass(frozen=True)
class Problem:
    """Something that keeps the applicant from applying now.

    Attributes:
        code: machine code.
        message: one Chinese sentence with what to do.
        field: the request field it belongs to, if any.
    """

    code: str
    message: str
    field: str | None = None


@dataclass(frozen=True)
class LoanLimit:
    """The limit for one applicant, term, method and home.

    Attributes:
        max_amount_fen: the smallest item, rounded down to the center's step.
        max_term_years: the longest term allowed.
        items: every limiting item with its reason.
        binding: the code of the item that sets the maximum amount.
        problems: reasons the applicant cannot apply now (empty when eligible).
    """

    max_amount_fen: int
    max_term_years: int
    items: tuple[LimitItem, ...]
    binding: str | None
    problems: tuple[Problem, ...]

    @property
    def eligible(self) -> bool:
        """True when nothing keeps the applicant from applying."""
        return not self.problems

    def check(self, amount_fen: int, term_years: int) -> list[Problem]:
        """Problems of a concrete amount and term against this limit (plus the general ones)."""
        problems = list(self.problems)
        if term_years > self.max_term_years:
            problems.append(
                Problem(
                    "term_too_long",
                    f"贷款期限最长{self.max_term_years}年，请缩短贷款期限。",
                    "term_years",
                )
            )
        elif amount_fen > self.max_amount_fen:
            problems.append(
                Problem(
                    "amount_over_limit",
                    f"贷款金额超过可贷额度{to_yuan_display(self.max_amount_fen)}，请调低金额。",
                    "amount",
                )
            )
        return problems


def max_principal_for_payment(
    payment_cap_fen: int, months: int, method: Method, annual: Decimal
) -> int:
    """The largest principal whose first monthly payment stays within ``payment_cap_fen``."""
    if payment_cap_fen <= 0 or months <= 0:
        return 0
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rate = _monthly_rate(annual)
        if method == "equal_installment" and months > 1:
            guess = floor_fen(Decimal(payment_cap_fen) / _annuity_factor(rate, months))
        else:
            per_fen = (Decimal(1) if months == 1 else Decimal(1) / Decimal(months)) + rate
            guess = floor_fen(Decimal(payment_cap_fen) / per_fen)
    # Rounding may put the exact boundary a few fen either side of the estimate.
    while guess > 0 and first_payment_fen(guess, months, method, annual) > payment_cap_fen:
        guess -= 1
    while first_payment_fen(guess + 1, months, method, annual) <= payment_cap_fen:
        guess += 1
    return guess


def loan_limit(
    settings: BusinessSettings,
    borrower: Borrower,
    *,
    couple: bool,
    term_years: int,
    method: Method,
    home: Home,
    today: date,
    property_price_fen: int | None = None,
) -> LoanLimit:
    """Compute the limit and explain every item.

    The maximum is the smallest of: the balance times the multiple, the cap for single or
    couple applicants, the repayment capacity (the first monthly payment at most
    ``loan_capacity_ratio`` of the deposit base, for the requested term shortened to the
    remaining working years) and, when the property price is known, its loan-to-value share;
    rounded down to ``loan_limit_step_fen``. The term may not run past the retirement date nor
    beyond ``loan_max_term_years``.

    Args:
        settings: the center's settings.
        borrower: the applicant's figures.
        couple: a married couple applying together.
        term_years: the requested term.
        method: the repayment method.
        home: first or second home.
        today: the business date.
        property_price_fen: the property price, when known.

    Returns:
        The limit, its items and any problems.
    """
    items: list[LimitItem] = []
    problems: list[Problem] = []
    multiple = settings.loan_balance_multiple
    items.append(
        LimitItem(
            "balance_multiple",
            "缴存余额倍数",
            borrower.balance_fen * multiple,
            None,
            f"缴存余额{to_yuan_display(borrower.balance_fen)} × {multiple}倍 = "
            f"{to_yuan_display(borrower.balance_fen * multiple)}",
        )
    )
    cap = settings.loan_cap_couple_fen if couple else settings.loan_cap_single_fen
    items.append(
        LimitItem(
            "cap",
            "最高贷款额度",
            cap,
            None,
            ("夫妻双方共同申请" if couple else "单方申请") + f"最高可贷{to_yuan_display(cap)}",
        )
    )
    retire_age = borrower.person.retirement_age(settings)
    left = borrower.person.remaining_working_years(settings, today)
    max_term = min(settings.loan_max_term_years, left)
    items.append(
        LimitItem(
            "working_years",
            "剩余工作年限",
            None,
            max_term,
            f"按法定退休年龄{retire_age}岁计算，距退休还有{left}年，贷款期限最长{max_term}年"
            f"（不超过{settings.loan_max_term_years}年）",
        )
    )
    term_for_capacity = max(0, min(term_years, max_term))
    months = term_for_capacity * 12
    rate = annual_rate(settings, home, max(term_for_capacity, 1))
    payment_cap = floor_fen(Decimal(borrower.monthly_income_fen) * settings.loan_capacity_ratio)
    capacity = max_principal_for_payment(payment_cap, months, method, rate)
    percent = (settings.loan_capacity_ratio * 100).normalize()
    items.append(
        LimitItem(
            "repayment_capacity",
            "还款能力",
            capacity,
            None,
            f"月还款额不超过月收入（按缴存基数{to_yuan_display(borrower.monthly_income_fen)}计）"
            f"的{percent:f}%，即{to_yuan_display(payment_cap)}；按{term_for_capacity}年、"
            f"{METHOD_LABELS[method]}、年利率{rate.normalize():f}%计算，最多可贷"
            f"{to_yuan_display(capacity)}",
        )
    )
    if property_price_fen is not None:
        ltv = settings.loan_ltv_first if home == "first" else settings.loan_ltv_second
        by_price = floor_fen(Decimal(property_price_fen) * ltv)
        items.append(
            LimitItem(
                "property_price",
                "房价比例",
                by_price,
                None,
                f"{HOME_LABELS[home]}贷款不超过房价的{(ltv * 100).normalize():f}%："
                f"房价{to_yuan_display(property_price_fen)}，最多可贷{to_yuan_display(by_price)}",
            )
        )
    amounts = [item for item in items if item.amount_fen is not None]
    binding = min(amounts, key=lambda item: item.amount_fen or 0)
    smallest = binding.amount_fen or 0
    step = max(1, settings.loan_limit_step_fen)
    max_amount = smallest // step * step

    if borrower.account_status != "正常":
        problems.append(
            Problem(
                "account_not_normal",
                f"您的公积金账户状态为{borrower.account_status}，正常缴存的职工才能申请公积金"
                "贷款；如有疑问请到柜台咨询。",
            )
        )
    if borrower.deposit_months < settings.loan_min_deposit_months:
        problems.append(
            Problem(
                "deposit_months",
                f"连续足额缴存满{settings.loan_min_deposit_months}个月方可申请公积金贷款，"
                f"您已连续缴存{borrower.deposit_months}个月。",
            )
        )
    if borrower.has_open_loan:
        problems.append(Problem("open_loan", "您有未结清的公积金贷款，结清后方可再次申请。"))
    if max_term < settings.loan_min_term_years:
        problems.append(
            Problem(
                "retirement",
                f"距法定退休年龄不足{settings.loan_min_term_years}年，不能申请公积金贷款。",
            )
        )
    if max_amount < settings.loan_min_amount_fen:
        problems.append(
            Problem(
                "limit_too_low",
                f"可贷额度{to_yuan_display(max_amount)}低于最低贷款金额"
                f"{to_yuan_display(settings.loan_min_amount_fen)}。",
            )
        )
    return LoanLimit(max_amount, max_term, tuple(items), binding.code, tuple(problems))
