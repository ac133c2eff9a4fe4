"""信息查询: 缴存明细 by month range (touch month pickers, paged, with totals) and 提取记录.

The first query asks the center for its default range (the last 12 months) and sets the pickers
from its answer; 打印明细 fetches every page of the range and prints the statement.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient, records
from kiosk.errors import HOTLINE, KioskError
from kiosk.flows import FlowData
from kiosk.money import format_yuan, yuan
from kiosk.printing import statement_html
from kiosk.ui.pickers import MonthPicker, Segmented
from kiosk.ui.scroll import enable_touch_scroll
from kiosk.ui.signed_in import PrintFn, SignedInScreen
from kiosk.ui.tasks import TaskRunner

PAGE_SIZE = 10
EARLIEST = "2000-01"
DEPOSIT_COLUMNS = ("日期", "业务类型", "摘要", "金额（元）", "余额（元）")
WITHDRAWAL_COLUMNS = ("办理日期", "提取原因", "金额（元）", "状态", "业务编号")
LOAD_FAILED = f"暂时无法查询，请稍后点击“查询”重试，或拨打{HOTLINE}热线咨询。"

_STYLE = """
QLabel#TotalsLabel { font-size: 20pt; color: #0D47A1; font-weight: bold; }
QLabel#PageLabel { font-size: 20pt; }
QLabel[role="k"] { font-size: 20pt; color: #55606E; }
QTableWidget { font-size: 18pt; }
QHeaderView::section { font-size: 18pt; padding: 6px; }
"""


def _month_of(now: datetime) -> str:
    return f"{now:%Y-%m}"


def _table(columns: tuple[str, ...], parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(52)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(True)
    enable_touch_scroll(table)
    return table


def _set_row(table: QTableWidget, row: int, values: tuple[str, ...], numeric: set[int]) -> None:
    for column, value in enumerate(values):
        cell = QTableWidgetItem(value)
        align = Qt.AlignmentFlag.AlignRight if column in numeric else Qt.AlignmentFlag.AlignLeft
        cell.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, cell)


class QueryScreen(SignedInScreen):
    """信息查询.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
        print_html: prints an HTML document (returns the PDF path in demo mode and tests).
        clock: the current local time (the pickers' latest month).
    """

    def __init__(
        self,
        client: CenterClient,
        tasks: TaskRunner,
        print_html: PrintFn,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(client, tasks, parent, style=_STYLE, print_html=print_html)
        self.primary_text = self.tr("查询")
        self._clock = clock
        self._history: dict[str, Any] = {}
        self._withdrawals: list[dict[str, Any]] = []
        self._page = 1
        self._ranged = False
        self._build()
        self._connect_signals()
        self.set_valid(True)

    def _build(self) -> None:
        self.tabs = Segmented(
            (("deposits", self.tr("缴存明细")), ("withdrawals", self.tr("提取记录"))),
            self,
            name="tab",
        )
        latest = _month_of(self._clock())
        self.from_picker = MonthPicker(latest, EARLIEST, latest, self, name="from")
        self.to_picker = MonthPicker(latest, EARLIEST, latest, self, name="to")
        range_row = QHBoxLayout()
        range_row.setSpacing(12)
        for text, widget in (
            (self.tr("起始月份"), self.from_picker),
            (self.tr("结束月份"), self.to_picker),
        ):
            caption = QLabel(text, self)
            caption.setProperty("role", "k")
            range_row.addWidget(caption)
            range_row.addWidget(widget)
            range_row.addSpacing(24)
        range_row.addStretch(1)

        self.deposits_table = _table(
            tuple(self.tr(c) for c in DEPOSIT_COLUMNS), self, "DepositsTable"
        )
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("TotalsLabel")
        self.totals_label.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("上一页"), self)
        self.prev_button.setObjectName("PrevPage")
        self.prev_button.setProperty("role", "secondary")
        self.next_button = QPushButton(self.tr("下一页"), self)
        self.next_button.setObjectName("NextPage")
        self.next_button.setProperty("role", "secondary")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("PageLabel")
        self.print_button = QPushButton(self.tr("打印明细"), self)
        self.print_button.setObjectName("PrintStatement")
        self.print_button.setProperty("role", "primary")
        self.print_status = QLabel(self)
        self.print_status.setObjectName("PrintStatus")
        self.print_status.setProperty("role", "hint")
        pager = QHBoxLayout()
        pager.setSpacing(16)
        pager.addWidget(self.prev_button)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        pager.addWidget(self.print_status)
        pager.addWidget(self.print_button)
        deposits = QWidget(self)
        deposits_layout = QVBoxLayout(deposits)
        deposits_layout.setContentsMargins(0, 0, 0, 0)
        deposits_layout.addLayout(range_row)
        deposits_layout.addWidget(self.totals_label)
        deposits_layout.addWidget(self.deposits_table, 1)
        deposits_layout.addLayout(pager)

        self.withdrawals_table = _table(
            tuple(self.tr(c) for c in WITHDRAWAL_COLUMNS), self, "WithdrawalsTable"
        )
        self.withdrawals_empty = QLabel(self)
        self.withdrawals_empty.setProperty("role", "k")
        withdrawals = QWidget(self)
        withdrawals_layout = QVBoxLayout(withdrawals)
        withdrawals_layout.setContentsMargins(0, 0, 0, 0)
        withdrawals_layout.addWidget(self.withdrawals_empty)
        withdrawals_layout.addWidget(self.withdrawals_table, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(deposits)
        self.pages.addWidget(withdrawals)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.tabs)
        layout.addWidget(self.pages, 1)
        self._update_pager()

    def _connect_signals(self) -> None:
        self.tabs.chosen.connect(self.on_tabs_chosen)
        self.from_picker.month_changed.connect(self.on_range_changed)
        self.to_picker.month_changed.connect(self.on_range_changed)
        self.prev_button.clicked.connect(lambda: self.load_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.load_page(self._page + 1))
        self.print_button.clicked.connect(self.on_print_button_clicked)

    def title(self) -> str:
        return self.tr("信息查询")

    # -- life cycle -------------------------------------------------------------------------------
    def enter(self, data: FlowData) -> None:
        latest = _month_of(self._clock())
        self.from_picker.set_bounds(EARLIEST, latest)
        self.to_picker.set_bounds(EARLIEST, latest)
        if not self._history:
            self.load_page(1)

    def submit(self) -> None:
        if self.tabs.value() == "withdrawals":
            self.load_withdrawals()
        else:
            self.load_page(1)

    @Slot(str)
    def on_tabs_chosen(self, tab: str) -> None:
        self.set_error("")
        self.pages.setCurrentIndex(1 if tab == "withdrawals" else 0)
        if tab == "withdrawals":
            self.load_withdrawals()

    @Slot(str)
    def on_range_changed(self, _month: str) -> None:
        self._ranged = True
        if self.from_picker.month() > self.to_picker.month():
            self.set_error(self.tr("起始月份不能晚于结束月份，请重新选择。"))
            self.set_valid(False)
        else:
            self.set_error("")
            self.set_valid(True)

    # -- 缴存明细 ---------------------------------------------------------------------------------
    def _params(self, page: int, page_size: int = PAGE_SIZE) -> dict[str, Any]:
        params: dict[str, Any] = {"page": page, "page_size": page_size}
        if self._ranged or self._history:
            params["from"] = self.from_picker.month()
            params["to"] = self.to_picker.month()
        return params

    def load_page(self, page: int) -> None:
        if self.busy or page < 1 or not self.valid:
            return
        client, params = self._client, self._params(page)
        self.run_busy(
            self._tasks,
            lambda: client.get_me("/deposits", params),
            self._on_history,
            self._on_failed,
            text=self.querying(),
        )

    def _on_history(self, result: Any) -> None:
        history = dict(result) if isinstance(result, dict) else {}
        self._history = history
        self._page = int(history.get("page", 1))
        if history.get("from") and history.get("to"):
            self.from_picker.blockSignals(True)
            self.to_picker.blockSignals(True)
            self.from_picker.set_month(str(history["from"]))
            self.to_picker.set_month(str(history["to"]))
            self.from_picker.blockSignals(False)
            self.to_picker.blockSignals(False)
        items = history.get("items") or []
        self.deposits_table.setRowCount(len(items))
        for row, item in enumerate(items):
            _set_row(
                self.deposits_table,
                row,
                (
                    str(item.get("date", "")),
                    str(item.get("kind_label", "")),
                    str(item.get("summary", "")),
                    format_yuan(str(item.get("amount", ""))),
                    format_yuan(str(item.get("balance_after", ""))),
                ),
                {3, 4},
            )
        totals = history.get("totals") or {}
        self.totals_label.setText(
            self.tr("{a} 至 {b}：共{n}笔　缴存合计 {d}　提取合计 {w}　结息合计 {i}").format(
                a=history.get("from", ""),
                b=history.get("to", ""),
                n=totals.get("count", 0),
                d=yuan(str(totals.get("deposits", "0"))),
                w=yuan(str(totals.get("withdrawals", "0"))),
                i=yuan(str(totals.get("interest", "0"))),
            )
        )
        self._update_pager()

    def _on_failed(self, error: KioskError) -> None:
        self.set_busy(False)  # for load_withdrawals (no run_busy: it keeps the error shown)
        self.show_load_error(error, self.tr(LOAD_FAILED))

    def _update_pager(self) -> None:
        pages = int(self._history.get("pages", 1)) if self._history else 1
        self.page_label.setText(self.tr("第{p}/{n}页").format(p=self._page, n=pages))
        self.prev_button.setEnabled(self._page > 1)
        self.next_button.setEnabled(self._page < pages)
        self.print_button.setEnabled(bool(self._history.get("total")))

    def history(self) -> dict[str, Any]:
        return dict(self._history)

    # -- 提取记录 ---------------------------------------------------------------------------------
    def load_withdrawals(self) -> None:
        if self.busy:
            return
        self.set_busy(True, self.querying())
        client = self._client
        self._tasks.run(
            lambda: client.get_me("/withdrawals"), self._on_withdrawals, self._on_failed
        )

    def _on_withdrawals(self, result: Any) -> None:
        self.set_busy(False)
        self._withdrawals = records(result)
        self.withdrawals_table.setRowCount(len(self._withdrawals))
        for row, item in enumerate(self._withdrawals):
            amount = item.get("amount")
            _set_row(
                self.withdrawals_table,
                row,
                (
                    str(item.get("created_at", ""))[:10],
                    str(item.get("type_name", "")),
                    "—" if amount is None else format_yuan(str(amount)),
                    str(item.get("status", "")),
                    str(item.get("withdrawal_no", "")),
                ),
                {2},
            )
        self.withdrawals_empty.setText("" if self._withdrawals else self.tr("暂无提取记录。"))
        self.withdrawals_empty.setVisible(not self._withdrawals)

    # -- printing -------------------------------------------------------------------------------
    @Slot()
    def on_print_button_clicked(self) -> None:
        if self.busy or not self._history:
            return
        self.set_busy(True)
        self.print_status.setText(self.tr("正在准备明细…"))
        client = self._client
        first, last = str(self._history.get("from")), str(self._history.get("to"))

        def fetch_all() -> tuple[Any, list[Any], Any]:
            account = client.get_me("/account")
            items: list[Any] = []
            page, pages = 1, 1
            totals: Any = {}
            while page <= pages:
                body = client.get_me(
                    "/deposits", {"from": first, "to": last, "page": page, "page_size": 100}
                )
                items += list(body.get("items") or [])
                pages, totals = int(body.get("pages", 1)), body.get("totals") or {}
                page += 1
            return account, items, totals

        self._tasks.run(fetch_all, self._on_statement, self._on_statement_failed)

    def _on_statement(self, result: tuple[Any, list[Any], Any]) -> None:
        self.set_busy(False)
        account, items, totals = result
        document = statement_html(
            account if isinstance(account, dict) else {},
            from_month=str(self._history.get("from")),
            to_month=str(self._history.get("to")),
            items=items,
            totals=totals if isinstance(totals, dict) else {},
            issued_at=self._clock(),
        )
        self.print_document(document, self.print_status, self.tr("明细正在打印，请在出纸口取走。"))

    def _on_statement_failed(self, error: KioskError) -> None:
        self.set_busy(False)
        self.print_status.setText("")
        self.set_error(error.message)

    # -- reset ----------------------------------------------------------------------------------
    def reset(self) -> None:
        super().reset()
        self._history = {}
        self._withdrawals = []
        self._page = 1
        self._ranged = False
        self.last_print = None
        self.deposits_table.setRowCount(0)
        self.withdrawals_table.setRowCount(0)
        self.totals_label.clear()
        self.print_status.clear()
        self.withdrawals_empty.clear()
        latest = _month_of(self._clock())
        self.from_picker.set_month(latest)
        self.to_picker.set_month(latest)
        self.tabs.set_value("deposits")
        self.pages.setCurrentIndex(0)
        self._ranged = False
        self.set_valid(True)
        self._update_pager()
