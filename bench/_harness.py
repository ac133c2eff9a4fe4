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


class CenterProcess:
    """A demo center in its own process, as in a deployment: its work never holds the GIL of
    the kiosk being measured (an in-process center answering a captcha request would)."""

    def __init__(self) -> None:
        import socket
        import subprocess
        import time
        import urllib.request

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        tmp = tempfile.mkdtemp(prefix="gjj-bench-")
        self.base_url = f"http://127.0.0.1:{port}"
        self._proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "center",
                "--demo",
                "--port",
                str(port),
                "--database-url",
                f"sqlite:///{tmp}/c.db",
                "--log-level",
                "WARNING",
            ],
            cwd=str(Path(__file__).resolve().parent.parent),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline or self._proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("the center did not start") from None
                time.sleep(0.1)  # bench set-up only, before anything is measured

    def stop(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=30)


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
