"""Signed-in business routes (个人账户 · 信息查询 · 我要贷款 · 我要提取), mounted under /api/v1.

Money POSTs (``/me/withdrawals``, ``/me/loan-applications``) need an ``Idempotency-Key`` header
and a ``step_up_token`` obtained with ``POST /me/otp`` + ``POST /me/otp/verify``; see
:mod:`center.business.idempotency` for the replay rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Protocol, TypeVar

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response, status
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from center.api.codes import challenge_out
from center.api.deps import ClockDep, CurrentUser, DbSession, KioskId, OtpCtx, SettingsDep
from center.business import (
    account_service,
    facts,
    idempotency,
    loan_service,
    service_common,
    withdrawal_service,
)
from center.business.config import BusinessSettings
from center.business.idempotency import Stored
from center.business.models import IDEMPOTENCY_DONE, Loan, LoanApplication
from center.business.schemas import (
    AccountOut,
    HistoryOut,
    LoanApplicationIn,
    LoanApplicationOut,
    LoanOut,
    LoanQuoteIn,
    LoanQuoteOut,
    LoanRatesOut,
    RequestOutcomeOut,
    StepUpChallengeOut,
    StepUpTokenOut,
    StepUpVerifyIn,
    WithdrawalIn,
    WithdrawalOut,
    WithdrawalResultOut,
    WithdrawalTypeOut,
)
from center.clock import Clock
from center.errors import ApiError
from center.models import User
from center.schemas import Items
from center.services import otp
from center.services.signin import authenticate

router = APIRouter(tags=["business"])

IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key")]


def get_business_settings(request: Request, settings: SettingsDep) -> BusinessSettings:
    """``app.state.business_settings``, or the reference values (auto progress in demo mode)."""
    current: BusinessSettings | None = getattr(request.app.state, "business_settings", None)
    if current is None:
        current = BusinessSettings(auto_progress=settings.demo)
        request.app.state.business_settings = current
    return current


def get_factory(request: Request) -> sessionmaker[Session]:
    """The application's session factory (money transactions open their own sessions)."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    return factory


def get_optional_user(
    db: DbSession,
    clock: ClockDep,
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
) -> User | None:
    """The signed-in user when a bearer token is sent (401 when it is no longer valid)."""
    if not authorization:
        return None
    return authenticate(db, clock, settings, authorization).user


def release_connection(db: Session) -> None:
    """Give the request session's connection back to the pool before a money transaction.

    Money transactions and progress updates open their own sessions; a request holding two
    connections at once could exhaust the pool under many parallel requests and deadlock.
    """
    db.close()


Business = Annotated[BusinessSettings, Depends(get_business_settings)]
Factory = Annotated[sessionmaker[Session], Depends(get_factory)]
OptionalUser = Annotated[User | None, Depends(get_optional_user)]


_BodyT_contra = TypeVar("_BodyT_contra", bound=BaseModel, contravariant=True)
_Body = TypeVar("_Body", bound=BaseModel)


class MoneyOperation(Protocol[_BodyT_contra]):
    """A money operation such as :func:`~center.business.withdrawal_service.execute_withdrawal`
    (runs inside the money transaction)."""

    def __call__(
        self,
        db: Session,
        *,
        settings: BusinessSettings,
        now: datetime,
        depositor_id: int,
        kiosk_id: str,
        body: _BodyT_contra,
    ) -> Stored: ...


@dataclass(frozen=True)
class MoneyPost:
    """A money POST of a signed-in user, ready to run once under its ``Idempotency-Key``."""

    path: str
    user_id: int
    depositor_id: int
    clock: Clock
    business: BusinessSettings
    factory: sessionmaker[Session]
    kiosk_id: str
    key: str | None

    def run(self, operation: MoneyOperation[_Body], body: _Body) -> Response:
        """Execute ``operation`` with ``body`` (or replay its first answer); see
        :func:`center.business.idempotency.run`."""

        def execute(db: Session) -> Stored:
            return operation(
                db,
                settings=self.business,
                now=self.clock.now(),
                depositor_id=self.depositor_id,
                kiosk_id=self.kiosk_id,
                body=body,
            )

        return idempotency.run(
            self.factory,
            self.clock,
            self.business,
            user_id=self.user_id,
            key=self.key,
            method="POST",
            path=self.path,
            body=body.model_dump(mode="json"),
            execute=execute,
        )


def get_money_post(
    *,
    request: Request,
    user: CurrentUser,
    db: DbSession,
    clock: ClockDep,
    business: Business,
    factory: Factory,
    kiosk_id: KioskId,
    idempotency_key: IdempotencyKey = None,
) -> MoneyPost:
    """The context of a money POST; the request session's connection is released first."""
    money = MoneyPost(
        path=request.url.path,
        user_id=user.id,
        depositor_id=user.depositor_id,
        clock=clock,
        business=business,
        factory=factory,
        kiosk_id=kiosk_id,
        key=idempotency_key,
    )
    release_connection(db)
    return money


