"""``python -m kiosk`` as IT starts it: a wrong setting is one sentence and exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.exitcodes import ExitCode


def run_kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("GJJ_KIOSK_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_a_broken_setting_names_the_setting_and_the_file(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.ini"
    config.write_text(
        "[center]\nurl = https://gjj.example.cn\ncenter_id = yc\n"
        "[kiosk]\nkiosk_id = YC-01\nidle_form_seconds = five\n",
        encoding="utf-8",
    )
    result = run_kiosk("--config", str(config))
    assert result.returncode == ExitCode.CONFIG_ERROR
    assert "idle_form_seconds" in result.stderr
    assert str(config) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ini"
    result = run_kiosk("--config", str(missing))
    assert result.returncode == ExitCode.CONFIG_ERROR
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr
