"""我要贷款 · 贷款申请: the property, amount, term, method, co-applicant, repayment card, SMS code.

The application is a money request: one ``Idempotency-Key`` per submission, reused by the client
when an answer is lost. When no answer comes at all the screen says so and looks the application
up in ``GET /me/loan-applications``; it never submits again by itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient
from kiosk.errors import HOTLINE, OUTCOME_UNKNOWN, KioskError, OutcomeUnknown
from kiosk.flows import FlowData
from kiosk.masking import mask_card
from kiosk.money import check_yuan, same_amount, yuan
from kiosk.ui.field import Field, caption
from kiosk.ui.loan_options import applicants_choice, home_choice, method_choice
from kiosk.ui.money_request import MoneyRequest, Prepared
from kiosk.ui.pickers import Stepper
from kiosk.ui.screen import INPUT_KIND
from kiosk.ui.scroll import page_scroll_area
from kiosk.ui.signed_in import SignedInScreen
from kiosk.ui.step_up import StepUpBox
from kiosk.ui.tasks import TaskRunner

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


def _same_application(found: Mapping[str, Any], body: Mapping[str, Any]) -> bool:
    """Whether an application the center lists is the one this body asked for."""
    return same_amount(found.get("amount"), body.get("amount"))


class LoanApplyScreen(SignedInScreen):
    """贷款申请.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
    """

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(client, tasks, parent, style=_STYLE)
        self.primary_text = self.tr("提交申请")
        self._request = MoneyRequest(client, "/loan-applications", lambda a: str(a.get("id", 0)))
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
                self.tr("配偶姓名"),
                "co_name",
                "text",
                required=False,
                placeholder=self.tr("选填，签约时到柜台核对"),
                max_length=32,
            ),
            "co_id": self._field(
                self.tr("配偶身份证号"), "co_id", "id", required=False, max_length=18
            ),
            "card": self._field(self.tr("还款银行卡号"), "repayment_card", "digits", max_length=19),
        }
        self.term = Stepper(1, 30, 20, self.tr("年"), self, name="apply_term")
        self.method = method_choice(self, "apply_method")
        self.home = home_choice(self, "apply_home")
        self.couple = applicants_choice(self, "apply_applicants")
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
            grid.addWidget(caption(label, self, 250), row, 0)
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
        self.form_scroll = page_scroll_area(self, body)
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
        if self.couple.value() == "couple" and len(text["co_id"]) != 18:
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
        if not self.done.isHidden() or self._request.unknown:
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
        prepare = self._request.prepare(self.request_body, self.step_up)
        self.set_busy(True)
        self._tasks.run(prepare, self._on_prepared, self._on_prepare_failed)

    def _on_prepared(self, result: Prepared) -> None:
        send = self._request.send(result)
        self._lock(True)
        self._tasks.run(send, self._on_applied, self._on_apply_failed)

    def _on_prepare_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        self.step_up.show_verify_error(error)
        self.set_error(error.message)
        self._revalidate()

    def _on_applied(self, result: Any) -> None:
        self.set_busy(False)
        self._request.forget()
        self._show_done(dict(result) if isinstance(result, dict) else {})

    def _on_apply_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        if isinstance(error, OutcomeUnknown):
            self._request.unknown = True
            self.set_error(OUTCOME_UNKNOWN)
            self.primary_text = self.tr("重新提交")
            self.query_button.show()
            self._revalidate()
            self.changed.emit()
            self.on_query_button_clicked()
            return
        # a definitive refusal: nothing was filed; the next submission is a new one
        if self._request.refused(error.code):
            self.step_up.show_code_error(error)
        self._lock(False)
        target = _FIELDS.get(error.field or "")
        if target is not None:
            self.fields[target].set_message(error.message, "error")
        self.set_error(error.message)
        self._revalidate()

    @Slot()
    def on_query_button_clicked(self) -> None:
        if not self._request.unknown or self.busy:
            return
        self.set_busy(True, self.querying())
        self._tasks.run(self._request.fetch_records(), self._on_queried, self._on_query_failed)

    def _on_queried(self, result: Any) -> None:
        self.set_busy(False)
        found = self._request.find_new(result, _same_application)
        self.query_button.hide()
        if found is not None:
            self._request.forget()
            self._show_done(found)
            return
        self._request.unknown = False
        self.set_error(self.tr(NOT_FOUND))
        self.set_valid(True)

    def _on_query_failed(self, _error: KioskError) -> None:
        self.set_busy(False)
        self.set_error(self.tr(QUERY_FAILED))

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
        self._request.forget()
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
        return {"outcome_unknown": self._request.unknown, "done": not self.done.isHidden()}
