"""Every withdrawal rule at its boundary (pure functions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from center.business.config import BusinessSettings
from center.business.people import Person
from center.business.withdrawals import AccountFacts, allowance, find_type, withdrawal_types

S = BusinessSettings()
TODAY = date(2025, 6, 15)
FACTS = AccountFacts(
    person=Person(date(1985, 3, 1), "M"),
    status="正常",
    balance_fen=5_000_000,
    deposit_months=24,
    last_deposit_month="2025-05",
)


def allow(code: str, facts: AccountFacts = FACTS, today: date = TODAY):
    kind = find_type(S, code)
    assert kind is not None
    return allowance(S, kind, facts, today)


def test_the_table_lists_every_reason_with_rule_and_materials():
    types = withdrawal_types(S)
    names = {t.name for t in types}
    for name in (
        "购买自住住房",
        "偿还住房贷款",
        "租赁住房",
        "离退休",
        "与单位解除劳动关系",
        "出境定居",
        "重大疾病",
    ):
        assert name in names
    assert len({t.code for t in types}) == len(types)
    for t in types:
        assert t.rule
        assert t.online or t.materials, t.code
    assert "15,600.00元" in find_type(S, "rent").rule  # type: ignore[union-attr]
    assert find_type(S, "nonsense") is None


def test_rent_yearly_limit_boundary():
    assert allow("rent").max_fen == 1_560_000
    used = replace(FACTS, rent_withdrawn_this_year_fen=1_559_999)
    assert allow("rent", used).max_fen == 1
    assert allow("rent", used).available
    full = replace(FACTS, rent_withdrawn_this_year_fen=1_560_000)
    assert allow("rent", full).max_fen == 0
    assert not allow("rent", full).available
    assert "已用完" in allow("rent", full).reason


def test_rent_never_more_than_the_balance():
    poor = replace(FACTS, balance_fen=100_000)
    result = allow("rent", poor)
    assert result.max_fen == 100_000
    assert "1,000.00元" in result.reason


def test_rent_needs_three_months_and_a_normal_account():
    assert allow("rent", replace(FACTS, deposit_months=3)).available
    result = allow("rent", replace(FACTS, deposit_months=2))
    assert (result.max_fen, result.available) == (0, False)
    assert not allow("rent", replace(FACTS, status="封存")).available


@pytest.mark.parametrize(
    ("born", "sex", "ok"),
    [
        (date(1962, 6, 15), "M", True),  # 63 today
        (date(1962, 6, 16), "M", False),  # 63 tomorrow
        (date(1967, 6, 15), "F", True),  # 58 today
        (date(1967, 6, 16), "F", False),
    ],
)
def test_retirement_age_boundary(born, sex, ok):
    result = allow("retirement", replace(FACTS, person=Person(born, sex)))
    assert result.available is ok
    assert result.max_fen == (FACTS.balance_fen if ok else 0)
    assert result.whole_balance is ok


def test_retirement_without_a_readable_birth_date():
    assert not allow("retirement", replace(FACTS, person=None)).available


def test_termination_after_six_sealed_months():
    sealed = replace(FACTS, status="封存", last_deposit_month="2024-12")  # 2025-01..06 sealed
    result = allow("termination", sealed)
    assert result.available and result.whole_balance
    assert result.max_fen == FACTS.balance_fen
    early = replace(sealed, last_deposit_month="2025-01")  # 5 months
    result = allow("termination", early)
    assert not result.available
    assert "2025-07" in result.reason
    assert not allow("termination").available  # still depositing


def test_loan_repayment_up_to_the_outstanding_principal():
    assert not allow("loan_repayment").available
    small = replace(FACTS, loan_outstanding_fen=1_000_000)
    assert allow("loan_repayment", small).max_fen == 1_000_000
    big = replace(FACTS, loan_outstanding_fen=90_000_000)
    assert allow("loan_repayment", big).max_fen == FACTS.balance_fen


def test_counter_types_are_never_settled_online():
    for t in withdrawal_types(S):
        if not t.online:
            result = allow(t.code)
            assert not result.available
            assert result.max_fen == FACTS.balance_fen
            assert "柜台" in result.reason


def test_closed_or_empty_accounts_give_nothing():
    for t in withdrawal_types(S):
        assert allow(t.code, replace(FACTS, status="销户")).max_fen == 0
        assert allow(t.code, replace(FACTS, balance_fen=0)).max_fen == 0
