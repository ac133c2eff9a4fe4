"""The base of the signed-in business screens (账户, 查询, 贷款, 提取): client, tasks, printing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.errors import KioskError
from kiosk.ui.i18n import translated
from kiosk.ui.printer import PrintError
from kiosk.ui.screen import Screen
from kiosk.ui.theme import set_local_style

if TYPE_CHECKING:
    from kiosk.api import CenterClient
    from kiosk.ui.tasks import TaskRunner

__all__ = ["PrintFn", "SignedInScreen"]

#: Prints an HTML document (returns the PDF path in demo mode and tests).
PrintFn = Callable[[str], Path | None]


class SignedInScreen(Screen):
    """A screen of the signed-in resident: the account idle limit, the center, printing.

    Args:
        client: the center client (signed in).
        tasks: the task runner.
        parent: the owning widget.
        style: the screen's own style sheet.
        print_html: prints an HTML document, for screens that print.

    Attributes:
        last_print: the PDF written by the last print (demo mode and tests).
    """

    idle_kind = "account"

    def __init__(
        self,
        client: CenterClient,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        style: str = "",
        print_html: PrintFn | None = None,
    ) -> None:
        super().__init__(parent)
        if style:
            set_local_style(self, style)
        self._client = client
        self._tasks = tasks
        self._print = print_html
        self.last_print: Path | None = None

    def show_load_error(self, error: KioskError, fallback: str) -> None:
        """The center's sentence for a refusal; ``fallback`` when no answer came."""
        self.set_error(error.message if error.status else fallback)

    def print_document(self, html: str, status: QLabel, done_text: str) -> None:
        """Print ``html`` and say on ``status`` that it prints, or why it cannot."""
        assert self._print is not None, "this screen was given no print function"
        try:
            self.last_print = self._print(html)
        except PrintError as exc:
            status.setText(translated(exc.message))
            return
        status.setText(done_text)
