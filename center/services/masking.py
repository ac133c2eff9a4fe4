"""Masking of personal data for screens and logs (first 3 + last 4 of an ID, 138****1234)."""

from __future__ import annotations


def mask_id_number(id_number: str) -> str:
    """``640***********123X``: the first 3 and the last 4 characters stay visible."""
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """``138****1234``: the first 3 and the last 4 digits stay visible."""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """``张*明`` / ``王*`` / ``欧**华``: the first and (for 3+ characters) the last stay visible."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_username(username: str) -> str:
    """``de****24``: enough to recognise one's own account on a shared screen."""
    if len(username) <= 4:
        return username[0] + "*" * (len(username) - 1) if username else username
    return username[:2] + "*" * (len(username) - 4) + username[-2:]
