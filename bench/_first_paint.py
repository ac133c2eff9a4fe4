"""Child process of bench/startup.py: start one program and report when its first frame painted.

    python bench/_first_paint.py bare     # a bare PySide6 window with one label
    python bench/_first_paint.py kiosk    # the kiosk's home screen as ``python -m kiosk`` builds it

Prints ``painted <seconds since interpreter start>`` and exits.
"""

from __future__ import annotations

import os
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    what = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.perf_counter() - T0:.4f}", flush=True)
                QTimer.singleShot(0, app.quit)
                watched.removeEventFilter(self)
            return False

    spy = FirstPaint()
    if what == "bare":
        window = QLabel("住房公积金")
        window.resize(1366, 900)
    else:
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        import tempfile
        from pathlib import Path

        from kiosk.app import Kiosk
        from kiosk.settings import Settings
        from kiosk.ui.theme import apply_theme

        apply_theme(app)
        settings = Settings(
            center_url="http://127.0.0.1:9",
            kiosk_id="BENCH",
            center_id="yc",
            data_dir=Path(tempfile.mkdtemp()),
            fullscreen=False,
        )
        kiosk = Kiosk(settings)
        window = kiosk.window
        window.resize(1366, 900)
    window.installEventFilter(spy)
    window.show()
    app.exec()
    # Heavy modules must not be on the path to the first frame.
    late = [m for m in ("requests", "sqlalchemy", "fastapi", "center") if m in sys.modules]
    print(f"loaded-before-exit {','.join(late) or '-'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
