"""Demo mode: an embedded reference center on a free loopback port, with demo residents.

The only place the kiosk imports ``center``, and only when ``--demo`` is given, lazily.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


class _Running(Protocol):
    base_url: str

    def stop(self) -> None: ...


@dataclass
class EmbeddedCenter:
    """A running demo center; ``stop()`` shuts it down and removes its database."""

    base_url: str
    _running: _Running
    _tmp: tempfile.TemporaryDirectory[str]

    def stop(self) -> None:
        try:
            self._running.stop()
        finally:
            self._tmp.cleanup()


def start_embedded_center() -> EmbeddedCenter:
    """Start the demo center in this process and return once it accepts requests."""
    try:
        from center.config import CenterSettings
        from center.server import start_in_thread
    except ImportError as exc:  # the production bundle leaves the center out
        raise RuntimeError(
            "演示模式需要内置的参考中心，本安装包未包含；请使用配置的中心地址启动。"
        ) from exc
    tmp = tempfile.TemporaryDirectory(prefix="gjj-demo-")
    db = Path(tmp.name) / "demo-center.db"
    settings: Any = CenterSettings(database_url=f"sqlite:///{db}", demo=True)
    running = start_in_thread(settings)
    return EmbeddedCenter(base_url=running.base_url, _running=running, _tmp=tmp)
