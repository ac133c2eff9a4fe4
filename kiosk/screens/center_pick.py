"""所属中心: the resident picks the management center that holds their account."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.flows import FlowData
from kiosk.reference import Reference
from kiosk.ui.screen import Screen


class CenterPickScreen(Screen):
    """A grid of large buttons, one per management center; the kiosk's own is preselected."""

    primary_text = "下一步"

    def __init__(
        self, reference: Reference, default_center_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.primary_text = self.tr("下一步")
        self._reference = reference
        self._default = default_center_id
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._hint = QLabel(self.tr("第一步　请选择您的住房公积金所属管理中心"), self)
        self._hint.setObjectName("ScreenHint")
        self._hint.setWordWrap(True)
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        layout = QVBoxLayout(self)
        layout.addWidget(self._hint)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self._group.buttonToggled.connect(self.on_group_button_toggled)

    def title(self) -> str:
        return self.tr("所属中心")

    def _populate(self) -> None:
        centers = self._reference.centers()
        if list(self._buttons) == [str(c.get("id")) for c in centers]:
            return
        for button in self._buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self._buttons.clear()
        for index, center in enumerate(centers):
            center_id = str(center.get("id"))
            button = QPushButton(str(center.get("name", center_id)), self)
            button.setObjectName(f"center_{center_id}")
            button.setCheckable(True)
            button.setProperty("role", "choice")
            self._group.addButton(button)
            self._grid.addWidget(button, index // 2, index % 2)
            self._buttons[center_id] = button

    @property
    def selected(self) -> str:
        for center_id, button in self._buttons.items():
            if button.isChecked():
                return center_id
        return ""

    def select(self, center_id: str) -> None:
        button = self._buttons.get(center_id)
        if button is not None:
            button.setChecked(True)

    def enter(self, data: FlowData) -> None:
        self._populate()
        wanted = str(data.get("center_id") or "") or self.selected or self._default
        if wanted in self._buttons:
            self.select(wanted)
        if not self._buttons:
            self.set_error(self.tr("暂时无法获取管理中心列表，请稍后再试，或拨打12329热线咨询。"))
        self.set_valid(bool(self.selected))

    @Slot()
    def on_group_button_toggled(self) -> None:
        self.set_valid(bool(self.selected))

    def apply(self, data: FlowData) -> None:
        data["center_id"] = self.selected
        data["center_name"] = self._reference.center_name(self.selected)

    def reset(self) -> None:
        super().reset()
        self._group.setExclusive(False)
        for button in self._buttons.values():
            button.setChecked(False)
        self._group.setExclusive(True)
        self.set_valid(False)

    def focus_widget(self) -> QWidget | None:
        return self._buttons.get(self.selected)
