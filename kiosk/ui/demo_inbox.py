"""Demo mode only: a visible window listing demo residents and the SMS the demo gateway sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.ui.tasks import TaskRunner

POLL_MS = 2000


class DemoInbox(QWidget):
    """Shows demo residents (ID, phone, username) and every SMS code sent to their phones.

    The data is the demo center's invented residents, never real people.
    """

    def __init__(
        self,
        residents: Callable[[], list[dict[str, Any]]],
        sms: Callable[[str], list[dict[str, Any]]],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("演示短信收件箱（仅演示模式）"))
        self.resize(440, 860)
        self._residents_fn = residents
        self._sms_fn = sms
        self._tasks = tasks
        self._residents: list[dict[str, Any]] = []
        self._polling = False
        self.people = QPlainTextEdit(self)
        self.people.setReadOnly(True)
        self.people.setObjectName("DemoResidents")
        self.messages = QPlainTextEdit(self)
        self.messages.setReadOnly(True)
        self.messages.setObjectName("DemoMessages")
        # A helper window for whoever runs the demo, not part of the kiosk: compact text.
        self.setStyleSheet("QPlainTextEdit { font-size: 13pt; } QLabel { font-size: 14pt; }")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("演示居民（虚构数据）"), self))
        layout.addWidget(self.people, 2)
        layout.addWidget(QLabel(self.tr("演示短信网关已发送的短信（最新在前）"), self))
        layout.addWidget(self.messages, 3)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        self._tasks.run(self._residents_fn, self._on_residents, self._on_failed)

    def _on_residents(self, residents: list[dict[str, Any]]) -> None:
        self._residents = residents
        lines = []
        for r in residents:
            status = (
                self.tr("已注册 {u}").format(u=r.get("username"))
                if r.get("registered")
                else self.tr("未注册")
            )
            password = r.get("password") or r.get("demo_password")
            extra = self.tr("  密码 {p}").format(p=password) if password else ""
            lines.append(
                f"{r.get('name', '')}  {r.get('center_id', '')}\n"
                f"  {r.get('id_number', '')}  {r.get('phone', '')}  {status}{extra}"
            )
        self.people.setPlainText("\n".join(lines))
        self._timer.start()

    def _on_failed(self, error: KioskError) -> None:
        self.messages.setPlainText(error.message)

    @Slot()
    def on_timer_timeout(self) -> None:
        if self._polling:
            return
        self._polling = True
        phones = sorted({str(r.get("phone", "")) for r in self._residents if r.get("phone")})
        fetch = self._sms_fn

        def collect() -> list[dict[str, Any]]:
            found: list[dict[str, Any]] = []
            for phone in phones:
                found.extend({**m, "phone": phone} for m in fetch(phone))
            return sorted(found, key=lambda m: str(m.get("sent_at", "")), reverse=True)

        self._tasks.run(collect, self._on_messages, self._on_poll_failed)

    def _on_messages(self, messages: list[dict[str, Any]]) -> None:
        self._polling = False
        text = "\n\n".join(
            f"{m.get('sent_at', '')}  → {m.get('phone', '')}\n{m.get('text') or m.get('body', '')}"
            for m in messages[:30]
        )
        if text != self.messages.toPlainText():
            self.messages.setPlainText(text)

    def _on_poll_failed(self, _error: KioskError) -> None:
        self._polling = False

    def closeEvent(self, event: Any) -> None:
        self._timer.stop()
        super().closeEvent(event)
