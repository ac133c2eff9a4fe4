"""The same center on PostgreSQL, what a province-wide deployment runs.

The SQLite suite covers every rule; here the cases where the database engine matters run again
on a real PostgreSQL server: the whole registration, sign-in, the ledger's row locking under 20
parallel withdrawals of the whole balance, and the Idempotency-Key rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from center.server import RunningCenter
from tests.center import test_business_http_withdrawals as withdrawals
from tests.center import test_registration as registration
from tests.center.conftest import Api

CASES_ON_CENTER: list[Callable[[RunningCenter], Any]] = [
    withdrawals.test_rent_withdrawal_is_settled_at_once,
    withdrawals.test_twenty_parallel_withdrawals_of_the_whole_balance,
    withdrawals.test_same_key_replays_other_body_is_refused,
    withdrawals.test_a_key_still_running_answers_409,
]
CASES_ON_API: list[Callable[[Api], Any]] = [
    registration.test_happy_path,
    registration.test_username_taken_case_insensitive,
]


@pytest.mark.parametrize("case", CASES_ON_CENTER, ids=lambda case: case.__name__)
def test_on_postgres(pg_center: RunningCenter, case: Callable[[RunningCenter], Any]) -> None:
    assert pg_center.app.state.engine.dialect.name == "postgresql"
    case(pg_center)


@pytest.mark.parametrize("case", CASES_ON_API, ids=lambda case: case.__name__)
def test_api_on_postgres(pg_center: RunningCenter, case: Callable[[Api], Any]) -> None:
    api = Api(pg_center)
    try:
        case(api)
    finally:
        api.close()
