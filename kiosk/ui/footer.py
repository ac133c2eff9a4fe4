"""The bottom band: the 12329 hotline and a status line (e.g. an offline notice)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.ui.theme import repolish

__all__ = ["FooterBar"]


class FooterBar(QFrame):
    """``公积金服务热线 12329`` on the left, a short status text on the right.

    The status label's ``kind`` property (``"info"`` or ``"warning"``) colours it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the footer.

        Args:
            parent: the owning widget.
        """
        super().__init__(parent)
        self.setObjectName("footerBar")  # a QFrame: it paints its stylesheet background
        self._hotline = QLabel(self.tr("公积金服务热线 12329"), self)
        self._hotline.setObjectName("footerHotline")
        self._status = QLabel(self)
        self._status.setObjectName("footerStatus")
        self._status.setProperty("kind", "info")
        # right-aligned by the stylesheet
        self._status.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 24, 8)
        row.setSpacing(24)
        row.addWidget(self._hotline)
        row.addWidget(self._status, 1)

    def set_status(self, text: str, kind: str = "info") -> None:
        """Show a short status (empty to clear).

        Args:
            text: e.g. ``"暂时无法连接公积金中心，部分业务请稍后办理"``.
            kind: ``"info"`` (grey) or ``"warning"`` (amber, bold).
        """
        self._status.setText(text)
        self._status.setAccessibleName(text)
        if self._status.property("kind") != kind:
            self._status.setProperty("kind", kind)
            repolish(self._status)

    def status(self) -> str:
        """The status text shown."""
        return self._status.text()
