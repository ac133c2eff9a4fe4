"""The 《个人用户注册协议》: its current version and text (``center/data/agreement.txt``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

AGREEMENT_VERSION = "2024.1"
AGREEMENT_TITLE = "个人用户注册协议"


@lru_cache(maxsize=1)
def agreement_text() -> str:
    """The full text of the current agreement."""
    return resources.files("center").joinpath("data/agreement.txt").read_text(encoding="utf-8")
