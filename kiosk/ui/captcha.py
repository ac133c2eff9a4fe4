"""The image captcha: the picture from the center, a 换一张 button, loading and failed states."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.theme import repolish

__all__ = ["CaptchaView", "decode_png"]

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: Size the captcha picture is scaled into (large enough for poor eyesight).
IMAGE_SIZE = QSize(220, 80)


def decode_png(data: bytes | str) -> QImage:
    """Decode a PNG given raw, as base64, or as a ``data:image/png;base64,`` URL.

    Args:
        data: the bytes or text from the center.

    Returns:
        The image; a null image when ``data`` is not a PNG.
    """
    raw = data.encode("ascii", "ignore") if isinstance(data, str) else bytes(data)
    if not raw.startswith(_PNG_MAGIC):
        text = raw.strip()
        if text.startswith(b"data:"):
            text = text.partition(b",")[2]
        try:
            raw = base64.b64decode(text, validate=False)
        except (binascii.Error, ValueError):
            return QImage()
    if not raw.startswith(_PNG_MAGIC):
        return QImage()
    image = QImage()
    image.loadFromData(raw, "PNG")
    return image


class _ImageLabel(QLabel):
    """The picture; tapping it also asks for a new one."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class CaptchaView(QWidget):
    """Shows the captcha picture next to a 换一张 button.

    States (the ``state`` property, styled by the stylesheet): ``"empty"``, ``"loading"``
    (正在加载…), ``"ready"`` (the picture) and ``"failed"`` (a red sentence).  It never
    fetches anything: the screen asks the center when :attr:`refresh_requested` fires and
    hands the PNG to :meth:`set_png`.

    Signals:
        refresh_requested(): 换一张 (or the picture) was tapped.
    """

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build an empty captcha view.

        Args:
            parent: the owning widget.
        """
        super().__init__(parent)
        self.setObjectName("captchaView")
        self._state = "empty"
        self._image = _ImageLabel(self)
        self._image.setObjectName("captchaImage")
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image.setFixedSize(IMAGE_SIZE)
        self._image.setWordWrap(True)
        self._image.setProperty("state", "empty")
        self._image.setAccessibleName(self.tr("图片验证码"))
        self._refresh = QPushButton(self.tr("换一张"), self)
        self._refresh.setObjectName("captchaRefresh")
        self._refresh.setProperty("role", "inline")
        self._refresh.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._refresh.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self._image)
        row.addWidget(self._refresh)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._refresh.clicked.connect(self.on_refresh_clicked)
        self._image.clicked.connect(self.on_image_clicked)

    def set_png(self, data: bytes | str) -> bool:
        """Show the captcha picture.

        Args:
            data: PNG bytes, base64 text/bytes, or a ``data:`` URL.

        Returns:
            False (and the failed state) when ``data`` is not a readable PNG.
        """
        image = decode_png(data)
        if image.isNull():
            self.set_failed()
            return False
        pixmap = QPixmap.fromImage(image).scaled(
            IMAGE_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self._image.setText("")
        self._image.setPixmap(pixmap)
        self._set_state("ready")
        self._refresh.setEnabled(True)
        return True

    def set_loading(self) -> None:
        """Show 正在加载… while the screen asks the center for a picture."""
        self._image.setPixmap(QPixmap())
        self._image.setText(self.tr("正在加载…"))
        self._set_state("loading")
        self._refresh.setEnabled(False)

    def set_failed(self, text: str = "") -> None:
        """Show that no picture could be loaded.

        Args:
            text: one short sentence; defaults to 加载失败，请换一张.
        """
        self._image.setPixmap(QPixmap())
        self._image.setText(text or self.tr("加载失败，请换一张"))
        self._set_state("failed")
        self._refresh.setEnabled(True)

    def clear(self) -> None:
        """Forget the picture (e.g. on reset)."""
        self._image.setPixmap(QPixmap())
        self._image.setText("")
        self._set_state("empty")
        self._refresh.setEnabled(True)

    def state(self) -> str:
        """``"empty"``, ``"loading"``, ``"ready"`` or ``"failed"``."""
        return self._state

    def on_refresh_clicked(self) -> None:
        """Ask the screen for a new picture."""
        self.refresh_requested.emit()

    def on_image_clicked(self) -> None:
        """Tapping the picture asks for a new one too (not while loading)."""
        if self._state != "loading":
            self.refresh_requested.emit()

    def _set_state(self, state: str) -> None:
        self._state = state
        self._image.setAccessibleDescription(self._image.text())
        if self._image.property("state") != state:
            # Re-styling is costly, and every reset of a screen clears its captcha.
            self._image.setProperty("state", state)
            repolish(self._image)
