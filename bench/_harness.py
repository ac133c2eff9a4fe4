"""Shared set-up of the in-process benchmarks: a real center and the whole kiosk against it."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def start_center() -> Any:
    from center.config import CenterSettings
    from center.server import start_in_thread

    tmp = tempfile.mkdtemp(prefix="gjj-bench-")
    return start_in_thread(CenterSettings(database_url=f"sqlite:///{tmp}/c.db", demo=True))


def build_kiosk(center_url: str) -> Any:
    from kiosk.app import Kiosk
    from kiosk.settings import Settings
    from kiosk.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    settings = Settings(
        center_url=center_url,
        kiosk_id="BENCH-01",
        center_id="yc",
        data_dir=Path(tempfile.mkdtemp(prefix="gjj-bench-kiosk-")),
        fullscreen=False,
    )
    kiosk = Kiosk(settings)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    wait_for(kiosk.reference_refreshed, kiosk.start_services)
    return kiosk


def wait_for(signal: Any, trigger: Any = None, timeout_ms: int = 20000) -> None:
    """Run the event loop until ``signal`` fires (after calling ``trigger``)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if trigger is not None:
        trigger()
    loop.exec()
    signal.disconnect(loop.quit)
