"""第一步 身份验证: 身份证号 + 手机号码, then 发送验证码 (registration and password recovery)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.api import CenterClient
from kiosk.errors import KioskError
from kiosk.flows import FlowData
from kiosk.masking import mask_phone
from kiosk.ui.field import Field
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.scroll import enable_touch_scroll, page_scroll_area
from kiosk.ui.tasks import TaskRunner
from kiosk.validation import check_id_number, check_phone

TIPS = (
    "温馨提示：",
    "1、输入身份证号与手机号码之后，点击“发送验证码”按钮，系统会自动向您身份证号所绑定的手机号发送验证短信；",
    "2、如果您的手机号码非宁夏本地号码或空号，短信验证码会发送失败；",
    "3、若提示您的手机号码与身份证号不匹配，请您携带本人身份证和单位开具的介绍信到公积金缴交银行柜台或"
    "公积金管理中心柜台变更您的身份证号或手机号码；",
    "4、如果还有其他疑问，请您拨打12329公积金热线进行咨询。",
)


class IdentityScreen(Screen):
    """身份证号 and 手机号码 (the phone on file at the center), checked as the resident types."""

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.primary_text = self.tr("发送验证码")
        self._client = client
        self._tasks = tasks
        self._purpose = "registrations"
        self._center_id = ""
        self._challenge: dict[str, object] = {}
        self._sent_for: tuple[str, str] | None = None

        self.center_label = QLabel(self)
        self.center_label.setObjectName("CenterLine")
        self.id_field = Field(self.tr("身份证号"), self, required=True)
        self.id_field.line_edit.setObjectName("id_number")
        self.id_field.line_edit.setProperty(INPUT_KIND, "id")
        self.id_field.line_edit.setMaxLength(22)
        self.id_field.line_edit.setPlaceholderText(self.tr("请输入第二代居民身份证号码"))
        self.phone_field = Field(self.tr("手机号码"), self, required=True)
        self.phone_field.line_edit.setObjectName("phone")
        self.phone_field.line_edit.setProperty(INPUT_KIND, "digits")
        self.phone_field.line_edit.setMaxLength(16)
        self.phone_field.line_edit.setPlaceholderText(self.tr("请输入在中心预留的手机号码"))
        for field in (self.id_field, self.phone_field):
            field.set_label_width(150)
        self.tips = QLabel("\n".join(self.tr(t) for t in TIPS), self)
        self.tips.setObjectName("Tips")
        self.tips.setWordWrap(True)
        self.tips.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # In large text beside the keypad the four tips need more rows than there are: they
        # scroll (with a finger too) rather than lose their last lines.
        tips_area = page_scroll_area(self, self.tips)
        enable_touch_scroll(tips_area)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.center_label)
        layout.addWidget(self.id_field)
        layout.addWidget(self.phone_field)
        layout.addWidget(tips_area, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.id_field.text_changed.connect(self.on_field_text_changed)
        self.phone_field.text_changed.connect(self.on_field_text_changed)
        self.id_field.line_edit.editingFinished.connect(self.on_id_editing_finished)
        self.phone_field.line_edit.editingFinished.connect(self.on_phone_editing_finished)

    def title(self) -> str:
        return self.tr("身份验证")

    def enter(self, data: FlowData) -> None:
        self._purpose = str(data.get("purpose", "registrations"))
        self._center_id = str(data.get("center_id", ""))
        self.center_label.setText(self.tr("所属中心：") + str(data.get("center_name", "")))
        self._revalidate(final=False)

    # -- validation as the resident types ---------------------------------------------------------
    def _revalidate(self, *, final: bool) -> None:
        id_check = check_id_number(self.id_field.text())
        phone_check = check_phone(self.phone_field.text())
        for field, check in ((self.id_field, id_check), (self.phone_field, phone_check)):
            if check.ok or (check.partial and not final):
                field.set_message("", "hint")
            else:
                field.set_message(check.message, "error")
        self.set_valid(id_check.ok and phone_check.ok and bool(self._center_id))

    @Slot(str)
    def on_field_text_changed(self, _text: str) -> None:
        self.set_error("")
        self._revalidate(final=False)

    @Slot()
    def on_id_editing_finished(self) -> None:
        if self.id_field.text():
            self._revalidate(final=True)

    @Slot()
    def on_phone_editing_finished(self) -> None:
        if self.phone_field.text():
            self._revalidate(final=True)

    # -- 发送验证码 ----------------------------------------------------------------------------------
    def submit(self) -> None:
        id_number = check_id_number(self.id_field.text()).value
        phone = check_phone(self.phone_field.text()).value
        purpose, center_id = self._purpose, self._center_id
        self.run_busy(
            self._tasks,
            lambda: self._client.send_code(purpose, center_id, id_number, phone),
            lambda result: self._on_sent(result, id_number, phone),
            self._on_failed,
        )

    def _on_sent(self, result: dict[str, object], id_number: str, phone: str) -> None:
        self._challenge = dict(result)
        self._sent_for = (id_number, phone)
        self.finished.emit()

    def _on_failed(self, error: KioskError) -> None:
        if error.field in ("id_number", "phone"):
            field = self.id_field if error.field == "id_number" else self.phone_field
            field.set_message(error.message, "error")
        self.set_error(error.message)

    def apply(self, data: FlowData) -> None:
        if self._sent_for is None:
            return
        id_number, phone = self._sent_for
        data["id_number"] = id_number
        data["phone"] = phone
        data["phone_masked"] = str(self._challenge.get("phone_masked") or mask_phone(phone))
        data["challenge_id"] = str(self._challenge.get("challenge_id", ""))
        data["resend_after"] = int(str(self._challenge.get("resend_after", 60)))
        data["expires_in"] = int(str(self._challenge.get("expires_in", 300)))

    def reset(self) -> None:
        super().reset()
        self.id_field.clear()
        self.phone_field.clear()
        self._challenge = {}
        self._sent_for = None
        self._center_id = ""
        self.set_valid(False)

    def focus_widget(self) -> QWidget | None:
        if check_id_number(self.id_field.text()).ok:
            return self.phone_field.line_edit
        return self.id_field.line_edit
