"""个人账户: the account overview, the balance hidden until 显示余额, and printing 缴存证明.

Everything personal arrives masked from the center (account number, name, bank card); the
balance is shown as ``******`` until the resident taps 显示余额 and is hidden again whenever the
screen is left or reset.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient
from kiosk.errors import HOTLINE, KioskError
from kiosk.flows import FlowData
from kiosk.money import yuan
from kiosk.printing import certificate_html
from kiosk.ui.signed_in import PrintFn, SignedInScreen
from kiosk.ui.tasks import TaskRunner

HIDDEN = "******"
LOAD_FAILED = f"暂时无法获取您的账户信息，请点击“重新加载”再试，或拨打{HOTLINE}热线咨询。"

_STYLE = """
QLabel[role="k"] { font-size: 20pt; color: #55606E; }
QLabel[role="v"] { font-size: 22pt; color: #1A1A1A; font-weight: bold; }
QLabel#BalanceValue { font-size: 30pt; color: #2E7D32; font-weight: bold; }
QWidget#AccountCard { background: #FFFFFF; border: 1px solid #C9D3E0; border-radius: 14px; }
"""

#: (key in GET /me/account, label): short values, two to a row (left, right).
PAIRS: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = (
    (("name_masked", "姓名"), ("deposit_base", "缴存基数")),
    (("account_no_masked", "个人账号"), ("rates", "缴存比例")),
    (("center_name", "所属中心"), ("last_deposit_month", "缴至年月")),
    (("status", "账户状态"), ("opened_on", "开户日期")),
)
#: Long values (an employer's full name, a bank card), each on a row of its own.
WIDE: tuple[tuple[str, str], ...] = (
    ("monthly_amount", "月缴存额"),
    ("employer", "缴存单位"),
    ("bank", "提取到账银行卡"),
)
_MONEY = frozenset({"deposit_base", "monthly_amount"})


class AccountScreen(SignedInScreen):
    """个人账户.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
        print_html: prints an HTML document (returns the PDF path in demo mode and tests).
        kiosk_id: printed on the certificate.
        clock: the current local time (printed on the certificate).
    """

    def __init__(
        self,
        client: CenterClient,
        tasks: TaskRunner,
        print_html: PrintFn,
        kiosk_id: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(client, tasks, parent, style=_STYLE, print_html=print_html)
        self.primary_text = None
        self._kiosk_id = kiosk_id
        self._clock = clock
        self._account: dict[str, Any] = {}

        card = QWidget(self)
        card.setObjectName("AccountCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        grid = QGridLayout(card)
        grid.setContentsMargins(24, 10, 24, 10)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        # Long values get a row of their own: squeezed into half a row they wrapped, and a
        # grid in a stacked widget does not grow a row for a wrapped label (drawn cut).
        for row, pair in enumerate(PAIRS):
            for column, (key, label) in zip((0, 2), pair, strict=True):
                self._add_value(grid, key, self.tr(label), row=row, column=column, span=1)
        for row, (key, label) in enumerate(WIDE, start=len(PAIRS)):
            self._add_value(grid, key, self.tr(label), row=row, column=0, span=3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        balance_title = QLabel(self.tr("账户余额"), self)
        balance_title.setProperty("role", "k")
        self.balance_value = QLabel(HIDDEN, self)
        self.balance_value.setObjectName("BalanceValue")
        self.balance_value.setMinimumWidth(480)
        self.toggle_button = QPushButton(self.tr("显示余额"), self)
        self.toggle_button.setObjectName("ToggleBalance")
        self.toggle_button.setProperty("role", "secondary")
        self.toggle_button.setCheckable(True)
        balance_row = QHBoxLayout()
        balance_row.setSpacing(20)
        balance_row.addWidget(balance_title)
        balance_row.addWidget(self.balance_value)
        balance_row.addWidget(self.toggle_button)
        balance_row.addStretch(1)

        self.print_button = QPushButton(self.tr("打印缴存证明"), self)
        self.print_button.setObjectName("PrintCertificate")
        self.print_button.setProperty("role", "primary")
        self.reload_button = QPushButton(self.tr("重新加载"), self)
        self.reload_button.setObjectName("ReloadButton")
        self.reload_button.setProperty("role", "secondary")
        self.reload_button.hide()
        self.print_status = QLabel(self)
        self.print_status.setObjectName("PrintStatus")
        self.print_status.setProperty("role", "hint")
        self.print_status.setWordWrap(True)
        hint = QLabel(
            self.tr("为保护您的隐私，余额默认隐藏；查看完毕请点击“返回”或“退出登录”。"), self
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        actions = QHBoxLayout()
        actions.setSpacing(20)
        actions.addWidget(self.print_button)
        actions.addWidget(self.reload_button)
        actions.addWidget(self.print_status, 1)  # beside the button: no empty row below it

        layout = QVBoxLayout(self)
        layout.setSpacing(12)  # in elder mode it must fit 1080 rows without scrolling
        layout.addLayout(balance_row)
        layout.addWidget(card)
        layout.addWidget(hint)
        layout.addLayout(actions)
        layout.addStretch(1)

        self.toggle_button.toggled.connect(self.on_toggle_button_toggled)
        self.print_button.clicked.connect(self.on_print_button_clicked)
        self.reload_button.clicked.connect(self.load)
        self._clear()

    def _add_value(
        self, grid: QGridLayout, key: str, label: str, *, row: int, column: int, span: int
    ) -> None:
        card = grid.parentWidget()
        k = QLabel(label, card)
        k.setProperty("role", "k")
        v = QLabel("", card)
        v.setObjectName(f"value_{key}")
        v.setProperty("role", "v")
        v.setMinimumWidth(1)  # an overlong value is cut, never widens the window past the screen
        grid.addWidget(k, row, column, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(v, row, column + 1, 1, span)
        self.values[key] = v

    def title(self) -> str:
        return self.tr("个人账户")

    # -- data -----------------------------------------------------------------------------------
    def enter(self, data: FlowData) -> None:
        self._hide_balance()
        self.load()

    @Slot()
    def load(self) -> None:
        client = self._client
        self.run_busy(
            self._tasks,
            lambda: client.get_me("/account"),
            self._on_loaded,
            self._on_failed,
            text=self.querying(),
        )
        self.reload_button.hide()

    def _on_loaded(self, result: Any) -> None:
        account = dict(result) if isinstance(result, dict) else {}
        self._account = account
        for key, label in self.values.items():
            label.setText(self._value(account, key))
        self.print_button.setEnabled(True)
        self._show_balance_text()

    def _on_failed(self, error: KioskError) -> None:
        self.reload_button.show()
        self.show_load_error(error, self.tr(LOAD_FAILED))

    def _value(self, account: dict[str, Any], key: str) -> str:
        if key == "rates":
            return self.tr("个人{a}%　单位{b}%").format(
                a=account.get("employee_rate_percent", ""),
                b=account.get("employer_rate_percent", ""),
            )
        if key == "bank":
            return f"{account.get('bank_name', '')} {account.get('bank_card_masked', '')}".strip()
        if key == "monthly_amount":
            return self.tr("{total}（个人{a}，单位{b}）").format(
                total=yuan(str(account.get("monthly_amount", ""))),
                a=yuan(str(account.get("employee_monthly", ""))),
                b=yuan(str(account.get("employer_monthly", ""))),
            )
        if key in _MONEY:
            return yuan(str(account.get(key, "")))
        value = account.get(key)
        return "—" if value in (None, "") else str(value)

    # -- the balance ------------------------------------------------------------------------------
    def balance_shown(self) -> bool:
        return self.toggle_button.isChecked()

    @Slot(bool)
    def on_toggle_button_toggled(self, shown: bool) -> None:
        self.toggle_button.setText(self.tr("隐藏余额") if shown else self.tr("显示余额"))
        self._show_balance_text()

    def _show_balance_text(self) -> None:
        if self.toggle_button.isChecked() and self._account.get("balance") is not None:
            self.balance_value.setText(yuan(str(self._account["balance"])))
        else:
            self.balance_value.setText(HIDDEN)

    def _hide_balance(self) -> None:
        self.toggle_button.setChecked(False)
        self._show_balance_text()

    # -- printing -------------------------------------------------------------------------------
    @Slot()
    def on_print_button_clicked(self) -> None:
        if not self._account:
            return
        document = certificate_html(
            self._account,
            id_number=str(self._account.get("id_number_masked") or ""),
            issued_at=self._clock(),
            kiosk_id=self._kiosk_id,
        )
        self.print_document(
            document, self.print_status, self.tr("缴存证明正在打印，请在出纸口取走。")
        )

    # -- reset ----------------------------------------------------------------------------------
    def _clear(self) -> None:
        self._account = {}
        self.last_print = None
        for label in self.values.values():
            label.setText("")
        self.print_status.setText("")
        self.print_button.setEnabled(False)
        self._hide_balance()

    def reset(self) -> None:
        super().reset()
        self._clear()

    def hideEvent(self, event: QHideEvent) -> None:
        self._hide_balance()
        super().hideEvent(event)
