"""What the public and signed-in home screens both show: the QR strip and today's hours.

Both widgets read plain reference data (lists of dicts) handed to them; they never call the
center. The hours panel computes its text from :mod:`kiosk.hours` with a clock it is given.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.hours import HoursState, HoursStatus, status_at, today_text
from kiosk.ui.i18n import translated
from kiosk.ui.theme import set_local_style

if TYPE_CHECKING:  # the codes are made after the first frame
    from kiosk.ui.qr import QrCard

__all__ = ["ChannelStrip", "HoursPanel", "channel_caption", "main_point"]

Clock = Callable[[], _dt.datetime]
Points = Callable[[], Sequence[Mapping[str, Any]]]

#: While shown, the followed hours are recomputed this often.
REFRESH_MS = 60_000

_KIND_CAPTIONS = {
    "wechat": "微信扫一扫，关注公众号",
    "android": "安卓手机扫码下载",
    "ios": "苹果手机扫码下载",
    "website": "手机扫码访问官网",
}
_KIND_TITLES = {
    "wechat": "微信公众号",
    "android": "APP（Android版）",
    "ios": "APP（iOS版）",
    "website": "官方网站",
}
_KIND_ORDER = ("wechat", "android", "ios", "website")

_STYLE = """
QLabel#hoursTitle { font-size: 20pt; font-weight: bold; color: #0D47A1; }
QLabel#hoursToday { font-size: 20pt; font-weight: bold; color: #1A1A1A; }
QLabel#hoursStatus { font-size: 20pt; font-weight: bold; border-radius: 10px; padding: 4px 12px; }
QLabel#qrTitle { font-size: 17pt; }
QLabel#qrCaption { font-size: 15pt; }
"""
#: The colours of the status line per state, as the label's own stylesheet: Qt re-styles a
#: widget whose stylesheet changes by itself, where a changed property needs a re-polish (which
#: makes PySide create QStyle's enums, ~9 ms, were it on the way to the first frame).
_STATUS_STYLES = {
    "open": "color: #FFFFFF; background: #2E7D32;",
    "closing_soon": "color: #FFFFFF; background: #E65100;",
    "closed_now_reopens_today": "color: #8A4B00; background: #FFF4E5;",
    "closed": "color: #FFFFFF; background: #55606E;",
    "unknown": "color: #55606E; background: #F1F3F5;",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServiceInfo", text)


def channel_caption(channel: Mapping[str, Any]) -> str:
    """The line under a channel's code: its description, else a sentence for its kind."""
    description = str(channel.get("description") or "").strip()
    if description and len(description) <= 16:
        return description
    return _tr(_KIND_CAPTIONS.get(str(channel.get("kind", "")), "手机扫码打开"))


def _channel_title(channel: Mapping[str, Any]) -> str:
    """The manual's short label for a known kind (微信公众号, ...), else the channel's name."""
    kind = str(channel.get("kind", ""))
    if kind in _KIND_TITLES:
        return _tr(_KIND_TITLES[kind])
    return str(channel.get("name") or "").strip() or _tr("二维码")


def _order(channel: Mapping[str, Any]) -> tuple[int, int]:
    kind = str(channel.get("kind", ""))
    rank = _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)
    sort = channel.get("sort_order")
    return rank, int(sort) if isinstance(sort, int) else 0


def main_point(points: Sequence[Mapping[str, Any]], center_id: str) -> Mapping[str, Any] | None:
    """The service point whose hours stand for a center: its main hall, else its first point."""
    own = [p for p in points if str(p.get("center_id")) == center_id]
    for point in own:
        if point.get("is_main") or point.get("main") or point.get("kind") == "main":
            return point
    return own[0] if own else None


