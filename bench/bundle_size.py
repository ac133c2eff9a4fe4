"""Bundle size: the kiosk's frozen bundle next to a bare one-label PySide6 window frozen alike.

Run by hand (not a test); it takes a minute or two::

    .venv/bin/python bench/bundle_size.py              # builds both into a temporary folder
    .venv/bin/python bench/bundle_size.py --kiosk dist/GjjKiosk   # reuse an existing kiosk build

Both are onedir, windowed, without UPX, with the same excludes and the same Qt plugin and
translation filter (``build/pyi_common.py``), so the difference is what the kiosk itself adds
(its code, requests, SQLAlchemy, argon2, QtNetwork, QtPrintSupport, resources).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_APP = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("住房公积金自助服务终端")
label.resize(800, 600)
label.show()
if "--quit" in sys.argv:
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""

BARE_SPEC = """\
# -*- mode: python ; coding: utf-8 -*-
import sys
sys.path.insert(0, {build!r})
import pyi_common

a = Analysis([{script!r}], excludes=pyi_common.EXCLUDES)
a.binaries = pyi_common.filter_toc(a.binaries)
a.datas = pyi_common.filter_toc(a.datas)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="BareWindow", console=False,
          strip=False, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=False, upx=False, name="BareWindow")
"""


def _pyinstaller() -> str:
    folder = Path(sys.executable).parent
    for name in ("pyinstaller", "pyinstaller.exe"):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which("pyinstaller")
    if not found:
        raise SystemExit("pyinstaller not found (pip install -e .[build])")
    return found


def _freeze(spec: Path, dist: Path, work: Path) -> None:
    subprocess.run(
        [
            _pyinstaller(),
            "--noconfirm",
            "--clean",
            "--log-level=ERROR",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(spec),
        ],
        cwd=spec.parent,
        check=True,
    )


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in _files(folder))


def _breakdown(folder: Path) -> dict[str, int]:
    """Bytes per top-level part of ``_internal`` (PySide6, python, sqlalchemy, ...)."""
    parts: dict[str, int] = defaultdict(int)
    internal = folder / "_internal"
    for path in _files(folder):
        rel = path.relative_to(internal) if internal in path.parents else path.relative_to(folder)
        key = (
            rel.parts[0]
            if len(rel.parts) > 1
            else ("libraries" if ".so" in rel.name or rel.suffix in (".dll", ".pyd") else rel.name)
        )
        parts[key] += path.stat().st_size
    return dict(parts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kiosk", type=Path, help="an existing kiosk bundle to measure")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)

    temp = Path(tempfile.mkdtemp(prefix="bundle-size-")) if args.keep is None else args.keep
    temp.mkdir(parents=True, exist_ok=True)
    try:
        script = temp / "bare_window.py"
        script.write_text(BARE_APP, encoding="utf-8")
        spec = temp / "bare_window.spec"
        spec.write_text(
            BARE_SPEC.format(build=str(ROOT / "build"), script=str(script)), encoding="utf-8"
        )
        print("freezing the bare window ...", flush=True)
        _freeze(spec, temp / "dist", temp / "work-bare")
        bare = temp / "dist" / "BareWindow"

        kiosk = args.kiosk
        if kiosk is None:
            print("freezing the kiosk (kiosk.spec) ...", flush=True)
            _freeze(ROOT / "kiosk.spec", temp / "dist", temp / "work-kiosk")
            kiosk = temp / "dist" / "GjjKiosk"

        bare_size, kiosk_size = _size(bare), _size(kiosk)
        mib = 2**20
        print()
        print(f"platform: {sys.platform}, Python {sys.version.split()[0]}")
        print(f"{'':24}{'bare window':>14}{'kiosk':>14}")
        print(f"{'size (MiB)':24}{bare_size / mib:14.1f}{kiosk_size / mib:14.1f}")
        print(f"{'files':24}{len(_files(bare)):14d}{len(_files(kiosk)):14d}")
        print(f"{'kiosk / bare':24}{'':14}{kiosk_size / bare_size:14.2f}")
        bare_parts, kiosk_parts = _breakdown(bare), _breakdown(kiosk)
        print("\nlargest parts (MiB):")
        for key in sorted(kiosk_parts, key=lambda k: -kiosk_parts[k])[:10]:
            print(f"  {key:22}{bare_parts.get(key, 0) / mib:14.1f}{kiosk_parts[key] / mib:14.1f}")
        return 0
    finally:
        if args.keep is None and "BUNDLE_SIZE_KEEP" not in os.environ:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
