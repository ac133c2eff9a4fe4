"""On-screen numeric keypad for ID numbers, phone numbers and SMS codes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.ui._target import InputTarget
from kiosk.ui.keys import KeyGrid, KeySpec

__all__ = ["Keypad"]

BACKSPACE = "\b"
CLEAR = "\x7f"


class Keypad(KeyGrid):
    """Large digit keys that type into a line edit without ever taking the focus.

    Layout::

        1 2 3 退格
        4 5 6 退格
        7 8 9 清空
        X  0  清空      (the X key only with ``allow_x``; otherwise 0 is wide)

    Keys are named ``key_0`` … ``key_9``, ``key_X``, ``key_back``, ``key_clear``
    (:meth:`key_rect` tells where each is).  The target is the line edit given to
    :meth:`set_target`, else the focused line edit.  Holding 退格 repeats it.

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
        super().__init__(parent, columns=4, rows=4)
        self.setObjectName("keypad")
        self.setAccessibleName(self.tr("数字键盘"))
        self._target = InputTarget(self)
        self._allow_x: bool | None = None
        self.set_allow_x(allow_x)

    # -- public API ---------------------------------------------------------------------------
    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit``; None to type into whichever line edit has the focus."""
        self._target.set_target(line_edit)

    def target(self) -> QLineEdit | None:
        """The line edit the next key press goes to, or None."""
        return self._target.target()

    def set_allow_x(self, allow: bool) -> None:
        """Show or hide the ``X`` key (ID numbers end in a digit or X); 0 widens without it."""
        if allow == self._allow_x:
            return
        self._allow_x = allow
        keys = [
            KeySpec(f"key_{digit}", digit, digit, index // 3, index % 3)
            for index, digit in enumerate("123456789")
        ]
        keys.append(KeySpec("key_X", "X", "X", 3, 0))
        if allow:
            keys.append(KeySpec("key_0", "0", "0", 3, 1, column_span=2))
        else:
            keys.append(KeySpec("key_0", "0", "0", 3, 0, column_span=3))
        keys.append(
            KeySpec("key_back", BACKSPACE, self.tr("退格"), 0, 3, 2, role="action", repeat=True)
        )
        keys.append(KeySpec("key_clear", CLEAR, self.tr("清空"), 2, 3, 2, role="action"))
        self.set_keys(keys)
        self.set_key_shown("key_X", allow)

    def allow_x(self) -> bool:
        """Whether the ``X`` key is shown."""
        return bool(self._allow_x)

    # -- internals ----------------------------------------------------------------------------
    def activate(self, key: KeySpec) -> None:
        self.on_key_clicked(key.value)

    def on_key_clicked(self, value: str) -> None:
        """Apply ``value`` to the target and announce it."""
        if value == BACKSPACE:
            self._target.backspace()
        elif value == CLEAR:
            self._target.clear()
        else:
            self._target.insert(value)
        self.key_pressed.emit(value)
