"""Withdrawals (我要提取): the types with the resident's maximum, the list, and settling one.

:func:`execute_withdrawal` is a money operation: it runs inside the money transaction opened by
:func:`center.business.idempotency.run` and raises :class:`~center.errors.ApiError` for every
refusal, which rolls back anything it did.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from center.business.config import CHINA_TZ, BusinessSettings
from center.business.facts import account_facts, open_loans
from center.business.idempotency import Stored
from center.business.ledger import (
    LedgerError,
    post,
)
from center.business.models import (
    KIND_WITHDRAWAL,
    WITHDRAWAL_AT_COUNTER,
    WITHDRAWAL_EXPIRED,
    WITHDRAWAL_SETTLED,
    Account,
    LedgerEntry,
    Withdrawal,
)
from center.business.money import (
    chinese_amount,
    to_yuan,
    to_yuan_display,
)
from center.business.schemas import (
    CounterOut,
    PrintOut,
    ReceiptLine,
    WithdrawalIn,
    WithdrawalOut,
    WithdrawalResultOut,
    WithdrawalTypeOut,
)
from center.business.service_common import (
    consume_step_up,
    counters_for,
    locked_account,
    mask_account_no,
    mask_card,
    new_number,
    parse_amount,
    today_of,
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
from center.models import ACCOUNT_CLOSED, Depositor
from center.services.masking import mask_name


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
    account, depositor = locked_account(db, depositor_id)
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
    number = new_number("TQ", now)
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
    withdrawal = settled_withdrawal(
        account, entry, type_code=kind.code, type_name=kind.name, kiosk_id=kiosk_id
    )
    lines = [
        *_head(kind, "业务流水号", number, depositor, account),
        ("提取金额", f"{to_yuan_display(amount)}（{chinese_amount(amount)}）"),
        ("收款银行", account.bank_name),
        ("收款卡号", mask_card(account.bank_card_no)),
        ("提取后余额", to_yuan_display(entry.balance_after_fen)),
        ("办理时间", _beijing(now)),
        ("办理渠道", f"自助终端 {kiosk_id}"),
    ]
    if kind.closes_account:
        lines.append(("账户状态", "已销户"))
    return _answer(
        db,
        withdrawal,
        account,
        counters,
        now,
        title="住房公积金提取业务回单",
        lines=lines,
        footer=f"提取资金已实时划转至您的银行卡，到账时间以银行为准。如有疑问请拨打{HOTLINE}热线。",
    )


def settled_withdrawal(
    account: Account, entry: LedgerEntry, *, type_code: str, type_name: str, kiosk_id: str
) -> Withdrawal:
    """The record of a withdrawal settled by ledger ``entry`` (whose reference is its number)."""
    assert entry.reference is not None
    return Withdrawal(
        withdrawal_no=entry.reference,
        account_id=account.id,
        type_code=type_code,
        type_name=type_name,
        amount_fen=-entry.amount_fen,
        status=WITHDRAWAL_SETTLED,
        bank_name=account.bank_name,
        bank_card_masked=mask_card(account.bank_card_no),
        ledger_entry_id=entry.id,
        balance_after_fen=entry.balance_after_fen,
        materials=[],
        counter_text=None,
        valid_until=None,
        kiosk_id=kiosk_id,
        created_at=entry.created_at,
        settled_at=entry.created_at,
    )


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
    number = new_number("YY", now)
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
    lines = [
        *_head(kind, "清单编号", number, depositor, account),
        ("当前余额", to_yuan_display(account.balance_fen)),
    ]
    if amount is not None:
        lines.append(("拟提取金额", to_yuan_display(amount)))
    lines.append(("有效期至", f"{valid_until.astimezone(CHINA_TZ):%Y-%m-%d}"))
    lines += [(f"材料{i}", text) for i, text in enumerate(kind.materials, start=1)]
    lines += [
        (f"办理网点{i}", f"{c.name}（{c.address}，电话{c.phone}）")
        for i, c in enumerate(counters, start=1)
    ]
    return _answer(
        db,
        withdrawal,
        account,
        counters,
        now,
        title="住房公积金提取业务办理清单",
        lines=lines,
        footer=COUNTER_TEXT,
    )


def _head(
    kind: WithdrawalType, number_label: str, number: str, depositor: Depositor, account: Account
) -> list[tuple[str, str]]:
    """The first lines of a receipt or a slip: the type, its number, the name and the account."""
    return [
        ("业务类型", f"{kind.name}提取"),
        (number_label, number),
        ("姓名", mask_name(depositor.name)),
        ("个人账号", mask_account_no(account.account_no)),
    ]


def _answer(
    db: Session,
    withdrawal: Withdrawal,
    account: Account,
    counters: list[CounterOut],
    now: datetime,
    *,
    title: str,
    lines: list[tuple[str, str]],
    footer: str,
) -> Stored:
    """Store ``withdrawal``; answer 201 with it, the balance and its printout."""
    db.add(withdrawal)
    db.flush()
    result = WithdrawalResultOut(
        withdrawal=withdrawal_view(withdrawal, counters, now),
        balance=to_yuan(account.balance_fen),
        receipt=PrintOut(
            title=title,
            lines=[ReceiptLine(label=a, value=b) for a, b in lines],
            footer=footer,
        ),
    )
    return Stored(201, result.model_dump(mode="json"))
