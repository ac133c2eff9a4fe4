"""我要提取: withdrawal types with their rules, the amount, the SMS step-up, and the settlement.

Three pages in one screen: the types (each with its rule, the maximum the resident can withdraw
now and why), the form (amount on the keypad, the bank card on file masked, the SMS code), and the
result (the receipt with the new balance, or the counter slip that says what to bring where).

Exactly once: every submission gets one ``Idempotency-Key``; the client retries a lost answer with
the same key. When no answer comes at all (:class:`~kiosk.errors.OutcomeUnknown`) the screen says
so, asks the center for the withdrawals (``GET /me/withdrawals``) and looks for a new one of this
type and amount; it never submits again on its own, and a resubmission by the resident reuses the
same key and body, so the center can execute it at most once.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient, records
from kiosk.errors import HOTLINE, OUTCOME_UNKNOWN, KioskError, OutcomeUnknown
from kiosk.flows import FlowData
from kiosk.money import check_yuan, from_wire, same_amount, to_wire, yuan
from kiosk.printing import receipt_html, withdrawal_receipt
from kiosk.ui.field import Field
from kiosk.ui.money_request import MoneyRequest, Prepared
from kiosk.ui.screen import INPUT_KIND
from kiosk.ui.scroll import enable_touch_scroll, page_scroll_area
from kiosk.ui.signed_in import PrintFn, SignedInScreen
from kiosk.ui.step_up import StepUpBox
from kiosk.ui.tasks import TaskRunner

TYPE_COLUMNS = 3

_STYLE = """
QPushButton[role="wtype"] { text-align: left; min-height: 104px; padding: 10px 20px;
    font-size: 20pt; color: #1A1A1A; background: #FFFFFF; border: 2px solid #C9D3E0;
    border-radius: 14px; }
