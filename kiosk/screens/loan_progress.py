"""我要贷款 · 申请进度: the resident's loan applications and where each stands.

``GET /me/loan-applications`` lists the applications, newest first, each with its stages
(受理 → 审批 → 签约 → 放款), when each was reached, and the next step in one sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import CenterClient, records
from kiosk.errors import HOTLINE, KioskError
from kiosk.flows import FlowData
from kiosk.money import yuan
from kiosk.ui.scroll import enable_touch_scroll, page_scroll_area
from kiosk.ui.signed_in import SignedInScreen
from kiosk.ui.tasks import TaskRunner

LOAD_FAILED = f"暂时无法获取贷款申请进度，请点击“刷新”再试，或拨打{HOTLINE}热线咨询。"

_STYLE = """
QWidget#ApplicationCard { background: #FFFFFF; border: 1px solid #C9D3E0; border-radius: 14px; }
QLabel#ApplicationHead { font-size: 22pt; font-weight: bold; color: #0D47A1; }
QLabel[role="para"] { font-size: 20pt; color: #1A1A1A; }
QLabel[stage="done"] { font-size: 20pt; color: #FFFFFF; background: #2E7D32;
    border-radius: 10px; padding: 8px 16px; }
QLabel[stage="todo"] { font-size: 20pt; color: #55606E; background: #E0E6EE;
    border-radius: 10px; padding: 8px 16px; }
"""


class LoanProgressScreen(SignedInScreen):
    """申请进度.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
    """

    def __init__(
        self, client: CenterClient, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(client, tasks, parent, style=_STYLE)
        self.primary_text = self.tr("刷新")
        self._applications: list[dict[str, Any]] = []
        self.cards: list[QWidget] = []

        self.empty = QLabel(self)
        self.empty.setObjectName("EmptyLabel")
        self.empty.setProperty("role", "para")
        self.empty.setWordWrap(True)
        self._body = QWidget(self)
        self._list = QVBoxLayout(self._body)
        self._list.setSpacing(16)
        self._list.addWidget(self.empty)
        self._list.addStretch(1)
        scroll = page_scroll_area(self, self._body)
        enable_touch_scroll(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.set_valid(True)

    def title(self) -> str:
        return self.tr("我要贷款 · 申请进度")

    def enter(self, data: FlowData) -> None:
        self.load()

    def submit(self) -> None:
        self.load()

    @Slot()
    def load(self) -> None:
        if self.busy:
            return
        client = self._client
        self.run_busy(
            self._tasks,
            lambda: client.get_me("/loan-applications"),
            self._on_loaded,
            self._on_failed,
            text=self.querying(),
        )

    def _on_loaded(self, result: Any) -> None:
        self._applications = records(result)
        self._fill()

    def _on_failed(self, error: KioskError) -> None:
        self.show_load_error(error, self.tr(LOAD_FAILED))

    def applications(self) -> list[dict[str, Any]]:
        return [dict(a) for a in self._applications]

    def _clear_cards(self) -> None:
        for card in self.cards:
            self._list.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def _fill(self) -> None:
        self._clear_cards()
        self.empty.setText(
            ""
            if self._applications
            else self.tr("您还没有贷款申请。可在“贷款试算”页面点击“申请贷款”提交申请。")
        )
        self.empty.setVisible(not self._applications)
        for index, application in enumerate(self._applications):
            card = self._card(application)
            card.setObjectName("ApplicationCard")
            self._list.insertWidget(index + 1, card)
            card.show()
            self.cards.append(card)

    def _card(self, application: dict[str, Any]) -> QWidget:
        card = QWidget(self._body)
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 16, 20, 16)
        head = QLabel(
            self.tr("申请编号 {no}　当前状态：{status}").format(
                no=application.get("application_no", ""), status=application.get("status", "")
            ),
            card,
        )
        head.setObjectName("ApplicationHead")
        head.setWordWrap(True)
        detail = QLabel(
            self.tr("{amount}，{years}年，{method}，月还款{monthly}；{home}：{address}").format(
                amount=yuan(str(application.get("amount", ""))),
                years=application.get("term_years", ""),
                method=application.get("method_label", ""),
                monthly=yuan(str(application.get("monthly_payment", ""))),
                home=application.get("home_label", ""),
                address=(application.get("property") or {}).get("address", ""),
            ),
            card,
        )
        detail.setProperty("role", "para")
        detail.setWordWrap(True)
        stages = QHBoxLayout()
        stages.setSpacing(8)
        for number, stage in enumerate(application.get("stages") or []):
            if number:
                arrow = QLabel("→", card)
                arrow.setProperty("role", "para")
                stages.addWidget(arrow)
            at = str(stage.get("at") or "")[:10]
            text = str(stage.get("name", "")) + (f"\n{at}" if stage.get("done") and at else "")
            label = QLabel(text, card)
            label.setObjectName(f"stage_{stage.get('name', '')}")
            label.setProperty("stage", "done" if stage.get("done") else "todo")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            stages.addWidget(label)
        stages.addStretch(1)
        step = QLabel(str(application.get("next_step", "")), card)
        step.setObjectName("NextStep")
        step.setProperty("role", "para")
        step.setWordWrap(True)
        layout.addWidget(head)
        layout.addWidget(detail)
        layout.addLayout(stages)
        layout.addWidget(step)
        return card

    def reset(self) -> None:
        super().reset()
        self._applications = []
        self._clear_cards()
        self.empty.clear()
        self.set_valid(True)
