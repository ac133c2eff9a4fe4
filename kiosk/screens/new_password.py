"""第二步 修改密码: the 登录账号 shown, 新密码, 新密码确认 and the image captcha."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.api import CenterClient
from kiosk.errors import KioskError
from kiosk.flows import FlowData
from kiosk.masking import mask_id, mask_phone
from kiosk.reference import Reference
from kiosk.ui.captcha_field import CaptchaField
from kiosk.ui.field import Field
from kiosk.ui.field_checks import check_new_password, show_checks
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.scroll import bring_into_view, form_scroll_area
from kiosk.ui.tasks import TaskRunner
from kiosk.validation import Check, PasswordPolicy

#: Errors after which the reset token is spent: the resident must verify the phone again.
_TOKEN_GONE = frozenset(
    {
        "reset_token_invalid",
        "reset_token_expired",
        "token_invalid",
        "token_expired",
        "reset_expired",
        "reset_invalid",
    }
)


class NewPasswordScreen(Screen):
    """Set the new password with the single-use reset token from the code step."""

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
        self._touched: set[str] = set()

        self.summary = QLabel(self)
        self.summary.setObjectName("Summary")
        self.summary.setWordWrap(True)
        self.account = Field(self.tr("登录账号"), self, required=True)
        self.account.line_edit.setObjectName("login_account")
        self.account.set_masked_display("")
        self.password = Field(self.tr("新密码"), self, required=True)
        self.confirm = Field(self.tr("新密码确认"), self, required=True)
        for name, field in (("new_password", self.password), ("confirm", self.confirm)):
            field.line_edit.setObjectName(name)
            field.line_edit.setProperty(INPUT_KIND, "text")
            field.line_edit.setMaxLength(24)
            field.set_password(True)
        self.password.line_edit.setPlaceholderText(self.tr("6-24位字母或数字"))
        self.confirm.line_edit.setPlaceholderText(self.tr("请再次输入新密码"))
        self.captcha = CaptchaField(client.new_captcha, tasks, self)
        for field in (self.account, self.password, self.confirm, self.captcha.field):
            field.set_label_width(200)
        self.note = QLabel(
            self.tr("修改后的密码在“宁夏住房公积金服务APP”同样适用；修改成功后请使用新密码登录。"),
            self,
        )
        self.note.setObjectName("Tips")
        self.note.setProperty("role", "note")
        self.note.setWordWrap(True)

        # In large text beside the keyboard the form needs more rows than there are: it
        # scrolls, and the field that takes the focus is brought into view with the next one.
        self.form_scroll = form_scroll_area(
            self,
            (self.summary, self.account, self.password, self.confirm, self.captcha, self.note),
            spacing=10,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_scroll)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for field in (self.password, self.confirm):
            field.text_changed.connect(self.on_field_text_changed)
        for field in (self.password, self.confirm, self.captcha.field):
            field.focused.connect(self.on_field_focused)
        self.captcha.changed.connect(self._revalidate)

    def title(self) -> str:
        return self.tr("修改密码")

    def enter(self, data: FlowData) -> None:
        self._data = data
        self.summary.setText(
            self.tr("所属中心：{center}　　身份证号：{id}　　手机号码：{phone}").format(
                center=data.get("center_name", ""),
                id=mask_id(str(data.get("id_number", ""))),
                phone=mask_phone(str(data.get("phone", ""))),
            )
        )
        self.account.set_masked_display(str(data.get("login_account", "")))
        if not self.captcha.captcha_id:
            self.captcha.load()
        self._revalidate()

    # -- validation ----------------------------------------
    def _checks(self) -> dict[str, tuple[Field, Check]]:
        password, confirm = check_new_password(
            self.password,
            self.confirm,
            PasswordPolicy.from_center(self._reference.policy()),
            self._data,
            str(self._data.get("login_account", "")),
        )
        return {"new_password": (self.password, password), "confirm": (self.confirm, confirm)}

    @Slot()
    def _revalidate(self) -> None:
        ok = show_checks(self._checks(), self._touched)
        token = bool(self._data.get("reset_token"))
        self.set_valid(ok and token and self.captcha.ready)

    @Slot()
    def on_field_focused(self) -> None:
        sender = self.sender()
        if isinstance(sender, QWidget):
            bring_into_view(self.form_scroll, sender)

    @Slot(str)
    def on_field_text_changed(self, _text: str) -> None:
        sender = self.sender()
        if sender is self.password:
            self._touched.add("new_password")
        elif sender is self.confirm:
            self._touched.add("confirm")
        self.set_error("")
        self._revalidate()

    # -- 提交 --------------------------------------------------------
    def submit(self) -> None:
        client = self._client
        reset_token = str(self._data.get("reset_token", ""))
        new_password = self.password.text()
        captcha_id, answer = self.captcha.captcha_id, self.captcha.answer()
        self.run_busy(
            self._tasks,
            lambda: client.reset_password(
                reset_token=reset_token,
                new_password=new_password,
                captcha_id=captcha_id,
                captcha_answer=answer,
            ),
            self._on_done,
            self._on_failed,
        )

    def _on_done(self, _result: object) -> None:
        self.password.clear()
        self.confirm.clear()
        self.captcha.clear()
        self.finished.emit()

    def _on_failed(self, error: KioskError) -> None:
        if error.field in ("new_password", "password"):
            self.password.set_message(error.message, "error")
        self.captcha.submit_failed(error)
        message = error.message
        if error.code in _TOKEN_GONE or error.status == 410:
            self._data.pop("reset_token", None)
            message = self.tr(
                "身份验证已过期，请点击“取消”后重新进行身份验证；如有疑问请拨打12329热线。"
            )
        self.set_error(message)
        self._revalidate()

    def apply(self, data: FlowData) -> None:
        data.pop("reset_token", None)

    def reset(self) -> None:
        super().reset()
        self.password.clear()
        self.confirm.clear()
        self.captcha.clear()
        self.account.set_masked_display("")
        self._touched.clear()
        self._data = {}
        self.set_valid(False)

    def focus_widget(self) -> QWidget | None:
        return self.password.line_edit
