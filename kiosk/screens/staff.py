"""The staff side of the kiosk: the PIN pad and the staff panel (员工维护面板).

Opened by the hidden corner gesture (:class:`kiosk.ui.lockdown.CornerGesture`). Nothing here
shows or logs personal data; every staff action is logged under ``kiosk.staff``.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QMarginsF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from kiosk.errorlog import ErrorRing
from kiosk.errors import KioskError
from kiosk.exitcodes import MAINTENANCE, RESTART
from kiosk.settings import Settings
from kiosk.staffpin import PinAttempts
from kiosk.ui.keypad import Keypad
from kiosk.ui.tasks import TaskRunner

log = logging.getLogger("kiosk.staff")

PIN_MAX_LENGTH = 12


class HealthClient(Protocol):
    """The part of :class:`~kiosk.api.CenterClient` the panel needs."""

    base_url: str

    def health(self) -> dict[str, Any]: ...


class StaffPinDialog(QDialog):
    """A big numeric PIN pad; accepted when the PIN matches ``[staff] pin_hash``.

    The argon2 check runs on the task runner. After a wrong PIN the pad is locked for 1, 2, 4,
    8 ... seconds (``PinAttempts``), with a visible countdown.

    Args:
        attempts: the application's PIN state (shared by every opening of the pad).
        runner: runs the argon2 check off the GUI thread.
        tick_ms: countdown refresh period.

    Signals:
        pin_accepted: the PIN was right (then the dialog is accepted).
        pin_rejected(float): the PIN was wrong; the lock-out in seconds.
        lockout_finished: the pad is usable again.
    """

    pin_accepted = Signal()
    pin_rejected = Signal(float)
    lockout_finished = Signal()

    def __init__(
        self,
        attempts: PinAttempts,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        tick_ms: int = 250,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPinDialog")
        self.setModal(True)
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self._attempts = attempts
        self._runner = runner
        self._checking = False

        self.title = QLabel(self.tr("员工验证"), self)
        self.title.setProperty("role", "title")
        self.hint = QLabel(self.tr("请输入员工 PIN"), self)
        self.hint.setObjectName("PinHint")
        self.hint.setWordWrap(True)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setObjectName("pin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(PIN_MAX_LENGTH)
        self.pin_edit.setReadOnly(False)
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad = Keypad(self)
        self.keypad.set_target(self.pin_edit)
        self.ok_button = QPushButton(self.tr("确定"), self)
        self.ok_button.setObjectName("PinOk")
        self.ok_button.setProperty("role", "primary")
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("PinCancel")
        self.cancel_button.setProperty("role", "secondary")

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.keypad)
        layout.addLayout(buttons)

        self._countdown = QTimer(self)
        self._countdown.setInterval(tick_ms)
        self._connect_signals()
        if not attempts.configured:
            self.hint.setText(self.tr("本机未设置员工 PIN，请联系信息技术部门。"))
            self.ok_button.setEnabled(False)
        self._update_lockout()

    def _connect_signals(self) -> None:
        self.ok_button.clicked.connect(self.on_ok_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.pin_edit.returnPressed.connect(self.on_ok_clicked)
        self._countdown.timeout.connect(self._update_lockout)
        self.finished.connect(self._countdown.stop)

    @property
    def locked(self) -> bool:
        return self._attempts.locked_for() > 0

    @property
    def checking(self) -> bool:
        return self._checking

    def on_ok_clicked(self) -> None:
        if self._checking or self.locked or not self._attempts.configured:
            return
        pin = self.pin_edit.text()
        self.pin_edit.clear()
        if not pin:
            return
        self._set_checking(True)
        attempts = self._attempts
        self._runner.run(lambda: attempts.check(pin), self.on_check_done, self.on_check_error)

    def on_check_done(self, ok: bool) -> None:
        self._set_checking(False)
        lockout = self._attempts.record(bool(ok))
        if ok:
            log.info("staff signed in at the kiosk")
            self.pin_accepted.emit()
            self.accept()
            return
        self.pin_rejected.emit(lockout)
        self._update_lockout()

    def on_check_error(self, error: KioskError) -> None:
        self._set_checking(False)
        log.error("staff PIN check failed: %s", error.code)
        self.hint.setText(self.tr("无法验证 PIN，请重试。"))

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        self.ok_button.setEnabled(not checking and not self.locked)
        self.keypad.setEnabled(not checking and not self.locked)
        if checking:
            self.hint.setText(self.tr("正在验证……"))

    def _update_lockout(self) -> None:
        remaining = self._attempts.locked_for()
        if remaining > 0:
            seconds = max(1, math.ceil(remaining))
            self.hint.setText(self.tr("PIN 错误，请 %n 秒后重试。", "", seconds))
            self.ok_button.setEnabled(False)
            self.keypad.setEnabled(False)
            if not self._countdown.isActive():
                self._countdown.start()
            return
        was_locked = self._countdown.isActive()
        self._countdown.stop()
        if self._attempts.configured and not self._checking:
            self.ok_button.setEnabled(True)
            self.keypad.setEnabled(True)
            if self._attempts.failures:
                self.hint.setText(self.tr("PIN 错误，请重新输入员工 PIN。"))
        if was_locked:
            self.lockout_finished.emit()


class StaffPanel(QWidget):
    """员工维护面板: the kiosk's state and the staff actions.

    Args:
        settings: the kiosk's settings (kiosk id, center URL, printer, data folder).
        client: asks the center whether it answers (``health``).
        runner: runs the health call off the GUI thread.
        reload_reference: starts a reload of the reference data (returns at once).
        exit_app: ends the application with an exit code (3 restart, 4 maintenance).
        errors: the in-memory log of the last warnings and errors.
        cache_age: seconds since the reference data was last fetched from the center, or None.
        device_health: device name → ``ok``/``missing``/``error``/``unknown``.
        version: shown version (``kiosk.__version__``).

    Signals:
        close_requested: 返回 was pressed; the shell hides the panel.
        center_checked(bool): the center answered (True) or not.
        test_page_printed(str): where the test page went (a printer name or a PDF path).
    """

    close_requested = Signal()
    center_checked = Signal(bool)
    test_page_printed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        client: HealthClient,
        runner: TaskRunner,
        reload_reference: Callable[[], None],
        exit_app: Callable[[int], None],
        *,
        errors: ErrorRing | None = None,
        cache_age: Callable[[], float | None] | None = None,
        device_health: Callable[[], Mapping[str, str]] | None = None,
        version: str = __version__,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StaffPanel")
        # It covers the kiosk window as an overlay: paint an opaque background of its own.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#StaffPanel { background: #ECEFF4; }")
        self._settings = settings
        self._client = client
        self._runner = runner
        self._reload_reference = reload_reference
        self._exit_app = exit_app
        self._errors = errors
        self._cache_age = cache_age
        self._device_health = device_health

        title = QLabel(self.tr("员工维护面板"), self)
        title.setProperty("role", "title")
        self.kiosk_label = QLabel(settings.kiosk_id, self)
        self.kiosk_label.setObjectName("KioskId")
        self.version_label = QLabel(version, self)
        self.version_label.setObjectName("Version")
        self.center_label = QLabel(settings.center_url or self.tr("（未设置）"), self)
        self.center_label.setObjectName("CenterUrl")
        self.center_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.center_state = QLabel(self)
        self.center_state.setObjectName("CenterState")
        self.cache_label = QLabel(self)
        self.cache_label.setObjectName("CacheAge")
        self.health_label = QLabel(self)
        self.health_label.setObjectName("DeviceHealth")
        self.health_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("StaffStatus")
        self.status_label.setWordWrap(True)
        self.errors_view = QPlainTextEdit(self)
        self.errors_view.setObjectName("LastErrors")
        self.errors_view.setReadOnly(True)
        self.errors_view.setMaximumBlockCount(200)

        form = QFormLayout()
        form.addRow(self.tr("终端编号"), self.kiosk_label)
        form.addRow(self.tr("软件版本"), self.version_label)
        form.addRow(self.tr("中心地址"), self.center_label)
        form.addRow(self.tr("中心连接"), self.center_state)
        form.addRow(self.tr("参考数据"), self.cache_label)
        form.addRow(self.tr("设备状态"), self.health_label)

        self.reload_button = self._button(self.tr("刷新参考数据"), "ReloadButton", "secondary")
        self.print_button = self._button(self.tr("打印测试页"), "PrintButton", "secondary")
        self.restart_button = self._button(self.tr("重启"), "RestartButton", "danger")
        self.maintenance_button = self._button(
            self.tr("退出到维护模式"), "MaintenanceButton", "danger"
        )
        self.back_button = self._button(self.tr("返回"), "BackButton", "primary")
        actions = QHBoxLayout()
        for button in (
            self.reload_button,
            self.print_button,
            self.restart_button,
            self.maintenance_button,
            self.back_button,
        ):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("最近的错误"), self))
        layout.addWidget(self.errors_view, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(actions)
        self._connect_signals()

    def _button(self, text: str, name: str, role: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("role", role)
        return button

    def _connect_signals(self) -> None:
        self.reload_button.clicked.connect(self.on_reload_clicked)
        self.print_button.clicked.connect(self.on_print_clicked)
        self.restart_button.clicked.connect(self.on_restart_clicked)
        self.maintenance_button.clicked.connect(self.on_maintenance_clicked)
        self.back_button.clicked.connect(self.on_back_clicked)

    # -- refresh ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read every shown value and ask the center whether it answers."""
        self._refresh_cache_age()
        self._refresh_health()
        self._refresh_errors()
        self.center_state.setText(self.tr("正在检查……"))
        client = self._client
        self._runner.run(client.health, self.on_health_done, self.on_health_error)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def on_health_done(self, _answer: object) -> None:
        self.center_state.setText(self.tr("正常应答"))
        self.center_checked.emit(True)

    def on_health_error(self, error: KioskError) -> None:
        self.center_state.setText(self.tr("无应答：%1").replace("%1", error.message))
        self.center_checked.emit(False)

    def _refresh_cache_age(self) -> None:
        age = self._cache_age() if self._cache_age is not None else None
        if age is None:
            self.cache_label.setText(self.tr("尚未从中心获取（使用内置数据）"))
        elif age < 120:
            self.cache_label.setText(self.tr("%n 秒前更新", "", int(age)))
        elif age < 7200:
            self.cache_label.setText(self.tr("%n 分钟前更新", "", int(age // 60)))
        else:
            self.cache_label.setText(self.tr("%n 小时前更新", "", int(age // 3600)))

    def _refresh_health(self) -> None:
        health = dict(self._device_health()) if self._device_health is not None else {}
        if not health:
            self.health_label.setText(self.tr("未配置外接设备"))
            return
        names = {"printer": self.tr("打印机"), "card_reader": self.tr("读卡器")}
        states = {
            "ok": self.tr("正常"),
            "missing": self.tr("未连接"),
            "error": self.tr("故障"),
            "unknown": self.tr("未知"),
        }
        parts = [f"{names.get(k, k)}：{states.get(v, v)}" for k, v in sorted(health.items())]
        self.health_label.setText("；".join(parts))

    def _refresh_errors(self) -> None:
        entries = self._errors.entries() if self._errors is not None else []
        if entries:
            self.errors_view.setPlainText("\n".join(e.line() for e in reversed(entries)))
        else:
            self.errors_view.setPlainText(self.tr("本次运行没有错误记录。"))

    # -- actions ----------------------------------------------------------------------------------
    def on_reload_clicked(self) -> None:
        log.info("staff action: reload reference data")
        self._reload_reference()
        self.status_label.setText(self.tr("已开始刷新参考数据。"))

    def on_print_clicked(self) -> None:
        log.info("staff action: test print")
        try:
            target = print_test_page(
                self._settings,
                lines=[
                    self.tr("住房公积金自助终端 测试页"),
                    self.tr("终端编号：%1").replace("%1", self._settings.kiosk_id),
                    self.tr("软件版本：%1").replace("%1", self.version_label.text()),
                    time.strftime("%Y-%m-%d %H:%M:%S"),
                ],
            )
        except OSError as exc:
            log.error("test print failed: %s", exc)
            self.status_label.setText(self.tr("测试页打印失败，请检查打印机。"))
            return
        self.status_label.setText(self.tr("测试页已发送到：%1").replace("%1", target))
        self.test_page_printed.emit(target)

    def on_restart_clicked(self) -> None:
        log.info("staff action: restart (exit code %d)", RESTART)
        self._exit_app(int(RESTART))

    def on_maintenance_clicked(self) -> None:
        log.info("staff action: exit to maintenance (exit code %d)", MAINTENANCE)
        self._exit_app(int(MAINTENANCE))

    def on_back_clicked(self) -> None:
        log.info("staff panel closed")
        self.close_requested.emit()


def print_test_page(settings: Settings, *, lines: list[str]) -> str:
    """Print a one-page test to ``settings.printer``, or to a PDF when none is configured.

    Returns:
        The printer name, or the PDF path (``<data_dir>/test-page.pdf``).

    Raises:
        OSError: the printer or the PDF could not be opened.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    if settings.printer and settings.printer in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(settings.printer)
        target = settings.printer
    else:
        if settings.printer:
            log.warning("printer %r not found; test page written as PDF", settings.printer)
        pdf = Path(settings.data_dir) / "test-page.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        target = str(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot open {target}")
    try:
        font = QFont(painter.font())
        font.setPointSize(16)
        painter.setFont(font)
        step = painter.fontMetrics().height() * 2
        y = step
        for line in lines:
            painter.drawText(0, y, line)
            y += step
    finally:
        painter.end()
    return target
