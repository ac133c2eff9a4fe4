#!/usr/bin/env python3
"""Export the reference center's public data as the kiosk's bundled defaults.

    .venv/bin/python tools/export_reference.py            # writes resources/reference/default.json
    .venv/bin/python tools/export_reference.py --check    # fails when the file is out of date

Starts the reference center (``center/``, seed data only, a throw-away SQLite file) on loopback,
reads every public endpoint through the kiosk's own :class:`kiosk.api.CenterClient`, and writes
exactly what the kiosk would cache: ``centers``, ``service_points``, ``channels``, ``guides``,
``guide:<id>`` (each article's text) and ``policy``. The kiosk shows these on a first start
while the center is unreachable (home screen, QR codes, map, hours and the guide).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_OUTPUT = ROOT / "resources" / "reference" / "default.json"


def export() -> dict[str, Any]:
    """Everything public the center serves, keyed as the kiosk's reference cache keys it."""
    from center.config import CenterSettings
    from center.server import start_in_thread
    from kiosk.api import CenterClient
    from kiosk.store import guide_kind

    with tempfile.TemporaryDirectory() as folder:
        settings = CenterSettings(database_url=f"sqlite:///{Path(folder) / 'export.db'}")
        running = start_in_thread(settings)
        try:
            client = CenterClient(running.base_url, "EXPORT-REFERENCE")
            data: dict[str, Any] = {
                "centers": client.centers(),
                "service_points": client.service_points(),
                "channels": client.channels(),
                "guides": client.guides(),
                "policy": client.policy(),
            }
            for guide in data["guides"]:
                data[guide_kind(guide["id"])] = client.guide(str(guide["id"]))
        finally:
            running.stop()
    return data


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when stale")
    args = parser.parse_args(argv)
    text = render(export())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run tools/export_reference.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
