"""QR codes painted with QPainter (no Pillow), and a card that shows one for scanning."""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

__all__ = ["QR_MIN_PIXELS", "QrCard", "qr_image", "qr_modules"]

#: Smallest side of a shown code, for scanning at arm's length.
QR_MIN_PIXELS = 200


@functools.lru_cache(maxsize=64)
def _matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    import qrcode  # only when a code is made: not on the path to the first frame

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


def qr_modules(text: str) -> list[list[bool]]:
    """The module matrix of ``text`` (error correction M), without the quiet zone.

    Args:
        text: the content, usually a URL.

    Returns:
        Rows of booleans, True for a dark module.
    """
    return [list(row) for row in _matrix(text)]


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
    return QImage(_paint(text, module_px, border))


@functools.lru_cache(maxsize=64)
def _paint(text: str, module_px: int, border: int) -> QImage:
    """One byte per module (quiet zone included), then scaled up without smoothing."""
    modules = _matrix(text)
    side = len(modules) + 2 * border
    light, dark = b"\xff", b"\x00"
    quiet = light * side
    rows = [quiet] * border
    rows += [
        light * border + b"".join(dark if m else light for m in row) + light * border
        for row in modules
    ]
    rows += [quiet] * border
    small = QImage(b"".join(rows), side, side, side, QImage.Format.Format_Grayscale8).copy()
    scaled = small.scaled(
        side * module_px,
        side * module_px,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
    return scaled.convertToFormat(QImage.Format.Format_RGB32)


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
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
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
        count = len(_matrix(url))
        module_px = max(2, math.ceil(self._min_pixels / (count + 8)))
        pixmap = QPixmap.fromImage(_paint(url, module_px, 4))
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
