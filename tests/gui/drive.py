"""Helpers that drive the real kiosk the way a resident does: taps and on-screen keys."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.app import Kiosk

WAIT_MS = 10000


def tap(qtbot: Any, widget: QWidget) -> None:
    """A finger on a button or field."""
    assert widget.isVisible(), f"{widget.objectName()} is not visible"
    assert widget.isEnabled(), f"{widget.objectName()} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


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
        tap(qtbot, kiosk.window.keypad.key(char))


def keyboard_type(qtbot: Any, kiosk: Kiosk, name: str, text: str) -> None:
    """Tap the field, then tap the on-screen keyboard's keys (letters and digits)."""
    edit = field(kiosk, name)
    tap(qtbot, edit)
    keyboard = kiosk.window.keyboard
    qtbot.waitUntil(keyboard.isVisible, timeout=WAIT_MS)
    shift = keyboard.findChild(QAbstractButton, "key_shift")
    for char in text:
        if char.isalpha():
            want_upper = char.isupper()
            if shift.isChecked() != want_upper:
                tap(qtbot, shift)
            key = keyboard.findChild(QAbstractButton, f"key_{char.lower()}")
        else:
            key = keyboard.findChild(QAbstractButton, f"key_{char}")
        assert key is not None, f"no key for {char!r}"
        tap(qtbot, key)


def primary(kiosk: Kiosk) -> QAbstractButton:
    return kiosk.window.primary_button


def wait_screen(qtbot: Any, kiosk: Kiosk, screen_id: str) -> None:
    qtbot.waitUntil(lambda: kiosk.window.current_id == screen_id, timeout=WAIT_MS)


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
