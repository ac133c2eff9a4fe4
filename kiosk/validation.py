"""Field checks of the kiosk forms: pure functions that never raise on any ``str``.

Every check returns a :class:`Check`: whether the field is acceptable, the normalised value to
send to the center, and one Chinese sentence saying what to fix. While the resident is still
typing (the value is a prefix of something that may yet become valid) the check is *partial*:
the screen shows no error yet, but blocks 下一步 and shows :attr:`Check.message` on submit.

The rules follow the user manual (用户名 6-16 位, 密码 6-24 位, 字母或数字或字母数字组合) and the
national standard of the citizen identity number (GB 11643-1999). The center enforces its own
rules too; these checks only spare the resident a round trip.

Qt-free.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.texts import Sentence

__all__ = [
    "COMMON_PASSWORDS",
    "ID_WEIGHTS",
    "PROVINCE_CODES",
    "Check",
    "PasswordPolicy",
    "UsernamePolicy",
    "check_code",
    "check_confirm",
    "check_email",
    "check_id_number",
    "check_password",
    "check_phone",
    "check_username",
    "id_check_char",
    "normalise_digits",
    "to_halfwidth",
]


@dataclass(frozen=True)
class Check:
    """The outcome of checking one field.

    Attributes:
        ok: the value is acceptable and may be sent.
        value: the normalised input (full-width to half-width, separators removed, ...).
        message: one Chinese sentence saying what to fix; empty when ``ok``.
        partial: not acceptable yet, but typing more may make it so (too short, a common
            password that may be the start of a longer one, ...). The screen shows no error
            while the resident types, blocks 下一步, and shows ``message`` on submit or when
            the field loses focus.
    """

    ok: bool
    value: str
    message: str = ""
    partial: bool = False

    @property
    def show_error(self) -> bool:
        """Whether to show :attr:`message` while the resident is typing."""
        return not self.ok and not self.partial

    @classmethod
    def good(cls, value: str) -> Check:
        """An acceptable value."""
        return cls(True, value, "", False)

    @classmethod
    def bad(cls, value: str, message: str) -> Check:
        """A wrong value: the message is shown at once."""
        return cls(False, value, message, False)

    @classmethod
    def incomplete(cls, value: str, message: str) -> Check:
        """A value still being typed: no error while typing, ``message`` on submit."""
        return cls(False, value, message, True)


# -- normalisation ------------------------------------------------------------------------------

_FULLWIDTH_START = 0xFF01
_FULLWIDTH_END = 0xFF5E
_FULLWIDTH_OFFSET = 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"

#: Separators residents type or paste inside numbers: white space, dashes, dots, slashes.
_SEPARATORS = frozenset(
    " \t\r\n\f\v\u00a0\u2007\u202f\u200b\u2060\ufeff"  # spaces, no-break and zero-width
    "-_./\\\u00b7\u30fb"  # hyphen, underscore, dot, slash, middle dots
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"  # dashes and minus signs
)


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII forms (``１２３ＡＢＣ``, ideographic space) to their half-width forms.

    Args:
        text: any string.

    Returns:
        The string with U+FF01..U+FF5E mapped to U+0021..U+007E and U+3000 to a space.
    """
    out: list[str] = []
    for char in text:
        code = ord(char)
        if _FULLWIDTH_START <= code <= _FULLWIDTH_END:
            out.append(chr(code - _FULLWIDTH_OFFSET))
        elif char == _IDEOGRAPHIC_SPACE:
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def normalise_digits(text: str) -> str:
    """Normalise a typed or pasted number: ID numbers, phone numbers, codes.

    Full-width digits and letters become half-width, white space and separators (hyphens,
    dots, slashes, middle dots) are removed, and a lowercase ``x`` becomes ``X``.

    Args:
        text: any string.

    Returns:
        The normalised string; other characters are kept so a check can reject them.
    """
    half = to_halfwidth(text)
    return "".join(char for char in half if char not in _SEPARATORS).replace("x", "X")


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _is_ascii_alnum(text: str) -> bool:
    return text.isascii() and text.isalnum()


# -- identity number (身份证号) --------------------------------------------------------------------

#: ISO 7064 MOD 11-2 weights of the first 17 digits (GB 11643-1999).
ID_WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_CHARS = frozenset("0123456789X")

#: Province-level region codes: the first two digits of every identity number.
PROVINCE_CODES: frozenset[str] = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82",
    }
)  # fmt: skip

ID_LENGTH = 18
ID_MIN_YEAR = 1900

