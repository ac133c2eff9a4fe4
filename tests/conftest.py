"""Fixtures shared by every test: a real center on a free loopback port, fresh per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from center.config import CenterSettings
from center.server import RunningCenter, start_in_thread


@pytest.fixture
def center(tmp_path: Path) -> Iterator[RunningCenter]:
    """A real center (uvicorn, fresh SQLite file) with demo data and demo endpoints on.

    ``center.base_url`` is its address; ``center.clock`` can be advanced to expire codes and
    sessions without sleeping; ``center.app`` is the FastAPI application.
    """
    settings = CenterSettings(database_url=f"sqlite:///{tmp_path / 'center.db'}", demo=True)
    running = start_in_thread(settings)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def bare_center(tmp_path: Path) -> Iterator[RunningCenter]:
    """A real center without demo mode: demo endpoints answer 404, no demo residents."""
    settings = CenterSettings(database_url=f"sqlite:///{tmp_path / 'center.db'}", demo=False)
    running = start_in_thread(settings)
    try:
        yield running
    finally:
        running.stop()
