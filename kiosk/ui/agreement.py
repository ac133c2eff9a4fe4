"""The registration agreement (《个人用户注册协议》): read to the end, then agree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.scroll import enable_touch_scroll

__all__ = ["AgreementDialog"]

#: How close to the end (in pixels) counts as "read to the end".
END_SLACK_PX = 4


class AgreementDialog(QDialog):
    """A frameless, window-filling dialog with the agreement in large text.

    The text scrolls by dragging (kinetic) or with the large 下一页 button.
    同意并继续 (``agree``) is enabled only once the text has been scrolled to its end (at once
    when it fits); 返回 (``back``) rejects.  Open it with :meth:`QDialog.open` (never
    ``exec``: no nested event loop) and connect ``accepted`` / ``rejected``.

    Signals:
        accepted(): 同意并继续 was pressed (QDialog's own signal).
        rejected(): 返回 was pressed (QDialog's own signal).
    """

    def __init__(
        self, title: str, text: str, parent: QWidget | None = None, *, html: bool = False
    ) -> None:
        """Build the dialog.

        Args:
            title: e.g. ``self.tr("个人用户注册协议")``.
            text: the agreement, plain text (or HTML with ``html=True``).
            parent: the window it covers.
            html: ``text`` is HTML.
        """
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setModal(True)
        self._title = QLabel(self)
        self._title.setObjectName("agreementTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._browser = QTextBrowser(self)
        self._browser.setObjectName("agreementText")
        self._browser.setOpenLinks(False)
        self._browser.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        enable_touch_scroll(self._browser)
        self._hint = QLabel(self.tr("请阅读至协议末尾，然后点击“同意并继续”"), self)
        self._hint.setObjectName("agreementHint")
        self._hint.setProperty("role", "hint")
        self._hint.setWordWrap(True)
        self._page_down = QPushButton(self.tr("下一页"), self)
        self._page_down.setObjectName("page_down")
        self._page_down.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._back = QPushButton(self.tr("返回"), self)
        self._back.setObjectName("back")
        self._back.setProperty("role", "secondary")
        self._agree = QPushButton(self.tr("同意并继续"), self)
        self._agree.setObjectName("agree")
        self._agree.setProperty("role", "primary")
        self._agree.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self._page_down)
        buttons.addStretch(1)
        buttons.addWidget(self._back)
        buttons.addWidget(self._agree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(16)
        layout.addWidget(self._title)
        layout.addWidget(self._browser, 1)
        layout.addWidget(self._hint)
        layout.addLayout(buttons)
        self._connect_signals()
        self.set_document(title, text, html=html)

    def _connect_signals(self) -> None:
        bar = self._browser.verticalScrollBar()
        bar.valueChanged.connect(self.on_scrollbar_changed)
        bar.rangeChanged.connect(self.on_scrollbar_changed)
        self._page_down.clicked.connect(self.on_page_down_clicked)
        self._back.clicked.connect(self.reject)
        self._agree.clicked.connect(self.accept)

    def set_document(self, title: str, text: str, *, html: bool = False) -> None:
        """Show another agreement; 同意并继续 is disabled until it is read to the end."""
        self._title.setText(title)
        self.setWindowTitle(title)
        if html:
            self._browser.setHtml(text)
        else:
            self._browser.setPlainText(text)
        self._browser.verticalScrollBar().setValue(0)
        self._agree.setEnabled(False)
        self.on_scrollbar_changed()

    def is_read(self) -> bool:
        """Whether the resident has reached the end (同意并继续 is enabled)."""
        return self._agree.isEnabled()

    def scroll_to_end(self) -> None:
        """Jump to the end (tests, staff)."""
        bar = self._browser.verticalScrollBar()
        bar.setValue(bar.maximum())

    def text_browser(self) -> QTextBrowser:
        """The text view (for tests and styling)."""
        return self._browser

    def on_scrollbar_changed(self, *_args: int) -> None:
        """Enable 同意并继续 once the end is visible; it stays enabled."""
        bar = self._browser.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() - END_SLACK_PX
        if at_end and self._browser.isVisible():
            self._agree.setEnabled(True)
            self._hint.setText(self.tr("您已阅读完毕，可以点击“同意并继续”"))
        self._page_down.setEnabled(not at_end)

    def on_page_down_clicked(self) -> None:
        """Scroll one page down."""
        bar = self._browser.verticalScrollBar()
        bar.setValue(bar.value() + bar.pageStep())

    def showEvent(self, event: QShowEvent) -> None:
        """Cover the parent window, and check whether the text already fits."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.window().geometry())
        super().showEvent(event)
        self.on_scrollbar_changed()
