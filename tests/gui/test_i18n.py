"""The English translation: the header's English/中文 button, rebuilt screens, reset, the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.flows import REGISTRATION
from kiosk.ui.i18n import install_translator, installed_language, translated_flow
from tests.gui.helpers import WAIT_MS, home_tile, tap, wait_for

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TILES_EN = {
    "registration": "Register",
    "login": "Sign in",
    "recovery": "Recover password",
    "guide": "Service guide",
    "points": "Service points",
}
TILES_ZH = {
    "registration": "用户注册",
    "login": "用户登录",
    "recovery": "密码找回",
    "guide": "办事指南",
    "points": "网点查询",
}


@pytest.fixture(autouse=True)
def back_to_chinese(qapp: QApplication) -> Iterator[None]:
    """Never leave the English translator installed for the next test."""
    yield
    install_translator(qapp, "zh_CN")


def tile_titles(kiosk: Any) -> dict[str, str]:
    home = kiosk.window.screen_by_id("home")
    return {target: tile.title() for target, tile in home.tiles.items()}


def test_the_translator_loads_and_unloads(qapp: QApplication) -> None:
    translator = install_translator(qapp, "en")
    assert translator is not None and not translator.isEmpty()
    assert installed_language(qapp) == "en"
    assert QCoreApplication.translate("MainWindow", "下一步") == "Next"
    assert QCoreApplication.translate("Flow", "用户注册") == "Register"
    assert translated_flow(REGISTRATION).stages[0] == "Step 1: Verify identity"
    assert install_translator(qapp, "zh_CN") is None
    assert installed_language(qapp) == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "下一步") == "下一步"
    with pytest.raises(ValueError):
        install_translator(qapp, "fr")


def test_english_then_chinese_on_the_home_screen(qtbot: Any, kiosk: Any) -> None:
    window = kiosk.window
    toggle = window.header.language_toggle
    assert tile_titles(kiosk) == TILES_ZH
    assert toggle.isVisible() and toggle.text() == "English"

    tap(qtbot, toggle)
    assert kiosk.language == "en"
    assert tile_titles(kiosk) == TILES_EN
    assert window.current_id == "home" and window.current_screen.isVisible()
    assert window.header.title() == "Home"
    brand = window.header.findChild(QLabel, "headerBrand").text()
    assert brand.startswith("Ningxia Housing Provident Fund")
    assert "hotline" in window.footer.findChild(QLabel, "footerHotline").text()
    assert toggle.text() == "中文"
    # A screen built after the switch (in idle time or on first use) is English too.
    assert window.screen_by_id("login").title() == "Sign in"

    tap(qtbot, toggle)
    assert kiosk.language == "zh_CN"
    assert tile_titles(kiosk) == TILES_ZH
    assert window.header.title() == "首页"
    assert toggle.text() == "English"
    assert window.screen_by_id("login").title() == "用户登录"


def test_a_flow_started_in_english_and_the_reset_back_to_chinese(qtbot: Any, kiosk: Any) -> None:
    window = kiosk.window
    tap(qtbot, window.header.language_toggle)
    tap(qtbot, home_tile(kiosk, "registration"))
    qtbot.waitUntil(lambda: window.current_id == "center", timeout=WAIT_MS)
    assert window.header.title() == "Fund center"
    assert window.steps.isVisible()
    stages = [label.text() for label in window.steps.findChildren(QLabel) if label.text()]
    assert any("Step 1: Verify identity" in text for text in stages), stages
    assert window.primary_button.text() == "Next"
    assert window.back_button.text() == "Cancel"
    # Only the home screen offers the switch: a flow's fields are never thrown away.
    assert not window.header.language_toggle.isVisible()

    tap(qtbot, window.back_button)  # 取消: the reset returns to the configured language
    wait_for(qtbot, kiosk, "home")
    assert kiosk.language == kiosk.settings.language == "zh_CN"
    assert tile_titles(kiosk) == TILES_ZH
    assert window.header.language_toggle.isVisible()
    assert window.header.language_toggle.text() == "English"


def test_tools_i18n_check_finds_nothing_left_to_translate() -> None:
    folder = Path(sys.executable).parent
    if not (
        shutil.which("pyside6-lupdate")
        or (folder / "pyside6-lupdate").exists()
        or (folder / "pyside6-lupdate.exe").exists()
    ):
        pytest.skip("pyside6-lupdate is not installed (pip install PySide6-Essentials)")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hotline_footer_stays_through_language_switches(qtbot: Any, kiosk: Any) -> None:
    """The footer is made again in the new language: it must be there at once, in its place
    (it was made hidden, shown later at best; after a switch and a sign-in, never)."""
    window = kiosk.window
    root = window.centralWidget()
    for language in ("en", "zh_CN"):
        tap(qtbot, window.header.language_toggle)
        assert kiosk.language == language
        footer = window.footer
        assert footer.isVisible()
        assert footer.parentWidget() is root
        root.layout().activate()
        assert footer.geometry().bottom() == root.height() - 1  # at the bottom, in the layout
        assert "12329" in footer.findChild(QLabel, "footerHotline").text()