class ChannelStrip(QWidget):
    """One labelled QR card per channel (微信公众号, Android, iOS, 官方网站), in a row.

    Cards are reused when the channels do not change, so a refresh repaints nothing.
    """

    def __init__(self, parent: QWidget | None = None, *, min_pixels: int = 180) -> None:
        super().__init__(parent)
        self.setObjectName("channelStrip")
        set_local_style(self, _STYLE)
        self._min_pixels = min_pixels
        self._shown: list[tuple[str, str, str]] = []
        self.cards: list[QrCard] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(16)

    def set_channels(self, channels: Sequence[Mapping[str, Any]]) -> None:
        """Show a code for every channel that has a URL, in the manual's order."""
        wanted = [
            (_channel_title(c), str(c.get("url") or ""), channel_caption(c))
            for c in sorted(channels, key=_order)
            if str(c.get("url") or "").strip()
        ]
        if wanted == self._shown:
            return
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        from kiosk.ui.qr import QrCard

        for index, (title, url, caption) in enumerate(wanted):
            card = QrCard(self, min_pixels=self._min_pixels)
            card.setObjectName(f"qr_{index}")
            card.set_content(title, url, caption)
            self._layout.addWidget(card)
            self.cards.append(card)
        self._shown = wanted

    def urls(self) -> list[str]:
        """The URLs shown, in order."""
        return [card.url() for card in self.cards]


class HoursPanel(QFrame):
    """工作时间: today's hours of the kiosk's own center and whether counters are open now.

    After :meth:`follow`, the panel recomputes its text every minute while it is shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hoursPanel")
        # Word-wrapped labels in a grid cell do not grow the row: reserve room for two lines of
        # hours and two of status, so a narrow window never draws them over each other.
        self.setMinimumHeight(210)
        self.setProperty("card", True)  # a QFrame: it paints its stylesheet background
        set_local_style(self, _STYLE)
        self.title = QLabel(_tr("今日工作时间"), self)
        self.title.setObjectName("hoursTitle")
        self.point = QLabel(self)
        self.point.setObjectName("hoursPoint")
        self.point.hide()  # the name is in the accessible text; the card stays three lines high
        self.today = QLabel(self)
        self.today.setObjectName("hoursToday")
        self.today.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("hoursStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("state", "unknown")
        set_local_style(self.status, _STATUS_STYLES["unknown"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.point)
        layout.addWidget(self.today)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._status: HoursStatus | None = None
        self._points: Points = list
        self._center_id = ""
        self._clock: Clock = _dt.datetime.now
        self.timer = QTimer(self)
        self.timer.setObjectName("hoursTimer")
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def follow(self, points: Points, center_id: str, clock: Clock) -> None:
        """Show the hours of the main service point of ``center_id`` among ``points()`` at
        ``clock()``, now and every minute while shown."""
        self._points, self._center_id, self._clock = points, center_id, clock
        if self.isVisible():
            self.refresh()  # hidden, it refreshes when shown (once per switch home)

    @Slot()
    def refresh(self) -> None:
        """Recompute today's hours and the open/closed status of the followed center."""
        self.show_point(main_point(self._points(), self._center_id), self._clock())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def show_point(self, point: Mapping[str, Any] | None, now: _dt.datetime) -> None:
        """Show today's hours and the open/closing/reopen status of ``point`` at ``now``."""
        if point is None:
            self._status = None
            self.point.setText("")
            self.today.setText(_tr("暂无办公时间信息"))
            self._set_status(_tr("请拨打12329热线咨询"), "unknown")
            return
        hours = point.get("opening_hours") or point.get("hours") or {}
        closed = point.get("closed_dates") or ()
        self.point.setText(str(point.get("name", "")))
        self.setAccessibleName(_tr("今日工作时间") + " " + self.point.text())
        self.today.setText(translated(today_text(hours, now, closed=closed)))
        self._status = status_at(hours, now, closed=closed)
        self._set_status(translated(self._status.text), str(self._status.state))

    def _set_status(self, text: str, state: str) -> None:
        self.status.setText(text)
        if self.status.property("state") != state:
            self.status.setProperty("state", state)
            set_local_style(self.status, _STATUS_STYLES.get(state, _STATUS_STYLES["unknown"]))

    def state(self) -> HoursState | None:
        """The state shown (None when no hours are known)."""
        return self._status.state if self._status is not None else None

    def text(self) -> str:
        """Everything the panel says, for tests and screen readers."""
        return " ".join(w.text() for w in (self.point, self.today, self.status) if w.text())
