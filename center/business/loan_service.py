"""Loans (我要贷款): rates, the calculator, applications with their progress, and loans.

Filing an application (:func:`execute_loan_application`) is a money operation with the same
rules as a withdrawal (see :mod:`center.business.withdrawal_service`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, sessionmaker

from center.business import loans as calc
from center.business.config import BusinessSettings
from center.business.facts import deposit_streak, due_date, loan_method, loan_position, open_loans
from center.business.idempotency import Stored
from center.business.ledger import (
    money_transaction,
)
from center.business.models import (
    LOAN_STAGES,
    STAGE_ACCEPTED,
    STAGE_APPROVED,
    STAGE_DISBURSED,
    STAGE_SIGNED,
    Account,
    Loan,
    LoanApplication,
)
from center.business.money import to_yuan
from center.business.schemas import (
    CoApplicantOut,
    InstallmentOut,
    LimitItemOut,
    LimitOut,
    LoanApplicationIn,
    LoanApplicationOut,
    LoanOut,
    LoanQuoteIn,
    LoanQuoteOut,
    LoanRatesOut,
    ProblemOut,
    PropertyOut,
    RateSet,
    StageOut,
)
from center.business.service_common import (
    consume_step_up,
    locked_account,
    mask_card,
    new_number,
    parse_amount,
    person_of,
    today_of,
)
from center.errors import HOTLINE, ApiError, invalid_field
from center.models import Depositor
from center.services.masking import mask_id_number, mask_name
from center.validation import InvalidFieldError, normalise_id_number

_AREA_RE = re.compile(r"^\d{1,5}(\.\d{1,2})?$")
MAX_PRICE_FEN = 100_000_000_000  # one billion yuan


def _home(raw: str) -> calc.Home:
    if raw == "first":
        return "first"
    if raw == "second":
        return "second"
    raise invalid_field("home", "请选择首套住房或第二套住房。")


def _term(settings: BusinessSettings, years: int) -> int:
    if not settings.loan_min_term_years <= years <= settings.loan_max_term_years:
        raise invalid_field(
            "term_years",
            f"贷款期限应为{settings.loan_min_term_years}-{settings.loan_max_term_years}年。",
        )
    return years


def _percent(value: Decimal) -> str:
    return f"{(value * 100).normalize():f}"


def rates_view(settings: BusinessSettings) -> LoanRatesOut:
    """The current loan settings."""
    return LoanRatesOut(
        first_home=RateSet(
            short=f"{settings.rate_first_short.normalize():f}",
            long=f"{settings.rate_first_long.normalize():f}",
        ),
        second_home=RateSet(
            short=f"{settings.rate_second_short.normalize():f}",
            long=f"{settings.rate_second_long.normalize():f}",
        ),
        short_max_years=settings.rate_short_max_years,
        min_term_years=settings.loan_min_term_years,
        max_term_years=settings.loan_max_term_years,
        min_amount=to_yuan(settings.loan_min_amount_fen),
        cap_single=to_yuan(settings.loan_cap_single_fen),
        cap_couple=to_yuan(settings.loan_cap_couple_fen),
        balance_multiple=settings.loan_balance_multiple,
        capacity_ratio_percent=_percent(settings.loan_capacity_ratio),
        ltv_first_percent=_percent(settings.loan_ltv_first),
        ltv_second_percent=_percent(settings.loan_ltv_second),
    )


def borrower_for(db: Session, account: Account, depositor: Depositor, today: date) -> calc.Borrower:
    """The applicant's figures for the limit.

    Raises:
        ApiError: 422 when the ID number on file cannot be read (a counter must look at it).
    """
    person = person_of(depositor)
    if person is None:
        raise ApiError(
            422,
            "id_number_unreadable",
            f"无法核验您的出生日期，请携带身份证到柜台办理，或拨打{HOTLINE}热线咨询。",
        )
    return calc.Borrower(
        person=person,
        balance_fen=account.balance_fen,
        monthly_income_fen=account.deposit_base_fen,
        account_status=account.status,
        deposit_months=deposit_streak(db, account),
        has_open_loan=bool(open_loans(db, account.id, today)),
    )


def _schedule_out(schedule: calc.Schedule) -> list[InstallmentOut]:
    return [
        InstallmentOut(
            period=i.period,
            payment=to_yuan(i.payment_fen),
            principal=to_yuan(i.principal_fen),
            interest=to_yuan(i.interest_fen),
            remaining=to_yuan(i.remaining_fen),
        )
        for i in schedule.installments
    ]


def _limit_out(limit: calc.LoanLimit, amount_fen: int, term_years: int) -> LimitOut:
    problems = [ProblemOut(code=p.code, message=p.message, field=p.field) for p in limit.problems]
    checks = [
        ProblemOut(code=p.code, message=p.message, field=p.field)
        for p in limit.check(amount_fen, term_years)
    ]
    return LimitOut(
        max_amount=to_yuan(limit.max_amount_fen),
        max_term_years=limit.max_term_years,
        eligible=limit.eligible,
        binding=limit.binding,
        items=[
            LimitItemOut(
                code=i.code,
                label=i.label,
                amount=None if i.amount_fen is None else to_yuan(i.amount_fen),
                term_years=i.term_years,
                reason=i.reason,
            )
            for i in limit.items
        ],
        problems=problems,
        checks=checks,
    )


def quote(
    settings: BusinessSettings, body: LoanQuoteIn, borrower: calc.Borrower | None, today: date
) -> LoanQuoteOut:
    """The calculator's answer; with a borrower, the limit and how this amount fits it.

    Raises:
        ApiError: 422 per field for bad input.
    """
    amount = parse_amount(body.amount)
    assert amount is not None
    if amount > settings.loan_cap_couple_fen * 10:
        raise invalid_field("amount", "贷款金额过大，请重新填写。")
    term = _term(settings, body.term_years)
    method = loan_method(body.method)
    home = _home(body.home)
    price = parse_amount(body.property_price, "property_price", required=False)
    if price is not None and price > MAX_PRICE_FEN:
        raise invalid_field("property_price", "房屋总价过大，请核对后重新填写。")
    rate = calc.annual_rate(settings, home, term)
    schedule = calc.build_schedule(amount, term * 12, method, rate)
    limit = None
    if borrower is not None:
        result = calc.loan_limit(
            settings,
            borrower,
            couple=body.couple,
            term_years=term,
            method=method,
            home=home,
            today=today,
            property_price_fen=price,
        )
        limit = _limit_out(result, amount, term)
    return LoanQuoteOut(
        amount=to_yuan(amount),
        term_years=term,
        months=term * 12,
        method=method,
        method_label=calc.METHOD_LABELS[method],
        home=home,
        home_label=calc.HOME_LABELS[home],
        annual_rate=f"{rate.normalize():f}",
        monthly_payment=to_yuan(schedule.monthly_payment_fen),
        last_payment=to_yuan(schedule.last_payment_fen),
        total_interest=to_yuan(schedule.total_interest_fen),
        total_payment=to_yuan(schedule.total_payment_fen),
        schedule=_schedule_out(schedule),
        limit=limit,
    )


_NEXT_STEP = {
    STAGE_ACCEPTED: "中心已受理您的申请，正在审核，审批结果将以短信通知，请保持电话畅通。",
    STAGE_APPROVED: (
        "审批已通过，请按短信通知携带身份证、户口簿、婚姻证明和购房合同到贷款网点签订借款合同。"
    ),
    STAGE_SIGNED: "借款合同已签订，正在办理抵押登记和放款，放款后将以短信通知。",
    STAGE_DISBURSED: (
        "贷款已发放，请在每月还款日前将月还款额存入还款银行卡；可在“我的贷款”查看还款计划。"
    ),
}


def application_view(application: LoanApplication, loan_no: str | None) -> LoanApplicationOut:
    """An application with its progress."""
    reached = LOAN_STAGES.index(application.status)
    times = (
        application.submitted_at,
        application.approved_at,
        application.signed_at,
        application.disbursed_at,
    )
    stages = [
        StageOut(name=name, done=index <= reached, at=times[index] if index <= reached else None)
        for index, name in enumerate(LOAN_STAGES)
    ]
    co = None
    if application.co_applicant_id_number:
        co = CoApplicantOut(
            name_masked=(
                mask_name(application.co_applicant_name)
                if application.co_applicant_name
                else "签约时柜台核对"
            ),
            id_number_masked=mask_id_number(application.co_applicant_id_number),
        )
    method = loan_method(application.method)
    home = _home(application.home)
    return LoanApplicationOut(
        id=application.id,
        application_no=application.application_no,
        amount=to_yuan(application.amount_fen),
        term_years=application.term_years,
        method=method,
        method_label=calc.METHOD_LABELS[method],
        home=home,
        home_label=calc.HOME_LABELS[home],
        annual_rate=application.annual_rate,
        monthly_payment=to_yuan(application.monthly_payment_fen),
        property=PropertyOut(
            address=application.property_address,
            area_m2=application.property_area_m2,
            price=to_yuan(application.property_price_fen),
        ),
        co_applicant=co,
        repayment_bank=application.repayment_bank,
        repayment_card_masked=mask_card(application.repayment_card_no),
        status=application.status,
        stages=stages,
        next_step=_NEXT_STEP[application.status],
        submitted_at=application.submitted_at,
        loan_no=loan_no,
    )


def _stage_due(settings: BusinessSettings, application: LoanApplication, now: datetime) -> int:
    """The index of the stage an application has reached by ``now`` (auto progress)."""
    current = LOAN_STAGES.index(application.status)
    if not settings.auto_progress:
        return current
    elapsed = now - application.submitted_at
    reached = sum(1 for after in settings.loan_stage_after if elapsed >= after)
    return max(current, reached)


def advance(
    db: Session, settings: BusinessSettings, application: LoanApplication, now: datetime
) -> None:
    """Move an application to the stage it has reached by now; at 放款 the loan is created."""
    target = _stage_due(settings, application, now)
    current = LOAN_STAGES.index(application.status)
    if target <= current:
        return
    stamps = (None, *settings.loan_stage_after)
    for index in range(current + 1, target + 1):
        at = application.submitted_at + (stamps[index] or timedelta())
        if index == 1:
            application.approved_at = at
        elif index == 2:
            application.signed_at = at
        else:
            application.disbursed_at = at
    application.status = LOAN_STAGES[target]
    if application.status == STAGE_DISBURSED:
        exists = db.scalar(select(Loan.id).where(Loan.application_id == application.id))
        if exists is None:
            disbursed = application.disbursed_at or now
            db.add(
                Loan(
                    loan_no=new_number("JK", disbursed),
                    account_id=application.account_id,
                    application_id=application.id,
                    amount_fen=application.amount_fen,
                    term_months=application.term_years * 12,
                    method=application.method,
                    annual_rate=application.annual_rate,
                    disbursed_on=today_of(disbursed),
                    prepaid_fen=0,
                    repayment_bank=application.repayment_bank,
                    repayment_card_no=application.repayment_card_no,
                    created_at=now,
                )
            )
    db.flush()


def refresh_progress(
    factory: sessionmaker[Session], settings: BusinessSettings, account_id: int, now: datetime
) -> None:
    """Bring the account's applications up to date (in a money transaction, only when needed)."""
    with factory() as db:
        pending = db.scalars(_unfinished(account_id)).all()
        stale = any(_stage_due(settings, a, now) > LOAN_STAGES.index(a.status) for a in pending)
    if not stale:
        return
    with money_transaction(factory) as db:
        for application in db.scalars(_unfinished(account_id)):
            advance(db, settings, application, now)


