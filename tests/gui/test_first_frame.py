"""What the first frame is made without: kept true by running the real entry point.

The start-up budget (1.5 x a bare PySide6 window, ``bench/startup.py``) leaves no room for
heavy imports or for PySide's ``Qt`` namespace, whose ~2000 enum members cost ~16 ms the first
time any of them is touched. These tests fail as soon as a change brings one of them back onto
the way to the first frame.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import logging, os, sys
sys.path.insert(0, sys.argv[1])

class FirstFrame(logging.Handler):
    def emit(self, record):
        from kiosk.app import FIRST_FRAME_MESSAGE
        if record.getMessage().startswith(FIRST_FRAME_MESSAGE):
            import PySide6.QtCore, PySide6.QtWidgets
            heavy = [m for m in ("requests", "sqlalchemy", "fastapi", "center") if m in sys.modules]
            print("heavy=" + ",".join(heavy), flush=True)
            print("Qt=" + str("Qt" in vars(PySide6.QtCore)), flush=True)
            print("QStyle=" + str("QStyle" in vars(PySide6.QtWidgets)), flush=True)
            os._exit(0)

logging.getLogger("kiosk.app").addHandler(FirstFrame())
from kiosk.__main__ import main
sys.exit(main(["--center-url", "http://127.0.0.1:9", "--kiosk-id", "PROBE", "--center-id", "yc",
               "--windowed"]))
"""


@pytest.fixture(scope="module")
def first_frame(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("first-frame")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "GJJ_KIOSK_DATA_DIR": str(folder / "data"),
        "GJJ_KIOSK_LOG_DIR": str(folder / "logs"),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    found = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    assert found, f"no first frame reported (exit {done.returncode}): {done.stderr[-2000:]}"
    return found


def test_the_first_frame_needs_no_http_client_database_or_center(
    first_frame: dict[str, str],
) -> None:
    assert first_frame["heavy"] == ""


def test_the_first_frame_never_creates_pysides_qt_namespace(first_frame: dict[str, str]) -> None:
    """No ``Qt.`` enum, and no QPen/QBrush made from a colour (their overloads create it):
    alignments and focus policies of the home screen come from the stylesheet."""
    assert first_frame["Qt"] == "False"


def test_the_first_frame_never_creates_qstyle(first_frame: dict[str, str]) -> None:
    """``widget.style()`` creates QStyle's enums (~9 ms): nothing re-polishes before it."""
    assert first_frame["QStyle"] == "False"
