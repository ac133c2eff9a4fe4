"""Validation and normalisation of what residents type (pure functions, no HTTP, no database).

Each ``normalise_*`` / ``check_*`` function returns the canonical value or raises
:class:`InvalidFieldError` carrying the field name and one Chinese sentence saying what to fix.
"""

from __future__ import annotations

import re
from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
USERNAME_MIN, USERNAME_MAX = 6, 16
PASSWORD_MIN, PASSWORD_MAX = 6, 24
USERNAME_RULE = "用户名需为字母或数字或字母数字组合且长度为6-16位"
PASSWORD_RULE = "密码需为字母或数字或字母数字组合且长度为6-24位"

_USERNAME_RE = re.compile(r"[A-Za-z0-9]{6,16}")
_PASSWORD_RE = re.compile(r"[A-Za-z0-9]{6,24}")
_ID_RE = re.compile(r"[1-9]\d{16}[\dX]")
_PHONE_RE = re.compile(r"1[3-9]\d{9}")
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
_SEPARATORS = str.maketrans("", "", " \t\u3000-\u2010\u2011\u2012\u2013\u2014\uff0d")
_FULLWIDTH = {0xFF10 + i: 0x30 + i for i in range(10)} | {0xFF38: 0x58, 0xFF58: 0x58}

_COMMON = """
123456 1234567 12345678 123456789 1234567890 0123456789 987654321 654321 123123 123321
111111 000000 666666 888888 999999 112233 121212 123654 147258 147258369 159357 159753
11111111 88888888 12345678910 5201314 1314520 520520 abc123 abc123456 abcdef abcdefg
abcd1234 a123456 a12345678 aa123456 123456a 123456abc qq123456 password password1 passw0rd
qwerty qwerty123 qwertyuiop qwe123 asdfgh asdf1234 zxcvbnm zxcvbn 1qaz2wsx 1q2w3e4r
1q2w3e4r5t q1w2e3r4 iloveyou woaini woaini1314 admin admin123 administrator root123
test123 welcome letmein monkey dragon sunshine 7758521 gjj123 gjj123456 gjj12329 zfgjj123
12329 123456789a
"""

#: Common passwords (lower case) that fit the 6-24 letters/digits rule but are refused.
COMMON_PASSWORDS = frozenset(_COMMON.split())


class InvalidFieldError(ValueError):
    """A typed value breaks a rule.

    Args:
        field: the request field.
        message: one Chinese sentence saying what to fix.
        code: a machine code for the rule.
    """

    def __init__(self, field: str, message: str, code: str = "invalid_field") -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        self.code = code


def _canonical(raw: str) -> str:
    """Full-width digits and X become ASCII; spaces and dashes go."""
    return raw.translate(_FULLWIDTH).translate(_SEPARATORS)


def id_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits of an ID number."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def normalise_id_number(raw: str, *, today: date | None = None, field: str = "id_number") -> str:
    """Return the canonical 18-character ID number (second-generation card, GB 11643).

    Full-width digits, a lower-case ``x`` and spaces are accepted; the birth date and the check
    character must be right.

    Raises:
        InvalidFieldError: the number cannot be a valid ID number.
    """
    value = _canonical(raw).upper()
    if not value:
        raise InvalidFieldError(field, "请填写身份证号后再继续。", "missing_field")
    if not _ID_RE.fullmatch(value):
        raise InvalidFieldError(
            field, "身份证号应为18位第二代居民身份证号码，请核对后重新输入。", "id_number_format"
        )
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        born = None
    limit = today or date.today()
    if born is None or born.year < 1900 or born > limit:
        raise InvalidFieldError(
            field, "身份证号中的出生日期不正确，请核对后重新输入。", "id_number_date"
        )
    if id_check_char(value[:17]) != value[17]:
        raise InvalidFieldError(
            field, "身份证号校验位不正确，请核对身份证后重新输入。", "id_number_checksum"
        )
    return value


