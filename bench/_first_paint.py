"""Child process of bench/startup.py: start one program and report when its first frame painted.

    python bench/_first_paint.py bare     # a bare PySide6 window with one label
    python bench/_first_paint.py kiosk    # the kiosk itself: ``python -m kiosk`` with a config

Prints ``painted`` once the window's first paint pass has ended and exits at once. The bare
window reports from a zero timer queued by its first Paint event (it runs after that pass);
the kiosk is the real entry point, which logs ``FIRST_FRAME_MESSAGE`` from the same kind of
timer, so both programs are timed alike: settings, logging, the single-instance check, the
theme, the window and its first paint are all on the kiosk's clock.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent


def _report() -> None:
    print("painted", flush=True)
    os._exit(0)  # the figure is taken; no teardown on either side


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, _report)
                watched.removeEventFilter(self)
            return False

    spy = FirstPaint()
    window = QLabel("住房公积金")
    window.resize(1366, 900)
    window.installEventFilter(spy)
    window.show()
    return app.exec()


class _FirstFrame(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        from kiosk.app import FIRST_FRAME_MESSAGE

        if record.getMessage().startswith(FIRST_FRAME_MESSAGE):
            # Heavy modules must not be on the path to the first frame.
            late = [m for m in ("requests", "sqlalchemy", "fastapi", "center") if m in sys.modules]
            if late:
                print(f"loaded before the first frame: {','.join(late)}", flush=True)
            _report()


def kiosk() -> int:
    sys.path.insert(0, str(ROOT))
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    os.environ["GJJ_KIOSK_DATA_DIR"] = str(folder / "data")
    os.environ["GJJ_KIOSK_LOG_DIR"] = str(folder / "logs")
    logger = logging.getLogger("kiosk.app")
    logger.addHandler(_FirstFrame())
    from kiosk.__main__ import main

    return main(
        [
            "--center-url",
            "http://127.0.0.1:9",
            "--kiosk-id",
            "BENCH",
            "--center-id",
            "yc",
            "--windowed",
        ]
    )


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else kiosk())
