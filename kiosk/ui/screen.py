"""The small contract every screen keeps, so the shell can drive any of them alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from kiosk.flows import FlowData

if TYPE_CHECKING:
    from kiosk.errors import KioskError
    from kiosk.ui.tasks import TaskRunner

T = TypeVar("T")

#: Dynamic property a QLineEdit sets to choose its on-screen input: "digits", "id" or "text".
INPUT_KIND = "inputKind"


class Screen(QWidget):
    """Base of every screen.

    The shell derives its buttons, spinner and error banner from ``valid``, ``busy`` and
    ``error`` alone, and advances the flow when the screen emits ``finished``.

    Signals:
        changed: ``valid``, ``busy`` or ``error`` really changed.
        finished: the screen's action succeeded; the shell calls :meth:`apply` and moves on.
        leave_requested(str): the screen asks the shell to go elsewhere (``home``, a flow name).
    """

    changed = Signal()
    finished = Signal()
    leave_requested = Signal(str)

    #: Text of the shell's primary button, or None for a screen without one.
    primary_text: str | None = None
    #: Idle limit class: "form" (60 s) or "account" (90 s) or "public" (no idle reset needed).
    idle_kind: str = "form"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._valid = False
        self._busy = False
        self._busy_text = ""
        self._error = ""

    # -- state the shell reads --------------------------------------------------------------
    @property
    def valid(self) -> bool:
        return self._valid

    def set_valid(self, value: bool) -> None:
        if value != self._valid:
            self._valid = value
            self.changed.emit()

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def busy_text(self) -> str:
        """The sentence beside the spinner while busy; empty for the shell's 正在提交，请稍候…."""
        return self._busy_text

    def set_busy(self, value: bool, text: str = "") -> None:
        """Turn busy on or off; ``text`` says what is being waited for (see :meth:`querying`)."""
        text = text if value else ""
        if value != self._busy or text != self._busy_text:
            self._busy = value
            self._busy_text = text
            self.changed.emit()

    @staticmethod
    def querying() -> str:
        """The busy sentence while something is fetched rather than submitted."""
        return QCoreApplication.translate("Screen", "正在查询，请稍候…")

    @property
    def error(self) -> str:
        return self._error

    def set_error(self, message: str) -> None:
        if message != self._error:
            self._error = message
            self.changed.emit()

    def run_busy(
        self,
        tasks: TaskRunner,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[KioskError], None],
        *,
        text: str = "",
    ) -> int:
        """Clear the error, turn busy on and run ``fn`` on ``tasks``; busy goes off again before
        ``on_done(result)`` or ``on_error(error)`` is called, whichever path the task takes.
        ``text`` is the busy sentence (see :meth:`set_busy`)."""

        def done(result: T) -> None:
            self.set_busy(False)
            on_done(result)

        def failed(error: KioskError) -> None:
            self.set_busy(False)
            on_error(error)

        self.set_error("")
        self.set_busy(True, text)
        return tasks.run(fn, done, failed)

    # -- life cycle the shell drives -----------------------------------------------------------
    def title(self) -> str:
        """The heading shown above the screen."""
        return ""

    def enter(self, data: FlowData) -> None:
        """Called each time the screen is shown, with the flow's data so far."""

    def apply(self, data: FlowData) -> None:
        """Copy this screen's results into the flow data."""

    def submit(self) -> None:
        """The primary button was pressed. Default: finished at once."""
        self.finished.emit()

    def reset(self) -> None:
        """Wipe every field this screen holds (idle timeout, cancel, new resident)."""
        self.set_busy(False)
        self.set_error("")

    def focus_widget(self) -> QWidget | None:
        """The widget that gets focus when the screen is shown."""
        return None

    def extra(self) -> dict[str, Any]:
        """Anything a test or the staff panel may inspect; never personal data."""
        return {}
