"""The manual's step indicator: 第一步 身份验证 › 第二步 填写注册信息 › 注册成功."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kiosk.ui.theme import repolish

__all__ = ["StepHeader"]


class StepHeader(QFrame):
    """A row of stages: done ones carry a check mark, the current one is highlighted,
    future ones are grey.  Hidden while there are no stages.

    Each stage label has the object name ``stage_<index>`` and a ``state`` property of
    ``"done"``, ``"current"`` or ``"todo"`` (styled by the stylesheet).  A current index
    equal to the number of stages marks every stage done.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build an empty (hidden) step header.

        Args:
            parent: the owning widget.
        """
        super().__init__(parent)
        self.setObjectName("stepHeader")  # a QFrame: it paints its stylesheet background
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 8, 16, 8)
        self._layout.setSpacing(8)
        self._stages: list[str] = []
        self._labels: list[QLabel] = []
        self._current = 0
        self.hide()

    def set_stages(self, stages: list[str]) -> None:
        """Show ``stages`` (already translated), the first one current.

        Args:
            stages: e.g. ``["第一步 身份验证", "第二步 填写注册信息", "注册成功"]``; an empty
                list hides the header.
        """
        if list(stages) == self._stages and self._labels:
            self.setVisible(bool(self._stages))
            return  # the same flow's stages: keep the labels (switching must stay cheap)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._stages = list(stages)
        self._labels = []
        self._layout.addStretch(1)
        for index in range(len(self._stages)):
            if index:
                arrow = QLabel("›", self)
                arrow.setObjectName("stageArrow")
                arrow.setAccessibleName("")
                self._layout.addWidget(arrow)
            label = QLabel(self)
            label.setObjectName(f"stage_{index}")
            label.setProperty("role", "stage")
            label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            self._labels.append(label)
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.setVisible(bool(self._stages))
        self._current = 0
        self._refresh()

    def stages(self) -> list[str]:
        """The stage texts."""
        return list(self._stages)

    def set_current(self, index: int) -> None:
        """Make stage ``index`` current (0-based); earlier ones are done.

        Args:
            index: clamped to ``0 … len(stages)``; ``len(stages)`` means all done.
        """
        self._current = max(0, min(index, len(self._stages)))
        self._refresh()

    def current(self) -> int:
        """The current stage index."""
        return self._current

    def state(self, index: int) -> str:
        """``"done"``, ``"current"`` or ``"todo"`` for stage ``index``."""
        if index < self._current:
            return "done"
        if index == self._current:
            return "current"
        return "todo"

    def _refresh(self) -> None:
        total = len(self._stages)
        for index, (label, text) in enumerate(zip(self._labels, self._stages, strict=True)):
            state = self.state(index)
            if label.property("state") == state:
                continue  # re-styling is costly: only the stages whose state changed
            label.setText(f"✓ {text}" if state == "done" else text)
            label.setProperty("state", state)
            repolish(label)
        if total and self._current < total:
            self.setAccessibleName(
                self.tr("第{current}步，共{total}步：{name}").format(
                    current=self._current + 1, total=total, name=self._stages[self._current]
                )
            )
        elif total:
            self.setAccessibleName(self.tr("全部步骤已完成"))
