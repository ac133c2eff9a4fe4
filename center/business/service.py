"""Database-facing business operations behind the routes: views, withdrawals, loan applications.

Money operations (:func:`execute_withdrawal`, :func:`execute_loan_application`) run inside the
money transaction opened by :func:`center.business.idempotency.run` and raise
:class:`~center.errors.ApiError` for every refusal, which rolls back anything they did.
"""

from __future__ import annotations

import math
import re
import secrets
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from center.business import loans as calc
from center.business.config import CHINA_TZ, BusinessSettings
from center.business.idempotency import Stored
from center.business.ledger import (
    LedgerError,
    business_date,
    lock_account,
    money_transaction,
    post,
)
from center.business.models import (
    KIND_DEPOSIT,
    KIND_INTEREST,
    KIND_LABELS,
    KIND_WITHDRAWAL,
    LOAN_STAGES,
    STAGE_ACCEPTED,
    STAGE_APPROVED,
    STAGE_DISBURSED,
    STAGE_SIGNED,
    WITHDRAWAL_AT_COUNTER,
    WITHDRAWAL_EXPIRED,
    WITHDRAWAL_SETTLED,
    Account,
    LedgerEntry,
    Loan,
    LoanApplication,
    Withdrawal,
)
from center.business.money import (
    AmountError,
    chinese_amount,
    parse_yuan,
    to_yuan,
    to_yuan_display,
)
from center.business.people import Person, add_months, month_of
from center.business.schemas import (
    AccountOut,
    CoApplicantOut,
    CounterOut,
    EntryOut,
    HistoryOut,
    HistoryTotals,
    InstallmentOut,
    LimitItemOut,
    LimitOut,
    LoanApplicationIn,
    LoanApplicationOut,
    LoanOut,
    LoanQuoteIn,
    LoanQuoteOut,
    LoanRatesOut,
    PrintOut,
    ProblemOut,
    PropertyOut,
    RateSet,
    ReceiptLine,
    StageOut,
    WithdrawalIn,
    WithdrawalOut,
    WithdrawalResultOut,
    WithdrawalTypeOut,
)
from center.business.withdrawals import (
    COUNTER_TEXT,
    AccountFacts,
    WithdrawalType,
    allowance,
    find_type,
    withdrawal_types,
)
from center.errors import HOTLINE, ApiError, invalid_field
from center.models import ACCOUNT_CLOSED, Depositor, ServicePoint, VerificationGrant
from center.security import hash_token
from center.services.masking import mask_id_number, mask_name
from center.services.otp import STEP_UP
from center.validation import InvalidFieldError, normalise_id_number

_MONTH_RE = re.compile(r"^(19|20|21)\d{2}-(0[1-9]|1[0-2])$")
_AREA_RE = re.compile(r"^\d{1,5}(\.\d{1,2})?$")
MAX_PRICE_FEN = 100_000_000_000  # one billion yuan
NO_ACCOUNT_MESSAGE = (
    f"未查询到您的公积金账户，请携带身份证到柜台核实，或拨打{HOTLINE}热线咨询。"
)
STEP_UP_MESSAGE = "为保障资金安全，请先获取并填写发送到您预留手机的短信验证码。"
STEP_UP_GONE_MESSAGE = "短信验证已失效或已使用，请重新获取短信验证码后再提交。"


# -- small helpers ----------------------------------------------------------------------------
def today_of(now: datetime) -> date:
    """The business date (Beijing) of an instant."""
    return business_date(now)


