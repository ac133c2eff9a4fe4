"""A labelled input row: label, large line edit, optional trailing widget, inline message."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.ui.i18n import translated
from kiosk.ui.theme import BASE_POINT_SIZE, repolish

__all__ = ["MESSAGE_KINDS", "Field", "caption"]

#: Kinds accepted by :meth:`Field.set_message`.
MESSAGE_KINDS = ("error", "hint", "ok")


def _scaled_width(widget: QWidget, width: int) -> int:
    """``width`` (for normal text) grown with ``widget``'s font in large text (大字)."""
    size = widget.font().pointSizeF()
    ratio = size / BASE_POINT_SIZE if size > 0 else 1.0
    return round(width * max(1.0, ratio))


class _Caption(QLabel):
    """A label column cell whose minimum width follows the font, as a :class:`Field`'s does."""

    def __init__(self, text: str, parent: QWidget, width: int) -> None:
        super().__init__(text, parent)
        self._width = width
        self.setMinimumWidth(_scaled_width(self, width))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumWidth(_scaled_width(self, self._width))
        super().changeEvent(event)


def caption(text: str, parent: QWidget, width: int) -> QLabel:
    """A label in the label column of a form, for a row whose input is not a :class:`Field`.

    ``width`` is for normal text; in large text it grows with the font, as a field's does.
    """
    label = _Caption(text, parent, width)
    label.setObjectName("fieldLabel")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


