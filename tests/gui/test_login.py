"""用户登录, 网厅首页, 退出登录 and the idle logout, driven by taps against the real center."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from kiosk.app import Kiosk
from kiosk.masking import mask_name
from kiosk.screens.account_home import AccountHomeScreen
from kiosk.settings import Settings
from kiosk.ui.theme import apply_theme
from tests.gui.helpers import (
    WAIT_MS,
    answer_captcha,
    child,
    demo_user,
    home_tile,
    primary,
    sign_in,
    tap,
    type_text,
    wait_for,
)

pytestmark = pytest.mark.gui


def _me_status(kiosk: Any, token: str) -> int:
    response = requests.get(
        f"{kiosk.client.base_url}/api/v1/me/account",
        headers={"Authorization": f"Bearer {token}", "X-Kiosk-Id": "TEST-KIOSK-01"},
        timeout=10,
    )
    return response.status_code


def test_sign_in_shows_the_account_home_with_the_masked_name(qtbot: Any, kiosk: Any) -> None:
    user = demo_user(kiosk)
    sign_in(qtbot, kiosk, user["username"], user["password"])

    account_home = kiosk.window.screen_by_id("account_home")
    greeting = child(account_home, QLabel, "Greeting").text()
    assert mask_name(user["name"]) in greeting
    assert user["name"] not in greeting
    assert kiosk.client.signed_in
    for name in ("tile_account", "tile_query", "tile_loan", "tile_withdraw", "tile_guide"):
        assert child(account_home, QAbstractButton, name).isVisible()
    assert child(account_home, QAbstractButton, "LogoutButton").isVisible()
    # The password never stays in a widget after sign-in.
    assert child(kiosk.window.screen_by_id("login"), QLineEdit, "password").text() == ""


def test_logout_revokes_the_session_and_wipes_the_screens(qtbot: Any, kiosk: Any) -> None:
    user = demo_user(kiosk)
    sign_in(qtbot, kiosk, user["username"], user["password"])
    token = kiosk.client.token
    assert token and _me_status(kiosk, token) == 200

    tap(qtbot, child(kiosk.window.screen_by_id("account_home"), QAbstractButton, "LogoutButton"))
    wait_for(qtbot, kiosk, "home")
    qtbot.waitUntil(lambda: kiosk.tasks.pending == 0, timeout=WAIT_MS)
    assert not kiosk.client.signed_in
    qtbot.waitUntil(lambda: _me_status(kiosk, token) == 401, timeout=WAIT_MS)
    assert child(kiosk.window.screen_by_id("login"), QLineEdit, "username").text() == ""
    assert (
        user["name"][0]
        not in child(kiosk.window.screen_by_id("account_home"), QLabel, "Greeting").text()
    )


def test_back_from_the_account_home_signs_out(qtbot: Any, kiosk: Any) -> None:
    user = demo_user(kiosk)
    sign_in(qtbot, kiosk, user["username"], user["password"])
    tap(qtbot, kiosk.window.back_button)
    wait_for(qtbot, kiosk, "home")
    qtbot.waitUntil(lambda: not kiosk.client.signed_in, timeout=WAIT_MS)


def test_a_business_tile_not_yet_available_says_so(qtbot: Any, kiosk: Any) -> None:
    registered = {"account"}
    screen = AccountHomeScreen(kiosk.reference, "yc", lambda target: target in registered)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.assertNotEmitted(screen.leave_requested):
        tap(qtbot, child(screen, QAbstractButton, "tile_loan"))
    assert "即将开通" in screen.error and "12329" in screen.error
    with qtbot.waitSignal(screen.leave_requested) as left:
        tap(qtbot, child(screen, QAbstractButton, "tile_account"))
    assert left.args == ["account"]
    assert screen.error == ""


def test_the_guide_from_the_signed_in_home_returns_there(qtbot: Any, kiosk: Any) -> None:
    user = demo_user(kiosk)
    sign_in(qtbot, kiosk, user["username"], user["password"])
    account_home = kiosk.window.screen_by_id("account_home")
    tap(qtbot, child(account_home, QAbstractButton, "tile_guide"))
    wait_for(qtbot, kiosk, "guide")
    tap(qtbot, kiosk.window.back_button)
    wait_for(qtbot, kiosk, "account_home")
    assert kiosk.client.signed_in


def test_wrong_password_keeps_the_username_and_asks_for_a_captcha_after_three(
    qtbot: Any, kiosk: Any
) -> None:
    user = demo_user(kiosk)
    tap(qtbot, home_tile(kiosk, "login"))
    wait_for(qtbot, kiosk, "center")
    primary(qtbot, kiosk)
    wait_for(qtbot, kiosk, "login")
    login = kiosk.window.screen_by_id("login")
    username = child(login, QLineEdit, "username")
    password = child(login, QLineEdit, "password")
    type_text(qtbot, username, user["username"])
    assert password.echoMode() == QLineEdit.EchoMode.Password

    for _attempt in range(3):
        type_text(qtbot, password, "Wrong12345")
        primary(qtbot, kiosk)
        qtbot.waitUntil(lambda: bool(login.error) and not login.busy, timeout=WAIT_MS)
        assert "用户名或密码不正确" in kiosk.window.banner.message()
        assert username.text() == user["username"]
        assert password.text() == ""
        assert not login.captcha_required

    # The fourth try: the center asks for the image captcha before checking anything.
    type_text(qtbot, password, user["password"])
    primary(qtbot, kiosk)
    qtbot.waitUntil(lambda: login.captcha_required, timeout=WAIT_MS)
    assert "验证码" in kiosk.window.banner.message()
    assert username.text() == user["username"]
    assert not kiosk.window.primary_button.isEnabled()

    answer_captcha(qtbot, kiosk, login.captcha)
    if not password.text():
        type_text(qtbot, password, user["password"])
    primary(qtbot, kiosk)
    wait_for(qtbot, kiosk, "account_home")
    assert kiosk.client.signed_in


@pytest.fixture
def kiosk_idle(qtbot: Any, qapp: Any, settings: Settings) -> Iterator[Kiosk]:
    """The whole kiosk with a one-second idle limit on account views."""
    apply_theme(qapp)
    app = Kiosk(settings.with_(idle_account_s=1))
    qtbot.addWidget(app.window)
    app.window.resize(1366, 900)
    app.window.show()
    with qtbot.waitSignal(app.reference_refreshed, timeout=WAIT_MS):
        app.start_services()
    yield app
    app.shutdown()


def test_idle_on_the_account_home_logs_out_and_returns_home(qtbot: Any, kiosk_idle: Any) -> None:
    kiosk = kiosk_idle
    user = demo_user(kiosk)
    sign_in(qtbot, kiosk, user["username"], user["password"])
    token = kiosk.client.token
    # The idle limit is one second; the warning counts at least 20 "seconds": shorten them.
    tick = kiosk.window.idle_guard.findChild(QTimer, "idleTickTimer")
    tick.setInterval(20)
    qtbot.waitUntil(kiosk.window.idle_warning.isVisible, timeout=WAIT_MS)
    assert kiosk.window.current_id == "account_home"
    wait_for(qtbot, kiosk, "home")
    assert not kiosk.window.idle_warning.isVisible()
    qtbot.waitUntil(lambda: not kiosk.client.signed_in, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _me_status(kiosk, token) == 401, timeout=WAIT_MS)
    assert (
        user["name"][0]
        not in child(kiosk.window.screen_by_id("account_home"), QLabel, "Greeting").text()
    )
