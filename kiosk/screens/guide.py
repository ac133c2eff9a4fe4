"""办事指南: the guide articles of the center, as a list of large buttons and a large-text reader.

Articles come from the reference data (bundled defaults, the cache, then the center); an article
whose text is not at hand yet is fetched through the task runner, and the list still works with
the center down.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.errors import KioskError
from kiosk.flows import FlowData
from kiosk.reference import Reference
from kiosk.ui.screen import Screen
from kiosk.ui.scroll import enable_touch_scroll, page_scroll_area
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import set_local_style

_STYLE = """
QLabel#guideCategory { font-size: 22pt; font-weight: bold; color: #0D47A1; padding-top: 8px; }
QPushButton[role="guideItem"] { text-align: left; min-height: 96px; padding: 12px 24px;
    font-size: 22pt; color: #1A1A1A; background: #FFFFFF; border: 2px solid #C9D3E0;
    border-radius: 14px; }
QPushButton[role="guideItem"]:pressed { background: #E3F2FD; border-color: #1565C0; }
QLabel#guideTitle { font-size: 28pt; font-weight: bold; color: #0D47A1; }
QTextBrowser#guideText { font-size: 24pt; background: #FFFFFF; border: 1px solid #C9D3E0;
    border-radius: 14px; padding: 16px 24px; }
