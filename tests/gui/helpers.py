"""Taps and typing shared by the GUI tests of sign-in, recovery and the public screens.

Everything goes through real widgets: buttons are clicked with the mouse, digits are typed on the
shell's on-screen keypad, long text with key clicks into the line edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.app import Kiosk
from kiosk.settings import Settings

#: The seeded management center of Yinchuan and its demo resident with a web-hall account.
CENTER_ID = "yc"
WAIT_MS = 15000


@pytest.fixture
def settings(tmp_path: Path, center: Any) -> Settings:
    """The kiosk of the Yinchuan center (the seed's id), against the real center."""
    return Settings(
        center_url=center.base_url,
        kiosk_id="TEST-KIOSK-01",
        center_id=CENTER_ID,
        data_dir=tmp_path / "kiosk",
        fullscreen=False,
        demo=False,
    )


def tap(qtbot: Any, button: QAbstractButton) -> None:
    """A finger on a button: it must be visible and enabled, as for a resident."""
    assert button.isVisible(), f"{button.objectName() or button.text()} is not visible"
    assert button.isEnabled(), f"{button.objectName() or button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_for(qtbot: Any, kiosk: Kiosk, screen_id: str) -> None:
    qtbot.waitUntil(lambda: kiosk.window.current_id == screen_id, timeout=WAIT_MS)


def child(widget: QWidget, kind: type, name: str) -> Any:
    found = widget.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def type_text(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Type long text into a line edit (user names, passwords)."""
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)


def type_digits(qtbot: Any, kiosk: Kiosk, edit: QLineEdit, digits: str) -> None:
    """Type digits (and an ID number's X) on the shell's keypad into ``edit``.

    Tapping the field gives it the focus, and the shell shows its keypad beside the form.
    """
    kiosk.window.activateWindow()
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.window.keypad.isVisible, timeout=WAIT_MS)
    edit.clear()
    kiosk.window.keypad.set_target(edit)
    try:
        for digit in digits:
            tap(qtbot, kiosk.window.keypad.key(digit))
    finally:
        kiosk.window.keypad.set_target(None)
    assert edit.text() == digits


def primary(qtbot: Any, kiosk: Kiosk) -> None:
    """Wait until the shell's primary button can be pressed, then press it."""
    button = kiosk.window.primary_button
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=WAIT_MS)
    tap(qtbot, button)


def home_tile(kiosk: Kiosk, target: str) -> QAbstractButton:
    tile = child(kiosk.window.screen_by_id("home"), QAbstractButton, f"tile_{target}")
    assert isinstance(tile, QAbstractButton)
    return tile


def demo_user(kiosk: Kiosk) -> dict[str, Any]:
    """The seeded demo resident who has a web-hall account and a known password."""
    assert kiosk.client is not None
    for resident in kiosk.client.demo_residents():
        if resident.get("username") and resident.get("password"):
            return resident
    raise AssertionError("the center seeds no demo user with a password")


def answer_captcha(qtbot: Any, kiosk: Kiosk, captcha: Any) -> None:
    """Wait for a captcha image to load and type its answer (from the demo endpoint)."""
    assert kiosk.client is not None
    qtbot.waitUntil(lambda: bool(captcha.captcha_id), timeout=WAIT_MS)
    answer = kiosk.client.demo_captcha_answer(captcha.captcha_id)
    type_digits(qtbot, kiosk, captcha.field.line_edit, answer)


def sign_in(qtbot: Any, kiosk: Kiosk, username: str, password: str) -> None:
    """From the public home screen: 用户登录 → 所属中心 → 用户名/密码 → 登录 → 网厅首页."""
    tap(qtbot, home_tile(kiosk, "login"))
    wait_for(qtbot, kiosk, "center")
    primary(qtbot, kiosk)
    wait_for(qtbot, kiosk, "login")
    login = kiosk.window.screen_by_id("login")
    type_text(qtbot, child(login, QLineEdit, "username"), username)
    type_text(qtbot, child(login, QLineEdit, "password"), password)
    primary(qtbot, kiosk)
    wait_for(qtbot, kiosk, "account_home")
