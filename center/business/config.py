"""Business settings of a center: loan rates and limits, withdrawal limits, step-up and stages.

Declared once here with the reference values (Yinchuan, 2025); a deployment passes its own
:class:`BusinessSettings` to the app (``app.state.business_settings``). Amounts are in fen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta, timezone
from decimal import Decimal

#: Business dates (deposit months, the rent year, ages) are Beijing time.
CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")


@dataclass(frozen=True)
class BusinessSettings:
    """Every number the business rules use, with the reference center's values.

    Attributes:
        rate_first_short: first home, term up to ``rate_short_max_years``: annual rate in percent.
        rate_first_long: first home, longer terms.
        rate_second_short: second home, short terms.
        rate_second_long: second home, longer terms.
        rate_short_max_years: the boundary between the short and the long rate (inclusive).
        loan_balance_multiple: the limit is at most this many times the balance.
        loan_cap_single_fen: the cap for one applicant.
        loan_cap_couple_fen: the cap for a married couple applying together.
        loan_capacity_ratio: the monthly payment may be at most this share of the monthly income
            (the deposit base).
        loan_min_term_years: shortest term.
        loan_max_term_years: longest term.
        loan_min_amount_fen: smallest loan.
        loan_limit_step_fen: the final limit is rounded down to a multiple of this.
        loan_min_deposit_months: months of deposits before a loan can be applied for.
        loan_ltv_first: the loan may be at most this share of the property price (first home).
        loan_ltv_second: the same for a second home.
        retirement_age_male: statutory retirement age of men.
        retirement_age_female: statutory retirement age of women.
        rent_yearly_limit_fen: rent withdrawals per calendar year.
        rent_min_deposit_months: months of deposits before rent can be withdrawn.
        termination_sealed_months: months an account must have been sealed (封存) before a
            withdrawal after leaving the employer.
        min_withdrawal_fen: the smallest online withdrawal.
        counter_slip_valid_days: how long a counter slip (and its pending application) lasts.
        loan_stage_after: demo progress: time after submission when each later stage is reached.
        auto_progress: move loan applications through their stages by time (demo).
        otp_ttl_seconds: step-up code lifetime.
        otp_max_attempts: wrong codes before a step-up code is void.
        otp_resend_seconds: wait before another step-up code.
        idempotency_ttl_hours: how long an ``Idempotency-Key`` is remembered (at least 24 h).
        idempotency_lease_seconds: a key still "in progress" after this long was abandoned by a
            crashed worker (its transaction never committed) and may be executed again.
        deposit_interest_rate: yearly interest on deposits, percent (seed history).
    """

    rate_first_short: Decimal = Decimal("2.1")
    rate_first_long: Decimal = Decimal("2.6")
    rate_second_short: Decimal = Decimal("2.525")
    rate_second_long: Decimal = Decimal("3.075")
    rate_short_max_years: int = 5
    loan_balance_multiple: int = 15
    loan_cap_single_fen: int = 50_000_000
    loan_cap_couple_fen: int = 80_000_000
    loan_capacity_ratio: Decimal = Decimal("0.5")
    loan_min_term_years: int = 1
    loan_max_term_years: int = 30
    loan_min_amount_fen: int = 1_000_000
    loan_limit_step_fen: int = 10_000
    loan_min_deposit_months: int = 6
    loan_ltv_first: Decimal = Decimal("0.8")
    loan_ltv_second: Decimal = Decimal("0.7")
    retirement_age_male: int = 63
    retirement_age_female: int = 58
    rent_yearly_limit_fen: int = 1_560_000
    rent_min_deposit_months: int = 3
    termination_sealed_months: int = 6
    min_withdrawal_fen: int = 1
    counter_slip_valid_days: int = 30
    loan_stage_after: tuple[timedelta, timedelta, timedelta] = field(
        default=(timedelta(days=1), timedelta(days=3), timedelta(days=7))
    )
    auto_progress: bool = True
    otp_ttl_seconds: int = 300
    otp_max_attempts: int = 5
    otp_resend_seconds: int = 60
    idempotency_ttl_hours: int = 48
    idempotency_lease_seconds: int = 60
    deposit_interest_rate: Decimal = Decimal("1.5")
