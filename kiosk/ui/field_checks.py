"""Showing field checks as the resident types: the rule of every registration-style form.

A field the resident has typed into shows its check's sentence under it; an emptied field shows
nothing; the form is valid only when every check passes.
"""

from __future__ import annotations

from collections.abc import Container, Mapping

from kiosk.flows import FlowData
from kiosk.ui.field import Field
from kiosk.validation import Check, PasswordPolicy, check_confirm, check_password

__all__ = ["check_new_password", "show_checks"]


def show_checks(checks: Mapping[str, tuple[Field, Check]], touched: Container[str]) -> bool:
    """Show each touched field's check under it (clear an empty field's message).

    Args:
        checks: field name -> the field and its check.
        touched: the names of the fields the resident has typed into.

    Returns:
        Whether every check passed.
    """
    ok = True
    for name, (field, check) in checks.items():
        ok = ok and check.ok
        if name in touched and field.text():
            if check.ok:
                field.set_message("", "hint")
            else:
                field.set_message(check.message, "error")
        elif not field.text():
            field.set_message("", "hint")
    return ok


def check_new_password(
    password: Field, confirm: Field, policy: PasswordPolicy, data: FlowData, username: str
) -> tuple[Check, Check]:
    """The checks of a new password and its confirmation, against the resident's own data.

    Args:
        password: the 密码 field.
        confirm: the 确认密码 field.
        policy: the center's password rule.
        data: the flow data so far (``id_number`` and ``phone``).
        username: the user name the password may not contain.
    """
    return (
        check_password(
            password.text(),
            policy,
            id_number=str(data.get("id_number", "")),
            phone=str(data.get("phone", "")),
            username=username,
        ),
        check_confirm(password.text(), confirm.text()),
    )
