"""Money as integer fen (分) inside, decimal strings of yuan (``"1234.56"``) on the wire."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

FEN_PER_YUAN = 100

_AMOUNT_RE = re.compile(r"^\d{1,12}(\.\d{1,2})?$")


class AmountError(ValueError):
    """A money string that is not a positive-or-zero amount of yuan with at most two places."""


def parse_yuan(text: str) -> int:
    """Parse ``"1234.5"`` into fen (123450).

    Args:
        text: yuan with at most two decimal places, no sign, no thousands separators.

    Returns:
        The amount in fen.

    Raises:
        AmountError: the text is not such an amount.
    """
    text = text.strip()
    if not _AMOUNT_RE.match(text):
        raise AmountError(text)
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the regex already excludes it
        raise AmountError(text) from exc
    return int(value * FEN_PER_YUAN)


def to_yuan(fen: int) -> str:
    """Format fen as yuan with two places: ``123450 -> "1234.50"``, ``-5 -> "-0.05"``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{cents:02d}"


def to_yuan_display(fen: int) -> str:
    """Format fen for a sentence: ``123450 -> "1,234.50元"``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole:,}.{cents:02d}元"


def round_fen(value: Decimal) -> int:
    """Round a Decimal number of fen half up to whole fen."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def floor_fen(value: Decimal) -> int:
    """Round a non-negative Decimal number of fen down to whole fen."""
    return int(value.quantize(Decimal(1), rounding=ROUND_DOWN))


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_SECTIONS = ("", "万", "亿", "万亿")


def chinese_amount(fen: int) -> str:
    """The amount in Chinese capitals, as printed on receipts (人民币大写).

    ``123456 -> "壹仟贰佰叁拾肆元伍角陆分"``, ``1001000 -> "壹万零壹拾元整"``.
    """
    if fen < 0:
        return "负" + chinese_amount(-fen)
    yuan, cents = divmod(fen, 100)
    jiao, cent = divmod(cents, 10)
    text = ""
    if yuan:
        digits = str(yuan)
        zero = False
        for index, char in enumerate(digits):
            position = len(digits) - 1 - index
            digit = int(char)
            if digit == 0:
                zero = True
            else:
                if zero:
                    text += "零"
                    zero = False
                text += _DIGITS[digit] + _UNITS[position % 4]
            if position % 4 == 0 and position > 0:
                section = digits[max(0, index - 3) : index + 1]
                if section.strip("0"):
                    text += _SECTIONS[position // 4]
        text += "元"
    if not jiao and not cent:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if cent:
        text += _DIGITS[cent] + "分"
    return text
