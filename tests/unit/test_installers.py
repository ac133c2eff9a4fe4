"""The installer sources compile: NSIS with makensis and WiX with wixl (Debian's tools)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "build" / "check_installers.sh"

pytestmark = pytest.mark.skipif(
    not (shutil.which("makensis") and shutil.which("wixl") and shutil.which("bash")),
    reason="makensis (Debian package nsis) and wixl (package wixl) are not installed",
)


def run_check(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(root / "build" / "check_installers.sh"), "--standin"],
        cwd=root,
        env={"PATH": os.environ["PATH"], "OUT_DIR": str(out), "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def copy_sources(target: Path) -> Path:
    """The parts of the repository the installer sources read."""
    for rel in (
        "build/installer.nsi",
        "build/kiosk.wxs",
        "build/make_wxs.py",
        "build/check_installers.sh",
        "build/kiosk.ini.example",
        "resources/icons/kiosk.ico",
        "kiosk/__init__.py",
    ):
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, target / rel)
    return target


def test_nsis_and_wix_sources_compile(tmp_path: Path) -> None:
    result = run_check(REPO, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    exe = tmp_path / "GjjKiosk-0.1.0-setup.exe"
    msi = tmp_path / "GjjKiosk-0.1.0.msi"
    assert exe.read_bytes()[:2] == b"MZ"
    assert msi.read_bytes()[:4] == bytes.fromhex("d0cf11e0")


def test_a_broken_nsis_script_fails_the_check(tmp_path: Path) -> None:
    root = copy_sources(tmp_path / "repo")
    nsi = root / "build" / "installer.nsi"
    nsi.write_text(
        nsi.read_text(encoding="utf-8-sig") + "\nNoSuchInstruction 1\n", encoding="utf-8-sig"
    )
    result = run_check(root, tmp_path / "out")
    assert result.returncode != 0
    assert "NoSuchInstruction" in result.stdout + result.stderr


def test_a_broken_wix_source_fails_the_check(tmp_path: Path) -> None:
    root = copy_sources(tmp_path / "repo")
    wxs = root / "build" / "kiosk.wxs"
    wxs.write_text(wxs.read_text(encoding="utf-8").replace("</Product>", ""), encoding="utf-8")
    result = run_check(root, tmp_path / "out")
    assert result.returncode != 0
    assert not (tmp_path / "out" / "GjjKiosk-0.1.0.msi").exists()


def test_the_msi_keeps_its_upgrade_code_and_major_upgrade_rule() -> None:
    text = (REPO / "build" / "kiosk.wxs").read_text(encoding="utf-8")
    assert 'UpgradeCode="9E4C2B6A-4F3D-4E43-9B8E-2D5A7C1F0B61"' in text
    assert "<MajorUpgrade" in text and 'InstallScope="perMachine"' in text
