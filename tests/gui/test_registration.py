"""用户注册 end to end: taps and keypad presses on the real screens against the real center."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialog, QLineEdit, QPushButton

from kiosk.app import Kiosk
from kiosk.flows import REGISTRATION
from tests.gui.helpers import (
    field,
    keyboard_type,
    keypad_type,
    latest_code,
    primary_button,
    resident,
    tap,
    wait_error,
    wait_for,
)

pytestmark = pytest.mark.gui


def start_registration(qtbot: Any, kiosk: Kiosk, person: dict[str, Any]) -> None:
    tap(qtbot, kiosk.window.current_screen.tiles["registration"])
    wait_for(qtbot, kiosk, "center")
    button = kiosk.window.current_screen.findChild(QPushButton, f"center_{person['center_id']}")
    tap(qtbot, button)
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "identity")


def enter_identity(qtbot: Any, kiosk: Kiosk, id_number: str, phone: str) -> None:
    keypad_type(qtbot, kiosk, "id_number", id_number)
    keypad_type(qtbot, kiosk, "phone", phone)


def accept_agreement(qtbot: Any, kiosk: Kiosk) -> None:
    screen = kiosk.window.current_screen
    tap(qtbot, screen.findChild(QCheckBox, "agree"))
    dialog = kiosk.window.findChild(QDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    dialog.scroll_to_end()
    accept = dialog.findChild(QPushButton, "agree")
    qtbot.waitUntil(accept.isEnabled)
    tap(qtbot, accept)
    qtbot.waitUntil(lambda: screen.findChild(QCheckBox, "agree").isChecked())


def fill_credentials(qtbot: Any, kiosk: Kiosk, username: str, password: str) -> None:
    keyboard_type(qtbot, kiosk, "username", username)
    keyboard_type(qtbot, kiosk, "password", password)
    keyboard_type(qtbot, kiosk, "confirm", password)
    screen = kiosk.window.current_screen
    qtbot.waitUntil(lambda: bool(screen.captcha.captcha_id), timeout=10000)
    assert kiosk.client is not None
    answer = kiosk.client.demo_captcha_answer(screen.captcha.captcha_id)
    keypad_type(qtbot, kiosk, "captcha", answer)
    accept_agreement(qtbot, kiosk)


def test_whole_registration_by_taps(qtbot: Any, kiosk: Kiosk, center: Any) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    enter_identity(qtbot, kiosk, person["id_number"], person["phone"])
    qtbot.waitUntil(lambda: primary_button(kiosk).isEnabled())
    tap(qtbot, primary_button(kiosk))  # 发送验证码
    wait_for(qtbot, kiosk, "code")
    screen = kiosk.window.current_screen
    assert person["phone"][-4:] in screen.sent_label.text()
    assert person["phone"] not in screen.sent_label.text()  # masked
    assert "秒后重新获取" in screen.resend_button.text()
    assert not screen.resend_button.isEnabled()

    keypad_type(qtbot, kiosk, "code", latest_code(kiosk, person["phone"]))
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "credentials")
    assert kiosk.window.steps.current() == 1

    fill_credentials(qtbot, kiosk, "kiosk2026a", "Abc12345x")
    qtbot.waitUntil(lambda: primary_button(kiosk).isEnabled())
    tap(qtbot, primary_button(kiosk))  # 提交
    wait_for(qtbot, kiosk, "success")
    assert kiosk.window.steps.current() == 2

    # The account really exists: sign in with it over HTTP.
    answer = requests.post(
        f"{center.base_url}/api/v1/sessions",
        json={"center_id": person["center_id"], "username": "kiosk2026a", "password": "Abc12345x"},
        headers={"X-Kiosk-Id": "TEST-HTTP"},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text

    # 注册成功 returns home by itself: count the countdown down.
    done = kiosk.window.current_screen
    with qtbot.waitSignal(done.countdown.expired, timeout=15000):
        done.countdown.start(1)
    qtbot.waitUntil(lambda: kiosk.window.current_id in ("home", "center"))


def test_mismatch_keeps_what_was_typed(qtbot: Any, kiosk: Kiosk) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    wrong_phone = "13900000000" if person["phone"] != "13900000000" else "13911111111"
    enter_identity(qtbot, kiosk, person["id_number"], wrong_phone)
    tap(qtbot, primary_button(kiosk))
    message = wait_error(qtbot, kiosk)
    assert "柜台" in message
    assert kiosk.window.banner.message() == message
    assert kiosk.window.current_id == "identity"
    assert field(kiosk, "phone").text() == wrong_phone
    assert field(kiosk, "id_number").text() == person["id_number"]


def test_invalid_id_is_explained_before_any_call(qtbot: Any, kiosk: Kiosk) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    good = person["id_number"]
    broken = good[:-1] + ("1" if good[-1] != "1" else "2")
    enter_identity(qtbot, kiosk, broken, person["phone"])
    assert not primary_button(kiosk).isEnabled()
    assert kiosk.window.current_screen.id_field.message()


def test_wrong_code_then_resend_countdown(qtbot: Any, kiosk: Kiosk, center: Any) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    enter_identity(qtbot, kiosk, person["id_number"], person["phone"])
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "code")
    right = latest_code(kiosk, person["phone"])
    wrong = f"{(int(right) + 1) % 1000000:06d}"
    keypad_type(qtbot, kiosk, "code", wrong)
    tap(qtbot, primary_button(kiosk))
    message = wait_error(qtbot, kiosk)
    assert "验证码" in message
    assert kiosk.window.current_id == "code"

    screen = kiosk.window.current_screen
    with qtbot.waitSignal(screen.countdown.expired, timeout=15000):
        screen.countdown.start(1)  # let the 60 s countdown end now, as if a minute passed
    center.clock.advance(61)
    assert screen.resend_button.isEnabled()
    tap(qtbot, screen.resend_button)
    qtbot.waitUntil(
        lambda: not screen.resend_button.isEnabled() and "秒后" in screen.resend_button.text()
    )
    new_code = latest_code(kiosk, person["phone"])
    field(kiosk, "code").clear()
    keypad_type(qtbot, kiosk, "code", new_code)
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "credentials")


def test_expired_code(qtbot: Any, kiosk: Kiosk, center: Any) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    enter_identity(qtbot, kiosk, person["id_number"], person["phone"])
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "code")
    code = latest_code(kiosk, person["phone"])
    center.clock.advance(301)
    keypad_type(qtbot, kiosk, "code", code)
    tap(qtbot, primary_button(kiosk))
    message = wait_error(qtbot, kiosk)
    assert "过期" in message or "失效" in message
    assert kiosk.window.current_screen.resend_button.isEnabled()


def test_username_taken(qtbot: Any, kiosk: Kiosk) -> None:
    taken = resident(kiosk, registered=True)
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    enter_identity(qtbot, kiosk, person["id_number"], person["phone"])
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "code")
    keypad_type(qtbot, kiosk, "code", latest_code(kiosk, person["phone"]))
    tap(qtbot, primary_button(kiosk))
    wait_for(qtbot, kiosk, "credentials")
    fill_credentials(qtbot, kiosk, str(taken["username"]), "Zyx98765w")
    tap(qtbot, primary_button(kiosk))
    message = wait_error(qtbot, kiosk)
    assert "用户名" in message
    screen = kiosk.window.current_screen
    assert kiosk.window.current_id == "credentials"
    assert screen.username.text() == taken["username"]
    assert screen.password.text() == "Zyx98765w"  # nothing typed is lost


def test_idle_reset_wipes_every_field(qtbot: Any, kiosk: Kiosk) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    enter_identity(qtbot, kiosk, person["id_number"], person["phone"])
    identity = kiosk.window.current_screen
    guard = kiosk.window.idle_guard
    guard.set_limit(0.3)
    with qtbot.waitSignal(guard.warning, timeout=5000):
        pass
    assert kiosk.window.idle_warning.isVisible()
    guard.keep_alive()
    guard.set_tick_ms(5)  # the 20 s countdown, each second 5 ms long
    with qtbot.waitSignal(kiosk.window.reset_done, timeout=10000):
        pass
    assert kiosk.window.current_id == "home"
    assert identity.id_field.text() == ""
    assert identity.phone_field.text() == ""
    for edit in kiosk.window.findChildren(QLineEdit):
        assert edit.text() == "", edit.objectName()


def test_cancel_returns_home_at_once(qtbot: Any, kiosk: Kiosk) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    keypad_type(qtbot, kiosk, "id_number", person["id_number"][:6])
    back: QAbstractButton = kiosk.window.back_button
    tap(qtbot, back)  # 返回 to the center picker
    wait_for(qtbot, kiosk, "center")
    tap(qtbot, back)  # 取消
    wait_for(qtbot, kiosk, "home")
    assert kiosk.window.screen_by_id("identity").id_field.text() == ""


def test_center_gone_mid_flow_keeps_what_was_typed(qtbot: Any, kiosk: Kiosk, center: Any) -> None:
    person = resident(kiosk, registered=False)
    start_registration(qtbot, kiosk, person)
    enter_identity(qtbot, kiosk, person["id_number"], person["phone"])
    center.stop()  # the center goes away while the resident is at the kiosk
    tap(qtbot, primary_button(kiosk))
    message = wait_error(qtbot, kiosk)
    assert "12329" in message
    assert "Traceback" not in message and "Error" not in message
    assert kiosk.window.current_id == "identity"
    assert field(kiosk, "id_number").text() == person["id_number"]
    assert field(kiosk, "phone").text() == person["phone"]
    assert primary_button(kiosk).isEnabled()  # the resident can simply try again


def test_a_success_screen_left_without_its_button_stops_its_countdown(
    qtbot: Any, kiosk: Kiosk
) -> None:
    """注册成功 counts down to home; once another screen shows (a language switch rebuilds
    them all), the countdown must not lead anywhere from behind it."""
    window = kiosk.window
    window.start_flow(REGISTRATION)
    window._show("success")
    done = window.current_screen
    assert done.countdown.is_running()
    window.show_page("guide")
    qtbot.waitUntil(lambda: window.current_id == "guide")
    assert not done.countdown.is_running()
