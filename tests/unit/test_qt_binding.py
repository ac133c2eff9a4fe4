"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
    # A leaking binding lowers the count by exactly one per call.
    assert sys.getrefcount(None) >= before - 50
