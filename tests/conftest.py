"""Fixtures shared by every test: a real center on a free loopback port, fresh per test."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
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


# -- PostgreSQL, what a province-wide deployment runs --------------------------------------------
def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    return None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throw-away PostgreSQL cluster on a free loopback port; its SQLAlchemy URL base.

    Skipped where the PostgreSQL server binaries or the psycopg driver are not installed.
    """
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    as_user: list[str] = []
    # Not under pytest's tmp dir: that is private to the user running the tests, and the server
    # may have to run as another user.
    root = Path(tempfile.mkdtemp(prefix="gjj-pg-"))
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # PostgreSQL refuses to run as root
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a 'postgres' user to run the server as")
        shutil.chown(root, user="postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*as_user, pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_center(postgres_server: str) -> Iterator[RunningCenter]:
    """Like ``center``, on a fresh PostgreSQL database of the session's cluster."""
    import psycopg

    name = f"center_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    running = start_in_thread(CenterSettings(database_url=f"{postgres_server}/{name}", demo=True))
    try:
        yield running
    finally:
        running.stop()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
