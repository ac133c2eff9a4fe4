"""QR codes painted with QPainter (no Pillow), and a card that shows one for scanning."""

from __future__ import annotations

import math

import qrcode
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

__all__ = ["QR_MIN_PIXELS", "QrCard", "qr_image", "qr_modules"]

#: Smallest side of a shown code, for scanning at arm's length.
QR_MIN_PIXELS = 200


def qr_modules(text: str) -> list[list[bool]]:
    """The module matrix of ``text`` (error correction M), without the quiet zone.

    Args:
        text: the content, usually a URL.

    Returns:
        Rows of booleans, True for a dark module.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.modules]


def qr_image(text: str, *, module_px: int = 8, border: int = 4) -> QImage:
    """Paint the QR code of ``text`` into an image.

    Args:
        text: the content.
        module_px: pixels per module (square), at least 1.
        border: quiet zone, in modules (the standard asks for 4).

    Returns:
        A square RGB image, black modules on white, ``(n + 2 * border) * module_px`` wide.

    Raises:
        ValueError: for ``module_px < 1`` or ``border < 0``.
    """
    if module_px < 1 or border < 0:
        raise ValueError("module_px must be >= 1 and border >= 0")
    return _paint(qr_modules(text), module_px, border)


def _paint(modules: list[list[bool]], module_px: int, border: int) -> QImage:
    count = len(modules)
    side = (count + 2 * border) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    QRect((x + border) * module_px, (y + border) * module_px, module_px, module_px),
                    black,
                )
    painter.end()
    return image


class QrCard(QWidget):
    """A card with a title (e.g. ``微信公众号``), the QR code and a caption under it.

    The code is painted at a whole number of pixels per module, so it stays sharp, and is
    at least :data:`QR_MIN_PIXELS` wide.
    """

    def __init__(self, parent: QWidget | None = None, *, min_pixels: int = QR_MIN_PIXELS) -> None:
        """Build an empty card.

        Args:
            parent: the owning widget.
            min_pixels: the smallest side of the painted code.
        """
        super().__init__(parent)
        self.setObjectName("qrCard")
        self.setProperty("card", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._min_pixels = min_pixels
        self._url = ""
        self._title = QLabel(self)
        self._title.setObjectName("qrTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image = QLabel(self)
        self._image.setObjectName("qrImage")
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._image.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._caption = QLabel(self)
        self._caption.setObjectName("qrCaption")
        self._caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(self._title)
        layout.addWidget(self._image, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self._caption)

    def set_content(self, title: str, url: str, caption: str = "") -> None:
        """Show the code of ``url``.

        Args:
            title: the card title (translated).
            url: the content; empty shows a 暂无 placeholder instead of a code.
            caption: a line under the code, e.g. ``请用微信扫一扫``.
        """
        self._title.setText(title)
        self._caption.setText(caption)
        self._caption.setVisible(bool(caption))
        self._url = url
        if not url:
            self._image.setPixmap(QPixmap())
            self._image.setText(QCoreApplication.translate("QrCard", "暂无"))
            self._image.setFixedSize(self._min_pixels, self._min_pixels)
            self.setAccessibleName(title)
            return
        modules = qr_modules(url)
        module_px = max(2, math.ceil(self._min_pixels / (len(modules) + 8)))
        pixmap = QPixmap.fromImage(_paint(modules, module_px, 4))
        self._image.setPixmap(pixmap)
        self._image.setFixedSize(pixmap.size())
        self.setAccessibleName(
            QCoreApplication.translate("QrCard", "{title}二维码").format(title=title)
        )

    def url(self) -> str:
        """The content of the code shown."""
        return self._url

    def pixmap(self) -> QPixmap:
        """The painted code (a null pixmap when there is none)."""
        return self._image.pixmap()
