"""The choices of a housing loan, shared by 贷款试算 and 贷款申请: method, home, applicants.

The values are what the center understands; the labels are shown in the current language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.ui.pickers import Segmented

__all__ = ["APPLICANTS", "HOMES", "METHODS", "applicants_choice", "home_choice", "method_choice"]

METHODS = (("equal_installment", "等额本息"), ("equal_principal", "等额本金"))
HOMES = (("first", "首套住房"), ("second", "第二套住房"))
APPLICANTS = (("single", "单人申请"), ("couple", "夫妻共同申请"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("LoanOptions", text)


def method_choice(parent: QWidget, name: str) -> Segmented:
    """还款方式: 等额本息 or 等额本金."""
    return Segmented([(value, _tr(label)) for value, label in METHODS], parent, name=name)


def home_choice(parent: QWidget, name: str) -> Segmented:
    """住房套数: the first or the second home."""
    return Segmented([(value, _tr(label)) for value, label in HOMES], parent, name=name)


def applicants_choice(parent: QWidget, name: str) -> Segmented:
    """申请人: alone or with the spouse."""
    return Segmented([(value, _tr(label)) for value, label in APPLICANTS], parent, name=name)
