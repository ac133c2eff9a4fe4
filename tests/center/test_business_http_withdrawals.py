"""我要提取 over real HTTP: settlement, exactly-once keys, the parallel race, step-up, bad input."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import requests

from center.business import idempotency, ledger
from center.business.config import BusinessSettings
from center.business.schemas import WithdrawalIn
from center.server import RunningCenter
from tests.center.business_helpers import (
    Client,
    demo_ids,
    demo_user_id,
    entry_count,
    invariant,
    mint_step_up,
)

PATH = "/api/v1/me/withdrawals"


def new_key() -> str:
    return str(uuid.uuid4())


def types_by_code(client: Client) -> dict[str, dict]:
    response = client.get("/withdrawal-types")
    assert response.status_code == 200
    return {item["code"]: item for item in response.json()["items"]}


def test_rent_withdrawal_is_settled_at_once(center: RunningCenter):
    client = Client(center)
    _depositor, account_id = demo_ids(center)
    before = Decimal(client.balance())
    rent = types_by_code(client)["rent"]
    assert rent["available"] is True and rent["online"] is True
    max_before = Decimal(rent["max_amount"])
    token = client.step_up()

    response = client.post(
        "/me/withdrawals",
        {"type": "rent", "amount": "1234.56", "step_up_token": token},
        key=new_key(),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert Decimal(body["balance"]) == before - Decimal("1234.56")
    assert body["withdrawal"]["status"] == "已到账"
    assert body["withdrawal"]["amount"] == "1234.56"
    assert "****" in body["withdrawal"]["bank_card_masked"]
    receipt = {line["label"]: line["value"] for line in body["receipt"]["lines"]}
    assert receipt["提取金额"] == "1,234.56元（壹仟贰佰叁拾肆元伍角陆分）"
    assert "*" in receipt["个人账号"] and "*" in receipt["姓名"]

    assert Decimal(client.balance()) == before - Decimal("1234.56")
    history = client.get("/me/deposits", page_size=1).json()
    assert history["items"][0]["amount"] == "-1234.56"
    assert history["items"][0]["kind"] == "withdrawal"
    assert Decimal(history["items"][0]["balance_after"]) == Decimal(body["balance"])
    listed = client.get("/me/withdrawals").json()["items"]
    assert listed[0]["withdrawal_no"] == body["withdrawal"]["withdrawal_no"]
    assert Decimal(types_by_code(client)["rent"]["max_amount"]) == max_before - Decimal("1234.56")
    assert invariant(center, account_id) == []


def test_the_rent_limit_is_exact_at_its_boundary(center: RunningCenter):
    client = Client(center)
    depositor_id, _ = demo_ids(center)
    top = types_by_code(client)["rent"]["max_amount"]
    over = str(Decimal(top) + Decimal("0.01"))
    token = mint_step_up(center, depositor_id)
    refused = client.post(
        "/me/withdrawals", {"type": "rent", "amount": over, "step_up_token": token}, key=new_key()
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "amount_over_limit"
    assert refused.json()["error"]["field"] == "amount"
    # a refused request does not use up the step-up token
    done = client.post(
        "/me/withdrawals", {"type": "rent", "amount": top, "step_up_token": token}, key=new_key()
    )
    assert done.status_code == 201, done.text
    after = types_by_code(client)["rent"]
    assert after["max_amount"] == "0.00" and after["available"] is False


def test_same_key_replays_other_body_is_refused(center: RunningCenter):
    client = Client(center)
    depositor_id, account_id = demo_ids(center)
    token = mint_step_up(center, depositor_id)
    key = new_key()
    body = {"type": "rent", "amount": "100.00", "step_up_token": token}
    first = client.post("/me/withdrawals", body, key=key)
    assert first.status_code == 201
    entries = entry_count(center, account_id)

    again = client.post("/me/withdrawals", body, key=key)
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert entry_count(center, account_id) == entries

    asked = client.get(f"/me/requests/{key}").json()
    assert (asked["state"], asked["status"], asked["body"]) == ("done", 201, first.json())
    assert client.get(f"/me/requests/{new_key()}").json()["error"]["code"] == "request_unknown"

    other = client.post("/me/withdrawals", {**body, "amount": "200.00"}, key=key)
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_mismatch"
    assert entry_count(center, account_id) == entries

    missing = client.post("/me/withdrawals", body)
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == "idempotency_key_missing"
    # the token was used by the first request: a new key cannot spend it again
    reuse = client.post("/me/withdrawals", body, key=new_key())
    assert reuse.status_code == 403
    assert reuse.json()["error"]["code"] == "step_up_invalid"
    assert entry_count(center, account_id) == entries
    assert invariant(center, account_id) == []


def test_refusals_are_replayed_too(center: RunningCenter):
    client = Client(center)
    key = new_key()
    body = {"type": "rent", "amount": "1.00"}
    first = client.post("/me/withdrawals", body, key=key)
    assert first.status_code == 403
    assert first.json()["error"]["code"] == "step_up_required"
    second = client.post("/me/withdrawals", body, key=key)
    assert (second.status_code, second.json()) == (403, first.json())
    assert second.headers["Idempotent-Replayed"] == "true"


def test_a_key_still_running_answers_409(center: RunningCenter):
    client = Client(center)
    depositor_id, account_id = demo_ids(center)
    user_id = demo_user_id(center)
    token = mint_step_up(center, depositor_id)
    body = {"type": "rent", "amount": "50.00", "step_up_token": token}
    key = new_key()
    # the first attempt is "running": its key is recorded in progress, as begin() does
    lease = idempotency.begin(
        center.app.state.session_factory,
        user_id=user_id,
        key=key,
        method="POST",
        path=PATH,
        body_fingerprint=idempotency.fingerprint(
            "POST", PATH, WithdrawalIn(**body).model_dump(mode="json")
        ),
        now=center.clock.now(),
        settings=BusinessSettings(),
    )
    assert isinstance(lease, idempotency.Lease)
    entries = entry_count(center, account_id)
    busy = client.post("/me/withdrawals", body, key=key)
    assert busy.status_code == 409
    assert busy.json()["error"]["code"] == "idempotency_in_progress"
    assert busy.json()["error"]["retry_after"] == 1
    assert busy.headers["Retry-After"] == "1"
    assert entry_count(center, account_id) == entries
    assert client.get(f"/me/requests/{key}").json()["state"] == "in_progress"
    # the first attempt crashed before committing: after the lease the key runs once
    center.clock.advance(61)
    done = client.post("/me/withdrawals", body, key=key)
    assert done.status_code == 201, done.text
    assert client.post("/me/withdrawals", body, key=key).json() == done.json()
    assert entry_count(center, account_id) == entries + 1


def test_twenty_parallel_withdrawals_of_the_whole_balance(center: RunningCenter):
    client = Client(center)
    depositor_id, account_id = demo_ids(center)
    factory = center.app.state.session_factory
    # bring the balance within the rent limit so one rent withdrawal can take all of it
    balance_fen = int(Decimal(client.balance()) * 100)
    ledger.withdraw(factory, account_id, balance_fen - 1_000_000, now=center.clock.now())
    assert client.balance() == "10000.00"
    entries = entry_count(center, account_id)
    tokens = [mint_step_up(center, depositor_id) for _ in range(20)]
    barrier = threading.Barrier(20)
    results: list[tuple[int, str | None]] = []
    lock = threading.Lock()

    def attempt(token: str) -> None:
        barrier.wait()
        response = client.post(
            "/me/withdrawals",
            {"type": "rent", "amount": "10000.00", "step_up_token": token},
            key=new_key(),
        )
        code = None if response.status_code == 201 else response.json()["error"]["code"]
        with lock:
            results.append((response.status_code, code))

    threads = [threading.Thread(target=attempt, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 20
    assert [status for status, _ in results].count(201) == 1, results
    assert all(
        status == 422 and code in {"withdrawal_not_allowed", "amount_over_limit"}
        for status, code in results
        if status != 201
    ), results
    assert client.balance() == "0.00"
    assert entry_count(center, account_id) == entries + 1
    assert invariant(center, account_id) == []


def test_step_up_codes(center: RunningCenter):
    client = Client(center)
    sent = client.post("/me/otp")
    assert sent.status_code == 202
    assert sent.json()["phone_masked"] == "138****2345"
    wrong = client.post(
        "/me/otp/verify", {"challenge_id": sent.json()["challenge_id"], "code": "000000x"}
    )
    assert wrong.status_code == 400
    assert wrong.json()["error"]["code"] == "otp_invalid"
    too_soon = client.post("/me/otp")
    assert too_soon.status_code == 429
    center.clock.advance(61)
    token = client.step_up()
    center.clock.advance(601)
    client.sign_in()
    expired = client.post(
        "/me/withdrawals",
        {"type": "rent", "amount": "1.00", "step_up_token": token},
        key=new_key(),
    )
    assert expired.status_code == 403
    assert expired.json()["error"]["code"] == "step_up_invalid"
    gone = client.post("/me/otp/verify", {"challenge_id": "nope", "code": "123456"})
    assert gone.status_code == 410


def test_withdrawal_types_public_and_signed_in(center: RunningCenter):
    public = requests.get(center.base_url + "/api/v1/withdrawal-types", timeout=10)
    assert public.status_code == 200
    items = public.json()["items"]
    assert {
        "rent",
        "retirement",
        "termination",
        "house_purchase",
        "emigration",
        "serious_illness",
        "loan_repayment",
    } <= {i["code"] for i in items}
    assert all(i["max_amount"] is None for i in items)
    mine = types_by_code(Client(center))
    assert all(item["max_amount"] is not None and item["max_reason"] for item in mine.values())
    assert mine["retirement"]["available"] is False  # the demo resident is 36
    assert "63" in mine["retirement"]["max_reason"]


def test_counter_types_end_in_a_slip(center: RunningCenter):
    client = Client(center)
    _depositor, account_id = demo_ids(center)
    before = client.balance()
    entries = entry_count(center, account_id)
    response = client.post("/me/withdrawals", {"type": "serious_illness"}, key=new_key())
    assert response.status_code == 201, response.text
    withdrawal = response.json()["withdrawal"]
    assert withdrawal["status"] == "待柜台办理"
    assert withdrawal["online"] is False
    assert "医疗费用票据及结算清单" in withdrawal["materials"]
    assert withdrawal["counters"] and withdrawal["counters"][0]["address"]
    assert response.json()["receipt"]["title"] == "住房公积金提取业务办理清单"
    assert client.balance() == before
    assert entry_count(center, account_id) == entries
    center.clock.advance(31 * 86400)
    client.sign_in()
    listed = client.get("/me/withdrawals").json()["items"]
    assert listed[0]["status"] == "已过期"


BAD_BODIES = [
    {"type": "rent", "amount": "abc"},
    {"type": "rent", "amount": "-5"},
    {"type": "rent", "amount": "1e5"},
    {"type": "rent", "amount": "0.001"},
    {"type": "rent", "amount": "0"},
    {"type": "rent", "amount": "9" * 30},
    {"type": "rent"},
    {"type": "nonsense", "amount": "1.00"},
    {"type": "", "amount": "1.00"},
    {"amount": "1.00"},
    {"type": 5, "amount": 5},
    {"type": "rent", "amount": None, "step_up_token": 7},
    [],
    "text",
    None,
]
BAD_HISTORY = [
    {"from": "2024-13"},
    {"from": "2025-06", "to": "2024-01"},
    {"page": 0},
    {"page": "x"},
    {"page_size": 1000},
    {"to": "x" * 40},
    {"from": "0000-01"},
    {"to": "9999-12"},
]


def test_bad_input_never_500s(center: RunningCenter):
    client = Client(center)
    depositor_id, account_id = demo_ids(center)
    entries = entry_count(center, account_id)
    token = mint_step_up(center, depositor_id)
    for bad in BAD_BODIES:
        body = {"step_up_token": token, **bad} if isinstance(bad, dict) else bad
        response = client.post("/me/withdrawals", body, key=new_key())
        assert 400 <= response.status_code < 500, (body, response.text)
        assert response.json()["error"]["message"]
    assert entry_count(center, account_id) == entries
    for params in BAD_HISTORY:
        response = client.get("/me/deposits", **params)
        assert response.status_code == 422, (params, response.text)


def test_history_pages_and_totals(center: RunningCenter):
    client = Client(center)
    first = client.get("/me/deposits", **{"from": "2000-01", "page_size": 7}).json()
    assert first["total"] > 20
    amounts = []
    for page in range(1, first["pages"] + 1):
        items = client.get("/me/deposits", **{"from": "2000-01", "page_size": 7, "page": page})
        amounts += [Decimal(i["amount"]) for i in items.json()["items"]]
    assert len(amounts) == first["total"]
    totals = first["totals"]
    assert sum(amounts) == (
        Decimal(totals["deposits"]) + Decimal(totals["interest"]) - Decimal(totals["withdrawals"])
    )
    assert sum(amounts) == Decimal(client.balance())


def test_money_routes_need_sign_in(center: RunningCenter):
    for path in ("/me/account", "/me/deposits", "/me/withdrawals", "/me/loans"):
        response = requests.get(
            center.base_url + "/api/v1" + path, headers={"X-Kiosk-Id": "k-1"}, timeout=10
        )
        assert response.status_code == 401
    response = requests.post(
        center.base_url + "/api/v1/me/withdrawals",
        json={"type": "rent", "amount": "1.00"},
        headers={"X-Kiosk-Id": "k-1", "Idempotency-Key": new_key()},
        timeout=10,
    )
    assert response.status_code == 401
