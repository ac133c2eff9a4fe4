"""Staff PIN pad, staff panel, the refused close and the hidden corner gesture (pytest-qt)."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QWidget

from kiosk.api import CenterClient
from kiosk.errorlog import ErrorRing
from kiosk.exitcodes import MAINTENANCE, RESTART
from kiosk.screens.staff import StaffPanel, StaffPinDialog
from kiosk.settings import Settings
from kiosk.staffpin import PinAttempts, lockout_seconds
from kiosk.ui.lockdown import CloseGuard, CornerGesture, apply_lockdown
from kiosk.ui.tasks import TaskRunner
from tests.gui.helpers import tap_key

PIN = "246810"
#: A cheap argon2id hash so the tests stay fast (production hashes use the library defaults).
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
PIN_HASH = CHEAP.hash(PIN)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.cancel_all()
    assert tasks.wait_for_done()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def type_pin(qtbot, dialog: StaffPinDialog, pin: str) -> None:
    for digit in pin:
        tap_key(qtbot, dialog.keypad, f"key_{digit}")


def submit(qtbot, dialog: StaffPinDialog, pin: str, signal: object) -> list[object]:
    type_pin(qtbot, dialog, pin)
    assert dialog.pin_edit.text() == pin
    with qtbot.waitSignal(signal, timeout=5000) as blocker:
        dialog.ok_button.click()
    assert dialog.pin_edit.text() == ""  # never left on screen
    return list(blocker.args or [])


# -- PIN -----------------------------------------------------------------------------------------
def test_lockout_grows_1_2_4_8_and_is_capped() -> None:
    assert [lockout_seconds(n) for n in range(6)] == [0, 1, 2, 4, 8, 16]
    assert lockout_seconds(40) == 300


def test_right_pin_opens(qtbot, runner: TaskRunner) -> None:
    attempts = PinAttempts(PIN_HASH)
    dialog = StaffPinDialog(attempts, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    submit(qtbot, dialog, PIN, dialog.pin_accepted)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert attempts.failures == 0


def test_wrong_pins_lock_the_pad_for_growing_times(qtbot, runner: TaskRunner) -> None:
    unit = 0.05
    attempts = PinAttempts(PIN_HASH, unit_s=unit)
    dialog = StaffPinDialog(attempts, runner, tick_ms=10)
    qtbot.addWidget(dialog)
    dialog.show()
    seen = []
    for expected in (unit, 2 * unit, 4 * unit):
        assert submit(qtbot, dialog, "000000", dialog.pin_rejected) == [pytest.approx(expected)]
        seen.append(attempts.last_lockout_s)
        assert dialog.locked
        assert not dialog.ok_button.isEnabled() and not dialog.keypad.isEnabled()
        assert "秒后重试" in dialog.hint.text()
        assert dialog.result() != QDialog.DialogCode.Accepted
        with qtbot.waitSignal(dialog.lockout_finished, timeout=5000):
            pass
        assert dialog.ok_button.isEnabled()
    assert seen == sorted(seen) and seen[-1] == pytest.approx(4 * seen[0])
    # After the lock-out the right PIN still works, and the count starts again.
    submit(qtbot, dialog, PIN, dialog.pin_accepted)
    assert attempts.failures == 0 and dialog.result() == QDialog.DialogCode.Accepted


def test_a_locked_pad_ignores_even_the_right_pin(qtbot, runner: TaskRunner) -> None:
    attempts = PinAttempts(PIN_HASH, unit_s=60)
    dialog = StaffPinDialog(attempts, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    submit(qtbot, dialog, "111111", dialog.pin_rejected)
    dialog.pin_edit.setText(PIN)
    dialog.on_ok_clicked()  # as if the disabled button were pressed anyway
    assert not dialog.checking and runner.pending == 0
    dialog.reject()
    # Reopening the pad does not reset the lock-out.
    again = StaffPinDialog(attempts, runner)
    qtbot.addWidget(again)
    assert again.locked and not again.ok_button.isEnabled()
    again.reject()


def test_without_a_configured_pin_nothing_opens(qtbot, runner: TaskRunner) -> None:
    dialog = StaffPinDialog(PinAttempts(""), runner)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "未设置员工 PIN" in dialog.hint.text()
    assert not PinAttempts("").check(PIN)
    assert not PinAttempts("$argon2id$garbage").check(PIN)


# -- lock-down -----------------------------------------------------------------------------------
def test_close_is_refused_until_allowed(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    guard = CloseGuard(window)
    window.show()
    with qtbot.waitSignal(guard.close_refused, timeout=1000):
        assert window.close() is False
    assert window.isVisible()
    guard.allow_close()
    assert window.close() is True
    assert not window.isVisible()


def test_apply_lockdown_makes_a_frameless_fullscreen_window_on_top(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    apply_lockdown(window, touch=True)
    try:
        flags = window.windowFlags()
        assert flags & Qt.WindowType.FramelessWindowHint
        assert flags & Qt.WindowType.WindowStaysOnTopHint
        assert window.isFullScreen()
        assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    finally:
        from kiosk.ui.lockdown import release_cursor

        release_cursor()


def test_long_press_in_the_corner_opens_the_staff_gesture(qtbot) -> None:
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    gesture = CornerGesture(window, long_press_ms=50)
    window.show()
    with qtbot.waitSignal(gesture.triggered, timeout=2000):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))


def test_a_press_on_a_child_widget_in_the_corner_counts(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    logo = QLabel("住房公积金", window)  # the header's logo usually covers the corner
    logo.setGeometry(0, 0, 200, 80)
    other = QWidget()
    qtbot.addWidget(other)
    gesture = CornerGesture(window, long_press_ms=50)
    window.show()
    try:
        qtbot.mousePress(other, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # another window
        assert not gesture.pressing
        qtbot.mouseRelease(other, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        with qtbot.waitSignal(gesture.triggered, timeout=2000):
            qtbot.mousePress(logo, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    finally:
        gesture.stop()


def test_press_outside_the_corner_or_released_early_does_nothing(qtbot) -> None:
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    gesture = CornerGesture(window, long_press_ms=60_000)
    window.show()
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    assert not gesture.pressing
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert gesture.pressing
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert not gesture.pressing


def test_five_quick_taps_in_the_corner(qtbot) -> None:
    now = [100.0]
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    gesture = CornerGesture(window, long_press_ms=60_000, clock=lambda: now[0])
    fired: list[bool] = []
    gesture.triggered.connect(lambda: fired.append(True))
    window.show()
    # Slow taps (a second apart) never add up.
    for _ in range(6):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        now[0] += 1.0
    assert fired == []
    for _ in range(4):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        now[0] += 0.2
    assert fired == []
    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not gesture.pressing


# -- the staff panel ------------------------------------------------------------------------------
@pytest.fixture
def panel_parts(tmp_path: Path, runner: TaskRunner) -> dict[str, object]:
    settings = Settings(
        center_url=closed_port_url(), kiosk_id="NX-TEST-01", data_dir=tmp_path / "data"
    )
    client = CenterClient(settings.center_url, settings.kiosk_id, timeout=(1.0, 1.0))
    ring = ErrorRing()
    logging.getLogger("kiosk.test").addHandler(ring)
    exits: list[int] = []
    reloads: list[bool] = []
    parts: dict[str, object] = {
        "settings": settings,
        "client": client,
        "ring": ring,
        "exits": exits,
        "reloads": reloads,
    }
    yield parts
    logging.getLogger("kiosk.test").removeHandler(ring)


def make_panel(qtbot, parts: dict[str, object], runner: TaskRunner) -> StaffPanel:
    exits = parts["exits"]
    reloads = parts["reloads"]
    assert isinstance(exits, list) and isinstance(reloads, list)
    panel = StaffPanel(
        parts["settings"],  # type: ignore[arg-type]
        parts["client"],  # type: ignore[arg-type]
        runner,
        reload_reference=lambda: reloads.append(True),
        exit_app=exits.append,
        errors=parts["ring"],  # type: ignore[arg-type]
        cache_age=lambda: 3 * 3600.0,
        device_health=lambda: {"printer": "missing"},
        version="9.9.9",
    )
    qtbot.addWidget(panel)
    return panel


def test_panel_shows_the_kiosk_and_a_silent_center(qtbot, panel_parts, runner) -> None:
    logging.getLogger("kiosk.test").error("打印机通信失败")
    panel = make_panel(qtbot, panel_parts, runner)
    with qtbot.waitSignal(panel.center_checked, timeout=10_000) as blocker:
        panel.show()
    assert blocker.args == [False]
    assert panel.kiosk_label.text() == "NX-TEST-01"
    assert panel.version_label.text() == "9.9.9"
    assert panel.center_label.text().startswith("http://127.0.0.1:")
    assert panel.center_state.text().startswith("无应答")
    assert "3 小时前" in panel.cache_label.text()
    assert "打印机：未连接" in panel.health_label.text()
    assert "打印机通信失败" in panel.errors_view.toPlainText()


def test_panel_actions_are_logged_and_use_the_exit_codes(
    qtbot, panel_parts, runner, caplog
) -> None:
    panel = make_panel(qtbot, panel_parts, runner)
    caplog.set_level(logging.INFO, logger="kiosk.staff")
    panel.reload_button.click()
    panel.restart_button.click()
    panel.maintenance_button.click()
    with qtbot.waitSignal(panel.close_requested, timeout=1000):
        panel.back_button.click()
    assert panel_parts["reloads"] == [True]
    assert panel_parts["exits"] == [int(RESTART), int(MAINTENANCE)] == [3, 4]
    logged = " | ".join(r.getMessage() for r in caplog.records if r.name == "kiosk.staff")
    assert "reload reference data" in logged
    assert "restart (exit code 3)" in logged
    assert "exit to maintenance (exit code 4)" in logged


def test_test_page_goes_to_a_pdf_without_a_printer(qtbot, panel_parts, runner) -> None:
    panel = make_panel(qtbot, panel_parts, runner)
    with qtbot.waitSignal(panel.test_page_printed, timeout=5000) as blocker:
        panel.print_button.click()
    pdf = Path(blocker.args[0])
    assert pdf.name == "test-page.pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert "测试页已发送" in panel.status_label.text()
