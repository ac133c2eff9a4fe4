"""我要贷款 over real HTTP: calculator, limits at their boundaries, applications and progress."""

from __future__ import annotations

import uuid
from decimal import Decimal

import requests

from center.server import RunningCenter
from center.validation import id_check_char
from tests.center.business_helpers import KIOSK, Client, demo_ids, mint_step_up

SELF_ID = "64010619900315123" + id_check_char("64010619900315123")
SPOUSE_ID = "64010419920101002" + id_check_char("64010419920101002")

DAY = 86400


def new_key() -> str:
    return str(uuid.uuid4())


def application(amount: str, token: str, **extra: object) -> dict:
    body: dict[str, object] = {
        "amount": amount,
        "term_years": 20,
        "method": "equal_installment",
        "home": "first",
        "property": {
            "address": "银川市兴庆区丽景街168号2号楼1单元302室",
            "area_m2": "96.5",
            "price": "600000.00",
        },
        "co_applicant": None,
        "repayment_bank": "中国建设银行",
        "repayment_card_no": "6217 0029 8000 1234",
        "step_up_token": token,
    }
    body.update(extra)
    return body


def test_anonymous_quote_schedule(center: RunningCenter):
    api = center.base_url + "/api/v1"
    for method in ("equal_installment", "equal_principal"):
        response = requests.post(
            api + "/loan-quotes",
            json={"amount": "300000", "term_years": 10, "method": method, "home": "second"},
            headers=KIOSK,
            timeout=10,
        )
        assert response.status_code == 200, response.text
        quote = response.json()
        assert quote["limit"] is None
        assert quote["annual_rate"] == "3.075"
        assert quote["months"] == len(quote["schedule"]) == 120
        principal = sum(Decimal(i["principal"]) for i in quote["schedule"])
        interest = sum(Decimal(i["interest"]) for i in quote["schedule"])
        assert principal == Decimal("300000.00")
        assert interest == Decimal(quote["total_interest"])
        assert Decimal(quote["total_payment"]) == principal + interest
        assert quote["schedule"][-1]["remaining"] == "0.00"
        if method == "equal_installment":
            r = 0.03075 / 12
            expected = 300000 * r * (1 + r) ** 120 / ((1 + r) ** 120 - 1)
            assert abs(float(quote["monthly_payment"]) - expected) <= 0.005
        else:
            assert quote["schedule"][0]["principal"] == "2500.00"
            assert quote["monthly_payment"] == "3268.75"  # 2,500 + 300,000 × 3.075% / 12
    rates = requests.get(api + "/loan-rates", headers=KIOSK, timeout=10).json()
    assert rates["first_home"] == {"short": "2.1", "long": "2.6"}
    assert rates["second_home"] == {"short": "2.525", "long": "3.075"}
    assert (rates["cap_single"], rates["cap_couple"]) == ("500000.00", "800000.00")


def test_signed_in_quote_limit_boundaries(center: RunningCenter):
    client = Client(center)
    quote = client.post(
        "/loan-quotes", {"amount": "100000", "term_years": 20, "property_price": "600000.00"}
    ).json()
    limit = quote["limit"]
    assert limit["eligible"] is True
    items = {item["code"]: item for item in limit["items"]}
    assert set(items) == {
        "balance_multiple",
        "cap",
        "working_years",
        "repayment_capacity",
        "property_price",
    }
    assert all(item["reason"] for item in items.values())
    assert items["property_price"]["amount"] == "480000.00"
    assert limit["binding"] == "property_price"
    assert limit["max_amount"] == "480000.00"
    # the demo resident (a man born 1990-03-15) may borrow until 63
    max_term = limit["max_term_years"]
    assert items["working_years"]["term_years"] == max_term
    at = client.post(
        "/loan-quotes",
        {"amount": "480000.00", "term_years": max_term, "property_price": "600000.00"},
    ).json()
    assert at["limit"]["checks"] == []
    over = client.post(
        "/loan-quotes",
        {"amount": "480000.01", "term_years": max_term, "property_price": "600000.00"},
    ).json()
    assert [c["code"] for c in over["limit"]["checks"]] == ["amount_over_limit"]
    longer = client.post("/loan-quotes", {"amount": "100000", "term_years": max_term + 1}).json()
    assert [c["code"] for c in longer["limit"]["checks"]] == ["term_too_long"]
    couple = client.post(
        "/loan-quotes", {"amount": "100000", "term_years": 20, "couple": True}
    ).json()["limit"]
    single = client.post("/loan-quotes", {"amount": "100000", "term_years": 20}).json()["limit"]
    caps = (
        {i["code"]: i["amount"] for i in couple["items"]},
        {i["code"]: i["amount"] for i in single["items"]},
    )
    assert caps[0]["cap"] == "800000.00" and caps[1]["cap"] == "500000.00"