def mask_account_no(number: str) -> str:
    """``6401******5678``: first 4 and last 4 visible."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_card(number: str) -> str:
    """``6217 **** **** 1234``: first 4 and last 4 visible."""
    if len(number) <= 8:
        return "*" * len(number)
    return f"{number[:4]} **** **** {number[-4:]}"


def _new_number(prefix: str, now: datetime) -> str:
    return f"{prefix}{now.astimezone(CHINA_TZ):%Y%m%d}{secrets.randbelow(10**10):010d}"


def _person(depositor: Depositor) -> Person | None:
    try:
        return Person.from_id_number(depositor.id_number)
    except ValueError:
        return None


def parse_amount(raw: str | None, field: str = "amount", *, required: bool = True) -> int | None:
    """Parse a request amount into fen.

    Raises:
        ApiError: 422 for the field when missing or not an amount.
    """
    if raw is None or not raw.strip():
        if required:
            raise invalid_field(field, "请填写金额后再提交。", "missing_field")
        return None
    try:
        fen = parse_yuan(raw)
    except AmountError:
        raise invalid_field(
            field, "金额格式不正确，请填写数字，最多保留两位小数，如 1234.56。"
        ) from None
    if fen <= 0:
        raise invalid_field(field, "金额必须大于0，请重新填写。")
    return fen


def get_account(db: Session, depositor_id: int) -> Account:
    """The depositor's account.

    Raises:
        ApiError: 404 ``account_not_found``.
    """
    account = db.scalars(select(Account).where(Account.depositor_id == depositor_id)).first()
    if account is None:
        raise ApiError(404, "account_not_found", NO_ACCOUNT_MESSAGE)
    return account


def counters_for(db: Session, center_id: str, service: str) -> list[CounterOut]:
    """The service points of a center that handle ``service`` (e.g. ``提取业务``)."""
    points = db.scalars(
        select(ServicePoint)
        .where(ServicePoint.center_id == center_id)
        .order_by(ServicePoint.sort_order, ServicePoint.id)
    ).all()
    return [
        CounterOut(id=p.id, name=p.name, address=p.address, phone=p.phone, note=p.note)
        for p in points
        if service in (p.services or [])
    ]


# -- facts --------------------------------------------------------------------------------------
def deposit_streak(db: Session, account: Account) -> int:
    """Consecutive months deposited, ending at the last deposit month."""
    periods = db.scalars(
        select(LedgerEntry.period)
        .where(
            LedgerEntry.account_id == account.id,
            LedgerEntry.kind == KIND_DEPOSIT,
            LedgerEntry.period.is_not(None),
        )
        .distinct()
        .order_by(LedgerEntry.period.desc())
    ).all()
    streak = 0
    expected = account.last_deposit_month
    for period in periods:
        if period != expected:
            break
        streak += 1
        expected = add_months(period, -1) if period else None
    return streak


def rent_withdrawn_in_year(db: Session, account_id: int, year: int) -> int:
    """Rent withdrawn in a calendar year (Beijing)."""
    start = datetime(year, 1, 1, tzinfo=CHINA_TZ)
    end = datetime(year + 1, 1, 1, tzinfo=CHINA_TZ)
    total = db.scalar(
        select(func.coalesce(func.sum(Withdrawal.amount_fen), 0)).where(
            Withdrawal.account_id == account_id,
            Withdrawal.type_code == "rent",
            Withdrawal.status == WITHDRAWAL_SETTLED,
            Withdrawal.settled_at >= start,
            Withdrawal.settled_at < end,
        )
    )
    return int(total or 0)


def _due_date(start: date, period: int) -> date:
    month = add_months(month_of(start), period)
    return date(int(month[:4]), int(month[5:7]), min(start.day, 28))


def loan_position(loan: Loan, today: date) -> tuple[calc.Schedule, int, int]:
    """The schedule of a loan, the periods due by ``today`` and the outstanding principal."""
    schedule = calc.build_schedule(
        loan.amount_fen, loan.term_months, _method(loan.method), Decimal(loan.annual_rate)
    )
    paid = sum(
        1 for k in range(1, loan.term_months + 1) if _due_date(loan.disbursed_on, k) <= today
    )
    remaining = loan.amount_fen if paid == 0 else schedule.installments[paid - 1].remaining_fen
    return schedule, paid, max(0, remaining - loan.prepaid_fen)


def open_loans(db: Session, account_id: int, today: date) -> list[tuple[Loan, int]]:
    """The account's loans with principal still owed, and that principal."""
    result = []
    for loan in db.scalars(select(Loan).where(Loan.account_id == account_id).order_by(Loan.id)):
        outstanding = loan_position(loan, today)[2]
        if outstanding > 0:
            result.append((loan, outstanding))
    return result


