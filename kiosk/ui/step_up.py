"""The SMS step-up box before a money operation: 获取验证码 with its countdown, and the code field.

``POST /me/otp`` sends a code to the phone on file (``/me/otp/{id}/resend`` for another one);
:func:`verify_step_up` (run off the GUI thread) trades the code for the single-use step-up token
that authorises one money request.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.api import CenterClient
from kiosk.errors import KioskError
from kiosk.ui.countdown import Countdown
from kiosk.ui.field import Field
from kiosk.ui.screen import INPUT_KIND
from kiosk.ui.tasks import TaskRunner
from kiosk.validation import check_code

__all__ = ["CODE_LENGTH", "StepUpBox", "verify_step_up"]

CODE_LENGTH = 6


def verify_step_up(client: CenterClient, challenge_id: str, code: str) -> str:
    """Check a step-up code with the center; returns the step-up token (blocking)."""
    result = client.request(
        "POST", "/me/otp/verify", json={"challenge_id": challenge_id, "code": code}, auth=True
    )
    return str(result["step_up_token"])


class StepUpBox(QWidget):
    """The code row of a money form.

    Args:
        client: the center client (signed in).
        tasks: the task runner.

    Signals:
        changed(): the code or the challenge changed (re-check the form).
        failed(str): sending a code failed; the sentence to show.
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("StepUpBox")
        self._client = client
        self._tasks = tasks
        self._challenge_id = ""

        self.send_button = QPushButton(self.tr("获取验证码"), self)
        self.send_button.setObjectName("SendCodeButton")
        self.send_button.setProperty("role", "secondary")
        self.code_field = Field(
            self.tr("短信验证码"), self, required=True, trailing=self.send_button
        )
        self.code_field.line_edit.setObjectName("step_up_code")
        self.code_field.line_edit.setProperty(INPUT_KIND, "digits")
        self.code_field.line_edit.setMaxLength(CODE_LENGTH)
        self.code_field.line_edit.setPlaceholderText(self.tr("请输入6位短信验证码"))
        self.sent_label = QLabel(
            self.tr("为保障资金安全，请点击“获取验证码”，验证码将发送至您在中心预留的手机。"), self
        )
        self.sent_label.setObjectName("StepUpHint")
        self.sent_label.setProperty("role", "hint")
        self.sent_label.setWordWrap(True)
        self.countdown = Countdown(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.code_field)
        layout.addWidget(self.sent_label)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.send_button.clicked.connect(self.on_send_button_clicked)
        self.code_field.text_changed.connect(self.on_code_text_changed)
        self.countdown.tick.connect(self.on_countdown_tick)
        self.countdown.expired.connect(self.on_countdown_expired)

    # -- state --------------------------------------------------------------------------------
    @property
    def challenge_id(self) -> str:
        return self._challenge_id

    def code(self) -> str:
        """The typed code when complete, else ``""``."""
        check = check_code(self.code_field.text(), CODE_LENGTH)
        return check.value if check.ok else ""

    def ready(self) -> bool:
        """A code was sent and 6 digits are typed."""
        return bool(self._challenge_id) and bool(self.code())

    def show_code_error(self, error: KioskError) -> None:
        """A wrong, expired or used code: say so under the field (void codes are cleared)."""
        if error.code in ("otp_expired", "otp_exhausted", "step_up_invalid", "step_up_required"):
            self.code_field.clear()
            if error.code != "otp_expired" or not self.countdown.is_running():
                self.countdown.stop()
                self.on_countdown_expired()
        self.code_field.set_message(error.message, "error")

    def show_verify_error(self, error: KioskError) -> None:
        """Trading the code for a token failed: a code error goes under the field."""
        if error.field == "code" or error.code.startswith("otp_"):
            self.show_code_error(error)

    def reset(self) -> None:
        """Forget the challenge and the code."""
        self.countdown.reset()
        self._challenge_id = ""
        self.code_field.clear()
        self.send_button.setEnabled(True)
        self.send_button.setText(self.tr("获取验证码"))
        self.sent_label.setText(
            self.tr("为保障资金安全，请点击“获取验证码”，验证码将发送至您在中心预留的手机。")
        )

    # -- slots --------------------------------------------------------------------------------
    @Slot()
    def on_send_button_clicked(self) -> None:
        self.send_button.setEnabled(False)
        client, challenge = self._client, self._challenge_id
        if challenge:
            self._tasks.run(
                lambda: client.request("POST", f"/me/otp/{challenge}/resend", auth=True),
                self._on_sent,
                self._on_send_failed,
            )
        else:
            self._tasks.run(
                lambda: client.request("POST", "/me/otp", auth=True),
                self._on_sent,
                self._on_send_failed,
            )

    def _on_sent(self, result: Any) -> None:
        body = result if isinstance(result, dict) else {}
        self._challenge_id = str(body.get("challenge_id", ""))
        self.code_field.clear()
        self.sent_label.setText(
            self.tr("验证码已发送至 {phone}，请查收短信并在5分钟内填写。").format(
                phone=body.get("phone_masked", "")
            )
        )
        self.countdown.start(int(str(body.get("resend_after", 60))))
        self.changed.emit()

    def _on_send_failed(self, error: KioskError) -> None:
        if error.retry_after:
            self.countdown.start(error.retry_after)
        else:
            self.on_countdown_expired()
        self.failed.emit(error.message)

    @Slot(str)
    def on_code_text_changed(self, _text: str) -> None:
        if self.code_field.message_kind() == "error":
            self.code_field.set_message("", "hint")
        self.changed.emit()

    @Slot(int)
    def on_countdown_tick(self, seconds: int) -> None:
        self.send_button.setEnabled(False)
        self.send_button.setText(self.tr("{n}秒后重新获取").format(n=seconds))

    @Slot()
    def on_countdown_expired(self) -> None:
        self.send_button.setEnabled(True)
        self.send_button.setText(
            self.tr("重新获取验证码") if self._challenge_id else self.tr("获取验证码")
        )
