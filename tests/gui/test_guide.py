"""办事指南: the center's articles listed, opened by a tap, read in large text, and back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton

from tests.gui.helpers import (
    home_tile,
    tap,
    wait_for,
)

pytestmark = pytest.mark.gui


def test_every_guide_is_listed_and_opens_in_large_text(qtbot: Any, kiosk: Any) -> None:
    tap(qtbot, home_tile(kiosk, "guide"))
    wait_for(qtbot, kiosk, "guide")
    screen = kiosk.window.screen_by_id("guide")
    guides = kiosk.client.guides()
    assert list(screen.items) == [str(g["id"]) for g in guides]
    chosen = guides[-1]
    article = kiosk.client.guide(str(chosen["id"]))
    button = screen.items[str(chosen["id"])]
    screen.list_scroll.ensureWidgetVisible(button)
    tap(qtbot, button)
    assert screen.article_id() == str(chosen["id"])
    assert screen.article_title.text() == chosen["title"]
    first_line = next(line for line in article["body"].splitlines() if line.strip())
    heading = first_line.strip().strip("#【】 ")
    assert heading.split("】")[0] in screen.article_text()
    assert screen.text.font().pointSize() >= 20 or screen.text.font().pixelSize() >= 26
    assert screen.text.viewport().findChildren(QAbstractButton) == []
    tap(qtbot, screen.back_to_list)
    assert screen.article_id() == ""
    assert button.isVisible()
    # The shell's 返回 returns home, and a reset leaves the guide on its list.
    tap(qtbot, kiosk.window.back_button)
    wait_for(qtbot, kiosk, "home")


def test_an_article_not_cached_is_fetched_from_the_center(qtbot: Any, kiosk: Any) -> None:
    guides = kiosk.client.guides()
    guide_id = str(guides[0]["id"])
    kiosk.reference.update(f"guide:{guide_id}", None, source="test")
    kiosk.reference.update(
        "guides", [{k: v for k, v in g.items() if k != "body"} for g in guides], source="test"
    )
    tap(qtbot, home_tile(kiosk, "guide"))
    wait_for(qtbot, kiosk, "guide")
    screen = kiosk.window.screen_by_id("guide")
    tap(qtbot, screen.items[guide_id])
    qtbot.waitUntil(lambda: not screen.busy, timeout=15000)
    body = kiosk.client.guide(guide_id)["body"]
    assert body.splitlines()[-1].strip()[:10] in screen.article_text()