QLabel#guideHint { font-size: 20pt; color: #55606E; }
"""

GuideFetch = Callable[[str], dict[str, Any]]


def article_html(body: str) -> str:
    """Plain guide text as simple HTML: ``# heading`` or ``【heading】`` lines become headings.

    Args:
        body: the article text, paragraphs separated by newlines.

    Returns:
        HTML for a QTextBrowser (every character escaped).
    """
    parts: list[str] = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            parts.append(f"<h3>{html.escape(line.lstrip('#').strip())}</h3>")
        elif line.startswith("【") and "】" in line:
            head, _, rest = line[1:].partition("】")
            parts.append(f"<h3>{html.escape(head)}</h3>")
            if rest.strip():
                parts.append(f"<p>{html.escape(rest.strip())}</p>")
        else:
            parts.append(f"<p>{html.escape(line)}</p>")
    return (
        "<style>h3 { color: #0D47A1; margin-top: 18px; } p { line-height: 150%; "
        "margin-bottom: 10px; }</style>" + "".join(parts)
    )


class GuideScreen(Screen):
    """The guide list, and the article reader with 返回目录.

    Args:
        reference: the reference data (the list and the cached articles).
        fetch: loads one article from the center (``CenterClient.guide``); run off the GUI thread.
        tasks: the task runner.
    """

    idle_kind = "account"

    def __init__(
        self,
        reference: Reference,
        fetch: GuideFetch,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.primary_text = None
        set_local_style(self, _STYLE)
        self._reference = reference
        self._fetch = fetch
        self._tasks = tasks
        self._shown_ids: list[str] = []
        self._article_id = ""
        self.items: dict[str, QPushButton] = {}

        self.pages = QStackedWidget(self)
        # -- the list
        self.list_page = QWidget(self)
        self._list_body = QWidget(self)
        self._list_layout = QVBoxLayout(self._list_body)
        self._list_layout.setSpacing(12)
        self.list_scroll = page_scroll_area(self, self._list_body)
        self.list_scroll.setObjectName("GuideListScroll")
        enable_touch_scroll(self.list_scroll)
        self.empty = QLabel(
            self.tr("暂时无法获取办事指南，请稍后再试，或拨打12329热线咨询。"), self
        )
        self.empty.setObjectName("guideHint")
        self.empty.setWordWrap(True)
        self.empty.hide()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.list_scroll, 1)
        # -- the reader
        self.article_page = QWidget(self)
        self.article_title = QLabel(self.article_page)
        self.article_title.setObjectName("guideTitle")
        self.article_title.setWordWrap(True)
        self.back_to_list = QPushButton(self.tr("返回目录"), self.article_page)
        self.back_to_list.setObjectName("GuideBackButton")
        self.back_to_list.setProperty("role", "secondary")
        self.text = QTextBrowser(self.article_page)
        self.text.setObjectName("guideText")
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        enable_touch_scroll(self.text)
        head = QHBoxLayout()
        head.addWidget(self.article_title, 1)
        head.addWidget(self.back_to_list, 0, Qt.AlignmentFlag.AlignTop)
        article_layout = QVBoxLayout(self.article_page)
        article_layout.setContentsMargins(0, 0, 0, 0)
        article_layout.addLayout(head)
        article_layout.addWidget(self.text, 1)

        self.pages.addWidget(self.list_page)
        self.pages.addWidget(self.article_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.back_to_list.clicked.connect(self.on_back_to_list_clicked)
        self.set_valid(True)

    def title(self) -> str:
        return self.tr("办事指南")

    # -- the list --------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Rebuild the list from the reference data (when it changed)."""
        guides = self._reference.guides()
        ids = [str(g.get("id")) for g in guides]
        self.empty.setVisible(not guides)
        if ids == self._shown_ids:
            return
        while self._list_layout.count():
            item = self._list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.items = {}
        category = None
        for guide in guides:
            guide_id = str(guide.get("id"))
            if guide.get("category") != category:
                category = guide.get("category")
                label = QLabel(str(category or ""), self._list_body)
                label.setObjectName("guideCategory")
                self._list_layout.addWidget(label)
            button = QPushButton(str(guide.get("title", "")), self._list_body)
            button.setObjectName(f"guide_{guide_id}")
            button.setProperty("role", "guideItem")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            summary = str(guide.get("summary") or "")
            button.setAccessibleDescription(summary)
            button.clicked.connect(lambda _=False, g=guide_id: self.open_article(g))
            self._list_layout.addWidget(button)
            self.items[guide_id] = button
        self._list_layout.addStretch(1)
        self._shown_ids = ids

    # -- the reader ----------------------------------------
    def open_article(self, guide_id: str) -> None:
        """Show one article; fetch its text from the center when it is not at hand."""
        self.set_error("")
        self._article_id = guide_id
        article = self._reference.guide(guide_id) or {}
        self.article_title.setText(str(article.get("title", "")))
        self.pages.setCurrentWidget(self.article_page)
        body = article.get("body")
        if isinstance(body, str) and body:
            self._show_body(body)
            return
        self.text.setPlainText(self.tr("正在加载，请稍候……"))
        fetch = self._fetch
        self.run_busy(  # the error it clears was already cleared above
            self._tasks,
            lambda: fetch(guide_id),
            lambda result: self._on_fetched(guide_id, result),
            self._on_fetch_failed,
            text=self.querying(),
        )

    def _show_body(self, body: str) -> None:
        self.text.setHtml(article_html(body))
        self.text.verticalScrollBar().setValue(0)

    def _on_fetched(self, guide_id: str, result: Mapping[str, Any]) -> None:
        if guide_id != self._article_id:
            return
        self.article_title.setText(str(result.get("title") or self.article_title.text()))
        self._show_body(str(result.get("body") or ""))

    def _on_fetch_failed(self, error: KioskError) -> None:
        self.text.setPlainText("")
        self.set_error(self.tr("暂时无法打开这篇指南，请返回目录稍后再试，或拨打12329热线咨询。"))

    def article_id(self) -> str:
        """The article shown ('' on the list)."""
        return self._article_id if self.pages.currentWidget() is self.article_page else ""

    def article_text(self) -> str:
        return self.text.toPlainText()

    @Slot()
    def on_back_to_list_clicked(self) -> None:
        self.set_error("")
        self._article_id = ""
        self.pages.setCurrentWidget(self.list_page)

    # -- life cycle ----------------------------------------
    def enter(self, data: FlowData) -> None:
        self.refresh()

    def reset(self) -> None:
        super().reset()
        self.on_back_to_list_clicked()
        self.list_scroll.verticalScrollBar().setValue(0)
        self.set_valid(True)
