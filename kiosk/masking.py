"""Masking of personal numbers on a shared screen and in logs.

ID and phone numbers are shown masked everywhere except the field being typed
(``640***********123X``, ``138****1234``), and :func:`scrub` keeps them out of log files.
Every function accepts any string (or None) and never raises.

Qt-free.
"""

from __future__ import annotations

import re

__all__ = [
    "mask_account",
    "mask_card",
    "mask_id",
    "mask_name",
    "mask_phone",
    "scrub",
]

MASK = "*"

_KEEP_HEAD = 3
_KEEP_TAIL = 4


def _clean(s: str | None) -> str:
    if s is None:
        return ""
    return s if isinstance(s, str) else str(s)


def _keep_ends(text: str, head: int, tail: int) -> str:
    """Keep ``head`` leading and ``tail`` trailing characters; mask the rest (length kept).

    Too short to show both ends and still hide something: everything is masked.
    """
    if len(text) <= head + tail:
        return MASK * len(text)
    return text[:head] + MASK * (len(text) - head - tail) + text[len(text) - tail :]


def mask_id(s: str | None) -> str:
    """Mask an identity number: first 3 and last 4 visible, the length kept.

    Args:
        s: the ID number (surrounding spaces are ignored).

    Returns:
        e.g. ``640***********123X`` for 18 characters; short input is fully masked.
    """
    return _keep_ends("".join(_clean(s).split()), _KEEP_HEAD, _KEEP_TAIL)


def mask_phone(s: str | None) -> str:
    """Mask a phone number: first 3 and last 4 visible (``138****1234``).

    Args:
        s: the phone number (spaces are ignored).

    Returns:
        The masked number; short input is fully masked.
    """
    return _keep_ends("".join(_clean(s).split()), _KEEP_HEAD, _KEEP_TAIL)


def mask_name(s: str | None) -> str:
    """Mask a person's name: ``张*明``, ``王*``, ``欧**娜``.

    Args:
        s: the name.

    Returns:
        Two characters: the first and ``*``; longer: the first, ``*`` for each middle
        character, and the last; one character: ``*``.
    """
    name = _clean(s).strip()
    if len(name) <= 1:
        return MASK * len(name)
    if len(name) == 2:
        return name[0] + MASK
    return name[0] + MASK * (len(name) - 2) + name[-1]


def mask_account(s: str | None) -> str:
    """Mask a provident fund account number: only the last 4 visible, the length kept.

    Args:
        s: the account number (spaces are ignored).

    Returns:
        e.g. ``********1234``; 4 characters or fewer are fully masked.
    """
    account = "".join(_clean(s).split())
    return _keep_ends(account, 0, _KEEP_TAIL)


def mask_card(s: str | None) -> str:
    """Mask a bank card number: ``**** **** **** 1234`` whatever its length.

    Args:
        s: the card number (spaces and hyphens are ignored).

    Returns:
        The last 4 digits behind three groups of stars; ``****`` when fewer than 8 characters
        were given (nothing shown).
    """
    card = "".join(char for char in _clean(s) if not char.isspace() and char != "-")
    if len(card) < 2 * _KEEP_TAIL:
        return MASK * 4
    return f"**** **** **** {card[-_KEEP_TAIL:]}"


# -- free text ----------------------------------------------------------------------------------

_D = "[0-9\uff10-\uff19]"  # ASCII and full-width digits
_SEP = "[ \\-\u3000]"
# A pattern string, not a compiled pattern: ``re`` compiles it on the first use and caches it,
# so importing this module (on the way to the first frame, through logging) costs nothing.
_NUMBER_PATTERN = "|".join(
    (
        # ID numbers written in groups: 640102 19900101 123X
        rf"(?<!{_D}){_D}{{6}}{_SEP}{_D}{{8}}{_SEP}{_D}{{3}}[0-9\uff10-\uff19Xx\uff38\uff58]",
        # phone numbers written in groups: 138 1234 5678, 138-1234-5678
        rf"(?<!{_D})[1\uff11]{_D}{{2}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}(?!{_D})",
        # any run of 11 or more digits (phones, 15/18-digit IDs, cards), with an ID's X
        rf"(?<!{_D}){_D}{{11,}}[Xx\uff38\uff58]?",
    )
)
_MAX_ID = 18


def _mask_number(match: re.Match[str]) -> str:
    span = match.group(0)
    positions = [i for i, char in enumerate(span) if char not in " -\u3000"]
    head = _KEEP_HEAD if len(positions) <= _MAX_ID else 0
    hidden = set(positions[head : len(positions) - _KEEP_TAIL])
    return "".join(MASK if i in hidden else char for i, char in enumerate(span))


def scrub(text: str | None) -> str:
    """Mask every ID-like and phone-like number inside free text (used by the log filter).

    Masks any run of 11 or more digits (ASCII or full-width; 15/18-digit ID numbers with a
    trailing X, mobile numbers, card numbers), and IDs or phones written in groups separated by
    spaces or hyphens. First 3 and last 4 digits stay visible (last 4 only for runs longer than
    an ID number), so a support engineer can still tell records apart.

    Args:
        text: any text.

    Returns:
        The text with those numbers masked; everything else unchanged.
    """
    raw = _clean(text)
    try:
        return re.sub(_NUMBER_PATTERN, _mask_number, raw)
    except Exception:  # pragma: no cover - a regex on a str does not fail; never break logging
        return MASK * len(raw)
