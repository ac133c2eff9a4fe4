"""我要贷款: the loan calculator with the center's rates, the schedule and the limit with reasons.

``POST /loan-quotes`` (signed in) answers with the monthly payment, total interest and the whole
schedule, and the resident's limit: the balance multiple, the cap for one or two applicants, the
remaining working years and the repayment capacity, each with the sentence that explains it.
From here the resident goes on to 申请贷款 (``loan_apply``) or 申请进度 (``loan_progress``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient
from kiosk.errors import HOTLINE, KioskError
from kiosk.flows import FlowData
from kiosk.money import check_yuan, format_yuan, yuan
from kiosk.ui.field import Field, caption
from kiosk.ui.loan_options import applicants_choice, home_choice, method_choice
from kiosk.ui.pickers import Stepper
from kiosk.ui.screen import INPUT_KIND
from kiosk.ui.scroll import enable_touch_scroll, page_scroll_area
from kiosk.ui.signed_in import SignedInScreen
from kiosk.ui.tasks import TaskRunner

QUOTE_FAILED = f"试算暂不可用，请稍后再试或拨打{HOTLINE}热线。"
SCHEDULE_COLUMNS = ("期数", "月还款额（元）", "本金（元）", "利息（元）", "剩余本金（元）")

_STYLE = """
QLabel#RatesLabel { font-size: 20pt; color: #55606E; }
QLabel#MonthlyPayment { font-size: 30pt; font-weight: bold; color: #2E7D32; }
QLabel[role="para"] { font-size: 20pt; color: #1A1A1A; }
QLabel#LimitTitle { font-size: 22pt; font-weight: bold; color: #0D47A1; }
QWidget#QuoteCard { background: #FFFFFF; border: 1px solid #C9D3E0; border-radius: 14px; }
QTableWidget { font-size: 18pt; }
"""


class LoanQuoteScreen(SignedInScreen):
    """贷款试算.

    Args:
        client: the center client (signed in: the limit comes with the quote).
        tasks: the task runner.
    """

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(client, tasks, parent, style=_STYLE)
        self.primary_text = self.tr("开始试算")
        self._quote: dict[str, Any] = {}
        self._rates: dict[str, Any] = {}
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.rates_label = QLabel(self)
        self.rates_label.setObjectName("RatesLabel")
        self.rates_label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("申请贷款"), self)
        self.apply_button.setObjectName("ApplyButton")
        self.apply_button.setProperty("role", "primary")
        self.progress_button = QPushButton(self.tr("申请进度"), self)
        self.progress_button.setObjectName("ProgressButton")
        self.progress_button.setProperty("role", "secondary")
        top = QHBoxLayout()
        top.addWidget(self.rates_label, 1)
        top.addWidget(self.apply_button)
        top.addWidget(self.progress_button)

        self.amount_field = Field(self.tr("贷款金额（元）"), self, required=True)
        self.amount_field.line_edit.setObjectName("loan_amount")
        self.amount_field.line_edit.setProperty(INPUT_KIND, "digits")
        self.amount_field.line_edit.setMaxLength(9)
        self.amount_field.line_edit.setPlaceholderText(self.tr("如 500000"))
        self.price_field = Field(self.tr("房屋总价（元）"), self)
        self.price_field.line_edit.setObjectName("property_price")
        self.price_field.line_edit.setProperty(INPUT_KIND, "digits")
        self.price_field.line_edit.setMaxLength(10)
        self.price_field.line_edit.setPlaceholderText(self.tr("选填，用于核算首付比例"))
        for field in (self.amount_field, self.price_field):
            field.set_label_width(226)
        self.term = Stepper(1, 30, 20, self.tr("年"), self, name="term")
        self.method = method_choice(self, "method")
        self.home = home_choice(self, "home")
        self.applicants = applicants_choice(self, "applicants")
        form = QGridLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addWidget(self.amount_field, 0, 0, 1, 2)
        form.addWidget(self.price_field, 1, 0, 1, 2)
        for row, (label, widget) in enumerate(
            (
                (self.tr("贷款期限"), self.term),
                (self.tr("还款方式"), self.method),
                (self.tr("住房套数"), self.home),
                (self.tr("申请人"), self.applicants),
            ),
            start=2,
        ):
            form.addWidget(caption(label, self, 226), row, 0)
            form.addWidget(widget, row, 1)
        form.setColumnStretch(1, 1)

        self.card = QWidget(self)
        self.card.setObjectName("QuoteCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.monthly_label = QLabel(self.card)
        self.monthly_label.setObjectName("MonthlyPayment")
        self.monthly_label.setWordWrap(True)
        self.totals_label = QLabel(self.card)
        self.totals_label.setObjectName("TotalsLabel")
        self.totals_label.setProperty("role", "para")
        self.totals_label.setWordWrap(True)
        self.limit_title = QLabel(self.card)
        self.limit_title.setObjectName("LimitTitle")
        self.limit_title.setWordWrap(True)
        self.limit_label = QLabel(self.card)
        self.limit_label.setObjectName("LimitItems")
        self.limit_label.setProperty("role", "para")
        self.limit_label.setWordWrap(True)
        self.limit_label.setTextFormat(Qt.TextFormat.PlainText)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.addWidget(self.monthly_label)
        card_layout.addWidget(self.totals_label)
        card_layout.addWidget(self.limit_title)
        card_layout.addWidget(self.limit_label)
        card_layout.addStretch(1)

        self.schedule = QTableWidget(0, len(SCHEDULE_COLUMNS), self)
        self.schedule.setObjectName("ScheduleTable")
        self.schedule.setHorizontalHeaderLabels([self.tr(c) for c in SCHEDULE_COLUMNS])
        self.schedule.verticalHeader().setVisible(False)
        self.schedule.verticalHeader().setDefaultSectionSize(48)
        self.schedule.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.schedule.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.schedule.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.schedule.setMinimumHeight(320)
        enable_touch_scroll(self.schedule)

        body = QWidget(self)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(form, 1)
        columns.addWidget(self.card, 1)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addLayout(top)
        body_layout.addLayout(columns)
        body_layout.addWidget(self.schedule, 1)
        scroll = page_scroll_area(self, body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _connect_signals(self) -> None:
        self.amount_field.text_changed.connect(self.on_input_changed)
        self.price_field.text_changed.connect(self.on_input_changed)
        self.term.value_changed.connect(self.on_input_changed)
        self.method.chosen.connect(self.on_input_changed)
        self.home.chosen.connect(self.on_input_changed)
        self.applicants.chosen.connect(self.on_input_changed)
        self.apply_button.clicked.connect(lambda: self.leave_requested.emit("loan_apply"))
        self.progress_button.clicked.connect(lambda: self.leave_requested.emit("loan_progress"))

    def title(self) -> str:
        return self.tr("我要贷款 · 贷款试算")

    # -- life cycle -------------------------------------------------------------------------------
    def enter(self, data: FlowData) -> None:
        if not self._rates:
            client = self._client
            self._tasks.run(
                lambda: client.request("GET", "/loan-rates"), self._on_rates, lambda _e: None
            )
        self._revalidate()

    def _on_rates(self, result: Any) -> None:
        self._rates = dict(result) if isinstance(result, dict) else {}
        first = self._rates.get("first_home") or {}
        second = self._rates.get("second_home") or {}
        short = self._rates.get("short_max_years", 5)
        self.rates_label.setText(
            self.tr(
                "当前公积金贷款年利率：首套{short}年及以下{a}%、{short}年以上{b}%；"
                "第二套{short}年及以下{c}%、{short}年以上{d}%。"
            ).format(
                short=short,
                a=first.get("short", ""),
                b=first.get("long", ""),
                c=second.get("short", ""),
                d=second.get("long", ""),
            )
        )
        low, high = self._rates.get("min_term_years"), self._rates.get("max_term_years")
        if isinstance(low, int) and isinstance(high, int):
            self.term.set_range(low, high)

    def _revalidate(self) -> None:
        amount = check_yuan(self.amount_field.text())
        price = check_yuan(self.price_field.text())
        price_ok = not self.price_field.text().strip() or price.ok
        self.set_valid(amount.ok and price_ok)

    @Slot()
    def on_input_changed(self, *_args: Any) -> None:
        self.set_error("")
        for field in (self.amount_field, self.price_field):
            check = check_yuan(field.text())
            if field.text().strip() and not check.ok and check.show_error:
                field.set_message(check.message, "error")
            else:
                field.set_message("", "hint")
        self._revalidate()

    # -- the quote --------------------------------------------------------------------------------
    def request_body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "amount": check_yuan(self.amount_field.text()).value,
            "term_years": self.term.value(),
            "method": self.method.value(),
            "home": self.home.value(),
            "couple": self.applicants.value() == "couple",
        }
        if self.price_field.text().strip():
            body["property_price"] = check_yuan(self.price_field.text()).value
        return body

    def submit(self) -> None:
        if self.busy:
            return
        client, body = self._client, self.request_body()
        self.run_busy(
            self._tasks,
            lambda: client.request("POST", "/loan-quotes", json=body, auth=True),
            self._on_quoted,
            self._on_failed,
            text=self.querying(),
        )

    def _on_failed(self, error: KioskError) -> None:
        if error.field == "amount":
            self.amount_field.set_message(error.message, "error")
        elif error.field == "property_price":
            self.price_field.set_message(error.message, "error")
        self.set_error(error.message or self.tr(QUOTE_FAILED))

    def _on_quoted(self, result: Any) -> None:
        quote = dict(result) if isinstance(result, dict) else {}
        self._quote = quote
        first_label = (
            self.tr("每月还款")
            if quote.get("method") == "equal_installment"
            else self.tr("首月还款")
        )
        self.monthly_label.setText(f"{first_label} {yuan(str(quote.get('monthly_payment', '')))}")
        self.totals_label.setText(
            self.tr(
                "{method}，{months}期，年利率{rate}%\n利息总额 {interest}\n还款总额 {total}"
                "\n末期还款 {last}"
            ).format(
                method=quote.get("method_label", ""),
                months=quote.get("months", ""),
                rate=quote.get("annual_rate", ""),
                interest=yuan(str(quote.get("total_interest", ""))),
                total=yuan(str(quote.get("total_payment", ""))),
                last=yuan(str(quote.get("last_payment", ""))),
            )
        )
        self._show_limit(quote.get("limit"))
        self._fill_schedule(quote.get("schedule") or [])

    def _show_limit(self, limit: Any) -> None:
        if not isinstance(limit, dict):
            self.limit_title.setText("")
            self.limit_label.setText("")
            return
        self.limit_title.setText(
            self.tr("您最高可贷 {amount}，最长 {years} 年").format(
                amount=yuan(str(limit.get("max_amount", ""))),
                years=limit.get("max_term_years", ""),
            )
        )
        lines: list[str] = []
        for item in limit.get("items") or []:
            amount = item.get("amount")
            head = str(item.get("label", ""))
            if amount is not None:
                head += f"：{yuan(str(amount))}"
            elif item.get("term_years") is not None:
                head += self.tr("：{n}年").format(n=item["term_years"])
            lines.append(f"• {head}\n  {item.get('reason', '')}")
        for problem in list(limit.get("problems") or []) + list(limit.get("checks") or []):
            lines.append(f"⚠ {problem.get('message', '')}")
        self.limit_label.setText("\n".join(lines))

    def _fill_schedule(self, schedule: list[Any]) -> None:
        self.schedule.setRowCount(len(schedule))
        for row, item in enumerate(schedule):
            values = (
                str(item.get("period", "")),
                format_yuan(str(item.get("payment", ""))),
                format_yuan(str(item.get("principal", ""))),
                format_yuan(str(item.get("interest", ""))),
                format_yuan(str(item.get("remaining", ""))),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    if column
                    else Qt.AlignmentFlag.AlignCenter
                )
                self.schedule.setItem(row, column, cell)

    def quote(self) -> dict[str, Any]:
        """The last quote shown (tests)."""
        return dict(self._quote)

    # -- reset ------------------------------------------------------------------------------------
    def reset(self) -> None:
        super().reset()
        self._quote = {}
        self.amount_field.clear()
        self.price_field.clear()
        self.term.set_value(20)
        self.method.set_value("equal_installment")
        self.home.set_value("first")
        self.applicants.set_value("single")
        for label in (self.monthly_label, self.totals_label, self.limit_title, self.limit_label):
            label.clear()
        self.schedule.setRowCount(0)
        self.set_valid(False)
