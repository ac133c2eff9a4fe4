"""Paint the kiosk icon with Qt and write ``resources/icons/kiosk.ico`` (and ``kiosk.png``).

Run by hand when the icon changes; the generated files are committed::

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/make_icon.py

The .ico holds 16, 24, 32, 48 px images as 32-bit DIBs (read by every tool, NSIS and the Windows
resource compiler included) and 64, 128, 256 px images as PNG (Windows Vista and later).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_FROM = 64
GREEN = QColor("#0b7a4b")  # the provident-fund green of the stylesheet
GOLD = QColor("#f2b705")


def paint(size: int) -> QImage:
    """A rounded green square with a white house and a gold coin."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = float(size)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(GREEN)
    p.drawRoundedRect(QRectF(0, 0, s, s), s * 0.18, s * 0.18)
    house = QPainterPath()
    house.moveTo(QPointF(s * 0.50, s * 0.16))
    house.lineTo(QPointF(s * 0.86, s * 0.48))
    house.lineTo(QPointF(s * 0.76, s * 0.48))
    house.lineTo(QPointF(s * 0.76, s * 0.84))
    house.lineTo(QPointF(s * 0.24, s * 0.84))
    house.lineTo(QPointF(s * 0.24, s * 0.48))
    house.lineTo(QPointF(s * 0.14, s * 0.48))
    house.closeSubpath()
    p.setBrush(Qt.GlobalColor.white)
    p.drawPath(house)
    p.setBrush(GOLD)
    p.setPen(QPen(GREEN, max(1.0, s * 0.03)))
    p.drawEllipse(QPointF(s * 0.50, s * 0.62), s * 0.15, s * 0.15)
    if size >= 32:
        p.setPen(QPen(QBrush(GREEN), max(1.0, s * 0.035)))
        p.drawLine(QPointF(s * 0.50, s * 0.53), QPointF(s * 0.50, s * 0.71))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A BITMAPINFOHEADER, bottom-up BGRA rows and an all-zero AND mask (alpha does the work)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in range(size - 1, -1, -1):
        row = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            row += struct.pack("<I", argb)  # little-endian ARGB32 is B, G, R, A
        rows.append(bytes(row))
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + b"\0" * (mask_row * size)


def ico_bytes(images: list[QImage]) -> bytes:
    payloads = [png_bytes(i) if i.width() >= PNG_FROM else dib_bytes(i) for i in images]
    offset = 6 + 16 * len(images)
    out = [struct.pack("<HHH", 0, 1, len(images))]
    for image, payload in zip(images, payloads, strict=True):
        dim = image.width() if image.width() < 256 else 0
        out.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(payload), offset))
        offset += len(payload)
    return b"".join(out) + b"".join(payloads)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    target = ROOT / "resources" / "icons"
    target.mkdir(parents=True, exist_ok=True)
    images = [paint(size) for size in SIZES]
    (target / "kiosk.ico").write_bytes(ico_bytes(images))
    images[-1].save(str(target / "kiosk.png"), "PNG")
    print(f"wrote {target / 'kiosk.ico'} ({', '.join(map(str, SIZES))} px) and kiosk.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
