"""The loan calculator: schedules, rates and every limit item at its boundary (pure functions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from center.business.config import BusinessSettings
from center.business.loans import (
    Borrower,
    annual_rate,
    build_schedule,
    first_payment_fen,
    loan_limit,
    max_principal_for_payment,
)
from center.business.people import Person

S = BusinessSettings()
TODAY = date(2025, 6, 15)


def borrower(**overrides: object) -> Borrower:
    values: dict[str, object] = {
        "person": Person(date(1990, 6, 15), "M"),
        "balance_fen": 5_000_000,
        "monthly_income_fen": 1_000_000,
        "account_status": "正常",
        "deposit_months": 24,
        "has_open_loan": False,
    }
    values.update(overrides)
    return Borrower(**values)  # type: ignore[arg-type]


def limit(b: Borrower | None = None, **kw: object):
    args: dict[str, object] = {
        "couple": False,
        "term_years": 20,
        "method": "equal_installment",
        "home": "first",
        "today": TODAY,
    }
    args.update(kw)
    return loan_limit(S, b or borrower(), **args)  # type: ignore[arg-type]


# -- rates ------------------------------------------------------------------------------------
def test_rates_switch_after_five_years():
    assert annual_rate(S, "first", 5) == Decimal("2.1")
    assert annual_rate(S, "first", 6) == Decimal("2.6")
    assert annual_rate(S, "second", 5) == Decimal("2.525")
    assert annual_rate(S, "second", 6) == Decimal("3.075")


# -- schedules --------------------------------------------------------------------------------
@given(
    amount=st.integers(min_value=1, max_value=100_000_000),
    months=st.integers(min_value=1, max_value=360),
    method=st.sampled_from(["equal_installment", "equal_principal"]),
    rate=st.sampled_from([Decimal("2.1"), Decimal("2.6"), Decimal("2.525"), Decimal("3.075")]),
)
def test_schedule_principal_sums_to_amount(amount, months, method, rate):
    schedule = build_schedule(amount, months, method, rate)
    assert len(schedule.installments) == months
    assert sum(i.principal_fen for i in schedule.installments) == amount
    assert schedule.installments[-1].remaining_fen == 0
    assert all(i.principal_fen >= 0 and i.interest_fen >= 0 for i in schedule.installments)
    assert all(i.payment_fen == i.principal_fen + i.interest_fen for i in schedule.installments)
    assert schedule.total_payment_fen == amount + schedule.total_interest_fen
    assert schedule.monthly_payment_fen == first_payment_fen(amount, months, method, rate)


def test_equal_installment_matches_the_annuity_formula():
    amount, months, rate = 50_000_000, 360, Decimal("2.6")
    schedule = build_schedule(amount, months, "equal_installment", rate)
    r = 0.026 / 12
    expected = amount * r * (1 + r) ** months / ((1 + r) ** months - 1)
    assert abs(schedule.monthly_payment_fen - expected) <= 0.5
    assert schedule.monthly_payment_fen == 200_170  # 500,000 元, 30 年, 2.6%: 2,001.70 元/月
    # every month but the last pays the level amount; the last absorbs the rounding
    assert {i.payment_fen for i in schedule.installments[:-1]} == {schedule.monthly_payment_fen}
    assert abs(schedule.last_payment_fen - schedule.monthly_payment_fen) < 100


def test_equal_principal_pays_the_same_principal_and_less_interest_each_month():
    schedule = build_schedule(12_000_000, 120, "equal_principal", Decimal("2.6"))
    principals = {i.principal_fen for i in schedule.installments}
    assert principals == {100_000}
    interests = [i.interest_fen for i in schedule.installments]
    assert interests == sorted(interests, reverse=True)
    assert schedule.installments[0].interest_fen == 26_000  # 120,000 元 × 2.6% / 12
    installment = build_schedule(12_000_000, 120, "equal_installment", Decimal("2.6"))
    assert schedule.total_interest_fen < installment.total_interest_fen


def test_schedule_rejects_nonsense():
    with pytest.raises(ValueError):
        build_schedule(0, 12, "equal_installment", Decimal("2.1"))
    with pytest.raises(ValueError):
        build_schedule(100, 0, "equal_principal", Decimal("2.1"))


@given(
    cap=st.integers(min_value=1, max_value=2_000_000),
    months=st.integers(min_value=1, max_value=360),
    method=st.sampled_from(["equal_installment", "equal_principal"]),
)
def test_capacity_principal_is_the_exact_boundary(cap, months, method):
    rate = Decimal("2.6")
    top = max_principal_for_payment(cap, months, method, rate)
    assert first_payment_fen(top, months, method, rate) <= cap
    assert first_payment_fen(top + 1, months, method, rate) > cap


# -- the limit ----------------------------------------------------------------------------------
def test_every_item_has_a_reason():
    result = limit()
    codes = [item.code for item in result.items]
    assert codes == ["balance_multiple", "cap", "working_years", "repayment_capacity"]
    assert all(item.reason for item in result.items)
    assert result.eligible


def test_balance_multiple_binds_and_the_boundary_is_exact():
    b = borrower(balance_fen=2_000_000, monthly_income_fen=5_000_000)  # 20,000 元 × 15
    result = limit(b)
    assert result.binding == "balance_multiple"
    assert result.max_amount_fen == 30_000_000
    assert "× 15倍" in result.items[0].reason
    assert result.check(30_000_000, 20) == []
    assert [p.code for p in result.check(30_000_001, 20)] == ["amount_over_limit"]


def test_limit_is_rounded_down_to_the_step():
    b = borrower(balance_fen=2_000_001, monthly_income_fen=5_000_000)
    result = limit(b)
    assert result.items[0].amount_fen == 30_000_015
    assert result.max_amount_fen == 30_000_000


def test_single_and_couple_caps():
    rich = borrower(balance_fen=100_000_000, monthly_income_fen=10_000_000)
    single = limit(rich)
    couple = limit(rich, couple=True)
    assert (single.binding, single.max_amount_fen) == ("cap", 50_000_000)
    assert (couple.binding, couple.max_amount_fen) == ("cap", 80_000_000)
    assert single.check(50_000_000, 20) == []
    assert single.check(50_000_001, 20)[0].code == "amount_over_limit"
    assert "夫妻双方" in couple.items[1].reason


def test_repayment_capacity_binds_at_half_the_income():
    b = borrower(
        balance_fen=100_000_000,
        monthly_income_fen=400_000,  # 4,000 元 → at most 2,000 元 a month
        person=Person(date(1995, 1, 1), "M"),
    )
    result = limit(b, term_years=30)
    assert result.binding == "repayment_capacity"
    capacity = result.items[3].amount_fen
    assert capacity is not None
    assert first_payment_fen(capacity, 360, "equal_installment", Decimal("2.6")) <= 200_000
    assert first_payment_fen(capacity + 1, 360, "equal_installment", Decimal("2.6")) > 200_000
    assert "50%" in result.items[3].reason
    principal = limit(b, term_years=30, method="equal_principal")
    assert principal.items[3].amount_fen is not None
    assert principal.items[3].amount_fen < capacity  # the first 等额本金 payment is larger


def test_property_price_share():
    result = limit(property_price_fen=10_000_000)
    assert result.items[-1].code == "property_price"
    assert result.items[-1].amount_fen == 8_000_000
    second = limit(property_price_fen=10_000_000, home="second")
    assert second.items[-1].amount_fen == 7_000_000


def test_working_years_caps_the_term_at_retirement():
    # a man born 1970-06-15 retires (63) on 2033-06-15: 8 years left on 2025-06-15
    b = borrower(person=Person(date(1970, 6, 15), "M"))
    result = limit(b, term_years=8)
    assert result.max_term_years == 8
    assert result.check(1_000_000, 8) == []
    assert result.check(1_000_000, 9)[0].code == "term_too_long"
    # born one day earlier: retirement on 2033-06-14, not 8 whole years away any more
    later = limit(borrower(person=Person(date(1970, 6, 14), "M")), term_years=8)
    assert later.max_term_years == 7
    # a woman of the same birth date retires at 58: 3 years left
    woman = limit(borrower(person=Person(date(1970, 6, 15), "F")), term_years=3)
    assert woman.max_term_years == 3


def test_term_never_exceeds_thirty_years():
    result = limit(borrower(person=Person(date(2000, 1, 1), "M")), term_years=30)
    assert result.max_term_years == 30
    assert result.check(1_000_000, 31)[0].code == "term_too_long"


def test_retired_cannot_apply():
    result = limit(borrower(person=Person(date(1962, 6, 15), "M")), term_years=1)
    assert result.max_term_years == 0
    assert "retirement" in [p.code for p in result.problems]


def test_deposit_months_boundary():
    assert limit(borrower(deposit_months=6)).eligible
    result = limit(borrower(deposit_months=5))
    assert [p.code for p in result.problems] == ["deposit_months"]


def test_account_status_and_open_loan():
    assert "account_not_normal" in [p.code for p in limit(borrower(account_status="封存")).problems]
    assert "open_loan" in [p.code for p in limit(borrower(has_open_loan=True)).problems]


def test_limit_below_minimum_amount():
    result = limit(borrower(balance_fen=66_666))  # × 15 = 9,999.90 元 < 10,000 元
    assert "limit_too_low" in [p.code for p in result.problems]
    assert limit(borrower(balance_fen=66_667)).eligible


def test_id_number_gives_birth_date_and_sex():
    person = Person.from_id_number("640104199003071234")
    assert person.birth_date == date(1990, 3, 7)
    assert person.sex == "M"
    assert Person.from_id_number("64010419900307124X").sex == "F"
    with pytest.raises(ValueError):
        Person.from_id_number("640104199013071234")
