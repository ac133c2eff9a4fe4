"""Money on the kiosk: yuan amounts as :class:`~decimal.Decimal`, never as float.

On the wire amounts are **decimal strings in yuan** with at most two decimals (``"12345.67"``);
:func:`to_wire` writes them and :func:`from_wire` reads them. Screens show
:func:`format_yuan` (``12,345.67``) or :func:`yuan` (``12,345.67元``), and read what a resident
typed with :func:`parse_yuan` (or :func:`check_yuan` for a form field).

Qt-free.
"""

from __future__ import annotations

import logging
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kiosk.texts import Sentence
from kiosk.validation import Check, to_halfwidth

__all__ = [
    "CENT",
    "MoneyError",
    "check_yuan",
    "format_yuan",
    "from_wire",
    "parse_yuan",
    "same_amount",
    "to_wire",
    "yuan",
]

log = logging.getLogger(__name__)

CENT = Decimal("0.01")
WAN = Decimal(10000)
#: Shown instead of an amount the center sent that is not a number.
UNKNOWN_AMOUNT = "—"

_WIRE_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_TYPED_RE = re.compile(r"([0-9]+)?(?:\.([0-9]*))?")

MSG_EMPTY = "请输入金额。"
MSG_FORMAT = "金额格式不正确，请只输入数字和小数点，例如 12345.67。"
MSG_DECIMALS = "金额最多保留两位小数（精确到分），请重新输入。"
MSG_POSITIVE = "金额应大于0元，请重新输入。"
MSG_TOO_LARGE = "金额过大，请核对后重新输入。"
MSG_BELOW_MINIMUM = "金额不能少于{amount}元，请重新输入。"
MSG_ABOVE_MAXIMUM = "金额不能超过{amount}元，请重新输入。"
_MAX_DIGITS = 14


class MoneyError(ValueError):
    """A typed amount that cannot be used; ``message`` is one Chinese sentence for the resident."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _decimal(value: Decimal | str | int) -> Decimal:
    """Read an amount in yuan; raises ValueError on anything that is not a finite number."""
    if isinstance(value, bool):
        raise ValueError("a bool is not an amount")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("not a finite amount")
        return value
    if isinstance(value, str) and _WIRE_RE.fullmatch(value.strip()):
        return Decimal(value.strip())
    raise ValueError(f"not an amount: {value!r}")


def from_wire(value: Decimal | str | int) -> Decimal:
    """Read an amount the center sent (a decimal string in yuan, or an int of whole yuan).

    Raises:
        ValueError: not a plain finite decimal number (no exponents, NaN or floats).
    """
    return _decimal(value)


def to_wire(value: Decimal | str | int) -> str:
    """The wire form of an amount: a plain decimal string with two decimals (``"12345.60"``).

    Raises:
        ValueError: not a finite amount.
    """
    try:
        amount = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError("amount too large") from exc
    return f"{amount:f}"


def format_yuan(value: Decimal | str | int) -> str:
    """An amount for the screen: thousands separators and two decimals, ``12,345.67``.

    Rounds half up to the fen. Never raises: a value that is not an amount (a broken answer)
    is logged and shown as ``—``.

    Args:
        value: yuan as Decimal, wire string (``"12345.67"``) or int.
    """
    try:
        amount = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    except (ValueError, InvalidOperation, TypeError):
        log.warning("not an amount: %r", type(value).__name__)
        return UNKNOWN_AMOUNT
    if amount == 0:
        amount = abs(amount)  # no "-0.00"
    return f"{amount:,.2f}"


def same_amount(a: object, b: object) -> bool:
    """Whether two amounts from the wire are equal (False when either is not an amount)."""
    try:
        return from_wire(str(a)) == from_wire(str(b))
    except ValueError:
        return False


def yuan(value: Decimal | str | int) -> str:
    """An amount with its unit: ``12,345.67元`` (``—`` when it is not an amount)."""
    text = format_yuan(value)
    return text if text == UNKNOWN_AMOUNT else f"{text}元"


def parse_yuan(
    text: str,
    *,
    maximum: Decimal | None = None,
    minimum: Decimal = CENT,
) -> Decimal:
    """Read an amount a resident typed.

    Accepts full-width digits, spaces, thousands commas, a leading ``¥``/``￥`` and a trailing
    ``元``, and ``万``/``万元`` (ten thousand yuan): ``"１２,３４５.６元"``, ``"¥ 800"``,
    ``"10万"``.

    Args:
        text: the typed text.
        maximum: the largest acceptable amount, if any.
        minimum: the smallest acceptable amount (one fen by default).

    Returns:
        The amount in yuan, with at most two decimals.

    Raises:
        MoneyError: with one Chinese sentence saying what to fix.
    """
    raw = "".join(to_halfwidth(text if isinstance(text, str) else "").split())
    raw = raw.replace(",", "").replace("，", "").lstrip("¥￥")
    if not raw:
        raise MoneyError(MSG_EMPTY)
    factor = Decimal(1)
    for unit, unit_factor in (("万元", WAN), ("万", WAN), ("元", Decimal(1))):
        if raw.endswith(unit):
            raw, factor = raw[: -len(unit)], unit_factor
            break
    match = _TYPED_RE.fullmatch(raw)
    if not raw or match is None or (match.group(1) is None and not match.group(2)):
        raise MoneyError(MSG_FORMAT)
    if len(match.group(1) or "") > _MAX_DIGITS:
        raise MoneyError(MSG_TOO_LARGE)
    try:
        amount = Decimal(raw or "0") * factor
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise MoneyError(MSG_FORMAT) from exc
    if amount != amount.quantize(CENT):
        raise MoneyError(MSG_DECIMALS)
    amount = amount.quantize(CENT)
    if amount <= 0 or amount < minimum:
        if amount <= 0 or minimum <= CENT:
            raise MoneyError(MSG_POSITIVE)
        raise MoneyError(Sentence(MSG_BELOW_MINIMUM, amount=format_yuan(minimum)))
    if maximum is not None and amount > maximum:
        raise MoneyError(Sentence(MSG_ABOVE_MAXIMUM, amount=format_yuan(maximum)))
    return amount


def check_yuan(
    text: str,
    *,
    maximum: Decimal | None = None,
    minimum: Decimal = CENT,
) -> Check:
    """:func:`parse_yuan` as a form check: ``value`` is the wire string when ok.

    Empty input is *partial* (nothing typed yet); every other problem is shown at once.
    """
    try:
        amount = parse_yuan(text, maximum=maximum, minimum=minimum)
    except MoneyError as exc:
        typed = text if isinstance(text, str) else ""
        if exc.message == MSG_EMPTY:
            return Check.incomplete("", exc.message)
        return Check.bad(typed, exc.message)
    return Check.good(to_wire(amount))
