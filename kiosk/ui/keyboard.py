"""On-screen letter keyboard for user names, passwords and e-mail addresses."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.ui._target import InputTarget
from kiosk.ui.keys import KeyGrid, KeySpec

__all__ = ["Keyboard"]

BACKSPACE = "\b"
CLEAR = "\x7f"
SHIFT = "shift"
DONE = "done"

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
# The keyboard is a grid of half-key columns, so rows can be offset by half a key.
_COLUMNS = 22
_LETTERS = "".join(_ROWS[1:])


class Keyboard(KeyGrid):
    """QWERTY letters, a digit row, e-mail keys and editing keys; never takes the focus.

    Rows::

        1 2 3 4 5 6 7 8 9 0 退格
        q w e r t y u i o p 清空
         a s d f g h j k l _
        大写  z x c v b n m @ .
        - .com          完成

    Each letter key keeps its name ``key_a`` … ``key_z`` in both cases; the 大写/小写 key
    (``key_shift``, a caps lock rather than a one-shot shift) only changes the labels and
    what is typed.  Other keys: ``key_0`` … ``key_9``, ``key_at``, ``key_dot``,
    ``key_underscore``, ``key_minus``, ``key_com``, ``key_back``, ``key_clear``, ``key_done``
    (:meth:`key_rect` tells where each is).  A physical keyboard keeps working, as the target
    keeps the focus.  Holding 退格 repeats it.

    Signals:
        key_pressed(str): the text typed (``"a"``, ``"A"``, ``".com"``, …), or ``"\\b"``
            (退格), ``"\\x7f"`` (清空).
        shift_toggled(bool): upper case switched on or off.
        done_clicked(): 完成 was pressed; the keyboard hides itself when ``hide_on_done``.
    """

    key_pressed = Signal(str)
    shift_toggled = Signal(bool)
    done_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, hide_on_done: bool = True) -> None:
        """Build the keyboard.

        Args:
            parent: the owning widget.
            hide_on_done: hide the keyboard when 完成 is pressed.
        """
        super().__init__(parent, columns=_COLUMNS, rows=5, spacing=8)
        self.setObjectName("keyboard")
        self.setAccessibleName(self.tr("屏幕键盘"))
        self._hide_on_done = hide_on_done
        self._target = InputTarget(self)
        self._upper = False

        keys: list[KeySpec] = []
        for row, offset, chars in ((0, 0, _ROWS[0]), (1, 0, _ROWS[1]), (2, 1, _ROWS[2])):
            for index, char in enumerate(chars):
                keys.append(KeySpec(f"key_{char}", char, char, row, offset + 2 * index, 1, 2))
        for index, char in enumerate(_ROWS[3]):
            keys.append(KeySpec(f"key_{char}", char, char, 3, 4 + 2 * index, 1, 2))
        keys += [
            KeySpec("key_back", BACKSPACE, self.tr("退格"), 0, 20, 1, 2, "action", repeat=True),
            KeySpec("key_clear", CLEAR, self.tr("清空"), 1, 20, 1, 2, "action"),
            KeySpec("key_underscore", "_", "_", 2, 19, 1, 2),
            KeySpec("key_shift", SHIFT, self.tr("大写"), 3, 0, 1, 4, "action", checkable=True),
            KeySpec("key_at", "@", "@", 3, 18, 1, 2),
            KeySpec("key_dot", ".", ".", 3, 20, 1, 2),
            KeySpec("key_minus", "-", "-", 4, 0, 1, 2),
            KeySpec("key_com", ".com", ".com", 4, 2, 1, 4),
            KeySpec("key_done", DONE, self.tr("完成"), 4, 14, 1, 8, "done"),
        ]
        self.set_keys(keys)

    # -- public API ---------------------------------------------------------------------------
    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit``; None to type into whichever line edit has the focus."""
        self._target.set_target(line_edit)

    def target(self) -> QLineEdit | None:
        """The line edit the next key press goes to, or None."""
        return self._target.target()

    def is_upper(self) -> bool:
        """Whether letter keys type upper case."""
        return self._upper

    def set_upper(self, upper: bool) -> None:
        """Switch letter keys to upper (True) or lower case."""
        self.set_checked("key_shift", upper)

    # -- internals ----------------------------------------------------------------------------
    def toggled(self, name: str, checked: bool) -> None:
        if name != "key_shift":
            return
        self._upper = checked
        for char in _LETTERS:
            self.set_key_label(f"key_{char}", char.upper() if checked else char)
        self.set_key_label("key_shift", self.tr("小写") if checked else self.tr("大写"))
        self.shift_toggled.emit(checked)

    def activate(self, key: KeySpec) -> None:
        self.on_key_clicked(key.value)

    def on_key_clicked(self, value: str) -> None:
        """Apply ``value`` to the target and announce it."""
        if value == SHIFT:
            return  # the key toggled itself: see toggled()
        if value == DONE:
            self.done_clicked.emit()
            if self._hide_on_done:
                self.hide()
            return
        if value == BACKSPACE:
            self._target.backspace()
            self.key_pressed.emit(value)
            return
        if value == CLEAR:
            self._target.clear()
            self.key_pressed.emit(value)
            return
        text = value.upper() if self._upper and value.isalpha() else value
        self._target.insert(text)
        self.key_pressed.emit(text)