MoneyPostDep = Annotated[MoneyPost, Depends(get_money_post)]


# -- account -------------------------------------------------------------------------------------
@router.get("/me/account", response_model=AccountOut)
def my_account(user: CurrentUser, db: DbSession) -> AccountOut:
    """The personal account (个人账户), masked."""
    account = service_common.get_account(db, user.depositor_id)
    return account_service.account_view(account, user.depositor)


@router.get("/me/deposits", response_model=HistoryOut, response_model_by_alias=True)
def my_deposits(
    *,
    user: CurrentUser,
    db: DbSession,
    clock: ClockDep,
    from_month: Annotated[str | None, Query(alias="from", max_length=16)] = None,
    to_month: Annotated[str | None, Query(alias="to", max_length=16)] = None,
    page: Annotated[int, Query()] = 1,
    page_size: Annotated[int, Query()] = 20,
) -> HistoryOut:
    """The history (缴存明细) between two months (default: the last 12), newest first."""
    account = service_common.get_account(db, user.depositor_id)
    return account_service.history(
        db,
        account,
        service_common.today_of(clock.now()),
        from_month=from_month,
        to_month=to_month,
        page=page,
        page_size=page_size,
    )


# -- step-up ---------------------------------------------------------------------------------------
@router.post("/me/otp", response_model=StepUpChallengeOut, status_code=status.HTTP_202_ACCEPTED)
def send_step_up(
    user: CurrentUser, db: DbSession, ctx: OtpCtx, kiosk_id: KioskId
) -> StepUpChallengeOut:
    """Send a step-up code to the phone on file before a money operation."""
    challenge = otp.issue_challenge(
        db, ctx, depositor=user.depositor, purpose=otp.STEP_UP, kiosk_id=kiosk_id
    )
    return challenge_out(challenge, ctx, StepUpChallengeOut)


def _own_challenge(db: Session, user: User, challenge_id: str) -> None:
    challenge = otp.find_challenge(db, challenge_id[:128], otp.STEP_UP)
    if challenge.depositor_id != user.depositor_id:
        raise ApiError(410, "otp_expired", otp.CHALLENGE_GONE_MESSAGE, field="code")


@router.post(
    "/me/otp/{challenge_id}/resend",
    response_model=StepUpChallengeOut,
    status_code=status.HTTP_202_ACCEPTED,
)
def resend_step_up(
    challenge_id: str, user: CurrentUser, db: DbSession, ctx: OtpCtx, kiosk_id: KioskId
) -> StepUpChallengeOut:
    """Send a new step-up code for the same challenge (the old code becomes void)."""
    _own_challenge(db, user, challenge_id)
    challenge = otp.resend_challenge(
        db, ctx, challenge_id=challenge_id, purpose=otp.STEP_UP, kiosk_id=kiosk_id
    )
    return challenge_out(challenge, ctx, StepUpChallengeOut)


@router.post("/me/otp/verify", response_model=StepUpTokenOut)
def verify_step_up(
    body: StepUpVerifyIn, user: CurrentUser, db: DbSession, ctx: OtpCtx
) -> StepUpTokenOut:
    """Check the step-up code; the token authorises one money request."""
    _own_challenge(db, user, body.challenge_id)
    challenge = otp.verify_challenge(
        db, ctx, challenge_id=body.challenge_id, purpose=otp.STEP_UP, code=body.code.strip()
    )
    token = otp.issue_grant(db, ctx, challenge)
    return StepUpTokenOut(step_up_token=token, expires_in=ctx.settings.grant_lifetime)


# -- withdrawals -------------------------------------------------------------------------------
@router.get("/withdrawal-types", response_model=Items[WithdrawalTypeOut])
def list_withdrawal_types(
    db: DbSession, clock: ClockDep, business: Business, user: OptionalUser
) -> Items[WithdrawalTypeOut]:
    """Withdrawal reasons with rules and materials; signed in, with the resident's maximum."""
    now = clock.now()
    known = facts.with_facts_for_depositor(db, user.depositor, now) if user else None
    return Items[WithdrawalTypeOut](
        items=withdrawal_service.types_view(business, known, service_common.today_of(now))
    )


@router.get("/me/withdrawals", response_model=Items[WithdrawalOut])
def my_withdrawals(user: CurrentUser, db: DbSession, clock: ClockDep) -> Items[WithdrawalOut]:
    """The resident's withdrawals and counter slips, newest first."""
    account = service_common.get_account(db, user.depositor_id)
    return Items[WithdrawalOut](
        items=withdrawal_service.list_withdrawals(
            db, account, user.depositor.center_id, clock.now()
        )
    )


