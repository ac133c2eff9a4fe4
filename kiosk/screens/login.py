"""用户登录: 用户名, 密码 and, once the center asks for it, the image captcha.

The center answers every wrong user name or password with the same sentence; after 3 failures it
asks for a captcha (428 ``captcha_required``) and after 10 it locks the account for a while (423
``locked``). On success the client keeps the bearer token in memory only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.api import CenterClient
from kiosk.errors import KioskError
from kiosk.flows import FlowData
from kiosk.ui.captcha_field import CaptchaField
from kiosk.ui.field import Field
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.tasks import TaskRunner

TIPS = (
    "温馨提示：",
    "1、本系统登录账号与“宁夏住房公积金服务APP”登录账号通用；",
    "2、忘记密码可返回首页点击“密码找回”，通过身份证号和短信验证码重新设置；",
    "3、办理完毕请点击“退出登录”，以免他人使用您的账户；",
    "4、如果还有其他疑问，请您拨打12329公积金热线进行咨询。",
)

#: Error codes after which the password is wiped (it was checked and found wrong).
_WIPE_PASSWORD = frozenset({"invalid_credentials"})


class LoginScreen(Screen):
    """The sign-in form of the manual, on the on-screen keyboard."""

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.primary_text = self.tr("登录")
        self._client = client
        self._tasks = tasks
        self._center_id = ""
        self._result: dict[str, Any] = {}

        self.center_label = QLabel(self)
        self.center_label.setObjectName("CenterLine")
        self.username = Field(self.tr("用户名"), self, required=True)
        self.username.line_edit.setObjectName("username")
        self.username.line_edit.setProperty(INPUT_KIND, "text")
        self.username.line_edit.setMaxLength(16)
        self.username.line_edit.setPlaceholderText(self.tr("请输入用户名"))
        self.password = Field(self.tr("密码"), self, required=True)
        self.password.line_edit.setObjectName("password")
        self.password.line_edit.setProperty(INPUT_KIND, "text")
        self.password.line_edit.setMaxLength(24)
        self.password.line_edit.setPlaceholderText(self.tr("请输入密码"))
        self.password.set_password(True)
        self.captcha = CaptchaField(client.new_captcha, tasks, self)
        self.captcha.hide()
        for field in (self.username, self.password, self.captcha.field):
            field.set_label_width(160)
        self.tips = QLabel("\n".join(self.tr(t) for t in TIPS), self)
        self.tips.setObjectName("Tips")
        self.tips.setWordWrap(True)
        self.tips.setProperty("role", "note")

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.center_label)
        layout.addWidget(self.username)
        layout.addWidget(self.password)
        layout.addWidget(self.captcha)
        layout.addWidget(self.tips)
        layout.addStretch(1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.username.text_changed.connect(self.on_field_text_changed)
        self.password.text_changed.connect(self.on_field_text_changed)
        self.password.submitted.connect(self.on_password_submitted)
        self.captcha.changed.connect(self._revalidate)

    def title(self) -> str:
        return self.tr("用户登录")

    def enter(self, data: FlowData) -> None:
        self._center_id = str(data.get("center_id", ""))
        self.center_label.setText(self.tr("所属中心：") + str(data.get("center_name", "")))
        self._revalidate()

    # -- state --------------------------------------------------
    @property
    def captcha_required(self) -> bool:
        """Whether the captcha is shown (the center asked for it)."""
        return not self.captcha.isHidden()

    @Slot()
    def _revalidate(self) -> None:
        ok = bool(self.username.text().strip()) and bool(self.password.text())
        if self.captcha_required:
            ok = ok and self.captcha.ready
        self.set_valid(ok and bool(self._center_id))

    @Slot(str)
    def on_field_text_changed(self, _text: str) -> None:
        self.set_error("")
        self._revalidate()

    @Slot()
    def on_password_submitted(self) -> None:
        if self.valid and not self.busy:
            self.submit()

    def _show_captcha(self) -> None:
        """Show the captcha (from now on, for this resident) with a fresh image."""
        self.captcha.show()
        self.captcha.load()

    # -- 登录 --------------------------------------------------------
    def submit(self) -> None:
        kwargs: dict[str, Any] = {
            "center_id": self._center_id,
            "username": self.username.text().strip(),
            "password": self.password.text(),
        }
        if self.captcha_required and self.captcha.captcha_id:
            kwargs["captcha_id"] = self.captcha.captcha_id
            kwargs["captcha_answer"] = self.captcha.answer()
        client = self._client
        self.run_busy(
            self._tasks, lambda: client.login(**kwargs), self._on_signed_in, self._on_failed
        )

    def _on_signed_in(self, result: dict[str, Any]) -> None:
        self._result = {
            "display_name": str(result.get("display_name") or ""),
            "idle_timeout": result.get("idle_timeout"),
        }
        self.password.clear()
        self.captcha.field.clear()
        self.finished.emit()

    def _on_failed(self, error: KioskError) -> None:
        if error.code in _WIPE_PASSWORD:
            self.password.clear()
        if error.code in ("captcha_required", "locked") or error.code.startswith("captcha"):
            self._show_captcha()
            if error.code.startswith("captcha") and error.code != "captcha_required":
                self.captcha.set_message(error.message)
        elif self.captcha_required:
            # A captcha is single use: every failed attempt needs a new one.
            self.captcha.load()
        if error.code == "invalid_credentials":
            self.password.set_message(self.tr("请重新输入密码。"), "hint")
        self.set_error(error.message)
        self._revalidate()

    def apply(self, data: FlowData) -> None:
        data["display_name"] = self._result.get("display_name", "")
        data["username"] = self.username.text().strip()

    def reset(self) -> None:
        super().reset()
        self.username.clear()
        self.password.clear()
        self.captcha.clear()
        self.captcha.hide()
        self._result = {}
        self._center_id = ""
        self.set_valid(False)

    def focus_widget(self) -> QWidget | None:
        if self.username.text().strip():
            return self.password.line_edit
        return self.username.line_edit
