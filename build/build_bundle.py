"""Build the kiosk bundle with PyInstaller, then run the bundle's own ``--self-test``.

    .venv/bin/python build/build_bundle.py            # dist/GjjKiosk, then its self-test
    .venv/bin/python build/build_bundle.py --installers   # and compile the NSIS/WiX installers

Same on Windows (``.venv\\Scripts\\python build\\build_bundle.py``); the Windows bundle must be
built on Windows. Exits non-zero when the build or any self-test check fails, so a data file or
Qt plugin missing from the bundle fails CI. Compiles ``resources/translations/*.ts`` to ``.qm``
first (``pyside6-lrelease``) when a ``.qm`` is missing or older.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
BUNDLE = DIST / "GjjKiosk"


def _tool(name: str) -> str:
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (pip install -e .[build])")
    return found


def compile_translations() -> None:
    folder = ROOT / "resources" / "translations"
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        print(f"lrelease {ts.name}", flush=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def build() -> float:
    started = time.monotonic()
    subprocess.run(
        [
            _tool("pyinstaller"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK}",
            str(ROOT / "kiosk.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    return time.monotonic() - started


def executable() -> Path:
    return BUNDLE / ("GjjKiosk.exe" if os.name == "nt" else "GjjKiosk")


def self_test() -> int:
    """Run the frozen ``--self-test`` offscreen with a throw-away configuration and data folder."""
    with tempfile.TemporaryDirectory(prefix="gjj-selftest-") as tmp:
        ini = Path(tmp) / "kiosk.ini"
        ini.write_text(
            "[center]\nurl = http://127.0.0.1:9\n[kiosk]\nkiosk_id = SELFTEST-01\n"
            f"data_dir = {Path(tmp) / 'data'}\nlog_dir = {Path(tmp) / 'logs'}\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("GJJ_KIOSK_")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        command = [str(executable()), "--self-test", "--config", str(ini)]
        print("$", " ".join(command), flush=True)
        return subprocess.run(command, env=env, timeout=120, check=False).returncode


def size_of(folder: Path) -> int:
    """Bytes of the regular files (a Linux bundle links some libraries twice: counted once)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--installers", action="store_true", help="also compile NSIS and WiX")
    parser.add_argument("--skip-build", action="store_true", help="self-test the existing bundle")
    args = parser.parse_args(argv)
    if not args.skip_build:
        compile_translations()
        seconds = build()
        print(f"built {BUNDLE} in {seconds:.0f} s", flush=True)
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle size: {size_of(BUNDLE) / 2**20:.1f} MiB in {files} files", flush=True)
    code = self_test()
    if code != 0:
        print(f"FAIL the bundle's self-test exited with {code}", file=sys.stderr)
        return code
    if args.installers:
        return subprocess.run(
            ["bash", str(ROOT / "build" / "check_installers.sh"), str(BUNDLE)],
            cwd=ROOT,
            env={**os.environ, "OUT_DIR": str(DIST), "COMPRESSOR": "/SOLID lzma"},
            check=False,
        ).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