def account_facts(db: Session, account: Account, depositor: Depositor, today: date) -> AccountFacts:
    """Everything the withdrawal rules need about one account now."""
    return AccountFacts(
        person=_person(depositor),
        status=account.status,
        balance_fen=account.balance_fen,
        deposit_months=deposit_streak(db, account),
        last_deposit_month=account.last_deposit_month,
        rent_withdrawn_this_year_fen=rent_withdrawn_in_year(db, account.id, today.year),
        loan_outstanding_fen=sum(o for _, o in open_loans(db, account.id, today)),
    )


# -- account and history -----------------------------------------------------------------------
def account_view(account: Account, depositor: Depositor) -> AccountOut:
    """The personal account as the kiosk shows it."""
    employee = _part(account.deposit_base_fen, account.employee_rate)
    employer = _part(account.deposit_base_fen, account.employer_rate)
    return AccountOut(
        account_no_masked=mask_account_no(account.account_no),
        name_masked=mask_name(depositor.name),
        id_number_masked=mask_id_number(depositor.id_number),
        center_id=depositor.center_id,
        center_name=depositor.center.name,
        status=account.status,
        employer=account.employer,
        deposit_base=to_yuan(account.deposit_base_fen),
        employee_rate_percent=account.employee_rate,
        employer_rate_percent=account.employer_rate,
        employee_monthly=to_yuan(employee),
        employer_monthly=to_yuan(employer),
        monthly_amount=to_yuan(account.monthly_amount_fen),
        balance=to_yuan(account.balance_fen),
        opened_on=account.opened_on,
        last_deposit_month=account.last_deposit_month,
        bank_name=account.bank_name,
        bank_card_masked=mask_card(account.bank_card_no),
    )


def _part(base_fen: int, rate: int) -> int:
    """One side's monthly deposit: base × rate, rounded half up to the whole yuan."""
    return (base_fen * rate + 5000) // 10000 * 100


def monthly_parts(base_fen: int, employee_rate: int, employer_rate: int) -> tuple[int, int]:
    """The employee's and the employer's monthly deposit (each rounded to the yuan)."""
    return _part(base_fen, employee_rate), _part(base_fen, employer_rate)


def _month(raw: str | None, field: str, default: str) -> str:
    if raw is None or not raw.strip():
        return default
    value = raw.strip()
    if not _MONTH_RE.match(value):
        raise invalid_field(field, "月份格式不正确，请按“年-月”选择，如 2024-06。")
    return value


