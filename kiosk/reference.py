"""Reference data the public screens show: centers, service points, channels, guide, policy.

Qt-free. Filled first from the bundled defaults, then from the local cache, then from the center;
so the public home screen works even when the center is unreachable.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KINDS = ("centers", "service_points", "channels", "guides", "policy")


class Reference:
    """The current reference data, with where each kind came from.

    Attributes:
        sources: per kind, ``"default"``, ``"cache"`` or ``"center"``.
        fetched_at: per kind, when the center last gave it (None when never).
    """

    def __init__(self, defaults: Mapping[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = {kind: [] for kind in KINDS}
        self._data["policy"] = {}
        self.sources: dict[str, str] = {}
        self.fetched_at: dict[str, datetime | None] = {}
        for kind, value in (defaults or {}).items():
            self.update(kind, value, source="default")

    @classmethod
    def from_file(cls, path: Path) -> Reference:
        """Defaults from a JSON file; a missing or broken file gives empty defaults."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("default reference data unreadable (%s): %s", path, type(exc).__name__)
            data = {}
        return cls(data if isinstance(data, dict) else {})

    def update(
        self, kind: str, value: Any, *, source: str = "center", at: datetime | None = None
    ) -> None:
        self._data[kind] = value
        self.sources[kind] = source
        self.fetched_at[kind] = at

    def get(self, kind: str) -> Any:
        return self._data.get(kind)

    # -- typed views ------------------------------------------------------------------------------
    def centers(self) -> list[dict[str, Any]]:
        return list(self._data.get("centers") or [])

    def center(self, center_id: str) -> dict[str, Any] | None:
        return next((c for c in self.centers() if str(c.get("id")) == center_id), None)

    def center_name(self, center_id: str) -> str:
        center = self.center(center_id)
        return str(center.get("name", "")) if center else ""

    def service_points(self, center_id: str | None = None) -> list[dict[str, Any]]:
        points = list(self._data.get("service_points") or [])
        if center_id:
            points = [p for p in points if str(p.get("center_id")) == center_id]
        return points

    def channels(self) -> list[dict[str, Any]]:
        return list(self._data.get("channels") or [])

    def guides(self) -> list[dict[str, Any]]:
        return list(self._data.get("guides") or [])

    def guide(self, guide_id: str) -> dict[str, Any] | None:
        body = self._data.get(f"guide:{guide_id}")
        if isinstance(body, dict):
            return body
        return next((g for g in self.guides() if str(g.get("id")) == guide_id), None)

    def policy(self) -> dict[str, Any]:
        policy = self._data.get("policy")
        return dict(policy) if isinstance(policy, dict) else {}
