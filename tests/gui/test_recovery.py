"""密码找回 by taps: 身份验证 → 短信验证码 → 修改密码 → 密码修改成功 (10 s) → sign in with it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from tests.gui.helpers import (
    WAIT_MS,
    answer_captcha,
    child,
    demo_user,
    home_tile,
    primary,
    sign_in,
    tap,
    type_digits,
    type_text,
    wait_for,
)

pytestmark = pytest.mark.gui

NEW_PASSWORD = "Xin2025pass"


def _latest_code(kiosk: Any, phone: str) -> str:
    messages = kiosk.client.demo_sms(phone)
    assert messages, "the demo gateway sent nothing"
    code = messages[0].get("code") or re.search(r"\d{6}", messages[0]["text"]).group(0)
    return str(code)


def _verify_identity(qtbot: Any, kiosk: Any, user: dict[str, Any]) -> None:
    tap(qtbot, home_tile(kiosk, "recovery"))
    wait_for(qtbot, kiosk, "center")
    assert kiosk.window.steps.isVisible()
    primary(qtbot, kiosk)
    wait_for(qtbot, kiosk, "identity")
    identity = kiosk.window.screen_by_id("identity")
    type_digits(qtbot, kiosk, child(identity, QLineEdit, "id_number"), user["id_number"])
    type_digits(qtbot, kiosk, child(identity, QLineEdit, "phone"), user["phone"])
    primary(qtbot, kiosk)  # 发送验证码
    wait_for(qtbot, kiosk, "code")
    code_screen = kiosk.window.screen_by_id("code")
    type_digits(
        qtbot, kiosk, child(code_screen, QLineEdit, "code"), _latest_code(kiosk, user["phone"])
    )
    primary(qtbot, kiosk)  # 下一步
    wait_for(qtbot, kiosk, "new_password")


def test_recovery_to_the_countdown_then_sign_in_with_the_new_password(
    qtbot: Any, kiosk: Any
) -> None:
    user = demo_user(kiosk)
    _verify_identity(qtbot, kiosk, user)

    screen = kiosk.window.screen_by_id("new_password")
    shown = screen.account.display_text()
    assert shown and shown[-2:] == user["username"][-2:]  # 登录账号 read-only (maybe masked)
    assert screen.account.is_display()
    assert kiosk.window.steps.isVisible()
    type_text(qtbot, child(screen, QLineEdit, "new_password"), NEW_PASSWORD)
    type_text(qtbot, child(screen, QLineEdit, "confirm"), NEW_PASSWORD)
    answer_captcha(qtbot, kiosk, screen.captcha)
    primary(qtbot, kiosk)  # 提交
    wait_for(qtbot, kiosk, "reset_done")

    done = kiosk.window.screen_by_id("reset_done")
    countdown = child(done, QLabel, "DoneCountdown")
    assert countdown.isVisible()
    assert countdown.text() == "10秒后跳转至个人登录首页"
    assert "密码修改成功" in child(done, QLabel, "DoneHeadline").text()
    # 点击返回登录 leads to the sign-in flow; the new password works there.
    tap(qtbot, child(done, QAbstractButton, "DoneButton"))
    wait_for(qtbot, kiosk, "center")
    assert not done.countdown.is_running()
    kiosk.window.go_home()
    sign_in(qtbot, kiosk, user["username"], NEW_PASSWORD)
    assert kiosk.client.signed_in


def test_mismatched_confirmation_keeps_submit_disabled(qtbot: Any, kiosk: Any) -> None:
    user = demo_user(kiosk)
    _verify_identity(qtbot, kiosk, user)
    screen = kiosk.window.screen_by_id("new_password")
    type_text(qtbot, child(screen, QLineEdit, "new_password"), NEW_PASSWORD)
    type_text(qtbot, child(screen, QLineEdit, "confirm"), NEW_PASSWORD + "x")
    answer_captcha(qtbot, kiosk, screen.captcha)
    assert not kiosk.window.primary_button.isEnabled()
    assert screen.confirm.message()
    # A wrong captcha answer: one sentence, a new captcha, and the passwords kept.
    type_text(qtbot, child(screen, QLineEdit, "confirm"), NEW_PASSWORD)
    old_captcha = screen.captcha.captcha_id
    right = kiosk.client.demo_captcha_answer(old_captcha)
    wrong = "".join(str((int(d) + 1) % 10) for d in right)
    type_digits(qtbot, kiosk, screen.captcha.field.line_edit, wrong)
    primary(qtbot, kiosk)
    qtbot.waitUntil(lambda: bool(screen.error) and not screen.busy, timeout=WAIT_MS)
    assert kiosk.window.current_id == "new_password"
    assert screen.password.text() == NEW_PASSWORD
    qtbot.waitUntil(
        lambda: bool(screen.captcha.captcha_id) and screen.captcha.captcha_id != old_captcha,
        timeout=WAIT_MS,
    )
