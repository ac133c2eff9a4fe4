"""Locate files under ``resources/``, both from a source tree and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """The ``resources`` directory of the running program.

    A frozen (PyInstaller) build unpacks data files under ``sys._MEIPASS``; the spec file is
    expected to copy the repository's ``resources`` directory there as ``resources``.  From a
    source tree it is the ``resources`` directory beside the ``kiosk`` package.

    Returns:
        The absolute path of the resources directory (it is not checked for existence).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    # kiosk/ui/resources.py -> parents[2] is the repository (or site-packages) root.
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under the resources directory.

    Args:
        *parts: path components below ``resources``, e.g. ``("qss", "kiosk.qss")``.

    Returns:
        The absolute path; callers decide what a missing file means.
    """
    return resources_root().joinpath(*parts)
