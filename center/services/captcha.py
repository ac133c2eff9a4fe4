"""Image captchas: four digits drawn with a built-in 5x7 bitmap font, noise, PNG; single use."""

from __future__ import annotations

import base64
import random
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from center.clock import Clock
from center.errors import ApiError
from center.models import Captcha
from center.security import new_public_id
from center.services.png import encode_rgb
from center.validation import normalise_token_like

CAPTCHA_LENGTH = 4
SCALE = 4
GLYPH_W, GLYPH_H = 5, 7
CELL_W = GLYPH_W * SCALE + 8
WIDTH = CAPTCHA_LENGTH * CELL_W + 12
HEIGHT = GLYPH_H * SCALE + 16

_FONT: dict[str, tuple[str, ...]] = {
    "0": ("01110", "10001", "10011", "10101", "11001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11111", "00010", "00100", "00010", "00001", "10001", "01110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
}

WRONG_MESSAGE = "图片验证码不正确，请看清新的图片后重新输入。"
EXPIRED_MESSAGE = "图片验证码已失效，请点击图片换一张后重新输入。"


@dataclass(frozen=True)
class NewCaptcha:
    """A freshly created captcha."""

    captcha_id: str
    image_png_base64: str
    expires_in: int


def render_png(answer: str, rng: random.Random) -> bytes:
    """Draw ``answer`` (digits) with noise and return PNG bytes."""
    pixels = bytearray(WIDTH * HEIGHT * 3)
    for i in range(WIDTH * HEIGHT):
        shade = rng.randint(225, 255)
        pixels[i * 3 : i * 3 + 3] = bytes((shade, shade, rng.randint(230, 255)))

    def put(x: int, y: int, color: tuple[int, int, int]) -> None:
        if 0 <= x < WIDTH and 0 <= y < HEIGHT:
            offset = (y * WIDTH + x) * 3
            pixels[offset : offset + 3] = bytes(color)

    for _ in range(3):  # interference lines
        color = (rng.randint(90, 180), rng.randint(90, 180), rng.randint(90, 180))
        y0, y1 = rng.randint(0, HEIGHT - 1), rng.randint(0, HEIGHT - 1)
        for x in range(WIDTH):
            put(x, y0 + (y1 - y0) * x // WIDTH, color)
    for index, digit in enumerate(answer):
        color = (rng.randint(0, 90), rng.randint(0, 90), rng.randint(40, 130))
        left = 6 + index * CELL_W + rng.randint(0, 6)
        top = 8 + rng.randint(-5, 5)
        for row, bits in enumerate(_FONT[digit]):
            for col, bit in enumerate(bits):
                if bit == "1":
                    for dy in range(SCALE):
                        for dx in range(SCALE):
                            put(left + col * SCALE + dx, top + row * SCALE + dy, color)
    for _ in range(WIDTH * HEIGHT // 12):  # speckles
        put(
            rng.randrange(WIDTH),
            rng.randrange(HEIGHT),
            (rng.randint(60, 200), rng.randint(60, 200), rng.randint(60, 200)),
        )
    return encode_rgb(WIDTH, HEIGHT, pixels)


def create_captcha(db: Session, clock: Clock, lifetime: int) -> NewCaptcha:
    """Create, store (committed) and draw a captcha."""
    answer = "".join(secrets.choice("0123456789") for _ in range(CAPTCHA_LENGTH))
    now = clock.now()
    captcha = Captcha(
        id=new_public_id(),
        answer=answer,
        created_at=now,
        expires_at=now + timedelta(seconds=lifetime),
    )
    db.add(captcha)
    db.commit()
    image = render_png(answer, random.Random(secrets.randbits(64)))
    return NewCaptcha(captcha.id, base64.b64encode(image).decode("ascii"), lifetime)


def check_captcha(db: Session, clock: Clock, captcha_id: str | None, answer: str | None) -> None:
    """Use up a captcha and check the typed answer (case-insensitive, full-width digits accepted).

    The captcha is spent whether the answer is right or not (committed).

    Raises:
        ApiError: 400 ``captcha_invalid`` (field ``captcha_answer``).
    """
    key = normalise_token_like(captcha_id or "", field="captcha_id")
    captcha = db.get(Captcha, key) if key else None
    if captcha is None or captcha.used_at is not None:
        raise ApiError(400, "captcha_invalid", EXPIRED_MESSAGE, field="captcha_answer")
    now = clock.now()
    captcha.used_at = now
    db.commit()
    if now >= captcha.expires_at:
        raise ApiError(400, "captcha_invalid", EXPIRED_MESSAGE, field="captcha_answer")
    typed = _fold(answer or "")
    if not secrets.compare_digest(typed.encode("utf-8"), captcha.answer.lower().encode("utf-8")):
        raise ApiError(400, "captcha_invalid", WRONG_MESSAGE, field="captcha_answer")


def _fold(text: str) -> str:
    """Lower-case, ASCII digits for full-width ones, no spaces."""
    table = {0xFF10 + i: 0x30 + i for i in range(10)}
    return "".join(text.translate(table).split()).lower()
