"""Work started after the next frame: the captcha fetch waits until its screen is painted."""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtGui import QColor, QImage, QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.captcha_field import CaptchaField
from kiosk.ui.frames import after_next_paint
from kiosk.ui.tasks import TaskRunner


class Painted(QWidget):
    """A window that counts its paint events."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.resize(300, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        super().paintEvent(event)


def _shown(qtbot: QtBot) -> Painted:
    window = Painted()
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.paints > 0)
    return window


def test_work_runs_once_after_the_next_paint(qtbot: QtBot) -> None:
    window = _shown(qtbot)
    before = window.paints
    seen: list[int] = []
    after_next_paint(window, lambda: seen.append(window.paints))
    assert seen == []  # not at once
    window.update()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [before + 1]  # after the paint, not before it
    window.update()
    qtbot.waitUntil(lambda: window.paints == before + 2)
    assert seen == [before + 1]  # and only once


def test_a_hidden_window_runs_the_work_when_the_loop_is_free(qtbot: QtBot) -> None:
    window = Painted()
    qtbot.addWidget(window)
    seen: list[bool] = []
    after_next_paint(window, lambda: seen.append(True))
    assert seen == []
    qtbot.waitUntil(lambda: bool(seen))
    assert window.paints == 0


def test_a_window_that_paints_nothing_runs_the_work_anyway(qtbot: QtBot) -> None:
    window = _shown(qtbot)
    seen: list[bool] = []
    after_next_paint(window, lambda: seen.append(True))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)  # no update(): the fallback runs it


def test_one_watcher_per_window_however_often_it_is_used(qtbot: QtBot) -> None:
    window = _shown(qtbot)
    seen: list[int] = []
    for round_ in range(5):
        after_next_paint(window, lambda r=round_: seen.append(r))
        after_next_paint(window, lambda r=round_: seen.append(-r))
        window.update()
        qtbot.waitUntil(lambda r=round_: -r in seen and r in seen)
    assert seen == [v for r in range(5) for v in (r, -r)]  # in order, each once
    watchers = [c for c in window.children() if c.objectName() == "afterNextPaint"]
    assert len(watchers) == 1  # reused: a kiosk running for months does not collect them


def test_a_window_closed_before_its_frame_drops_the_work(qtbot: QtBot) -> None:
    window = _shown(qtbot)
    seen: list[bool] = []
    after_next_paint(window, lambda: seen.append(True))
    timers = [t for t in window.findChildren(QTimer) if t.isActive()]
    assert timers  # the fallback waits
    window.close()
    assert not [t for t in window.findChildren(QTimer) if t.isActive()]  # nothing left running
    before = window.paints
    window.show()  # shown again: it paints, and nothing is waiting for that paint
    qtbot.waitUntil(lambda: window.paints > before)
    assert seen == []


def _png() -> str:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return base64.b64encode(bytes(data.data())).decode()


def test_the_captcha_is_fetched_after_its_screen_is_painted(qtbot: QtBot) -> None:
    calls: list[int] = []
    window = _shown(qtbot)

    def fetch() -> dict[str, Any]:  # runs on a worker thread
        calls.append(1)
        return {"captcha_id": f"c{len(calls)}", "image_png_base64": _png(), "expires_in": 120}

    tasks = TaskRunner()
    field = CaptchaField(fetch, tasks, window)
    QVBoxLayout(window).addWidget(field)
    field.show()
    field.load()
    assert tasks.pending == 0  # nothing runs while the screen is switched
    qtbot.waitUntil(lambda: field.captcha_id == "c1")
    assert calls == [1]
    # A load that is cleared before its frame never fetches.
    field.load()
    field.clear()
    field.load()
    qtbot.waitUntil(lambda: field.captcha_id == "c2")
    assert tasks.wait_for_done()
    assert calls == [1, 1]
