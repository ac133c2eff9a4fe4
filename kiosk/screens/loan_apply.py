"""我要贷款 · 贷款申请: the property, amount, term, method, co-applicant, repayment card, SMS code.

The application is a money request: one ``Idempotency-Key`` per submission, reused by the client
when an answer is lost. When no answer comes at all the screen says so and looks the application
up in ``GET /me/loan-applications``; it never submits again by itself.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient, new_idempotency_key
from kiosk.errors import HOTLINE, OUTCOME_UNKNOWN, KioskError, OutcomeUnknown
from kiosk.flows import FlowData
from kiosk.masking import mask_card
from kiosk.money import check_yuan, from_wire, yuan
from kiosk.ui.field import Field
from kiosk.ui.pickers import Segmented, Stepper
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.step_up import StepUpBox, verify_step_up
from kiosk.ui.tasks import TaskRunner

METHODS = (("equal_installment", "等额本息"), ("equal_principal", "等额本金"))
HOMES = (("first", "首套住房"), ("second", "第二套住房"))
BANKS = (
    "中国建设银行",
    "中国银行",
    "中国工商银行",
    "中国农业银行",
    "宁夏银行",
    "宁夏黄河农村商业银行",
)
NOT_FOUND = (
    "中心没有这笔贷款申请的记录。您可以点击“重新提交”再次提交，系统会沿用本次申请编号，"
    "不会重复申请。"
)
QUERY_FAILED = (
    "仍无法确认申请结果，请点击“查询结果”；"
    f"如长时间无结果，请到柜台或拨打{HOTLINE}热线查询，切勿重复申请。"
)

#: center error field → the form field that shows it
_FIELDS = {
    "amount": "amount",
    "term_years": "amount",
    "property_price": "price",
    "property_address": "address",
    "property_area_m2": "area",
    "co_applicant_name": "co_name",
    "co_applicant_id_number": "co_id",
    "repayment_card_no": "card",
}

_STYLE = """
QLabel#ApplyDone { font-size: 26pt; font-weight: bold; color: #2E7D32; }
QLabel[role="para"] { font-size: 20pt; color: #1A1A1A; }
"""


def _items(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        return [dict(i) for i in body["items"] if isinstance(i, dict)]
    return []


def _same_amount(a: Any, b: Any) -> bool:
    try:
        return from_wire(str(a)) == from_wire(str(b))
    except ValueError:
        return False


class LoanApplyScreen(Screen):
    """贷款申请.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
    """

    idle_kind = "account"

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.primary_text = self.tr("提交申请")
        self._client = client
        self._tasks = tasks
        self._key: str | None = None
        self._body: dict[str, Any] | None = None
        self._token: str | None = None
        self._snapshot: set[int] | None = None
        self._unknown = False
        self._result: dict[str, Any] = {}
        self._build()
        self._connect_signals()

    def _field(
        self,
        label: str,
        name: str,
        kind: str,
        *,
        required: bool = True,
        placeholder: str = "",
        max_length: int = 32,
    ) -> Field:
        field = Field(
            label, self, required=required, placeholder=placeholder, max_length=max_length
        )
        field.line_edit.setObjectName(name)
        field.line_edit.setProperty(INPUT_KIND, kind)
        field.set_label_width(250)
        return field

    def _build(self) -> None:
        self.fields: dict[str, Field] = {
            "address": self._field(
                self.tr("房屋地址"),
                "property_address",
                "text",
                placeholder=self.tr("如 银川市金凤区XX小区3号楼2单元501"),
                max_length=200,
            ),
            "area": self._field(self.tr("建筑面积（㎡）"), "property_area", "digits", max_length=5),
            "price": self._field(
                self.tr("房屋总价（元）"), "property_price", "digits", max_length=10
            ),
            "amount": self._field(self.tr("贷款金额（元）"), "loan_amount", "digits", max_length=9),
            "co_name": self._field(
                self.tr("配偶姓名"), "co_name", "text", required=False, max_length=32
            ),
            "co_id": self._field(
                self.tr("配偶身份证号"), "co_id", "id", required=False, max_length=18
            ),
            "card": self._field(self.tr("还款银行卡号"), "repayment_card", "digits", max_length=19),
        }
        self.term = Stepper(1, 30, 20, self.tr("年"), self, name="apply_term")
        self.method = Segmented(METHODS, self, name="apply_method")
        self.home = Segmented(HOMES, self, name="apply_home")
        self.couple = Segmented(
            (("single", "单人申请"), ("couple", "夫妻共同申请")), self, name="apply_applicants"
        )
        self.bank = QComboBox(self)
        self.bank.setObjectName("repayment_bank")
        self.bank.addItems(list(BANKS))
        self.bank.setMinimumHeight(64)
        self.step_up = StepUpBox(self._client, self._tasks, self)
        self.step_up.code_field.set_label_width(250)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        rows: list[tuple[str, QWidget] | Field] = [
            self.fields["address"],
            self.fields["area"],
            self.fields["price"],
            self.fields["amount"],
            (self.tr("贷款期限"), self.term),
            (self.tr("还款方式"), self.method),
            (self.tr("住房套数"), self.home),
            (self.tr("申请人"), self.couple),
            self.fields["co_name"],
            self.fields["co_id"],
            (self.tr("还款银行"), self.bank),
            self.fields["card"],
        ]
        for row, item in enumerate(rows):
            if isinstance(item, Field):
                grid.addWidget(item, row, 0, 1, 2)
                continue
            label, widget = item
            caption = QLabel(label, self)
            caption.setObjectName("fieldLabel")
            caption.setMinimumWidth(250)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)

        self.form = QWidget(self)
        form_layout = QVBoxLayout(self.form)
        form_layout.addLayout(grid)
        form_layout.addWidget(self.step_up)
        self.query_button = QPushButton(self.tr("查询结果"), self.form)
        self.query_button.setObjectName("QueryButton")
        self.query_button.setProperty("role", "secondary")
        self.query_button.hide()
        form_layout.addWidget(self.query_button, 0, Qt.AlignmentFlag.AlignLeft)
        form_layout.addStretch(1)

        self.done = QWidget(self)
        self.done_label = QLabel(self.done)
        self.done_label.setObjectName("ApplyDone")
        self.done_label.setWordWrap(True)
        self.done_detail = QLabel(self.done)
        self.done_detail.setObjectName("ApplyDetail")
        self.done_detail.setProperty("role", "para")
        self.done_detail.setWordWrap(True)
        self.done_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_button = QPushButton(self.tr("查看办理进度"), self.done)
        self.progress_button.setObjectName("ProgressButton")
        self.progress_button.setProperty("role", "primary")
        done_layout = QVBoxLayout(self.done)
        done_layout.addWidget(self.done_label)
        done_layout.addWidget(self.done_detail)
        done_row = QHBoxLayout()
        done_row.addWidget(self.progress_button)
        done_row.addStretch(1)
        done_layout.addLayout(done_row)
        done_layout.addStretch(1)
        self.done.hide()

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.form)
        body_layout.addWidget(self.done)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_scroll)
        self._show_co_applicant()

    def _connect_signals(self) -> None:
        for field in self.fields.values():
            field.text_changed.connect(self.on_input_changed)
        self.couple.chosen.connect(self.on_couple_chosen)
        self.step_up.changed.connect(self._revalidate)
        self.step_up.failed.connect(self.set_error)
        self.query_button.clicked.connect(self.on_query_button_clicked)
        self.progress_button.clicked.connect(lambda: self.leave_requested.emit("loan_progress"))

    def title(self) -> str:
        return self.tr("我要贷款 · 贷款申请")

    # -- the form -----------------------------------------------------------------------------
    @Slot(str)
    def on_couple_chosen(self, _value: str) -> None:
        self._show_co_applicant()
        self._revalidate()

    def _show_co_applicant(self) -> None:
        couple = self.couple.value() == "couple"
        for key in ("co_name", "co_id"):
            self.fields[key].setVisible(couple)
            self.fields[key].set_required(couple)

    def _problems(self) -> dict[str, str]:
        """Field → message for what is missing or wrong (empty fields give empty messages)."""
        problems: dict[str, str] = {}
        text = {k: f.text().strip() for k, f in self.fields.items()}
        if len(text["address"]) < 5:
            problems["address"] = (
                "" if not text["address"] else self.tr("请填写所购住房的详细地址。")
            )
        area = text["area"]
        if not area:
            problems["area"] = ""
        else:
            try:
                if Decimal(area) <= 0:
                    raise ValueError(area)
            except (ValueError, ArithmeticError):
                problems["area"] = self.tr("建筑面积格式不正确，请填写数字，如 89.5。")
        for key in ("price", "amount"):
            check = check_yuan(text[key])
            if not check.ok:
                problems[key] = check.message if check.show_error else ""
        if self.couple.value() == "couple":
            if not text["co_name"]:
                problems["co_name"] = ""
            if len(text["co_id"]) != 18:
                problems["co_id"] = "" if len(text["co_id"]) < 18 else self.tr("身份证号应为18位。")
        card = text["card"]
        if not 12 <= len(card) <= 19 or not card.isdigit():
            problems["card"] = (
                "" if len(card) < 12 else self.tr("还款银行卡号应为12-19位数字，请核对后重新输入。")
            )
        return problems

    @Slot()
    def on_input_changed(self, *_args: Any) -> None:
        self.set_error("")
        problems = self._problems()
        for key, field in self.fields.items():
            message = problems.get(key, "")
            if message and field.text().strip():
                field.set_message(message, "error")
            elif field.message_kind() == "error":
                field.set_message("", "hint")
        self._revalidate()

    @Slot()
    def _revalidate(self) -> None:
        if not self.done.isHidden() or self._unknown:
            self.set_valid(False)
            return
        self.set_valid(not self._problems() and self.step_up.ready())

    def request_body(self) -> dict[str, Any]:
        text = {k: f.text().strip() for k, f in self.fields.items()}
        body: dict[str, Any] = {
            "amount": check_yuan(text["amount"]).value,
            "term_years": self.term.value(),
            "method": self.method.value(),
            "home": self.home.value(),
            "property": {
                "address": text["address"],
                "area_m2": text["area"],
                "price": check_yuan(text["price"]).value,
            },
            "repayment_bank": self.bank.currentText(),
            "repayment_card_no": text["card"],
        }
        if self.couple.value() == "couple":
            body["co_applicant"] = {"name": text["co_name"], "id_number": text["co_id"]}
        return body

    # -- submission ---------------------------------------------------------------------------
    def _lock(self, locked: bool) -> None:
        for widget in (
            *self.fields.values(),
            self.term,
            self.method,
            self.home,
            self.couple,
            self.bank,
            self.step_up,
        ):
            widget.setEnabled(not locked)

    def submit(self) -> None:
        if self.busy:
            return
        self.set_error("")
        if self._body is None:
            self._body = self.request_body()
            self._key = new_idempotency_key()
        self._unknown = False
        self.set_busy(True)
        client = self._client
        need_token = self._token is None
        need_snapshot = self._snapshot is None
        challenge, code = self.step_up.challenge_id, self.step_up.code()

        def prepare() -> tuple[set[int] | None, str | None]:
            snapshot = None
            if need_snapshot:
                snapshot = {
                    int(a.get("id", 0)) for a in _items(client.get_me("/loan-applications"))
                }
            token = verify_step_up(client, challenge, code) if need_token else None
            return snapshot, token

        self._tasks.run(prepare, self._on_prepared, self._on_prepare_failed)

    def _on_prepared(self, result: tuple[set[int] | None, str | None]) -> None:
        snapshot, token = result
        if snapshot is not None:
            self._snapshot = snapshot
        if token is not None:
            self._token = token
        assert self._body is not None and self._key is not None
        self._body["step_up_token"] = self._token
        self._lock(True)
        client, body, key = self._client, dict(self._body), self._key
        self._tasks.run(
            lambda: client.money_request(
                "POST", "/me/loan-applications", json=body, idempotency_key=key
            ),
            self._on_applied,
            self._on_apply_failed,
        )

    def _on_prepare_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        if error.field == "code" or error.code.startswith("otp_"):
            self.step_up.show_code_error(error)
        self.set_error(error.message)
        self._revalidate()

    def _forget_submission(self) -> None:
        self._key = None
        self._body = None
        self._token = None
        self._snapshot = None
        self._unknown = False

    def _on_applied(self, result: Any) -> None:
        self.set_busy(False)
        self._forget_submission()
        self._show_done(dict(result) if isinstance(result, dict) else {})

    def _on_apply_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        if isinstance(error, OutcomeUnknown):
            self._unknown = True
            self.set_error(OUTCOME_UNKNOWN)
            self.primary_text = self.tr("重新提交")
            self.query_button.show()
            self._revalidate()
            self.changed.emit()
            self.on_query_button_clicked()
            return
        # a definitive refusal: nothing was filed; the next submission is a new one
        self._key = None
        self._body = None
        if error.code.startswith("step_up"):
            self._token = None
            self.step_up.show_code_error(error)
        self._lock(False)
        target = _FIELDS.get(error.field or "")
        if target is not None:
            self.fields[target].set_message(error.message, "error")
        self.set_error(error.message)
        self._revalidate()

    @Slot()
    def on_query_button_clicked(self) -> None:
        if not self._unknown or self.busy:
            return
        self.set_busy(True)
        client = self._client
        self._tasks.run(
            lambda: client.get_me("/loan-applications"), self._on_queried, self._on_query_failed
        )

    def _on_queried(self, result: Any) -> None:
        self.set_busy(False)
        body = self._body or {}
        known = self._snapshot or set()
        found = next(
            (
                a
                for a in _items(result)
                if int(a.get("id", 0)) not in known
                and _same_amount(a.get("amount"), body.get("amount"))
            ),
            None,
        )
        self.query_button.hide()
        if found is not None:
            self._forget_submission()
            self._show_done(found)
            return
        self._unknown = False
        self.set_error(NOT_FOUND)
        self.set_valid(True)

    def _on_query_failed(self, _error: KioskError) -> None:
        self.set_busy(False)
        self.set_error(QUERY_FAILED)

    def _show_done(self, application: dict[str, Any]) -> None:
        self._result = application
        self.set_error("")
        self.step_up.reset()
        self.form.hide()
        self.done.show()
        self.primary_text = None
        self.done_label.setText(self.tr("贷款申请已提交，中心已受理！"))
        self.done_detail.setText(
            self.tr(
                "申请编号：{no}\n贷款金额：{amount}，{years}年，{method}\n"
                "月还款额：{monthly}\n还款银行卡：{bank} {card}\n{next}"
            ).format(
                no=application.get("application_no", ""),
                amount=yuan(str(application.get("amount", ""))),
                years=application.get("term_years", ""),
                method=application.get("method_label", ""),
                monthly=yuan(str(application.get("monthly_payment", ""))),
                bank=application.get("repayment_bank", ""),
                card=application.get("repayment_card_masked")
                or mask_card(str(self.fields["card"].text())),
                next=application.get("next_step", ""),
            )
        )
        self.set_valid(False)
        self.changed.emit()

    def result(self) -> dict[str, Any]:
        return dict(self._result)

    # -- life cycle -------------------------------------------------------------------------------
    def enter(self, data: FlowData) -> None:
        if not self.done.isHidden():
            self._clear()
        self._revalidate()

    def _clear(self) -> None:
        self._forget_submission()
        self._result = {}
        for field in self.fields.values():
            field.clear()
        self.term.set_value(20)
        self.method.set_value("equal_installment")
        self.home.set_value("first")
        self.couple.set_value("single")
        self.bank.setCurrentIndex(0)
        self.step_up.reset()
        self._lock(False)
        self.query_button.hide()
        self.done_label.clear()
        self.done_detail.clear()
        self.done.hide()
        self.form.show()
        self.primary_text = self.tr("提交申请")
        self._show_co_applicant()
        self.set_valid(False)
        self.changed.emit()

    def reset(self) -> None:
        super().reset()
        self._clear()

    def extra(self) -> dict[str, Any]:
        return {"outcome_unknown": self._unknown, "done": not self.done.isHidden()}
