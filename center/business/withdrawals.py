"""The withdrawal types (我要提取): rules, materials, and what a resident may withdraw now.

Pure functions: the caller gathers :class:`AccountFacts` from the database. Types marked
``online`` are settled at once by the kiosk (the ledger moves, a receipt is printed); the others
need documents and end in a counter slip that lists what to bring.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from center.business.config import BusinessSettings
from center.business.money import to_yuan_display
from center.business.people import Person, add_months, month_of, months_between

COUNTER_TEXT = (
    "请携带以上材料原件到所属公积金管理中心或缴存银行网点的公积金柜台办理；"
    "网点地址和工作时间可在首页“网点地图”查询，如有疑问请拨打12329热线。"
)
_ID = "本人有效身份证原件"
_CARD = "本人名下一类银行借记卡"


@dataclass(frozen=True)
class WithdrawalType:
    """One withdrawal reason the center accepts.

    Attributes:
        code: machine code used in requests.
        name: the Chinese name shown on the button.
        rule: the rule in one or two Chinese sentences.
        materials: what a counter needs (empty when the kiosk settles it online).
        online: the kiosk can settle it at once, without documents.
        closes_account: the whole balance is withdrawn and the account is closed (销户).
    """

    code: str
    name: str
    rule: str
    materials: tuple[str, ...]
    online: bool
    closes_account: bool = False


def withdrawal_types(settings: BusinessSettings) -> tuple[WithdrawalType, ...]:
    """Every withdrawal type, in the order the kiosk lists them."""
    rent_limit = to_yuan_display(settings.rent_yearly_limit_fen)
    return (
        WithdrawalType(
            "rent",
            "租赁住房",
            f"本人及配偶在本市无自有住房且租房自住，连续足额缴存满"
            f"{settings.rent_min_deposit_months}个月；每个自然年最多提取{rent_limit}，"
            "不超过缴存余额。可在自助终端即时到账。",
            (),
            online=True,
        ),
        WithdrawalType(
            "loan_repayment",
            "偿还住房贷款",
            "偿还本中心发放的住房公积金贷款，可提取不超过缴存余额和贷款剩余本金的金额，"
            "用于提前归还贷款本金，自助终端即时办理；偿还商业银行住房贷款请到柜台办理。",
            (),
            online=True,
        ),
        WithdrawalType(
            "retirement",
            "离退休",
            f"达到法定退休年龄（男{settings.retirement_age_male}岁、女"
            f"{settings.retirement_age_female}岁）的职工，可一次提取全部余额并销户，"
            "自助终端即时到账。",
            (),
            online=True,
            closes_account=True,
        ),
        WithdrawalType(
            "termination",
            "与单位解除劳动关系",
            f"与单位解除劳动关系、账户封存满{settings.termination_sealed_months}个月且未在"
            "异地重新就业缴存的，可一次提取全部余额并销户，自助终端即时到账。",
            (),
            online=True,
            closes_account=True,
        ),
        WithdrawalType(
            "house_purchase",
            "购买自住住房",
            "购买、建造本市自住住房的职工及配偶，可在购房合同备案或不动产登记之日起"
            "两年内提取，金额不超过购房款和缴存余额。",
            (_ID, "购房合同或不动产权证书", "购房发票或首付款缴款凭证", "婚姻状况证明", _CARD),
            online=False,
        ),
        WithdrawalType(
            "build_renovate",
            "建造、翻建、大修自住住房",
            "经规划部门批准建造、翻建、大修自住住房的，可提取不超过实际费用的金额。",
            (_ID, "规划部门批准文件", "工程预算或费用票据", "不动产权证书", _CARD),
            online=False,
        ),
        WithdrawalType(
            "emigration",
            "出境定居",
            "出境定居的职工，可一次提取全部余额并销户。",
            (_ID, "户口注销证明或出境定居证明", _CARD),
            online=False,
            closes_account=True,
        ),
        WithdrawalType(
            "serious_illness",
            "重大疾病",
            "本人或直系亲属患重大疾病造成家庭生活严重困难的，可提取不超过个人负担医疗费用的金额。",
            (_ID, "二级及以上医院诊断证明", "医疗费用票据及结算清单", "亲属关系证明", _CARD),
            online=False,
        ),
        WithdrawalType(
            "minimum_living",
            "享受城镇最低生活保障",
            "享受城镇最低生活保障的职工，可提取缴存余额。",
            (_ID, "民政部门出具的最低生活保障证明", _CARD),
            online=False,
        ),
        WithdrawalType(
            "elevator",
            "既有住宅加装电梯",
            "为本人或配偶名下既有住宅加装电梯的，可提取不超过个人分摊费用的金额。",
            (_ID, "不动产权证书", "加装电梯协议及费用分摊证明", "费用票据", _CARD),
            online=False,
        ),
        WithdrawalType(
            "death",
            "职工死亡或被宣告死亡",
            "职工死亡或被宣告死亡的，由继承人或受遗赠人提取全部余额并销户。",
            ("继承人身份证原件", "死亡证明或宣告死亡判决书", "继承权或受遗赠权公证书", _CARD),
            online=False,
            closes_account=True,
        ),
    )


def find_type(settings: BusinessSettings, code: str) -> WithdrawalType | None:
    """The withdrawal type with ``code``, or None."""
    for item in withdrawal_types(settings):
        if item.code == code:
            return item
    return None


@dataclass(frozen=True)
class AccountFacts:
    """What the rules need to know about one account right now.

    Attributes:
        person: birth date and sex (None when the ID number cannot be read).
        status: 正常, 封存 or 销户.
        balance_fen: the balance.
        deposit_months: consecutive months deposited up to the last deposit month.
        last_deposit_month: ``YYYY-MM`` of the last deposit, if any.
        rent_withdrawn_this_year_fen: rent withdrawn in the current calendar year.
        loan_outstanding_fen: principal still owed on this center's loans.
    """

    person: Person | None
    status: str
    balance_fen: int
    deposit_months: int
    last_deposit_month: str | None
    rent_withdrawn_this_year_fen: int = 0
    loan_outstanding_fen: int = 0


@dataclass(frozen=True)
class Allowance:
    """What one resident may withdraw for one type now.

    Attributes:
        max_fen: the most that can be withdrawn (0 when nothing can be).
        reason: one Chinese sentence explaining the maximum or why nothing can be withdrawn.
        available: the kiosk can settle this type for this resident now.
        whole_balance: the amount must be the whole balance (the account closes).
    """

    max_fen: int
    reason: str
    available: bool
    whole_balance: bool = False


def sealed_months(last_deposit_month: str | None, today: date) -> int:
    """Whole months an account has gone without deposits (sealed) up to this month."""
    if last_deposit_month is None:
        return 0
    return max(0, months_between(last_deposit_month, month_of(today)) - 1)


def allowance(
    settings: BusinessSettings, kind: WithdrawalType, facts: AccountFacts, today: date
) -> Allowance:
    """The maximum one resident may withdraw now for ``kind``, and why.

    Args:
        settings: the center's settings.
        kind: the withdrawal type.
        facts: the resident's account.
        today: the business date (Beijing).

    Returns:
        The allowance.
    """
    balance = facts.balance_fen
    balance_text = to_yuan_display(balance)
    if facts.status == "销户":
        return Allowance(0, "您的公积金账户已销户，无余额可提取。", False)
    if balance <= 0:
        return Allowance(0, "您的公积金账户余额为0，暂无可提取金额。", False)
    if not kind.online:
        return Allowance(
            balance,
            f"最多可提取缴存余额{balance_text}，实际金额以柜台审核材料为准；"
            "此类提取需携带材料到柜台办理。",
            False,
            kind.closes_account,
        )
    if kind.code == "rent":
        return _rent(settings, facts)
    if kind.code == "loan_repayment":
        if facts.loan_outstanding_fen <= 0:
            return Allowance(
                0,
                "您没有未结清的本中心公积金贷款；偿还商业银行住房贷款请携带贷款合同和还款"
                "明细到柜台办理。",
                False,
            )
        top = min(balance, facts.loan_outstanding_fen)
        return Allowance(
            top,
            f"贷款剩余本金{to_yuan_display(facts.loan_outstanding_fen)}，缴存余额"
            f"{balance_text}，最多可提取{to_yuan_display(top)}用于提前还款。",
            True,
        )
    if kind.code == "retirement":
        if facts.person is None:
            return Allowance(0, "无法核验您的出生日期，请携带身份证到柜台办理。", False)
        age = facts.person.age_on(today)
        need = facts.person.retirement_age(settings)
        if age < need:
            return Allowance(
                0, f"未达到法定退休年龄{need}岁（您现年{age}岁），暂不能办理离退休提取。", False
            )
        return Allowance(
            balance,
            f"您已达到法定退休年龄{need}岁，可一次提取全部余额{balance_text}并销户。",
            True,
            whole_balance=True,
        )
    if kind.code == "termination":
        need_months = settings.termination_sealed_months
        if facts.status != "封存":
            return Allowance(
                0,
                "您的账户仍在正常缴存，与单位解除劳动关系且账户封存满"
                f"{need_months}个月后方可办理。",
                False,
            )
        months = sealed_months(facts.last_deposit_month, today)
        if months < need_months:
            since = add_months(facts.last_deposit_month or month_of(today), need_months)
            return Allowance(
                0,
                f"账户封存满{need_months}个月方可办理（已封存{months}个月），{since}起可以申请。",
                False,
            )
        return Allowance(
            balance,
            f"账户已封存{months}个月，可一次提取全部余额{balance_text}并销户。",
            True,
            whole_balance=True,
        )
    return Allowance(0, "此类提取暂不能在自助终端办理，请到柜台咨询。", False)  # pragma: no cover


def _rent(settings: BusinessSettings, facts: AccountFacts) -> Allowance:
    if facts.status != "正常":
        return Allowance(0, f"账户状态为{facts.status}，正常缴存的职工才能办理租房提取。", False)
    if facts.deposit_months < settings.rent_min_deposit_months:
        return Allowance(
            0,
            f"连续足额缴存满{settings.rent_min_deposit_months}个月方可办理租房提取，"
            f"您已连续缴存{facts.deposit_months}个月。",
            False,
        )
    left = max(0, settings.rent_yearly_limit_fen - facts.rent_withdrawn_this_year_fen)
    top = min(left, facts.balance_fen)
    text = (
        f"租房提取每年最多{to_yuan_display(settings.rent_yearly_limit_fen)}，本年已提取"
        f"{to_yuan_display(facts.rent_withdrawn_this_year_fen)}，尚可提取{to_yuan_display(left)}；"
        f"缴存余额{to_yuan_display(facts.balance_fen)}"
    )
    if top <= 0:
        return Allowance(0, text + "。本年额度已用完，请明年再办理。", False)
    return Allowance(top, text + f"，本次最多可提取{to_yuan_display(top)}。", True)