@router.post(
    "/me/withdrawals",
    status_code=status.HTTP_201_CREATED,
    response_model=None,
    responses={201: {"model": WithdrawalResultOut}},
)
def create_withdrawal(body: WithdrawalIn, money: MoneyPostDep) -> Response:
    """Settle a withdrawal at once (online types) or issue a counter slip (other types)."""
    return money.run(withdrawal_service.execute_withdrawal, body)


@router.get("/me/requests/{key}", response_model=RequestOutcomeOut)
def request_outcome(key: str, user: CurrentUser, db: DbSession) -> RequestOutcomeOut:
    """Ask what became of a money request (by its ``Idempotency-Key``) without resending it.

    404 ``request_unknown`` means the center never received it: sending it again with the same
    key and body is safe.
    """
    checked = idempotency.check_key(key)
    record = idempotency.lookup(db, user_id=user.id, key=checked)
    if record is None:
        raise ApiError(
            404,
            "request_unknown",
            "中心未收到这笔申请，可以放心重新提交（系统会自动使用原业务流水号）。",
        )
    done = record.status == IDEMPOTENCY_DONE
    return RequestOutcomeOut(
        key=record.key,
        state=record.status,
        method=record.method,
        path=record.path,
        status=record.response_status if done else None,
        body=json.loads(record.response_body) if done and record.response_body else None,
    )


# -- loans -------------------------------------------------------------------------------------
@router.get("/loan-rates", response_model=LoanRatesOut)
def loan_rates(business: Business) -> LoanRatesOut:
    """The current loan rates and limits of the center."""
    return loan_service.rates_view(business)


@router.post("/loan-quotes", response_model=LoanQuoteOut)
def loan_quote(
    body: LoanQuoteIn, db: DbSession, clock: ClockDep, business: Business, user: OptionalUser
) -> LoanQuoteOut:
    """The calculator: payments and schedule; signed in, also the limit with its reasons."""
    today = service_common.today_of(clock.now())
    borrower = None
    if user is not None:
        account = service_common.get_account(db, user.depositor_id)
        borrower = loan_service.borrower_for(db, account, user.depositor, today)
    return loan_service.quote(business, body, borrower, today)


@router.get("/me/loan-applications", response_model=Items[LoanApplicationOut])
def my_loan_applications(
    user: CurrentUser, db: DbSession, clock: ClockDep, business: Business, factory: Factory
) -> Items[LoanApplicationOut]:
    """The resident's loan applications with their progress, newest first."""
    account = service_common.get_account(db, user.depositor_id)
    release_connection(db)
    loan_service.refresh_progress(factory, business, account.id, clock.now())
    with factory() as fresh:
        rows = fresh.scalars(
            select(LoanApplication)
            .where(LoanApplication.account_id == account.id)
            .order_by(LoanApplication.id.desc())
        ).all()
        items = [
            loan_service.application_view(a, loan_service.loan_no_of(fresh, a.id)) for a in rows
        ]
    return Items[LoanApplicationOut](items=items)


@router.get("/me/loan-applications/{application_id}", response_model=LoanApplicationOut)
def my_loan_application(
    *,
    application_id: Annotated[int, Path(ge=1, le=2_147_483_647)],
    user: CurrentUser,
    db: DbSession,
    clock: ClockDep,
    business: Business,
    factory: Factory,
) -> LoanApplicationOut:
    """One application and its progress (受理 → 审批 → 签约 → 放款)."""
    account = service_common.get_account(db, user.depositor_id)
    release_connection(db)
    loan_service.refresh_progress(factory, business, account.id, clock.now())
    with factory() as fresh:
        application = fresh.get(LoanApplication, application_id)
        if application is None or application.account_id != account.id:
            raise ApiError(404, "application_not_found", "未找到这笔贷款申请，请返回列表重新选择。")
        return loan_service.application_view(
            application, loan_service.loan_no_of(fresh, application.id)
        )


@router.post(
    "/me/loan-applications",
    status_code=status.HTTP_201_CREATED,
    response_model=None,
    responses={201: {"model": LoanApplicationOut}},
)
def create_loan_application(body: LoanApplicationIn, money: MoneyPostDep) -> Response:
    """File a loan application (one pending application per account)."""
    return money.run(loan_service.execute_loan_application, body)


@router.get("/me/loans", response_model=Items[LoanOut])
def my_loans(
    user: CurrentUser, db: DbSession, clock: ClockDep, business: Business, factory: Factory
) -> Items[LoanOut]:
    """The resident's loans with schedule and outstanding principal."""
    account = service_common.get_account(db, user.depositor_id)
    release_connection(db)
    now = clock.now()
    loan_service.refresh_progress(factory, business, account.id, now)
    today = service_common.today_of(now)
    with factory() as fresh:
        loans = fresh.scalars(
            select(Loan).where(Loan.account_id == account.id).order_by(Loan.id.desc())
        ).all()
        return Items[LoanOut](items=[loan_service.loan_view(loan, today) for loan in loans])