def test_bad_quotes_are_422(center: RunningCenter):
    client = Client(center)
    for body in (
        {"amount": "x", "term_years": 10},
        {"amount": "-1", "term_years": 10},
        {"amount": "100000", "term_years": 0},
        {"amount": "100000", "term_years": 31},
        {"amount": "100000", "term_years": "ten"},
        {"amount": "100000", "term_years": 10, "method": "balloon"},
        {"amount": "100000", "term_years": 10, "home": "third"},
        {"amount": "100000", "term_years": 10, "property_price": "0"},
        {"amount": "99999999999", "term_years": 10},
        {"term_years": 10},
        [],
    ):
        response = client.post("/loan-quotes", body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["error"]["message"]


def test_application_limit_pending_and_progress(center: RunningCenter):
    client = Client(center)
    depositor_id, _account = demo_ids(center)
    token = client.step_up()
    over = client.post("/me/loan-applications", application("480000.01", token), key=new_key())
    assert over.status_code == 422, over.text
    assert over.json()["error"]["code"] == "amount_over_limit"
    assert over.json()["error"]["max_amount"] == "480000.00"
    # the refusal did not use the step-up token up
    created = client.post("/me/loan-applications", application("480000.00", token), key=new_key())
    assert created.status_code == 201, created.text
    filed = created.json()
    assert filed["status"] == "受理"
    assert [s["done"] for s in filed["stages"]] == [True, False, False, False]
    assert filed["repayment_card_masked"] == "6217 **** **** 1234"
    assert filed["annual_rate"] == "2.6"

    second = client.post(
        "/me/loan-applications",
        application("100000.00", mint_step_up(center, depositor_id)),
        key=new_key(),
    )
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "application_pending"
    listed = client.get("/me/loan-applications").json()["items"]
    assert [a["application_no"] for a in listed] == [filed["application_no"]]
    assert client.get(f"/me/loan-applications/{filed['id']}").json() == filed
    assert client.get("/me/loan-applications/999999").status_code == 404
    assert client.get("/me/loan-applications/abc").status_code == 422
    assert client.get("/me/loan-applications/99999999999999999999").status_code == 422

    for days, stage in ((1, "审批"), (2, "签约"), (4, "放款")):
        center.clock.advance(days * DAY)
        client.sign_in()
        seen = client.get(f"/me/loan-applications/{filed['id']}").json()
        assert seen["status"] == stage
        assert seen["next_step"]
    assert seen["loan_no"]
    loans = client.get("/me/loans").json()["items"]
    assert len(loans) == 1
    assert loans[0]["loan_no"] == seen["loan_no"]
    assert loans[0]["outstanding_principal"] == "480000.00"
    assert loans[0]["remaining_periods"] == 240
    assert sum(Decimal(i["principal"]) for i in loans[0]["schedule"]) == Decimal("480000.00")

    # with a loan open, a new application is refused and the balance can repay it
    again = client.post(
        "/me/loan-applications",
        application("100000.00", mint_step_up(center, depositor_id)),
        key=new_key(),
    )
    assert again.status_code == 422
    assert again.json()["error"]["code"] == "loan_not_eligible"
    types = {t["code"]: t for t in client.get("/withdrawal-types").json()["items"]}
    assert types["loan_repayment"]["available"] is True
    repaid = client.post(
        "/me/withdrawals",
        {
            "type": "loan_repayment",
            "amount": "1000.00",
            "step_up_token": mint_step_up(center, depositor_id),
        },
        key=new_key(),
    )
    assert repaid.status_code == 201, repaid.text
    loan = client.get("/me/loans").json()["items"][0]
    assert (loan["prepaid"], loan["outstanding_principal"]) == ("1000.00", "479000.00")


def test_application_input_is_checked(center: RunningCenter):
    client = Client(center)
    depositor_id, _ = demo_ids(center)
    token = mint_step_up(center, depositor_id)
    cases = [
        (
            {"co_applicant": {"name": "李华", "id_number": "640104199003071235"}},
            "co_applicant_id_number",
        ),
        ({"co_applicant": {"name": "张晓明", "id_number": SELF_ID}}, "co_applicant_id_number"),
        ({"repayment_card_no": "1234"}, "repayment_card_no"),
        ({"property": {"address": "银川", "area_m2": "90", "price": "500000"}}, "property_address"),
        (
            {"property": {"address": "银川市金凤区某小区1号", "area_m2": "-3", "price": "500000"}},
            "property_area_m2",
        ),
        ({"term_years": 40}, "term_years"),
        ({"method": "x"}, "method"),
        ({"step_up_token": None}, "step_up_token"),
        ({"step_up_token": "forged"}, "step_up_token"),
    ]
    for extra, field in cases:
        response = client.post(
            "/me/loan-applications", application("100000.00", token, **extra), key=new_key()
        )
        assert 400 <= response.status_code < 500, (extra, response.text)
        if field is not None:
            assert response.json()["error"]["field"] == field, (extra, response.text)
    assert client.get("/me/loan-applications").json()["items"] == []
    with_spouse = client.post(
        "/me/loan-applications",
        application("100000.00", token, co_applicant={"name": "李华", "id_number": SPOUSE_ID}),
        key=new_key(),
    )
    assert with_spouse.status_code == 201, with_spouse.text
    assert with_spouse.json()["co_applicant"] == {
        "name_masked": "李*",
        "id_number_masked": SPOUSE_ID[:3] + "*" * 11 + SPOUSE_ID[-4:],
    }


def test_the_spouses_name_may_be_left_for_the_counter(center: RunningCenter):
    """The kiosk has no Chinese input: the ID number identifies the spouse, the counter checks
    the name against the ID card at 签约."""
    client = Client(center)
    depositor_id, _ = demo_ids(center)
    response = client.post(
        "/me/loan-applications",
        application(
            "100000.00",
            mint_step_up(center, depositor_id),
            co_applicant={"name": "", "id_number": SPOUSE_ID},
        ),
        key=new_key(),
    )
    assert response.status_code == 201, response.text
    assert response.json()["co_applicant"] == {
        "name_masked": "签约时柜台核对",
        "id_number_masked": SPOUSE_ID[:3] + "*" * 11 + SPOUSE_ID[-4:],
    }