def normalise_phone(raw: str, *, field: str = "phone") -> str:
    """Return the 11-digit mainland mobile number; ``+86``/``0086``, spaces and dashes are dropped.

    Raises:
        InvalidFieldError: not a mainland mobile number.
    """
    value = _canonical(raw)
    if value.startswith("+86"):
        value = value[3:]
    elif value.startswith("0086"):
        value = value[4:]
    elif value.startswith("86") and len(value) == 13:
        value = value[2:]
    if not value:
        raise InvalidFieldError(field, "请填写在中心预留的手机号码后再继续。", "missing_field")
    if not _PHONE_RE.fullmatch(value):
        raise InvalidFieldError(
            field, "手机号码应为11位中国大陆手机号码，请核对后重新输入。", "phone_format"
        )
    return value


def normalise_code(raw: str, length: int, *, field: str = "code") -> str:
    """Return an SMS code of ``length`` ASCII digits (full-width digits and spaces accepted).

    Raises:
        InvalidFieldError: not ``length`` digits.
    """
    value = _canonical(raw)
    if not value:
        raise InvalidFieldError(field, "请填写收到的短信验证码。", "missing_field")
    if len(value) != length or not value.isascii() or not value.isdigit():
        raise InvalidFieldError(
            field, f"短信验证码为{length}位数字，请核对短信后重新输入。", "code_format"
        )
    return value


def check_username(raw: str, *, field: str = "username") -> str:
    """Return the username (surrounding spaces removed) if it follows the 6-16 letters/digits rule.

    Raises:
        InvalidFieldError: the rule is broken.
    """
    value = raw.strip()
    if not value:
        raise InvalidFieldError(field, "请填写用户名。", "missing_field")
    if not _USERNAME_RE.fullmatch(value):
        raise InvalidFieldError(field, f"{USERNAME_RULE}，请重新输入。", "username_rule")
    return value


def check_password(
    password: str,
    *,
    id_number: str,
    phone: str,
    username: str,
    field: str = "password",
) -> str:
    """Return ``password`` if it follows every password rule.

    Rules: 6-24 letters/digits; not a common password; not all one character; neither equal to
    nor containing the ID number, the phone number or the username.

    Raises:
        InvalidFieldError: a rule is broken (the message names which one).
    """
    if not password:
        raise InvalidFieldError(field, "请设置密码。", "missing_field")
    if not _PASSWORD_RE.fullmatch(password):
        raise InvalidFieldError(field, f"{PASSWORD_RULE}，请重新设置。", "password_rule")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) == 1:
        raise InvalidFieldError(
            field, "该密码过于简单、容易被猜到，请换一个不常见的密码。", "password_common"
        )
    if id_number and id_number.lower() in lowered:
        raise InvalidFieldError(
            field, "密码不能包含身份证号，请换一个密码。", "password_contains_id"
        )
    if phone and phone in lowered:
        raise InvalidFieldError(
            field, "密码不能包含手机号码，请换一个密码。", "password_contains_phone"
        )
    if username and username.lower() in lowered:
        raise InvalidFieldError(
            field, "密码不能包含用户名，请换一个密码。", "password_contains_username"
        )
    return password


def normalise_email(raw: str | None, *, field: str = "email") -> str | None:
    """Return the e-mail address (optional: blank becomes None).

    Raises:
        InvalidFieldError: not an e-mail address.
    """
    if raw is None:
        return None
    value = raw.strip()
    if not value:
        return None
    if len(value) > 100 or not _EMAIL_RE.fullmatch(value):
        raise InvalidFieldError(
            field, "电子邮箱格式不正确，请重新输入或不填写（选填）。", "email_format"
        )
    return value


def normalise_token_like(raw: str, *, field: str, max_length: int = 64) -> str | None:
    """Return ``raw`` if it looks like an id/token this service issued, else None."""
    value = raw.strip()
    if not value or len(value) > max_length:
        return None
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value):
        return None
    return value
