#!/usr/bin/env python3
"""One-command bootstrap: make a virtualenv in .venv, install the project, then run something.

    python3 tools/dev.py demo      # install and start the kiosk in demo mode
    python3 tools/dev.py test      # install and run the whole test suite
    python3 tools/dev.py center    # install and run the reference center alone (demo data)

Works the same on Debian/Ubuntu and on Windows (``py tools\\dev.py demo``). Only the standard
library is used here, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"


def _ensure_venv(extras: str) -> None:
    if not PY.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    want = hashlib.sha256(pyproject + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == want:
        return
    print(f"installing gjj-kiosk[{extras}] (first run takes a minute)", flush=True)
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", f".[{extras}]"], cwd=ROOT)
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    rest = argv[1:]
    if command == "demo":
        _ensure_venv("center")
        return subprocess.call([str(PY), "-m", "kiosk", "--demo", *rest], cwd=ROOT)
    if command == "center":
        _ensure_venv("center")
        return subprocess.call([str(PY), "-m", "center", "--demo", *rest], cwd=ROOT)
    if command == "test":
        _ensure_venv("test,build")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        checks = [
            [str(PY), "-m", "ruff", "check", "."],
            [str(PY), "-m", "mypy"],
            [str(BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
            [str(PY), "-m", "pytest", "-q", "-p", "no:cacheprovider", *rest],
        ]
        for check in checks:
            print(
                "$",
                " ".join(Path(check[0]).name if i == 0 else c for i, c in enumerate(check)),
                flush=True,
            )
            code = subprocess.call(check, cwd=ROOT, env=env)
            if code != 0:
                return code
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