MSG_ID_EMPTY = "请输入身份证号。"
MSG_ID_LENGTH = "身份证号应为18位，请核对后重新输入。"
MSG_ID_OLD = "请填写18位第二代居民身份证号，15位的旧身份证号不能使用。"
MSG_ID_CHARS = "身份证号只能包含数字和字母X，请核对后重新输入。"
MSG_ID_X = "身份证号只有最后一位可以是字母X，请核对后重新输入。"
MSG_ID_REGION = "身份证号前两位地区代码不正确，请核对后重新输入。"
MSG_ID_BIRTH = "身份证号中的出生日期不正确，请核对后重新输入。"
MSG_ID_CHECKSUM = "身份证号校验位不正确，请核对第二代居民身份证后重新输入。"


def id_check_char(first17: str) -> str:
    """The check character (``0``-``9`` or ``X``) of the first 17 digits of an ID number.

    Args:
        first17: exactly 17 ASCII digits.

    Returns:
        The 18th character computed by ISO 7064 MOD 11-2.

    Raises:
        ValueError: ``first17`` is not 17 ASCII digits.
    """
    if len(first17) != ID_LENGTH - 1 or not _is_ascii_digits(first17):
        raise ValueError("expected 17 ASCII digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _birth_problem(digits: str, today: _dt.date) -> bool:
    """Whether the birth date part of a (possibly incomplete) ID number is already wrong."""
    if len(digits) >= 10:
        year = int(digits[6:10])
        if year < ID_MIN_YEAR or year > today.year:
            return True
    if len(digits) >= 11 and int(digits[10]) > 1:
        return True
    if len(digits) >= 12:
        month = int(digits[10:12])
        if not 1 <= month <= 12:
            return True
    if len(digits) >= 13 and int(digits[12]) > 3:
        return True
    if len(digits) >= 14:
        try:
            born = _dt.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
        except ValueError:
            return True
        if born > today:
            return True
    return False


def _looks_old(digits: str) -> bool:
    """Whether digits could be (the start of) a 15-digit first-generation ID (19YYMMDD)."""
    if len(digits) < 10:
        return False
    if not 1 <= int(digits[8:10]) <= 12:
        return False
    if len(digits) >= 12:
        try:
            _dt.date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
        except ValueError:
            return False
    return True


def check_id_number(text: str, *, today: _dt.date | None = None) -> Check:
    """Check a second-generation resident identity number (第二代居民身份证号).

    Accepts full-width digits, a lowercase ``x`` and spaces or hyphens between groups. A prefix
    that may still become valid is *partial*; a prefix that already cannot (wrong region,
    impossible birth date, a letter in the middle) is wrong at once.

    Args:
        text: the typed text.
        today: the date births may not be after; the local date when omitted.

    Returns:
        The check, with ``value`` the 18 normalised characters (``X`` upper case).
    """
    value = normalise_digits(text)
    if not value:
        return Check.incomplete(value, MSG_ID_EMPTY)
    if any(char not in _ID_CHARS for char in value):
        return Check.bad(value, MSG_ID_CHARS)
    if len(value) > ID_LENGTH:
        return Check.bad(value, MSG_ID_LENGTH)
    if value.find("X") not in (-1, ID_LENGTH - 1):
        return Check.bad(value, MSG_ID_X)
    when = today if today is not None else _dt.date.today()
    if len(value) >= 2 and value[:2] not in PROVINCE_CODES:
        return Check.bad(value, MSG_ID_REGION)
    if _birth_problem(value[: ID_LENGTH - 1] if len(value) == ID_LENGTH else value, when):
        if len(value) <= 15 and _looks_old(value):
            return Check.bad(value, MSG_ID_OLD)
        return Check.bad(value, MSG_ID_BIRTH)
    if len(value) < ID_LENGTH:
        return Check.incomplete(value, MSG_ID_OLD if len(value) == 15 else MSG_ID_LENGTH)
    if id_check_char(value[:17]) != value[17]:
        return Check.bad(value, MSG_ID_CHECKSUM)
    return Check.good(value)


# -- mobile phone (手机号码) -------------------------------------------------------------------

PHONE_LENGTH = 11
_PHONE_RE = re.compile(r"1[3-9][0-9]{9}")
_COUNTRY_PREFIXES = ("+86", "0086")

MSG_PHONE_EMPTY = "请输入在中心预留的手机号码。"
MSG_PHONE_LENGTH = "手机号码应为11位，请核对后重新输入。"
MSG_PHONE_CHARS = "手机号码只能包含数字，请核对后重新输入。"
MSG_PHONE_FORMAT = "请填写以1开头的11位大陆手机号码。"


def _strip_country_code(value: str) -> tuple[str, bool]:
    """Remove a +86 / 0086 / 86 prefix; the flag says whether the rest may still be typed."""
    for prefix in _COUNTRY_PREFIXES:
        if value.startswith(prefix):
            return value[len(prefix) :], True
        if prefix.startswith(value):
            return "", True  # still typing the prefix itself
    if value.startswith("8"):  # 86 without + or 00: a mainland number never starts with 8
        if len(value) <= 2 and "86".startswith(value):
            return "", True
        if value.startswith("86"):
            return value[2:], True
    return value, False


def check_phone(text: str) -> Check:
    """Check a mainland mobile number (``1[3-9]`` + 9 digits).

    Accepts ``+86``, ``0086`` and ``86`` prefixes, full-width digits, spaces and hyphens.

    Args:
        text: the typed text.

    Returns:
        The check, with ``value`` the bare 11 digits.
    """
    value = normalise_digits(text).replace("(", "").replace(")", "")
    if not value:
        return Check.incomplete(value, MSG_PHONE_EMPTY)
    number, prefixed = _strip_country_code(value)
    if prefixed and not number:
        return Check.incomplete(number, MSG_PHONE_LENGTH)
    if not _is_ascii_digits(number):
        return Check.bad(number, MSG_PHONE_CHARS)
    if number[0] != "1" or (len(number) >= 2 and number[1] not in "3456789"):
        return Check.bad(number, MSG_PHONE_FORMAT)
    if len(number) < PHONE_LENGTH:
        return Check.incomplete(number, MSG_PHONE_LENGTH)
    if len(number) > PHONE_LENGTH:
        return Check.bad(number, MSG_PHONE_LENGTH)
    if not _PHONE_RE.fullmatch(number):  # pragma: no cover - guarded above
        return Check.bad(number, MSG_PHONE_FORMAT)
    return Check.good(number)


# -- user name and password (用户名 / 密码) ----------------------------------------------------

#: The most common passwords; the center keeps a longer list of its own.
COMMON_PASSWORDS: frozenset[str] = frozenset(
    {
        "123456", "1234567", "12345678", "123456789", "1234567890", "654321",
        "111111", "000000", "222222", "333333", "555555", "666666", "888888", "999999",
        "123123", "112233", "121212", "520520", "520131", "147258", "147258369", "159357",
        "password", "password1", "passw0rd", "qwerty", "qwerty123", "qwertyuiop",
        "a123456", "a12345678", "abc123", "abc123456", "aa123456", "123456a", "123qwe",
        "1q2w3e4r", "1qaz2wsx", "iloveyou", "woaini", "woaini1314", "admin", "admin123",
        "abcdef", "abcabc", "aaaaaa", "zxcvbn", "asdfgh",
    }
)  # fmt: skip


def _first_int(policy: Mapping[str, Any], keys: tuple[str, ...], default: int) -> int:
    for key in keys:
        raw = policy.get(key)
        if isinstance(raw, bool):
            continue
        if isinstance(raw, int) and raw > 0:
            return raw
        if isinstance(raw, str) and _is_ascii_digits(raw) and int(raw) > 0:
            return int(raw)
    return default


def _section(policy_json: Any, name: str) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """The nested section (``{"password": {...}}``) and the flat top level, both maybe empty."""
    top: Mapping[str, Any] = policy_json if isinstance(policy_json, Mapping) else {}
    nested = top.get(name)
    return (nested if isinstance(nested, Mapping) else {}), top


@dataclass(frozen=True)
class UsernamePolicy:
    """The user name rule: letters and/or digits, ``min_length``-``max_length`` characters."""

    min_length: int = 6
    max_length: int = 16

    @classmethod
    def from_center(cls, policy_json: Any) -> UsernamePolicy:
        """Build from the center's ``GET /policy`` body, falling back to the seed rule.

        Understands ``{"username": {"min_length": 6, "max_length": 16}}`` (also ``min``/``max``)
        and the flat ``username_min_length``/``username_max_length``; anything missing, wrong or
        inconsistent falls back to the default.

        Args:
            policy_json: the decoded body, or anything else (then the defaults are used).
        """
        nested, top = _section(policy_json, "username")
        lo = _first_int(nested, ("min_length", "min"), 0) or _first_int(
            top, ("username_min_length", "username_min"), cls.min_length
        )
        hi = _first_int(nested, ("max_length", "max"), 0) or _first_int(
            top, ("username_max_length", "username_max"), cls.max_length
        )
        if lo > hi:
            return cls()
        return cls(lo, hi)

    @property
    def rule(self) -> str:
        """The rule as the manual words it."""
        return f"用户名需为字母或数字或字母数字组合且长度为{self.min_length}-{self.max_length}位"


@dataclass(frozen=True)
class PasswordPolicy:
    """The password rule: letters and/or digits, length bounds, and a blocklist."""

    min_length: int = 6
    max_length: int = 24
    blocklist: frozenset[str] = field(default=COMMON_PASSWORDS)

    @classmethod
    def from_center(cls, policy_json: Any) -> PasswordPolicy:
        """Build from the center's ``GET /policy`` body, falling back to the seed rule.

        Understands ``{"password": {"min_length": 6, "max_length": 24, "blocklist": [...]}}``
        (also ``min``/``max``) and the flat ``password_min_length``/``password_max_length``.
        A blocklist from the center is added to the local one, never replaces it.

        Args:
            policy_json: the decoded body, or anything else (then the defaults are used).
        """
        nested, top = _section(policy_json, "password")
        lo = _first_int(nested, ("min_length", "min"), 0) or _first_int(
            top, ("password_min_length", "password_min"), cls.min_length
        )
        hi = _first_int(nested, ("max_length", "max"), 0) or _first_int(
            top, ("password_max_length", "password_max"), cls.max_length
        )
        extra = nested.get("blocklist", top.get("password_blocklist"))
        blocked = set(COMMON_PASSWORDS)
        if isinstance(extra, list | tuple | set | frozenset):
            blocked.update(item.lower() for item in extra if isinstance(item, str))
        if lo > hi:
            lo, hi = cls.min_length, cls.max_length
        return cls(lo, hi, frozenset(blocked))

    @property
    def rule(self) -> str:
        """The rule as the manual words it."""
        return f"密码需为字母或数字或字母数字组合且长度为{self.min_length}-{self.max_length}位"


_OWN_MIN_LENGTH = 6

MSG_USERNAME_RULE = "用户名需为字母或数字或字母数字组合且长度为{min}-{max}位，请重新输入。"
MSG_PASSWORD_RULE = "密码需为字母或数字或字母数字组合且长度为{min}-{max}位，请重新输入。"
MSG_USERNAME_EMPTY = "请输入用户名。"
MSG_PASSWORD_EMPTY = "请输入密码。"
MSG_PASSWORD_HALFWIDTH = "密码只能使用字母和数字，请切换到英文（半角）输入后重新输入。"
MSG_PASSWORD_COMMON = "这个密码太常见，容易被他人猜到，请换一个。"
MSG_PASSWORD_ID = "密码不能包含身份证号，请换一个。"
MSG_PASSWORD_PHONE = "密码不能包含手机号码，请换一个。"
MSG_PASSWORD_USERNAME = "密码不能包含用户名，请换一个。"
MSG_CONFIRM_EMPTY = "请再次输入密码。"
MSG_CONFIRM_MISMATCH = "两次输入的密码不一致，请重新输入。"


def check_username(text: str, policy: UsernamePolicy | None = None) -> Check:
    """Check a user name (用户名): letters and/or digits within the policy's lengths.

    Full-width letters and digits are made half-width and surrounding spaces removed.

    Args:
        text: the typed text.
        policy: the rule; the seed rule (6-16) when omitted.

    Returns:
        The check, with ``value`` the normalised user name.
    """
    rule = policy or UsernamePolicy()
    value = to_halfwidth(text).strip()
    if not value:
        return Check.incomplete(value, MSG_USERNAME_EMPTY)
    message = Sentence(MSG_USERNAME_RULE, min=rule.min_length, max=rule.max_length)
    if not _is_ascii_alnum(value):
        return Check.bad(value, message)
    if len(value) < rule.min_length:
        return Check.incomplete(value, message)
    if len(value) > rule.max_length:
        return Check.bad(value, message)
    return Check.good(value)


def check_password(
    text: str,
    policy: PasswordPolicy | None = None,
    *,
    id_number: str = "",
    phone: str = "",
    username: str = "",
) -> Check:
    """Check a new password (密码) against the policy and the resident's own data.

    The password is taken as typed (no normalisation: it must match at sign-in). It must not be
    a common password, nor equal or contain (case-insensitively) the ID number, phone or user
    name.

    Args:
        text: the typed password.
        policy: the rule; the seed rule (6-24) and the local blocklist when omitted.
        id_number: the resident's ID number, if known (any formatting).
        phone: the resident's phone number, if known (any formatting).
        username: the chosen user name, if known.

    Returns:
        The check, with ``value`` the password unchanged.
    """
    rule = policy or PasswordPolicy()
    value = text
    if not value:
        return Check.incomplete(value, MSG_PASSWORD_EMPTY)
    message = Sentence(MSG_PASSWORD_RULE, min=rule.min_length, max=rule.max_length)
    if not _is_ascii_alnum(value):
        if _is_ascii_alnum(to_halfwidth(value)):
            return Check.bad(value, MSG_PASSWORD_HALFWIDTH)
        return Check.bad(value, message)
    if len(value) > rule.max_length:
        return Check.bad(value, message)
    lowered = value.lower()
    for own, own_message in (
        (normalise_digits(id_number), MSG_PASSWORD_ID),
        (check_phone(phone).value if phone else "", MSG_PASSWORD_PHONE),
        (to_halfwidth(username).strip(), MSG_PASSWORD_USERNAME),
    ):
        # Fragments shorter than a real value (a field still being typed) are not compared.
        if len(own) >= _OWN_MIN_LENGTH and own.lower() in lowered:
            return Check.bad(value, own_message)
    if len(value) < rule.min_length:
        return Check.incomplete(value, message)
    if lowered in rule.blocklist:
        # Partial, not wrong: "123456" may be the start of a good password still being typed.
        return Check.incomplete(value, MSG_PASSWORD_COMMON)
    return Check.good(value)


def check_confirm(password: str, confirm: str) -> Check:
    """Check the repeated password (确认密码).

    Args:
        password: the password typed first.
        confirm: the password typed again.

    Returns:
        ok when both are equal; partial while ``confirm`` is a shorter prefix of ``password``.
    """
    if not confirm:
        return Check.incomplete(confirm, MSG_CONFIRM_EMPTY)
    if confirm == password:
        return Check.good(confirm)
    if len(confirm) < len(password) and password.startswith(confirm):
        return Check.incomplete(confirm, MSG_CONFIRM_MISMATCH)
    return Check.bad(confirm, MSG_CONFIRM_MISMATCH)


# -- e-mail (电子邮箱, optional) and codes (验证码) ---------------------------------------------

EMAIL_MAX_LENGTH = 254
_EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
#: Endings that would make a prefix a valid address: while one fits, the resident is typing.
_EMAIL_COMPLETIONS = ("a", "a.cn", "@a.cn", "a@a.cn")
MSG_EMAIL = "电子邮箱格式不正确（例如 name@example.com），请核对；不需要也可以不填。"
MSG_CODE_EMPTY = "请输入短信中的{length}位验证码。"
MSG_CODE_FORMAT = "短信验证码应为{length}位数字，请核对短信后重新输入。"


def check_email(text: str) -> Check:
    """Check the optional e-mail address (电子邮箱): empty is fine.

    Args:
        text: the typed text; full-width characters become half-width, spaces are removed.

    Returns:
        The check, with ``value`` the normalised address (or empty).
    """
    value = "".join(to_halfwidth(text).split())
    if not value:
        return Check.good(value)
    if len(value) > EMAIL_MAX_LENGTH or not value.isascii():
        return Check.bad(value, MSG_EMAIL)
    if _EMAIL_RE.fullmatch(value):
        return Check.good(value)
    if any(_EMAIL_RE.fullmatch(value + rest) for rest in _EMAIL_COMPLETIONS):
        return Check.incomplete(value, MSG_EMAIL)  # e.g. "name@", "name@example."
    return Check.bad(value, MSG_EMAIL)


def check_code(text: str, length: int = 6) -> Check:
    """Check an SMS verification code (短信验证码): exactly ``length`` digits.

    Args:
        text: the typed text; full-width digits and spaces are accepted.
        length: the number of digits the center sends.

    Returns:
        The check, with ``value`` the bare digits.
    """
    value = normalise_digits(text)
    message = Sentence(MSG_CODE_FORMAT, length=length)
    if not value:
        return Check.incomplete(value, Sentence(MSG_CODE_EMPTY, length=length))
    if not _is_ascii_digits(value) or len(value) > length:
        return Check.bad(value, message)
    if len(value) < length:
        return Check.incomplete(value, message)
    return Check.good(value)