QPushButton[role="wtype"][online="true"] { border-left: 10px solid #EF6C00; }
QPushButton[role="wtype"]:pressed { background: #FFF3E0; border-color: #EF6C00; }
QLabel#TypeTitle, QLabel#ResultHeadline { font-size: 26pt; font-weight: bold; color: #0D47A1; }
QLabel#NewBalance { font-size: 26pt; font-weight: bold; color: #2E7D32; }
QLabel[role="para"] { font-size: 20pt; color: #1A1A1A; }
QLabel#MaxLabel { font-size: 22pt; font-weight: bold; color: #EF6C00; }
"""

LOAD_FAILED = f"暂时无法获取提取业务信息，请点击“重新加载”再试，或拨打{HOTLINE}热线咨询。"
NOT_FOUND = (
    "中心没有这次提取的记录，资金未扣划。您可以点击“重新提交”再次提交，"
    "系统会沿用本次申请编号，不会重复扣款。"
)
QUERY_FAILED = (
    "仍无法确认办理结果，请勿离开并点击“查询结果”；"
    f"如长时间无结果，请到柜台或拨打{HOTLINE}热线查询，切勿重复申请。"
)


def _can_act(kind: dict[str, Any]) -> bool:
    """Online types: the center says the kiosk can settle it now; counter types: a slip can be
    made unless there is nothing to withdraw at all (closed account, zero balance)."""
    if kind.get("online"):
        return kind.get("available") is not False
    try:
        return kind.get("max_amount") is None or from_wire(str(kind["max_amount"])) > 0
    except ValueError:
        return True


def _same_withdrawal(found: Mapping[str, Any], body: Mapping[str, Any]) -> bool:
    """Whether a withdrawal the center lists is the one this body asked for."""
    return found.get("type") == body.get("type") and (
        "amount" not in body or same_amount(found.get("amount"), body["amount"])
    )


class WithdrawScreen(SignedInScreen):
    """我要提取.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
        print_html: prints an HTML document (returns the PDF path in demo mode and tests).
    """

    def __init__(
        self,
        client: CenterClient,
        tasks: TaskRunner,
        print_html: PrintFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(client, tasks, parent, style=_STYLE, print_html=print_html)
        self.primary_text = None
        self._types: list[dict[str, Any]] = []
        self._account: dict[str, Any] = {}
        self._kind: dict[str, Any] = {}
        self._max: Decimal | None = None
        # one submission: its key and body stay fixed until a definitive answer
        self._request = MoneyRequest(client, "/withdrawals", lambda w: str(w.get("withdrawal_no")))
        self._result: dict[str, Any] = {}
        self.type_buttons: dict[str, QPushButton] = {}
        self._build()
        self._connect_signals()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        # the types
        self.list_page = QWidget(self)
        intro = QLabel(
            self.tr("请选择提取原因。标有“即时到账”的可在本机办理，其余业务需携带材料到柜台办理。"),
            self,
        )
        intro.setProperty("role", "para")
        intro.setWordWrap(True)
        self._types_body = QWidget(self)
        self._types_layout = QGridLayout(self._types_body)
        self._types_layout.setSpacing(14)
        for column in range(TYPE_COLUMNS):
            self._types_layout.setColumnStretch(column, 1)
        scroll = page_scroll_area(self, self._types_body)
        self.types_scroll = scroll
        scroll.setObjectName("TypesScroll")
        enable_touch_scroll(scroll)
        self.reload_button = QPushButton(self.tr("重新加载"), self)
        self.reload_button.setObjectName("ReloadButton")
        self.reload_button.setProperty("role", "secondary")
        self.reload_button.hide()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.addWidget(intro)
        list_layout.addWidget(scroll, 1)
        list_layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)

        # the form
        self.form_page = QWidget(self)
        self.type_title = QLabel(self)
        self.type_title.setObjectName("TypeTitle")
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("RuleLabel")
        self.rule_label.setProperty("role", "para")
        self.rule_label.setWordWrap(True)
        self.max_label = QLabel(self)
        self.max_label.setObjectName("MaxLabel")
        self.max_label.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason_label.setObjectName("ReasonLabel")
        self.reason_label.setProperty("role", "hint")
        self.reason_label.setWordWrap(True)
        self.materials_label = QLabel(self)
        self.materials_label.setObjectName("MaterialsLabel")
        self.materials_label.setProperty("role", "para")
        self.materials_label.setWordWrap(True)
        self.fill_button = QPushButton(self.tr("全部可提金额"), self)
        self.fill_button.setObjectName("FillMaxButton")
        self.fill_button.setProperty("role", "secondary")
        self.amount_field = Field(
            self.tr("提取金额（元）"), self, required=True, trailing=self.fill_button
        )
        self.amount_field.line_edit.setObjectName("amount")
        self.amount_field.line_edit.setProperty(INPUT_KIND, "digits")
        self.amount_field.line_edit.setMaxLength(12)
        self.amount_field.line_edit.setPlaceholderText(self.tr("请输入提取金额"))
        self.card_label = QLabel(self)
        self.card_label.setObjectName("CardLabel")
        self.card_label.setProperty("role", "para")
        self.card_label.setWordWrap(True)
        self.step_up = StepUpBox(self._client, self._tasks, self)
        self.query_button = QPushButton(self.tr("查询结果"), self)
        self.query_button.setObjectName("QueryButton")
        self.query_button.setProperty("role", "secondary")
        self.query_button.hide()
        self.types_button = QPushButton(self.tr("重选提取原因"), self)
        self.types_button.setObjectName("BackToTypes")
        self.types_button.setProperty("role", "secondary")
        for field in (self.amount_field, self.step_up.code_field):
            field.set_label_width(260)
        form_layout = QVBoxLayout(self.form_page)
        form_layout.setSpacing(12)
        title_row = QHBoxLayout()
        title_row.addWidget(self.type_title, 1)
        title_row.addWidget(self.query_button)
        title_row.addWidget(self.types_button)
        form_layout.addLayout(title_row)
        form_layout.addWidget(self.rule_label)
        form_layout.addWidget(self.max_label)
        form_layout.addWidget(self.reason_label)
        form_layout.addWidget(self.materials_label)
        form_layout.addWidget(self.amount_field)
        form_layout.addWidget(self.card_label)
        form_layout.addWidget(self.step_up)
        form_layout.addStretch(1)
        form_scroll = page_scroll_area(self, self.form_page)

        # the result
        self.result_page = QWidget(self)
        self.result_headline = QLabel(self)
        self.result_headline.setObjectName("ResultHeadline")
        self.result_headline.setWordWrap(True)
        self.new_balance = QLabel(self)
        self.new_balance.setObjectName("NewBalance")
        self.result_detail = QLabel(self)
        self.result_detail.setObjectName("ResultDetail")
        self.result_detail.setProperty("role", "para")
        self.result_detail.setWordWrap(True)
        self.result_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.print_button = QPushButton(self.tr("打印回单"), self)
        self.print_button.setObjectName("PrintButton")
        self.print_button.setProperty("role", "primary")
        self.print_status = QLabel(self)
        self.print_status.setObjectName("PrintStatus")
        self.print_status.setProperty("role", "hint")
        self.print_status.setWordWrap(True)
        result_layout = QVBoxLayout(self.result_page)
        result_layout.setSpacing(16)
        result_layout.addWidget(self.result_headline)
        result_layout.addWidget(self.new_balance)
        result_layout.addWidget(self.result_detail)
        result_layout.addWidget(self.print_status)
        result_layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        result_layout.addLayout(buttons)
        result_scroll = page_scroll_area(self, self.result_page)
        enable_touch_scroll(result_scroll)

        self.pages.addWidget(self.list_page)
        self.pages.addWidget(form_scroll)
        self.pages.addWidget(result_scroll)
        self._form_index, self._result_index = 1, 2
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _connect_signals(self) -> None:
        self.reload_button.clicked.connect(self.load)
        self.fill_button.clicked.connect(self.on_fill_button_clicked)
        self.amount_field.text_changed.connect(self.on_amount_text_changed)
        self.step_up.changed.connect(self._revalidate)
        self.step_up.failed.connect(self.set_error)
        self.query_button.clicked.connect(self.on_query_button_clicked)
        self.types_button.clicked.connect(self.on_types_button_clicked)
        self.print_button.clicked.connect(self.on_print_button_clicked)

    def title(self) -> str:
        return self.tr("我要提取")

    # -- pages --------------------------------------------------------------------------------
    def page(self) -> str:
        """``list``, ``form`` or ``result`` (tests and the staff panel)."""
        return ("list", "form", "result")[self.pages.currentIndex()]

    def _set_primary(self, text: str | None) -> None:
        if text != self.primary_text:
            self.primary_text = text
            self.changed.emit()

    def _show_list(self) -> None:
        self.pages.setCurrentIndex(0)
        self._set_primary(None)
        self.set_valid(False)

    # -- loading ------------------------------------------------------------------------------
    def enter(self, data: FlowData) -> None:
        if self.page() != "form" or not self._request.unknown:
            self._clear_all()
            self._types = []
            self._fill_types()
            self.load()

    @Slot()
    def load(self) -> None:
        """Fetch the types (with the resident's maximum) and the account (the card on file)."""
        client = self._client

        def fetch() -> tuple[Any, Any]:
            types = client.request("GET", "/withdrawal-types", auth=True)
            account = client.get_me("/account")
            return types, account

        self.run_busy(
            self._tasks, fetch, self._on_loaded, self._on_load_failed, text=self.querying()
        )
        self.reload_button.hide()

    def _on_loaded(self, result: tuple[Any, Any]) -> None:
        types, account = result
        self._types = records(types)
        self._account = dict(account) if isinstance(account, dict) else {}
        self._fill_types()
        self._show_list()

    def _on_load_failed(self, error: KioskError) -> None:
        self.reload_button.show()
        self.show_load_error(error, self.tr(LOAD_FAILED))

    def _fill_types(self) -> None:
        for button in self.type_buttons.values():
            self._types_layout.removeWidget(button)
            button.deleteLater()
        self.type_buttons = {}
        for index, kind in enumerate(self._types):
            code = str(kind.get("code", ""))
            how = self.tr("即时到账") if kind.get("online") else self.tr("需带材料到柜台")
            if not _can_act(kind):
                limit = self.tr("暂不可提取")
            elif kind.get("max_amount") is not None and kind.get("online"):
                limit = self.tr("可提 {amount}").format(amount=yuan(str(kind["max_amount"])))
            else:
                limit = ""
            second = f"{how} · {limit}" if limit and kind.get("online") else (limit or how)
            button = QPushButton(f"{kind.get('name', '')}\n{second}", self._types_body)
            button.setObjectName(f"wtype_{code}")
            button.setProperty("role", "wtype")
            button.setProperty("online", bool(kind.get("online")))
            button.clicked.connect(lambda _=False, c=code: self.choose(c))
            self._types_layout.addWidget(button, index // TYPE_COLUMNS, index % TYPE_COLUMNS)
            button.show()
            self.type_buttons[code] = button

    # -- the form -----------------------------------------------------------------------------
    @Slot(str)
    def choose(self, code: str) -> None:
        """Open the form of one withdrawal type."""
        kind = next((k for k in self._types if k.get("code") == code), None)
        if kind is None or self.busy:
            return
        self._kind = kind
        self._forget_submission()
        self.set_error("")
        online = bool(kind.get("online"))
        available = _can_act(kind)
        self.type_title.setText(str(kind.get("name", "")))
        self.rule_label.setText(self.tr("办理条件：") + str(kind.get("rule", "")))
        try:
            self._max = from_wire(str(kind.get("max_amount"))) if kind.get("max_amount") else None
        except ValueError:
            self._max = None
        if not available:
            self.max_label.setText(self.tr("您目前不能办理此项提取"))
        elif self._max is not None:
            self.max_label.setText(
                self.tr("您现在最多可提取 {amount}").format(amount=yuan(self._max))
            )
        else:
            self.max_label.setText("")
        self.reason_label.setText(str(kind.get("max_reason") or ""))
        materials = [str(m) for m in kind.get("materials") or []]
        if materials:
            listed = "\n".join(f"{i}. {m}" for i, m in enumerate(materials, start=1))
            self.materials_label.setText(self.tr("柜台办理需携带：\n") + listed)
        else:
            self.materials_label.setText("")
        self.materials_label.setVisible(bool(materials))
        self.amount_field.clear()
        self.amount_field.setVisible(online and available)
        whole = bool(kind.get("whole_balance") or kind.get("closes_account"))
        self.amount_field.line_edit.setReadOnly(whole)
        self.fill_button.setVisible(not whole)
        if online and available and whole and self._max is not None:
            self.amount_field.set_text(to_wire(self._max))
            self.amount_field.set_message(self.tr("此项提取需一次提取全部余额并销户。"), "hint")
        bank = str(self._account.get("bank_name", ""))
        card = str(self._account.get("bank_card_masked", ""))
        self.card_label.setText(
            self.tr("提取资金将实时划转至您的银行卡：{bank} {card}").format(bank=bank, card=card)
        )
        self.card_label.setVisible(online and available)
        self.step_up.reset()
        self.step_up.setVisible(online and available)
        self.query_button.hide()
        self.pages.setCurrentIndex(self._form_index)
        if not available:
            self._set_primary(None)
        elif online:
            self._set_primary(self.tr("确认提取"))
        else:
            self._set_primary(self.tr("生成办理清单"))
        self._revalidate()

    def _online(self) -> bool:
        return bool(self._kind.get("online"))

    def _amount_check(self) -> Any:
        return check_yuan(self.amount_field.text(), maximum=self._max)

    @Slot()
    def _revalidate(self) -> None:
        if self.page() != "form" or self.primary_text is None:
            self.set_valid(False)
            return
        if self._request.unknown:
            self.set_valid(False)
            return
        if not self._online():
            self.set_valid(True)
            return
        self.set_valid(self._amount_check().ok and self.step_up.ready())

    @Slot(str)
    def on_amount_text_changed(self, _text: str) -> None:
        self.set_error("")
        check = self._amount_check()
        if check.show_error and not check.ok:
            self.amount_field.set_message(check.message, "error")
        elif not self.amount_field.line_edit.isReadOnly():
            self.amount_field.set_message("", "hint")
        self._revalidate()

    @Slot()
    def on_fill_button_clicked(self) -> None:
        if self._max is not None:
            self.amount_field.set_text(to_wire(self._max))

    @Slot()
    def on_types_button_clicked(self) -> None:
        if self._request.unknown:
            return
        self._forget_submission()
        self.step_up.reset()
        self.set_error("")
        self._show_list()

    # -- submission ---------------------------------------------------------------------------
    def _forget_submission(self) -> None:
        self._request.forget()
        self._lock_form(False)

    def _lock_form(self, locked: bool) -> None:
        whole = bool(self._kind.get("whole_balance") or self._kind.get("closes_account"))
        self.amount_field.line_edit.setReadOnly(locked or whole)
        self.fill_button.setEnabled(not locked)
        self.types_button.setEnabled(not locked)
        self.step_up.setEnabled(not locked)

    def submit(self) -> None:
        if self.page() != "form" or self.busy:
            return
        self.set_error("")
        prepare = self._request.prepare(self._new_body, self.step_up if self._online() else None)
        self.set_busy(True)
        self._tasks.run(prepare, self._on_prepared, self._on_prepare_failed)

    def _new_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"type": str(self._kind.get("code", ""))}
        if self._online():
            body["amount"] = self._amount_check().value
        return body

    def _on_prepared(self, result: Prepared) -> None:
        send = self._request.send(result)
        self._lock_form(True)
        self._tasks.run(send, self._on_settled, self._on_money_failed)

    def _on_prepare_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        self.step_up.show_verify_error(error)
        self.set_error(error.message)
        self._revalidate()

    def _on_settled(self, result: Any) -> None:
        self.set_busy(False)
        body = dict(result) if isinstance(result, dict) else {}
        withdrawal = dict(body.get("withdrawal") or {})
        self._forget_submission()
        self._show_result(withdrawal, body.get("balance"), body.get("receipt"))

    def _on_money_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        if isinstance(error, OutcomeUnknown):
            self._request.unknown = True
            self.set_error(OUTCOME_UNKNOWN)
            self._set_primary(self.tr("重新提交"))
            self.query_button.show()
            self._revalidate()
            self.on_query_button_clicked()
            return
        # a definitive answer: nothing was executed; the next submission is a new one
        if self._request.refused(error.code):
            self.step_up.show_code_error(error)
        self._lock_form(False)
        if error.field == "amount":
            self.amount_field.set_message(error.message, "error")
        self.set_error(error.message)
        self._revalidate()

    @Slot()
    def on_query_button_clicked(self) -> None:
        """Ask the center whether the submission whose answer was lost was executed."""
        if not self._request.unknown or self.busy:
            return
        self.set_busy(True, self.querying())
        self.query_button.setEnabled(False)
        self._tasks.run(self._request.fetch_records(), self._on_queried, self._on_query_failed)

    def _on_queried(self, result: Any) -> None:
        self.set_busy(False)
        self.query_button.setEnabled(True)
        found = self._request.find_new(result, _same_withdrawal)
        if found is not None:
            self._forget_submission()
            self.query_button.hide()
            self._show_result(found, found.get("balance_after"), None)
            return
        # not executed: the resident may resubmit by hand, with the same key and body
        self._request.unknown = False
        self.query_button.hide()
        self.set_error(self.tr(NOT_FOUND))
        self.set_valid(True)

    def _on_query_failed(self, _error: KioskError) -> None:
        self.set_busy(False)
        self.query_button.setEnabled(True)
        self.set_error(self.tr(QUERY_FAILED))

    # -- the result ---------------------------------------------------------------------------
    def _show_result(self, withdrawal: dict[str, Any], balance: Any, receipt: Any) -> None:
        self.set_error("")
        self.step_up.reset()
        self.amount_field.clear()
        self._result = {
            "withdrawal": withdrawal,
            "balance": balance,
            "receipt": receipt
            if isinstance(receipt, dict)
            else withdrawal_receipt(withdrawal, None if balance is None else str(balance)),
        }
        self.print_status.setText("")
        settled = bool(withdrawal.get("online")) or withdrawal.get("status") == "已到账"
        if settled:
            self.result_headline.setText(
                self.tr("提取成功！{amount}已划转至您的银行卡 {card}").format(
                    amount=yuan(str(withdrawal.get("amount") or "0")),
                    card=withdrawal.get("bank_card_masked", ""),
                )
            )
            self.new_balance.setText(
                self.tr("提取后账户余额：{balance}").format(balance=yuan(str(balance)))
            )
            self.new_balance.show()
            self.result_detail.setText(
                self.tr(
                    "业务流水号：{no}\n到账时间以银行为准，请点击“打印回单”留存；"
                    "办理完毕请点击“返回”。"
                ).format(no=withdrawal.get("withdrawal_no", ""))
            )
            self.print_button.setText(self.tr("打印回单"))
        else:
            self.result_headline.setText(self.tr("已生成办理清单，请携带以下材料到柜台办理"))
            self.new_balance.hide()
            lines = [self.tr("清单编号：{no}").format(no=withdrawal.get("withdrawal_no", ""))]
            lines += [f"{i}. {m}" for i, m in enumerate(withdrawal.get("materials") or [], 1)]
            if withdrawal.get("valid_until"):
                lines.append(self.tr("有效期至：{d}").format(d=str(withdrawal["valid_until"])[:10]))
            for counter in withdrawal.get("counters") or []:
                lines.append(
                    self.tr("办理网点：{name}（{address}，电话{phone}）").format(
                        name=counter.get("name", ""),
                        address=counter.get("address", ""),
                        phone=counter.get("phone", ""),
                    )
                )
            if withdrawal.get("counter_text"):
                lines.append(str(withdrawal["counter_text"]))
            self.result_detail.setText("\n".join(lines))
            self.print_button.setText(self.tr("打印办理清单"))
        self.pages.setCurrentIndex(self._result_index)
        self._set_primary(None)
        self.set_valid(False)

    def result(self) -> dict[str, Any]:
        """The last result shown (tests)."""
        return dict(self._result)

    @Slot()
    def on_print_button_clicked(self) -> None:
        receipt = self._result.get("receipt")
        if not isinstance(receipt, dict):
            return
        self.print_document(
            receipt_html(receipt), self.print_status, self.tr("正在打印，请在出纸口取走回单。")
        )

    # -- reset --------------------------------------------------------------------------------
    def _clear_all(self) -> None:
        self._forget_submission()
        self._kind = {}
        self._max = None
        self._result = {}
        self.last_print = None
        self.amount_field.clear()
        self.step_up.reset()
        for label in (
            self.type_title,
            self.rule_label,
            self.max_label,
            self.reason_label,
            self.materials_label,
            self.card_label,
            self.result_headline,
            self.new_balance,
            self.result_detail,
            self.print_status,
        ):
            label.clear()
        self.query_button.hide()
        self._show_list()

    def reset(self) -> None:
        super().reset()
        self._clear_all()
        self._types = []
        self._account = {}
        self._fill_types()

    def extra(self) -> dict[str, Any]:
        return {"page": self.page(), "outcome_unknown": self._request.unknown}
