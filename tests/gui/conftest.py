"""GUI fixtures: the real kiosk (every screen) driven against a real center on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.settings import Settings
from kiosk.ui.theme import apply_theme


@pytest.fixture(autouse=True)
def no_leaked_timers_or_threads(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a QTimer running or a worker thread busy behind it."""
    threads_before = {t.ident for t in threading.enumerate()}
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QThreadPool.globalInstance().waitForDone(5000)
    running = [
        f"{type(w).__name__}.{t.objectName() or 'timer'}"
        for w in QApplication.allWidgets()
        for t in w.findChildren(QTimer)
        if t.isActive()
    ]
    assert not running, f"timers left running: {running}"
    leaked = [
        t.name
        for t in threading.enumerate()
        if t.ident not in threads_before and t.is_alive() and not t.daemon
    ]
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture
def settings(tmp_path: Path, center: Any) -> Settings:
    return Settings(
        center_url=center.base_url,
        kiosk_id="TEST-KIOSK-01",
        center_id="yc",
        data_dir=tmp_path / "kiosk",
        fullscreen=False,
        demo=False,
    )


@pytest.fixture
def kiosk(qtbot: Any, qapp: QApplication, settings: Settings) -> Iterator[Kiosk]:
    """The whole kiosk against the real center, started and with reference data refreshed."""
    apply_theme(qapp)
    app = Kiosk(settings)
    qtbot.addWidget(app.window)
    app.window.resize(1920, 1080)  # the kiosk screen: the page area does not grow the window
    app.window.show()
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    with qtbot.waitSignal(app.reference_refreshed, timeout=15000):
        app.start_services()
    yield app
    app.shutdown()
