"""短信验证码: the code sent to the masked phone, with a "N秒后重新获取" countdown."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.api import CenterClient
from kiosk.errors import KioskError
from kiosk.flows import FlowData
from kiosk.ui.countdown import Countdown
from kiosk.ui.field import Field
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.tasks import TaskRunner
from kiosk.validation import check_code

CODE_LENGTH = 6


class CodeScreen(Screen):
    """Enter the 6-digit SMS code; resend after the countdown; verify with the center."""

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.primary_text = self.tr("下一步")
        self._client = client
        self._tasks = tasks
        self._purpose = "registrations"
        self._challenge_id = ""
        self._result: dict[str, object] = {}

        self.sent_label = QLabel(self)
        self.sent_label.setObjectName("SentTo")
        self.sent_label.setWordWrap(True)
        self.resend_button = QPushButton(self)
        self.resend_button.setObjectName("ResendButton")
        self.resend_button.setProperty("role", "secondary")
        self.code_field = Field(self.tr("短信验证码"), self, required=True)
        self.code_field.line_edit.setObjectName("code")
        self.code_field.line_edit.setProperty(INPUT_KIND, "digits")
        self.code_field.line_edit.setMaxLength(CODE_LENGTH)
        self.code_field.line_edit.setPlaceholderText(self.tr("请输入6位短信验证码"))
        self.code_field.set_label_width(150)
        self.code_field.set_trailing(self.resend_button)
        self.resend_button.setMinimumWidth(260)
        self.countdown = Countdown(self)

        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addWidget(self.sent_label)
        layout.addWidget(self.code_field)
        layout.addStretch(1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.code_field.text_changed.connect(self.on_code_text_changed)
        self.resend_button.clicked.connect(self.on_resend_button_clicked)
        self.countdown.tick.connect(self.on_countdown_tick)
        self.countdown.expired.connect(self.on_countdown_expired)

    def title(self) -> str:
        return self.tr("短信验证")

    def enter(self, data: FlowData) -> None:
        self._purpose = str(data.get("purpose", "registrations"))
        challenge_id = str(data.get("challenge_id", ""))
        if challenge_id != self._challenge_id:
            self._challenge_id = challenge_id
            self.code_field.clear()
            self._start_countdown(int(data.get("resend_after", 60)))
        self.sent_label.setText(
            self.tr("验证码已发送至 {phone}，请查收短信并在5分钟内填写。").format(
                phone=data.get("phone_masked", "")
            )
        )
        self._revalidate()

    def _start_countdown(self, seconds: int) -> None:
        if seconds > 0:
            self.countdown.start(seconds)
            self.on_countdown_tick(seconds)
        else:
            self.on_countdown_expired()

    def _revalidate(self) -> None:
        check = check_code(self.code_field.text(), CODE_LENGTH)
        self.set_valid(check.ok and bool(self._challenge_id))

    @Slot(str)
    def on_code_text_changed(self, _text: str) -> None:
        self.set_error("")
        self.code_field.set_message("", "hint")
        self._revalidate()

    @Slot(int)
    def on_countdown_tick(self, seconds: int) -> None:
        self.resend_button.setEnabled(False)
        self.resend_button.setText(self.tr("{n}秒后重新获取").format(n=seconds))

    @Slot()
    def on_countdown_expired(self) -> None:
        self.resend_button.setEnabled(True)
        self.resend_button.setText(self.tr("重新获取验证码"))

    @Slot()
    def on_resend_button_clicked(self) -> None:
        self.set_error("")
        self.resend_button.setEnabled(False)
        purpose, challenge_id = self._purpose, self._challenge_id
        self._tasks.run(
            lambda: self._client.resend_code(purpose, challenge_id),
            self._on_resent,
            self._on_resend_failed,
        )

    def _on_resent(self, result: dict[str, object]) -> None:
        self.code_field.clear()
        self.code_field.set_message(self.tr("新的验证码已发送，之前的验证码已失效。"), "hint")
        self._start_countdown(int(str(result.get("resend_after", 60))))

    def _on_resend_failed(self, error: KioskError) -> None:
        self.set_error(error.message)
        if error.retry_after:
            self._start_countdown(error.retry_after)
        else:
            self.on_countdown_expired()

    def submit(self) -> None:
        code = check_code(self.code_field.text(), CODE_LENGTH).value
        purpose, challenge_id = self._purpose, self._challenge_id
        self.run_busy(
            self._tasks,
            lambda: self._client.verify_code(purpose, challenge_id, code),
            self._on_verified,
            self._on_verify_failed,
        )

    def _on_verified(self, result: dict[str, object]) -> None:
        self._result = dict(result)
        self.countdown.stop()
        self.finished.emit()

    def _on_verify_failed(self, error: KioskError) -> None:
        if error.code in ("otp_expired", "otp_exhausted"):
            self.code_field.clear()
            self.countdown.stop()
            self.on_countdown_expired()
        else:
            self.code_field.set_message(error.message, "error")
        self.set_error(error.message)

    def apply(self, data: FlowData) -> None:
        for key in ("registration_token", "reset_token", "login_account"):
            if key in self._result:
                data[key] = self._result[key]

    def reset(self) -> None:
        super().reset()
        self.countdown.stop()
        self.code_field.clear()
        self._challenge_id = ""
        self._result = {}
        self.set_valid(False)

    def focus_widget(self) -> QWidget | None:
        return self.code_field.line_edit
