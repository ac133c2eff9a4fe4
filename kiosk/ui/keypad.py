"""On-screen numeric keypad for ID numbers, phone numbers and SMS codes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.ui._target import InputTarget

__all__ = ["KEY_MIN_SIZE", "Keypad"]

#: Smallest key, in pixels (touch target for unsteady fingers).
KEY_MIN_SIZE = QSize(96, 80)

BACKSPACE = "\b"
CLEAR = "\x7f"


class Keypad(QWidget):
    """Large digit keys that type into a line edit without ever taking the focus.

    Layout::

        1 2 3 退格
        4 5 6 退格
        7 8 9 清空
        X  0  清空      (the X key only with ``allow_x``; otherwise 0 is wide)

    Keys have object names ``key_0`` … ``key_9``, ``key_X``, ``key_back``, ``key_clear``.
    The target is the line edit given to :meth:`set_target`, else the focused line edit.

    Signals:
        key_pressed(str): a key was pressed: the digit, ``"X"``, ``"\\b"`` (退格) or
            ``"\\x7f"`` (清空), whether or not a target took it.
    """

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, allow_x: bool = False) -> None:
        """Build the keypad.

        Args:
            parent: the owning widget.
            allow_x: show the ``X`` key (the check character of an ID number).
        """
        super().__init__(parent)
        self.setObjectName("keypad")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._target = InputTarget(self)
        self._keys: dict[str, QPushButton] = {}

        grid = QGridLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(10, 10, 10, 10)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._make_key(digit, digit, f"key_{digit}"), index // 3, index % 3)
        zero = self._make_key("0", "0", "key_0")
        x_key = self._make_key("X", "X", "key_X")
        grid.addWidget(x_key, 3, 0)
        grid.addWidget(zero, 3, 1, 1, 2)
        back = self._make_key(self.tr("退格"), BACKSPACE, "key_back")
        back.setAccessibleName(self.tr("退格，删除一位"))
        clear = self._make_key(self.tr("清空"), CLEAR, "key_clear")
        back.setProperty("role", "key-action")
        clear.setProperty("role", "key-action")
        grid.addWidget(back, 0, 3, 2, 1)
        grid.addWidget(clear, 2, 3, 2, 1)
        self._grid = grid
        self.set_allow_x(allow_x)

    # -- public API ---------------------------------------------------------------------------
    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit``; None to type into whichever line edit has the focus."""
        self._target.set_target(line_edit)

    def target(self) -> QLineEdit | None:
        """The line edit the next key press goes to, or None."""
        return self._target.target()

    def set_allow_x(self, allow: bool) -> None:
        """Show or hide the ``X`` key (ID numbers end in a digit or X)."""
        x_key = self._keys["X"]
        zero = self._keys["0"]
        self._grid.removeWidget(zero)
        if allow:
            self._grid.addWidget(zero, 3, 1, 1, 2)
        else:
            self._grid.addWidget(zero, 3, 0, 1, 3)
        x_key.setVisible(allow)
        self._allow_x = allow

    def allow_x(self) -> bool:
        """Whether the ``X`` key is shown."""
        return self._allow_x

    def key(self, name: str) -> QPushButton:
        """The key button for ``name`` (``"0"``-``"9"``, ``"X"``, ``"\\b"``, ``"\\x7f"``)."""
        return self._keys[name]

    # -- internals ----------------------------------------------------------------------------
    def _make_key(self, label: str, value: str, object_name: str) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(object_name)
        button.setProperty("role", "key")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(value == BACKSPACE)
        button.setMinimumSize(KEY_MIN_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda _checked=False, v=value: self.on_key_clicked(v))
        self._keys[value] = button
        return button

    def on_key_clicked(self, value: str) -> None:
        """Apply ``value`` to the target and announce it."""
        if value == BACKSPACE:
            self._target.backspace()
        elif value == CLEAR:
            self._target.clear()
        else:
            self._target.insert(value)
        self.key_pressed.emit(value)