def history(
    db: Session,
    account: Account,
    today: date,
    *,
    from_month: str | None,
    to_month: str | None,
    page: int,
    page_size: int,
) -> HistoryOut:
    """The account history (缴存明细) between two months, newest first.

    Raises:
        ApiError: 422 for a bad month, a reversed range or a bad page.
    """
    last = _month(to_month, "to", month_of(today))
    first = _month(from_month, "from", add_months(last, -11))
    if first > last:
        raise invalid_field("from", "起始月份不能晚于结束月份，请重新选择。")
    if page < 1 or page > 100_000:
        raise invalid_field("page", "页码不正确。")
    if page_size < 1 or page_size > 100:
        raise invalid_field("page_size", "每页条数应为1-100。")
    start = date(int(first[:4]), int(first[5:7]), 1)
    after = add_months(last, 1)
    end = date(int(after[:4]), int(after[5:7]), 1)
    where = (
        LedgerEntry.account_id == account.id,
        LedgerEntry.posted_on >= start,
        LedgerEntry.posted_on < end,
    )
    sums: dict[str, int] = {
        str(kind): int(total or 0)
        for kind, total in db.execute(
            select(LedgerEntry.kind, func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
            .where(*where)
            .group_by(LedgerEntry.kind)
        ).all()
    }
    total = int(db.scalar(select(func.count(LedgerEntry.id)).where(*where)) or 0)
    rows = db.scalars(
        select(LedgerEntry)
        .where(*where)
        .order_by(LedgerEntry.seq.desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    items = [
        EntryOut(
            seq=row.seq,
            date=row.posted_on,
            kind=row.kind,
            kind_label=KIND_LABELS.get(row.kind, row.kind),
            summary=row.summary,
            period=row.period,
            amount=to_yuan(row.amount_fen),
            employee_part=None if row.employee_part_fen is None else to_yuan(row.employee_part_fen),
            employer_part=None if row.employer_part_fen is None else to_yuan(row.employer_part_fen),
            balance_after=to_yuan(row.balance_after_fen),
            reference=row.reference,
        )
        for row in rows
    ]
    return HistoryOut(
        from_month=first,
        to_month=last,
        page=page,
        page_size=page_size,
        pages=max(1, math.ceil(total / page_size)),
        total=total,
        totals=HistoryTotals(
            count=total,
            deposits=to_yuan(int(sums.get(KIND_DEPOSIT, 0))),
            withdrawals=to_yuan(-int(sums.get(KIND_WITHDRAWAL, 0))),
            interest=to_yuan(int(sums.get(KIND_INTEREST, 0))),
        ),
        items=items,
    )


# -- step-up ------------------------------------------------------------------------------------
def consume_step_up(db: Session, token: str | None, depositor_id: int, now: datetime) -> None:
    """Use up a step-up token inside the money transaction (undone if the request is refused).

    Raises:
        ApiError: 403 ``step_up_required`` without a token, ``step_up_invalid`` for an unknown,
            used, expired or foreign one.
    """
    if not token:
        raise ApiError(403, "step_up_required", STEP_UP_MESSAGE, field="step_up_token")
    grant = db.scalars(
        select(VerificationGrant)
        .where(VerificationGrant.token_hash == hash_token(token))
        .with_for_update()
    ).one_or_none()
    if (
        grant is None
        or grant.purpose != STEP_UP
        or grant.depositor_id != depositor_id
        or grant.used_at is not None
        or now >= grant.expires_at
    ):
        raise ApiError(403, "step_up_invalid", STEP_UP_GONE_MESSAGE, field="step_up_token")
    grant.used_at = now


# -- withdrawals ----------------------------------------------------------------------------------
def types_view(
    settings: BusinessSettings, facts: AccountFacts | None, today: date
) -> list[WithdrawalTypeOut]:
    """The withdrawal types, with the resident's maximum for each when ``facts`` is given."""
    items = []
    for kind in withdrawal_types(settings):
        item = WithdrawalTypeOut(
            code=kind.code,
            name=kind.name,
            rule=kind.rule,
            materials=list(kind.materials),
            online=kind.online,
            closes_account=kind.closes_account,
        )
        if facts is not None:
            allowed = allowance(settings, kind, facts, today)
            item.max_amount = to_yuan(allowed.max_fen)
            item.max_reason = allowed.reason
            item.available = allowed.available
            item.whole_balance = allowed.whole_balance
        items.append(item)
    return items


def withdrawal_view(
    withdrawal: Withdrawal, counters: list[CounterOut], now: datetime
) -> WithdrawalOut:
    """A withdrawal as the kiosk shows it (a slip past its date reads 已过期)."""
    status = withdrawal.status
    if (
        status == WITHDRAWAL_AT_COUNTER
        and withdrawal.valid_until is not None
        and now >= withdrawal.valid_until
    ):
        status = WITHDRAWAL_EXPIRED
    online = withdrawal.ledger_entry_id is not None
    return WithdrawalOut(
        withdrawal_no=withdrawal.withdrawal_no,
        type=withdrawal.type_code,
        type_name=withdrawal.type_name,
        amount=None if withdrawal.amount_fen is None else to_yuan(withdrawal.amount_fen),
        status=status,
        online=online,
        bank_name=withdrawal.bank_name,
        bank_card_masked=withdrawal.bank_card_masked,
        balance_after=(
            None if withdrawal.balance_after_fen is None else to_yuan(withdrawal.balance_after_fen)
        ),
        created_at=withdrawal.created_at,
        settled_at=withdrawal.settled_at,
        materials=list(withdrawal.materials or []),
        counter_text=withdrawal.counter_text,
        valid_until=withdrawal.valid_until,
        counters=[] if online else counters,
    )


def list_withdrawals(
    db: Session, account: Account, center_id: str, now: datetime
) -> list[WithdrawalOut]:
    """The account's withdrawals, newest first."""
    counters = counters_for(db, center_id, "提取业务")
    rows = db.scalars(
        select(Withdrawal).where(Withdrawal.account_id == account.id).order_by(Withdrawal.id.desc())
    ).all()
    return [withdrawal_view(row, counters, now) for row in rows]


def _beijing(now: datetime) -> str:
    return f"{now.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}"


def execute_withdrawal(
    db: Session,
    *,
    settings: BusinessSettings,
    now: datetime,
    depositor_id: int,
    kiosk_id: str,
    body: WithdrawalIn,
) -> Stored:
    """Settle an online withdrawal or issue a counter slip (inside the money transaction).

    Raises:
        ApiError: every refusal (unknown type, not allowed now, amount over the maximum, no
            step-up, insufficient balance, closed account).
    """
    kind = find_type(settings, body.type.strip())
    if kind is None:
        raise invalid_field("type", "请选择提取原因。", "unknown_withdrawal_type")
    account = get_account(db, depositor_id)
    locked = lock_account(db, account.id)
    if locked is None:  # pragma: no cover - it was just read
        raise ApiError(404, "account_not_found", NO_ACCOUNT_MESSAGE)
    account = locked
    depositor = db.get(Depositor, depositor_id)
    if depositor is None:  # pragma: no cover - the user's own depositor
        raise ApiError(404, "account_not_found", NO_ACCOUNT_MESSAGE)
    today = today_of(now)
    counters = counters_for(db, depositor.center_id, "提取业务")
    if not kind.online:
        return _counter_slip(db, settings, now, account, depositor, kind, kiosk_id, body, counters)
    amount = parse_amount(body.amount)
    assert amount is not None
    consume_step_up(db, body.step_up_token, depositor_id, now)
    facts = account_facts(db, account, depositor, today)
    allowed = allowance(settings, kind, facts, today)
    if not allowed.available:
        raise ApiError(422, "withdrawal_not_allowed", allowed.reason, field="type")
    if allowed.whole_balance and amount != account.balance_fen:
        raise invalid_field(
            "amount",
            f"{kind.name}提取需一次提取全部余额{to_yuan_display(account.balance_fen)}并销户。",
            "whole_balance_required",
        )
    if amount < settings.min_withdrawal_fen:
        raise invalid_field(
            "amount", f"提取金额不能低于{to_yuan_display(settings.min_withdrawal_fen)}。"
        )
    if amount > allowed.max_fen:
        raise ApiError(
            422,
            "amount_over_limit",
            f"本次最多可提取{to_yuan_display(allowed.max_fen)}，请调低金额。{allowed.reason}",
            field="amount",
            extra={"max_amount": to_yuan(allowed.max_fen)},
        )
    number = _new_number("TQ", now)
    try:
        entry = post(
            db,
            account,
            kind=KIND_WITHDRAWAL,
            amount_fen=-amount,
            now=now,
            summary=f"{kind.name}提取",
            reference=number,
        )
    except LedgerError as exc:
        raise ApiError(409, exc.code, exc.message, field="amount") from None
    if kind.code == "loan_repayment":
        left = amount
        for loan, outstanding in open_loans(db, account.id, today):
            share = min(left, outstanding)
            loan.prepaid_fen += share
            left -= share
    if kind.closes_account:
        account.status = ACCOUNT_CLOSED
        depositor.account_status = ACCOUNT_CLOSED
    withdrawal = Withdrawal(
        withdrawal_no=number,
        account_id=account.id,
        type_code=kind.code,
        type_name=kind.name,
        amount_fen=amount,
        status=WITHDRAWAL_SETTLED,
        bank_name=account.bank_name,
        bank_card_masked=mask_card(account.bank_card_no),
        ledger_entry_id=entry.id,
        balance_after_fen=entry.balance_after_fen,
        materials=[],
        counter_text=None,
        valid_until=None,
        kiosk_id=kiosk_id,
        created_at=now,
        settled_at=now,
    )
    db.add(withdrawal)
    db.flush()
    lines = [
        ("业务类型", f"{kind.name}提取"),
        ("业务流水号", number),
        ("姓名", mask_name(depositor.name)),
        ("个人账号", mask_account_no(account.account_no)),
        ("提取金额", f"{to_yuan_display(amount)}（{chinese_amount(amount)}）"),
        ("收款银行", account.bank_name),
        ("收款卡号", mask_card(account.bank_card_no)),
        ("提取后余额", to_yuan_display(entry.balance_after_fen)),
        ("办理时间", _beijing(now)),
        ("办理渠道", f"自助终端 {kiosk_id}"),
    ]
    if kind.closes_account:
        lines.append(("账户状态", "已销户"))
    receipt = PrintOut(
        title="住房公积金提取业务回单",
        lines=[ReceiptLine(label=a, value=b) for a, b in lines],
        footer=(
            "提取资金已实时划转至您的银行卡，到账时间以银行为准。"
            f"如有疑问请拨打{HOTLINE}热线。"
        ),
    )
    result = WithdrawalResultOut(
        withdrawal=withdrawal_view(withdrawal, counters, now),
        balance=to_yuan(account.balance_fen),
        receipt=receipt,
    )
    return Stored(201, result.model_dump(mode="json"))


def _counter_slip(  # noqa: PLR0917
    db: Session,
    settings: BusinessSettings,
    now: datetime,
    account: Account,
    depositor: Depositor,
    kind: WithdrawalType,
    kiosk_id: str,
    body: WithdrawalIn,
    counters: list[CounterOut],
) -> Stored:
    """A slip for a type that needs documents: what to bring to which counter (no money moves)."""
    if account.status == ACCOUNT_CLOSED:
        raise ApiError(422, "withdrawal_not_allowed", "您的公积金账户已销户，无余额可提取。")
    amount = parse_amount(body.amount, required=False)
    number = _new_number("YY", now)
    valid_until = now + timedelta(days=settings.counter_slip_valid_days)
    withdrawal = Withdrawal(
        withdrawal_no=number,
        account_id=account.id,
        type_code=kind.code,
        type_name=kind.name,
        amount_fen=amount,
        status=WITHDRAWAL_AT_COUNTER,
        bank_name=account.bank_name,
        bank_card_masked=mask_card(account.bank_card_no),
        ledger_entry_id=None,
        balance_after_fen=None,
        materials=list(kind.materials),
        counter_text=COUNTER_TEXT,
        valid_until=valid_until,
        kiosk_id=kiosk_id,
        created_at=now,
        settled_at=None,
    )
    db.add(withdrawal)
    db.flush()
    lines = [
        ("业务类型", f"{kind.name}提取"),
        ("清单编号", number),
        ("姓名", mask_name(depositor.name)),
        ("个人账号", mask_account_no(account.account_no)),
        ("当前余额", to_yuan_display(account.balance_fen)),
    ]
    if amount is not None:
        lines.append(("拟提取金额", to_yuan_display(amount)))
    lines.append(("有效期至", f"{valid_until.astimezone(CHINA_TZ):%Y-%m-%d}"))
    lines += [(f"材料{i}", text) for i, text in enumerate(kind.materials, start=1)]
    lines += [(f"办理网点{i}", f"{c.name}（{c.address}，电话{c.phone}）") for i, c in
              enumerate(counters, start=1)]
    slip = PrintOut(title="住房公积金提取业务办理清单", lines=[
        ReceiptLine(label=a, value=b) for a, b in lines], footer=COUNTER_TEXT)
    result = WithdrawalResultOut(
        withdrawal=withdrawal_view(withdrawal, counters, now),
        balance=to_yuan(account.balance_fen),
        receipt=slip,
    )
    return Stored(201, result.model_dump(mode="json"))


# -- loans ------------------------------------------------------------------------------------
def _method(raw: str) -> calc.Method:
    if raw == "equal_installment":
        return "equal_installment"
    if raw == "equal_principal":
        return "equal_principal"
    raise invalid_field("method", "请选择还款方式：等额本息或等额本金。")


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
    person = _person(depositor)
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
    method = _method(body.method)
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
    if application.co_applicant_name and application.co_applicant_id_number:
        co = CoApplicantOut(
            name_masked=mask_name(application.co_applicant_name),
            id_number_masked=mask_id_number(application.co_applicant_id_number),
        )
    method = _method(application.method)
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
                    loan_no=_new_number("JK", disbursed),
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
        pending = db.scalars(
            select(LoanApplication).where(
                LoanApplication.account_id == account_id,
                LoanApplication.status != STAGE_DISBURSED,
            )
        ).all()
        stale = any(
            _stage_due(settings, a, now) > LOAN_STAGES.index(a.status) for a in pending
        )
    if not stale:
        return
    with money_transaction(factory) as db:
        for application in db.scalars(
            select(LoanApplication).where(
                LoanApplication.account_id == account_id,
                LoanApplication.status != STAGE_DISBURSED,
            )
        ):
            advance(db, settings, application, now)


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
    account = get_account(db, depositor_id)
    locked = lock_account(db, account.id)
    depositor = db.get(Depositor, depositor_id)
    if locked is None or depositor is None:  # pragma: no cover - the user's own records
        raise ApiError(404, "account_not_found", NO_ACCOUNT_MESSAGE)
    account = locked
    today = today_of(now)
    amount = parse_amount(body.amount)
    assert amount is not None
    term = _term(settings, body.term_years)
    method = _method(body.method)
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
        co_name = body.co_applicant.name.strip()
        if not co_name:
            raise invalid_field("co_applicant_name", "请填写共同申请人姓名。")
        try:
            co_id = normalise_id_number(body.co_applicant.id_number, today=today,
                                        field="co_applicant_id_number")
        except InvalidFieldError as exc:
            raise invalid_field(exc.field, "共同申请人身份证号不正确，请核对后重新输入。") from None
        if co_id == depositor.id_number:
            raise invalid_field("co_applicant_id_number", "共同申请人不能是申请人本人。")
    bank = body.repayment_bank.strip()
    if not bank:
        raise invalid_field("repayment_bank", "请选择还款银行。")
    card = _card(body.repayment_card_no)
    consume_step_up(db, body.step_up_token, depositor_id, now)
    for application in db.scalars(
        select(LoanApplication).where(
            LoanApplication.account_id == account.id, LoanApplication.status != STAGE_DISBURSED
        )
    ):
        advance(db, settings, application, now)
    pending = db.scalars(
        select(LoanApplication).where(
            LoanApplication.account_id == account.id, LoanApplication.status != STAGE_DISBURSED
        )
    ).first()
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
            extra={"max_amount": to_yuan(limit.max_amount_fen),
                   "max_term_years": limit.max_term_years},
        )
    rate = calc.annual_rate(settings, home, term)
    schedule = calc.build_schedule(amount, term * 12, method, rate)
    application = LoanApplication(
        application_no=_new_number("DK", now),
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
    method = _method(loan.method)
    remaining_periods = loan.term_months - paid if outstanding > 0 else 0
    next_due = _due_date(loan.disbursed_on, paid + 1) if remaining_periods else None
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


def with_facts_for_depositor(
    db: Session, depositor: Depositor, now: datetime
) -> AccountFacts | None:
    """The withdrawal facts of a signed-in depositor (None without an account)."""
    account = db.scalars(select(Account).where(Account.depositor_id == depositor.id)).first()
    if account is None:
        return None
    return account_facts(db, account, depositor, today_of(now))