def _unfinished(account_id: int) -> Select[LoanApplication]:
    """The account's applications not yet at 放款."""
    return select(LoanApplication).where(
        LoanApplication.account_id == account_id, LoanApplication.status != STAGE_DISBURSED
    )


def loan_no_of(db: Session, application_id: int) -> str | None:
    """The loan number of an application's loan, if disbursed."""
    return db.scalar(select(Loan.loan_no).where(Loan.application_id == application_id))


def _card(raw: str) -> str:
    card = re.sub(r"[\s-]", "", raw)
    if not re.fullmatch(r"\d{12,19}", card):
        raise invalid_field("repayment_card_no", "还款银行卡号应为12-19位数字，请核对后重新输入。")
    return card


def execute_loan_application(
    db: Session,
    *,
    settings: BusinessSettings,
    now: datetime,
    depositor_id: int,
    kiosk_id: str,
    body: LoanApplicationIn,
) -> Stored:
    """File a loan application (inside the money transaction).

    Raises:
        ApiError: 409 ``application_pending`` when one is still in progress; 422 per field or
            ``loan_not_eligible``; 403 without a valid step-up token.
    """
    account, depositor = locked_account(db, depositor_id)
    today = today_of(now)
    amount = parse_amount(body.amount)
    assert amount is not None
    term = _term(settings, body.term_years)
    method = loan_method(body.method)
    home = _home(body.home)
    price = parse_amount(body.property.price, "property_price")
    assert price is not None
    if price > MAX_PRICE_FEN:
        raise invalid_field("property_price", "房屋总价过大，请核对后重新填写。")
    address = body.property.address.strip()
    if len(address) < 5:
        raise invalid_field("property_address", "请填写所购住房的详细地址。")
    area = body.property.area_m2.strip()
    if not _AREA_RE.match(area) or Decimal(area) <= 0:
        raise invalid_field("property_area_m2", "建筑面积格式不正确，请填写数字，如 89.5。")
    co_name: str | None = None
    co_id: str | None = None
    if body.co_applicant is not None:
        # The kiosk has no Chinese input method: the name may be left for the counter to check
        # against the spouse's ID card at 签约; the ID number identifies the co-applicant.
        co_name = body.co_applicant.name.strip() or None
        try:
            co_id = normalise_id_number(
                body.co_applicant.id_number, today=today, field="co_applicant_id_number"
            )
        except InvalidFieldError as exc:
            raise invalid_field(exc.field, "共同申请人身份证号不正确，请核对后重新输入。") from None
        if co_id == depositor.id_number:
            raise invalid_field("co_applicant_id_number", "共同申请人不能是申请人本人。")
    bank = body.repayment_bank.strip()
    if not bank:
        raise invalid_field("repayment_bank", "请选择还款银行。")
    card = _card(body.repayment_card_no)
    consume_step_up(db, body.step_up_token, depositor_id, now)
    for application in db.scalars(_unfinished(account.id)):
        advance(db, settings, application, now)
    pending = db.scalars(_unfinished(account.id)).first()
    if pending is not None:
        raise ApiError(
            409,
            "application_pending",
            f"您已有一笔贷款申请（{pending.application_no}）正在办理（{pending.status}），"
            "办结前不能重复申请；可在“我的贷款申请”查看进度。",
            extra={"application_no": pending.application_no},
        )
    borrower = borrower_for(db, account, depositor, today)
    limit = calc.loan_limit(
        settings,
        borrower,
        couple=co_id is not None,
        term_years=term,
        method=method,
        home=home,
        today=today,
        property_price_fen=price,
    )
    problems = limit.check(amount, term)
    if problems:
        first = problems[0]
        raise ApiError(
            422,
            first.code if first.field else "loan_not_eligible",
            first.message,
            field=first.field,
            extra={
                "max_amount": to_yuan(limit.max_amount_fen),
                "max_term_years": limit.max_term_years,
            },
        )
    rate = calc.annual_rate(settings, home, term)
    schedule = calc.build_schedule(amount, term * 12, method, rate)
    application = LoanApplication(
        application_no=new_number("DK", now),
        account_id=account.id,
        amount_fen=amount,
        term_years=term,
        method=method,
        home=home,
        annual_rate=f"{rate.normalize():f}",
        monthly_payment_fen=schedule.monthly_payment_fen,
        property_address=address,
        property_area_m2=area,
        property_price_fen=price,
        co_applicant_name=co_name,
        co_applicant_id_number=co_id,
        repayment_bank=bank,
        repayment_card_no=card,
        status=STAGE_ACCEPTED,
        kiosk_id=kiosk_id,
        submitted_at=now,
    )
    db.add(application)
    db.flush()
    return Stored(201, application_view(application, None).model_dump(mode="json"))


def loan_view(loan: Loan, today: date) -> LoanOut:
    """A loan with its schedule and position today."""
    schedule, paid, outstanding = loan_position(loan, today)
    method = loan_method(loan.method)
    remaining_periods = loan.term_months - paid if outstanding > 0 else 0
    next_due = due_date(loan.disbursed_on, paid + 1) if remaining_periods else None
    return LoanOut(
        loan_no=loan.loan_no,
        amount=to_yuan(loan.amount_fen),
        term_months=loan.term_months,
        method=method,
        method_label=calc.METHOD_LABELS[method],
        annual_rate=loan.annual_rate,
        disbursed_on=loan.disbursed_on,
        monthly_payment=to_yuan(schedule.monthly_payment_fen),
        paid_periods=paid,
        remaining_periods=remaining_periods,
        outstanding_principal=to_yuan(outstanding),
        prepaid=to_yuan(loan.prepaid_fen),
        next_due_date=next_due,
        next_payment=(
            to_yuan(schedule.installments[paid].payment_fen) if next_due is not None else None
        ),
        repayment_bank=loan.repayment_bank,
        repayment_card_masked=mask_card(loan.repayment_card_no),
        schedule=_schedule_out(schedule),
    )
