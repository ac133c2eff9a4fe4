"""第二步 填写注册信息: 用户名, 密码, 确认密码, 电子邮箱, 验证码, and the agreement."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient
from kiosk.errors import KioskError
from kiosk.flows import FlowData
from kiosk.masking import mask_id, mask_phone
from kiosk.reference import Reference
from kiosk.ui.agreement import AgreementDialog
from kiosk.ui.captcha_field import CaptchaField
from kiosk.ui.field import Field
from kiosk.ui.field_checks import check_new_password, show_checks
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.scroll import bring_into_view, form_scroll_area
from kiosk.ui.tasks import TaskRunner
from kiosk.validation import Check, PasswordPolicy, UsernamePolicy, check_email, check_username

LABEL_WIDTH = 150


class CredentialsScreen(Screen):
    """The registration form of the manual; checks each field as the resident types."""

    def __init__(
        self,
        client: CenterClient,
        tasks: TaskRunner,
        reference: Reference,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.primary_text = self.tr("提交")
        self._client = client
        self._tasks = tasks
        self._reference = reference
        self._data: FlowData = {}
        self._agreement_version = ""
        self._touched: set[str] = set()

        self.summary = QLabel(self)
        self.summary.setObjectName("Summary")
        self.summary.setWordWrap(True)
        self.username = Field(self.tr("用户名"), self, required=True)
        self.password = Field(self.tr("密码"), self, required=True)
        self.confirm = Field(self.tr("确认密码"), self, required=True)
        self.email = Field(self.tr("电子邮箱"), self)
        for name, field in (
            ("username", self.username),
            ("password", self.password),
            ("confirm", self.confirm),
            ("email", self.email),
        ):
            field.line_edit.setObjectName(name)
            field.line_edit.setProperty(INPUT_KIND, "text")
        self.username.line_edit.setMaxLength(16)
        self.username.line_edit.setPlaceholderText(self.tr("6-16位字母或数字"))
        self.password.set_password(True)
        self.password.line_edit.setMaxLength(24)
        self.password.line_edit.setPlaceholderText(self.tr("6-24位字母或数字"))
        self.confirm.set_password(True)
        self.confirm.line_edit.setMaxLength(24)
        self.confirm.line_edit.setPlaceholderText(self.tr("请再次输入密码"))
        self.email.line_edit.setMaxLength(100)
        self.email.line_edit.setPlaceholderText(self.tr("选填"))
        self.captcha = CaptchaField(client.new_captcha, tasks, self)
        for field in (self.username, self.password, self.confirm, self.email, self.captcha.field):
            field.set_label_width(LABEL_WIDTH)
        self.agree = QCheckBox(self.tr("阅读并接受"), self)
        self.agree.setObjectName("agree")
        self.agreement_link = QPushButton(self.tr("《个人用户注册协议》"), self)
        self.agreement_link.setObjectName("AgreementLink")
        self.agreement_link.setProperty("role", "link")

        self.form_scroll = form_scroll_area(
            self,
            (self.summary, self.username, self.password, self.confirm, self.email, self.captcha),
            spacing=8,
        )
        # The agreement stays in view under the form, beside 提交, however far the form
        # scrolls: 提交 waits for it, and a resident must not have to find it.
        agree_row = QHBoxLayout()
        agree_row.setContentsMargins(8, 0, 0, 0)
        agree_row.addWidget(self.agree)
        agree_row.addWidget(self.agreement_link)
        agree_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_scroll, 1)
        layout.addLayout(agree_row)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for field in (self.username, self.password, self.confirm, self.email):
            field.text_changed.connect(self.on_field_text_changed)
            field.focused.connect(self.on_field_focused)
        self.captcha.changed.connect(self._revalidate)
        self.captcha.field.focused.connect(self.on_field_focused)
        self.agree.clicked.connect(self.on_agree_clicked)
        self.agreement_link.clicked.connect(self.on_agreement_link_clicked)

    def title(self) -> str:
        return self.tr("填写注册信息")

    def enter(self, data: FlowData) -> None:
        self._data = data
        self.summary.setText(
            self.tr("所属中心：{center}\n身份证号：{id}　　手机号码：{phone}").format(
                center=data.get("center_name", ""),
                id=mask_id(str(data.get("id_number", ""))),
                phone=mask_phone(str(data.get("phone", ""))),
            )
        )
        if not self.captcha.captcha_id:
            self.captcha.load()
        self._revalidate()

    # -- validation ----------------------------------------------------------------------------------
    def _checks(self) -> dict[str, tuple[Field, Check]]:
        policy = self._reference.policy()
        password, confirm = check_new_password(
            self.password,
            self.confirm,
            PasswordPolicy.from_center(policy),
            self._data,
            self.username.text(),
        )
        return {
            "username": (
                self.username,
                check_username(self.username.text(), UsernamePolicy.from_center(policy)),
            ),
            "password": (self.password, password),
            "confirm": (self.confirm, confirm),
            "email": (self.email, check_email(self.email.text())),
        }

    @Slot()
    def _revalidate(self) -> None:
        ok = show_checks(self._checks(), self._touched)
        self.set_valid(ok and self.captcha.ready and self.agree.isChecked())

    @Slot(str)
    def on_field_text_changed(self, _text: str) -> None:
        sender = self.sender()
        for name, field in (
            ("username", self.username),
            ("password", self.password),
            ("confirm", self.confirm),
            ("email", self.email),
        ):
            if sender is field:
                self._touched.add(name)
        self.set_error("")
        self._revalidate()

    @Slot()
    def on_field_focused(self) -> None:
        sender = self.sender()
        if isinstance(sender, QWidget):
            bring_into_view(self.form_scroll, sender)
        self._revalidate()

    # -- the agreement -------------------------------------------------------------------------------
    @Slot()
    def on_agree_clicked(self) -> None:
        if self.agree.isChecked() and not self._agreement_version:
            # Accepting means having read it: open the text first.
            self.agree.setChecked(False)
            self.on_agreement_link_clicked()
            return
        self._revalidate()

    @Slot()
    def on_agreement_link_clicked(self) -> None:
        policy = self._reference.policy()
        raw = policy.get("agreement")
        agreement: dict[str, object] = raw if isinstance(raw, dict) else {}
        text = str(agreement.get("text") or policy.get("agreement_text") or "")
        version = str(agreement.get("version") or policy.get("agreement_version") or "")
        dialog = AgreementDialog(self.tr("个人用户注册协议"), text, self.window())
        dialog.accepted.connect(lambda: self._on_agreement_accepted(version))
        dialog.open()

    def _on_agreement_accepted(self, version: str) -> None:
        self._agreement_version = version
        self.agree.setChecked(True)
        self._revalidate()

    # -- 提交 -----------------------------------------------------------------------------------------
    def submit(self) -> None:
        token = str(self._data.get("registration_token", ""))
        username, password = self.username.text().strip(), self.password.text()
        email = self.email.text().strip() or None
        captcha_id, answer = self.captcha.captcha_id, self.captcha.answer()
        version, client = self._agreement_version, self._client
        self.run_busy(
            self._tasks,
            lambda: client.register(
                registration_token=token,
                username=username,
                password=password,
                email=email,
                captcha_id=captcha_id,
                captcha_answer=answer,
                agreement_version=version,
            ),
            self._on_done,
            self._on_failed,
        )

    def _on_done(self, _result: object) -> None:
        self.finished.emit()

    def _on_failed(self, error: KioskError) -> None:
        fields = {
            "username": self.username,
            "password": self.password,
            "email": self.email,
        }
        if error.field in fields:
            fields[error.field].set_message(error.message, "error")
        self.captcha.submit_failed(error)
        if error.code == "agreement_outdated":
            self._agreement_version = ""
            self.agree.setChecked(False)
        self.set_error(error.message)

    def apply(self, data: FlowData) -> None:
        data["username"] = self.username.text().strip()
        data.pop("registration_token", None)

    def reset(self) -> None:
        super().reset()
        for field in (self.username, self.password, self.confirm, self.email):
            field.clear()
        self.captcha.clear()
        self.agree.setChecked(False)
        self._agreement_version = ""
        self._touched.clear()
        self._data = {}
        self.set_valid(False)

    def focus_widget(self) -> QWidget | None:
        return self.username.line_edit
