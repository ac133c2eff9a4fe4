"""验证码: a captcha image with 换一张 and the answer field, loading images through the task runner.

The widget never knows the center: it is given a ``fetch`` callable returning
``{captcha_id, image_png_base64, expires_in}`` and runs it off the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.ui.captcha import CaptchaView
from kiosk.ui.field import Field
from kiosk.ui.frames import after_next_paint
from kiosk.ui.i18n import translated
from kiosk.ui.screen import INPUT_KIND
from kiosk.ui.tasks import TaskRunner


class CaptchaField(QWidget):
    """The answer field beside the captcha image.

    Signals:
        changed(): the answer or the captcha changed.
    """

    changed = Signal()

    def __init__(
        self,
        fetch: Callable[[], dict[str, Any]],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._tasks = tasks
        self._captcha_id = ""
        self._loads = 0  # numbers the loads: a load still waiting for its frame may be void
        self.field = Field(self.tr("验证码"), self, required=True)
        self.field.line_edit.setObjectName("captcha")
        self.field.line_edit.setProperty(INPUT_KIND, "digits")
        self.field.line_edit.setMaxLength(6)
        self.field.line_edit.setPlaceholderText(self.tr("请输入图片中的数字"))
        self.view = CaptchaView(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.view)
        self.field.text_changed.connect(self.on_field_text_changed)
        self.view.refresh_requested.connect(self.load)

    @property
    def captcha_id(self) -> str:
        return self._captcha_id

    def answer(self) -> str:
        return self.field.text().strip()

    @property
    def ready(self) -> bool:
        return bool(self._captcha_id) and bool(self.answer())

    @Slot()
    def load(self) -> None:
        """Fetch a new captcha (the old one is void) and clear the answer."""
        self._captcha_id = ""
        self.field.clear()
        self.view.set_loading()
        self._loads += 1
        load = self._loads
        # Fetched once the screen is painted: a worker started during the switch would hold
        # the interpreter lock while the frame is painted.
        after_next_paint(self, lambda: self._start(load))
        self.changed.emit()

    def _start(self, load: int) -> None:
        if load == self._loads:  # not cleared nor replaced meanwhile
            self._tasks.run(self._fetch, self._on_loaded, self._on_failed)

    def _on_loaded(self, result: dict[str, Any]) -> None:
        try:
            png = base64.b64decode(str(result["image_png_base64"]), validate=True)
        except (KeyError, ValueError, binascii.Error):
            self._on_failed(KioskError("garbled", self.tr("验证码图片加载失败，请点击“换一张”。")))
            return
        self._captcha_id = str(result.get("captcha_id", ""))
        self.view.set_png(png)
        self.changed.emit()

    def _on_failed(self, error: KioskError) -> None:
        self.view.set_failed(translated(error.message))
        self.changed.emit()

    def set_message(self, text: str) -> None:
        self.field.set_message(text, "error")

    def submit_failed(self, error: KioskError) -> None:
        """A submit with this captcha failed: show a captcha error, and load a new captcha
        (each is single use). Nothing else the resident typed is lost."""
        if error.field in ("captcha_answer", "captcha_id") or error.code.startswith("captcha"):
            self.set_message(error.message)
        self.load()

    @Slot(str)
    def on_field_text_changed(self, _text: str) -> None:
        self.field.set_message("", "hint")
        self.changed.emit()

    def clear(self) -> None:
        self._captcha_id = ""
        self._loads += 1
        self.field.clear()
        self.view.set_loading()
