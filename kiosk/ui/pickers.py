"""Touch pickers without a keyboard: a number stepper (− 20 +), a month picker and segmented
choice buttons. Every control is at least 64 px high (the theme's buttons)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.ui.theme import set_local_style

__all__ = ["MonthPicker", "Segmented", "Stepper"]

_BUTTON_SIZE = 72
_CHOICE_BORDER = 2


def _step_row(
    owner: QWidget, name: str, *, label_width: int, font_pt: int
) -> tuple[QPushButton, QLabel, QPushButton]:
    """The "−  value  +" row that both pickers are made of, laid out on ``owner``."""
    minus = _step_button("−", f"{name}_minus", owner)
    plus = _step_button("+", f"{name}_plus", owner)
    label = QLabel(owner)
    label.setObjectName(f"{name}_value")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumWidth(label_width)
    set_local_style(label, f"font-size: {font_pt}pt; font-weight: bold;")
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(minus)
    layout.addWidget(label)
    layout.addWidget(plus)
    return minus, label, plus


def _step_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setProperty("role", "secondary")
    button.setFixedSize(_BUTTON_SIZE, _BUTTON_SIZE)
    # the theme gives buttons a large minimum width; a stepper key is a square
    set_local_style(
        button,
        f"min-width: {_BUTTON_SIZE}px; max-width: {_BUTTON_SIZE}px; "
        f"min-height: {_BUTTON_SIZE}px; max-height: {_BUTTON_SIZE}px; "
        "padding: 0px; font-size: 28pt; font-weight: bold;",
    )
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoRepeat(True)
    return button


class Stepper(QWidget):
    """``[−] 20年 [+]``: a whole number between ``minimum`` and ``maximum``.

    Signals:
        value_changed(int): the value changed.
    """

    value_changed = Signal(int)

    def __init__(
        self,
        minimum: int,
        maximum: int,
        value: int,
        suffix: str = "",
        parent: QWidget | None = None,
        *,
        name: str = "stepper",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._minimum, self._maximum = minimum, maximum
        self._suffix = suffix
        self._value = min(max(value, minimum), maximum)
        self.minus, self.label, self.plus = _step_row(self, name, label_width=150, font_pt=24)
        self.minus.clicked.connect(self.on_minus_clicked)
        self.plus.clicked.connect(self.on_plus_clicked)
        self._show()

    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        value = min(max(value, self._minimum), self._maximum)
        if value != self._value:
            self._value = value
            self._show()
            self.value_changed.emit(value)

    def set_range(self, minimum: int, maximum: int) -> None:
        self._minimum, self._maximum = minimum, maximum
        self.set_value(self._value)
        self._show()

    def _show(self) -> None:
        self.label.setText(f"{self._value}{self._suffix}")
        self.minus.setEnabled(self._value > self._minimum)
        self.plus.setEnabled(self._value < self._maximum)

    @Slot()
    def on_minus_clicked(self) -> None:
        self.set_value(self._value - 1)

    @Slot()
    def on_plus_clicked(self) -> None:
        self.set_value(self._value + 1)


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class MonthPicker(QWidget):
    """``[−] 2025年06月 [+]``: a month between two bounds (``YYYY-MM``).

    Signals:
        month_changed(str): the month changed (``YYYY-MM``).
    """

    month_changed = Signal(str)

    def __init__(
        self,
        month: str,
        earliest: str,
        latest: str,
        parent: QWidget | None = None,
        *,
        name: str = "month",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._earliest, self._latest = _month_index(earliest), _month_index(latest)
        self._index = min(max(_month_index(month), self._earliest), self._latest)
        self.minus, self.label, self.plus = _step_row(self, name, label_width=200, font_pt=22)
        self.minus.clicked.connect(lambda: self._move(-1))
        self.plus.clicked.connect(lambda: self._move(1))
        self._show()

    def month(self) -> str:
        return _month_text(self._index)

    def set_month(self, month: str) -> None:
        index = min(max(_month_index(month), self._earliest), self._latest)
        if index != self._index:
            self._index = index
            self._show()
            self.month_changed.emit(self.month())

    def set_bounds(self, earliest: str, latest: str) -> None:
        self._earliest, self._latest = _month_index(earliest), _month_index(latest)
        self.set_month(self.month())
        self._show()

    def _move(self, step: int) -> None:
        self.set_month(_month_text(self._index + step))

    def _show(self) -> None:
        self.label.setText(
            self.tr("{year}年{month}月").format(
                year=self._index // 12, month=f"{self._index % 12 + 1:02d}"
            )
        )
        self.minus.setEnabled(self._index > self._earliest)
        self.plus.setEnabled(self._index < self._latest)


class Segmented(QWidget):
    """Exclusive choice buttons: ``[等额本息][等额本金]``; object names ``{name}_{value}``.

    Signals:
        chosen(str): the chosen value changed.
    """

    chosen = Signal(str)

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        name: str = "choice",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for value, label in options:
            button = QPushButton(label, self)
            button.setObjectName(f"{name}_{value}")
            button.setCheckable(True)
            button.setProperty("role", "choice")
            button.setFixedHeight(_BUTTON_SIZE)
            button.setMinimumWidth(160)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, v=value: self._on_clicked(v))
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[value] = button
        layout.addStretch(1)
        self.setFixedHeight(_BUTTON_SIZE)
        if options:
            self.buttons[options[0][0]].setChecked(True)
        # QSS heights are of the contents: the 2 px borders come on top of them, so the
        # contents are 4 px less than the fixed height (else the buttons' bottom edge is cut).
        inner = _BUTTON_SIZE - 2 * _CHOICE_BORDER
        self.setStyleSheet(
            'QPushButton[role="choice"] { background: #FFFFFF; color: #1A1A1A; '
            f"min-height: {inner}px; max-height: {inner}px; "
            f"border: {_CHOICE_BORDER}px solid #C9D3E0; border-radius: 12px; padding: 0px 20px; }}"
            'QPushButton[role="choice"]:checked { background: #1565C0; color: #FFFFFF; '
            "border-color: #0D47A1; font-weight: bold; }"
        )

    def value(self) -> str:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return ""

    def set_value(self, value: str) -> None:
        button = self.buttons.get(value)
        if button is not None and not button.isChecked():
            button.setChecked(True)
            self.chosen.emit(value)

    def _on_clicked(self, value: str) -> None:
        self.chosen.emit(value)
