"""Where the on-screen keypad and keyboard type: shared by :mod:`keypad` and :mod:`keyboard`."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit
from shiboken6 import isValid

__all__ = ["InputTarget"]


class InputTarget(QObject):
    """Resolves the line edit that on-screen keys type into, and edits it.

    An explicit target (``set_target``) wins; otherwise the application's focused widget when
    it is a :class:`QLineEdit`.  Editing goes through :meth:`QLineEdit.insert` and
    :meth:`QLineEdit.backspace`, so ``maxLength``, the validator and the input mask apply
    exactly as for a physical keyboard, and ``textEdited`` is emitted.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._explicit: QLineEdit | None = None

    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into ``line_edit`` from now on; None to follow the focus again."""
        if self._explicit is not None and isValid(self._explicit):
            self._explicit.destroyed.disconnect(self._on_target_destroyed)
        self._explicit = line_edit
        if line_edit is not None:
            line_edit.destroyed.connect(self._on_target_destroyed)

    def target(self) -> QLineEdit | None:
        """The line edit keys go to now, or None."""
        if self._explicit is not None and isValid(self._explicit):
            return self._explicit
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit):
            return focused
        return None

    def insert(self, text: str) -> bool:
        """Insert ``text`` at the cursor; False when there is no editable target."""
        edit = self._editable()
        if edit is None:
            return False
        before = edit.text()
        edit.insert(text)
        return edit.text() != before

    def backspace(self) -> bool:
        """Delete the character before the cursor (or the selection)."""
        edit = self._editable()
        if edit is None:
            return False
        edit.backspace()
        return True

    def clear(self) -> bool:
        """Empty the target, emitting ``textEdited`` like a user edit."""
        edit = self._editable()
        if edit is None:
            return False
        edit.selectAll()
        edit.del_()
        return True

    def _editable(self) -> QLineEdit | None:
        edit = self.target()
        if edit is None or edit.isReadOnly() or not edit.isEnabled():
            return None
        return edit

    def _on_target_destroyed(self) -> None:
        self._explicit = None
