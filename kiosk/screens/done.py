"""注册成功 / 密码修改成功: the happy ending, returning by itself after 10 seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.flows import FlowData
from kiosk.ui.countdown import Countdown
from kiosk.ui.screen import Screen

AUTO_RETURN_SECONDS = 10


class DoneScreen(Screen):
    """A large success message, a countdown, and one button to go on now.

    Args:
        headline: e.g. 恭喜您，注册成功！
        detail: what the resident can do now.
        countdown_text: with ``{n}``, e.g. ``{n}秒后跳转至个人登录首页``.
        button_text: e.g. 点击返回登录.
        target: where the button and the countdown lead (``home`` or a flow name).
    """

    idle_kind = "public"

    def __init__(
        self,
        *,
        headline: str,
        detail: str,
        countdown_text: str,
        button_text: str,
        target: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.primary_text = None
        self._target = target
        self._countdown_text = countdown_text
        self.icon = QLabel("☺", self)
        self.icon.setObjectName("DoneIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = QLabel(headline, self)
        self.headline.setObjectName("DoneHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(detail, self)
        self.detail.setObjectName("DoneDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.remaining = QLabel(self)
        self.remaining.setObjectName("DoneCountdown")
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(button_text, self)
        self.button.setObjectName("DoneButton")
        self.button.setProperty("role", "primary")
        self.countdown = Countdown(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.icon, self.headline, self.detail, self.remaining):
            layout.addWidget(widget)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        self.button.clicked.connect(self.on_button_clicked)
        self.countdown.tick.connect(self.on_countdown_tick)
        self.countdown.expired.connect(self.on_button_clicked)
        self.set_valid(True)

    def enter(self, data: FlowData) -> None:
        self.countdown.start(AUTO_RETURN_SECONDS)
        self.on_countdown_tick(AUTO_RETURN_SECONDS)

    @Slot(int)
    def on_countdown_tick(self, seconds: int) -> None:
        self.remaining.setText(self._countdown_text.format(n=seconds))

    @Slot()
    def on_button_clicked(self) -> None:
        self.countdown.stop()
        self.leave_requested.emit(self._target)

    def reset(self) -> None:
        super().reset()
        self.countdown.stop()
        self.set_valid(True)

    def hideEvent(self, event: QHideEvent) -> None:
        # Left by any way (a language switch rebuilds the screens): the countdown must not
        # lead anywhere from a screen no longer shown. (Minimised: it goes on.)
        if not event.spontaneous():
            self.countdown.stop()
        super().hideEvent(event)
