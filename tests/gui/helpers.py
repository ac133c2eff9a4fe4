"""Taps and typing shared by the GUI tests: they drive the real kiosk the way a resident does.

Everything goes through real widgets: buttons are clicked with the mouse, digits are typed on the
shell's on-screen keypad (or letters on its keyboard), long text with key clicks into the line
edit.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.app import Kiosk
from kiosk.ui.keys import KeyGrid

#: The seeded management center of Yinchuan and its demo resident with a web-hall account.
CENTER_ID = "yc"
WAIT_MS = 15000


def tap(qtbot: Any, widget: QWidget) -> None:
    """A finger on a button or field: it must be visible and enabled, as for a resident."""
    name = widget.objectName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text()
    assert widget.isVisible(), f"{name} is not visible"
    assert widget.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tap_key(qtbot: Any, grid: KeyGrid, name: str) -> None:
    """A finger on one key of an on-screen keypad or keyboard, where the key is drawn."""
    assert grid.isVisible(), f"{grid.objectName()} is not visible"
    assert grid.isEnabled(), f"{grid.objectName()} is disabled"
    assert grid.is_key_shown(name), f"{name} is not shown"
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.key_rect(name).center())


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
            tap_key(qtbot, kiosk.window.keypad, f"key_{digit}")
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


def find(kiosk: Kiosk, cls: type, name: str) -> Any:
    widget = kiosk.window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    return widget


def field(kiosk: Kiosk, name: str) -> QLineEdit:
    screen = kiosk.window.current_screen
    edit = screen.findChild(QLineEdit, name)
    assert edit is not None, f"no field {name} on {kiosk.window.current_id}"
    return edit


def keypad_type(qtbot: Any, kiosk: Kiosk, name: str, text: str) -> None:
    """Tap the field, then tap the on-screen keypad's keys."""
    edit = field(kiosk, name)
    tap(qtbot, edit)
    qtbot.waitUntil(kiosk.window.keypad.isVisible, timeout=WAIT_MS)
    for char in text:
        tap_key(qtbot, kiosk.window.keypad, f"key_{char}")


def keyboard_type(qtbot: Any, kiosk: Kiosk, name: str, text: str) -> None:
    """Tap the field, then tap the on-screen keyboard's keys (letters and digits)."""
    edit = field(kiosk, name)
    tap(qtbot, edit)
    keyboard = kiosk.window.keyboard
    qtbot.waitUntil(keyboard.isVisible, timeout=WAIT_MS)
    symbols = {"@": "key_at", ".": "key_dot", "_": "key_underscore", "-": "key_minus"}
    for char in text:
        if char.isalpha() and keyboard.is_upper() != char.isupper():
            tap_key(qtbot, keyboard, "key_shift")
        tap_key(qtbot, keyboard, symbols.get(char, f"key_{char.lower()}"))


def primary_button(kiosk: Kiosk) -> QAbstractButton:
    """The shell's primary button (to read its text or state without pressing it)."""
    return kiosk.window.primary_button


def wait_error(qtbot: Any, kiosk: Kiosk) -> str:
    qtbot.waitUntil(lambda: bool(kiosk.window.current_screen.error), timeout=WAIT_MS)
    return kiosk.window.current_screen.error


def latest_code(kiosk: Kiosk, phone: str) -> str:
    """The newest code the demo SMS gateway sent to ``phone``."""
    assert kiosk.client is not None
    messages = kiosk.client.demo_sms(phone)
    assert messages, f"no SMS sent to {phone}"
    text = str(messages[0].get("text") or messages[0].get("body") or "")
    match = re.search(r"(?<!\d)(\d{6})(?!\d)", text)
    assert match, text
    return match.group(1)


def resident(kiosk: Kiosk, *, registered: bool, status: str = "正常") -> dict[str, Any]:
    assert kiosk.client is not None
    for person in kiosk.client.demo_residents():
        if (
            bool(person.get("registered")) == registered
            and person.get("account_status", status) == status
        ):
            return person
    raise AssertionError("no such demo resident")
