"""On-screen letter keyboard for user names, passwords and e-mail addresses."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.ui._target import InputTarget

__all__ = ["KEY_MIN_SIZE", "Keyboard"]

#: Smallest key, in pixels.
KEY_MIN_SIZE = QSize(64, 72)

BACKSPACE = "\b"
CLEAR = "\x7f"
SHIFT = "shift"
DONE = "done"

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
#: The keyboard is a grid of half-key columns, so rows can be offset by half a key.
_COLUMNS = 22


class Keyboard(QWidget):
    """QWERTY letters, a digit row, e-mail keys and editing keys; never takes the focus.

    Rows::

        1 2 3 4 5 6 7 8 9 0 退格
        q w e r t y u i o p 清空
         a s d f g h j k l _
        大写  z x c v b n m @ .
        - .com          完成

    Each letter key keeps its object name ``key_a`` … ``key_z`` in both cases; the
    大写/小写 key (``key_shift``, checkable, a caps lock rather than a one-shot shift)
    only changes the labels and what is typed.  Other keys: ``key_0`` … ``key_9``,
    ``key_at``, ``key_dot``, ``key_underscore``, ``key_minus``, ``key_com``, ``key_back``,
    ``key_clear``, ``key_done``.  A physical keyboard keeps working, as the target keeps
    the focus.

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
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._hide_on_done = hide_on_done
        self._target = InputTarget(self)
        self._keys: dict[str, QPushButton] = {}
        self._upper = False

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        for column in range(_COLUMNS):
            grid.setColumnStretch(column, 1)
        for row, offset, chars in ((0, 0, _ROWS[0]), (1, 0, _ROWS[1]), (2, 1, _ROWS[2])):
            for index, char in enumerate(chars):
                key = self._make_key(char, char, f"key_{char}")
                grid.addWidget(key, row, offset + 2 * index, 1, 2)
        for index, char in enumerate(_ROWS[3]):
            grid.addWidget(self._make_key(char, char, f"key_{char}"), 3, 4 + 2 * index, 1, 2)
        back = self._make_key(self.tr("退格"), BACKSPACE, "key_back", "key-action")
        back.setAccessibleName(self.tr("退格，删除一位"))
        grid.addWidget(back, 0, 20, 1, 2)
        clear = self._make_key(self.tr("清空"), CLEAR, "key_clear", "key-action")
        grid.addWidget(clear, 1, 20, 1, 2)
        grid.addWidget(self._make_key("_", "_", "key_underscore"), 2, 19, 1, 2)
        shift = self._make_key(self.tr("大写"), SHIFT, "key_shift", "key-action")
        shift.setCheckable(True)
        shift.setAccessibleName(self.tr("切换大小写"))
        grid.addWidget(shift, 3, 0, 1, 4)
        grid.addWidget(self._make_key("@", "@", "key_at"), 3, 18, 1, 2)
        grid.addWidget(self._make_key(".", ".", "key_dot"), 3, 20, 1, 2)
        grid.addWidget(self._make_key("-", "-", "key_minus"), 4, 0, 1, 2)
        grid.addWidget(self._make_key(".com", ".com", "key_com"), 4, 2, 1, 4)
        done = self._make_key(self.tr("完成"), DONE, "key_done", "key-done")
        grid.addWidget(done, 4, 14, 1, 8)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._keys[SHIFT].toggled.connect(self.on_shift_toggled)

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
        self._keys[SHIFT].setChecked(upper)

    def key(self, name: str) -> QPushButton:
        """The key for ``name``: a lower-case letter, digit, symbol, ``".com"`` or action."""
        return self._keys[name]

    # -- slots --------------------------------------------------------------------------------
    def on_shift_toggled(self, upper: bool) -> None:
        """Relabel the letter keys for the new case."""
        self._upper = upper
        for char in "".join(_ROWS[1:]):
            self._keys[char].setText(char.upper() if upper else char)
        self._keys[SHIFT].setText(self.tr("小写") if upper else self.tr("大写"))
        self.shift_toggled.emit(upper)

    def on_key_clicked(self, value: str) -> None:
        """Apply ``value`` to the target and announce it."""
        if value == SHIFT:
            return  # handled by the toggled signal
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

    # -- internals ----------------------------------------------------------------------------
    def _make_key(self, label: str, value: str, object_name: str, role: str = "key") -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(object_name)
        button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(value == BACKSPACE)
        button.setMinimumSize(KEY_MIN_SIZE)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _checked=False, v=value: self.on_key_clicked(v))
        self._keys[value] = button
        return button