class Field(QWidget):
    """One form row after the manual: ``*用户名 [          ] [trailing]`` and a message below.

    The label column has a fixed minimum width so that rows of one form line up.  The
    message line keeps its height when empty, so showing an error never shifts the form.

    Typical use::

        phone = Field(self.tr("手机号码"), required=True, trailing=send_button)
        phone.line_edit.setMaxLength(11)
        phone.focused.connect(lambda: keypad.set_target(phone.line_edit))
        phone.set_message(self.tr("请输入11位手机号码"), kind="error")

    Signals:
        text_changed(str): the text changed (typing, keypad, :meth:`set_text`, :meth:`clear`).
        focused(): the line edit gained the focus (point the keypad or keyboard at it).
        submitted(): Enter was pressed in the line edit.
    """

    text_changed = Signal(str)
    focused = Signal()
    submitted = Signal()

    def __init__(
        self,
        label: str,
        parent: QWidget | None = None,
        *,
        required: bool = False,
        placeholder: str = "",
        trailing: QWidget | None = None,
        max_length: int | None = None,
    ) -> None:
        """Build the row.

        Args:
            label: the (already translated) label, e.g. ``self.tr("身份证号")``.
            parent: the owning widget.
            required: show the red ``*`` before the label.
            placeholder: grey text inside the empty line edit.
            trailing: a widget after the line edit (发送验证码 button, captcha image).
            max_length: the line edit's ``maxLength``.
        """
        super().__init__(parent)
        self.setObjectName("field")
        self._kind = "hint"
        self._styled_kind = "hint"  # the look the message label has now (the stylesheet's default)
        self._password = False

        self._required_mark = QLabel("*", self)
        self._required_mark.setObjectName("requiredMark")
        self._required_mark.setVisible(required)
        self._required_mark.setAccessibleName(self.tr("必填"))
        self._label = QLabel(label, self)
        self._label.setObjectName("fieldLabel")
        self._label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("fieldEdit")
        self.line_edit.setPlaceholderText(placeholder)
        self.line_edit.setAccessibleName(label)
        self.line_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if max_length is not None:
            self.line_edit.setMaxLength(max_length)
        self._label.setBuddy(self.line_edit)

        self._display = QLabel(self)
        self._display.setObjectName("fieldDisplay")
        self._display.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._display.hide()

        self._toggle = QPushButton(self.tr("显示"), self)
        self._toggle.setObjectName("togglePassword")
        self._toggle.setProperty("role", "inline")
        self._toggle.setCheckable(True)
        self._toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._toggle.setAccessibleName(self.tr("显示密码"))
        self._toggle.hide()

        self._message = QLabel(self)
        self._message.setObjectName("fieldMessage")
        self._message.setProperty("kind", "hint")
        self._message.setWordWrap(True)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.setSpacing(2)
        head.addStretch(1)
        head.addWidget(self._required_mark)
        head.addWidget(self._label)
        self._head = QWidget(self)
        self._head.setObjectName("fieldHead")
        self._head.setLayout(head)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self._display, 1)
        row.addWidget(self._toggle)
        self._trailing: QWidget | None = None
        self._row = row

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        grid.addWidget(self._head, 0, 0)
        grid.addLayout(row, 0, 1)
        grid.addWidget(self._message, 1, 1)
        grid.setColumnStretch(1, 1)
        if trailing is not None:
            self.set_trailing(trailing)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.line_edit.textChanged.connect(self.text_changed)
        self.line_edit.returnPressed.connect(self.submitted)
        self.line_edit.installEventFilter(self)
        self._toggle.toggled.connect(self.on_toggle_toggled)

    # -- text ---------------------------------------------------------------------------------
    def text(self) -> str:
        """The line edit's text (never the masked display text)."""
        return self.line_edit.text()

    def set_text(self, text: str) -> None:
        """Replace the line edit's text."""
        self.line_edit.setText(text)

    def clear(self) -> None:
        """Wipe the text, the message and the masked display; hide the password again."""
        self.line_edit.clear()
        self.set_message("")
        if self._toggle.isChecked():
            self._toggle.setChecked(False)

    def label(self) -> str:
        """The label text."""
        return self._label.text()

    def set_label(self, label: str) -> None:
        """Change the label (and the line edit's accessible name)."""
        self._label.setText(label)
        self.line_edit.setAccessibleName(label)

    def set_required(self, required: bool) -> None:
        """Show or hide the red ``*`` mark."""
        self._required_mark.setVisible(required)

    def set_label_width(self, width: int) -> None:
        """Make the label column at least ``width`` pixels, to align the rows of a form.

        ``width`` is for normal text: in large text (大字) it grows with the font, so that the
        rows of a form stay aligned (the longest label no longer pushes its field aside).
        """
        self._label_width = width
        self._apply_label_width()

    def _apply_label_width(self) -> None:
        width = getattr(self, "_label_width", 0)  # a font change can come before __init__ ends
        if width:
            self._head.setMinimumWidth(_scaled_width(self, width))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # 大字 switched on or off
            self._apply_label_width()
        super().changeEvent(event)

    # -- message ------------------------------------------------------------------------------
    def set_message(self, text: str, kind: str = "error") -> None:
        """Show one sentence under the line edit.

        Args:
            text: the sentence; empty to clear.
            kind: ``"error"`` (red), ``"hint"`` (grey) or ``"ok"`` (green).

        Raises:
            ValueError: for an unknown kind.
        """
        if kind not in MESSAGE_KINDS:
            raise ValueError(f"unknown message kind {kind!r}")
        text = translated(text)
        if text != self._message.text():
            self._message.setText(text)
            self._message.setAccessibleName(text)
        self._kind = kind
        if text and kind != self._styled_kind:
            # An empty message looks the same in every kind: re-style only what shows (every
            # reset and entry would otherwise re-polish each field's message twice).
            self._styled_kind = kind
            self._message.setProperty("kind", kind)
            repolish(self._message)
        invalid = bool(text) and kind == "error"
        if self.line_edit.property("invalid") != invalid:
            # Re-polishing is costly (the stylesheet is re-resolved): only on a real change.
            self.line_edit.setProperty("invalid", invalid)
            repolish(self.line_edit)

    def message(self) -> str:
        """The message shown now (empty when none)."""
        return self._message.text()

    def message_kind(self) -> str:
        """The kind of the last message: ``"error"``, ``"hint"`` or ``"ok"``."""
        return self._kind

    # -- variants -----------------------------------------------------------------------------
    def set_trailing(self, widget: QWidget | None) -> None:
        """Put ``widget`` after the line edit, replacing any previous trailing widget."""
        if self._trailing is not None:
            self._row.removeWidget(self._trailing)
            self._trailing.setParent(None)
        self._trailing = widget
        if widget is not None:
            self._row.addWidget(widget)

    def trailing(self) -> QWidget | None:
        """The trailing widget, if any."""
        return self._trailing

    def set_password(self, password: bool) -> None:
        """Hide the typed characters and offer a 显示/隐藏 button (hidden by default)."""
        self._password = password
        self._toggle.setChecked(False)
        self._toggle.setVisible(password and not self.is_display())
        self.line_edit.setEchoMode(
            QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
        )
        self.line_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
            if password
            else Qt.InputMethodHint.ImhNone
        )

    def is_password(self) -> bool:
        """Whether the field is a password field."""
        return self._password

    def is_revealed(self) -> bool:
        """Whether a password field shows its characters now."""
        return self.line_edit.echoMode() == QLineEdit.EchoMode.Normal

    def set_masked_display(self, text: str) -> None:
        """Show ``text`` (e.g. ``640***********123X``) read-only instead of the line edit.

        The line edit is hidden and keeps its own text; :meth:`set_editable` returns to it.

        Args:
            text: the already masked value to show.
        """
        self._display.setText(text)
        self._display.setAccessibleName(f"{self._label.text()} {text}")
        self.line_edit.hide()
        self._toggle.hide()
        self._display.show()

    def set_editable(self) -> None:
        """Leave the masked display variant and show the line edit again."""
        self._display.hide()
        self._display.clear()
        self.line_edit.show()
        self._toggle.setVisible(self._password)

    def is_display(self) -> bool:
        """Whether the masked display variant is shown."""
        return self.line_edit.isHidden()

    def display_text(self) -> str:
        """The masked text shown by the display variant."""
        return self._display.text()

    # -- events -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Emit :attr:`focused` when the line edit gains the focus."""
        if watched is self.line_edit and event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        return super().eventFilter(watched, event)

    def on_toggle_toggled(self, revealed: bool) -> None:
        """Show or hide the password characters."""
        self.line_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        )
        self._toggle.setText(self.tr("隐藏") if revealed else self.tr("显示"))
        self._toggle.setAccessibleName(self.tr("隐藏密码") if revealed else self.tr("显示密码"))
