"""Opening hours of service points (网点工作时间): is it open now, and what to tell the resident.

Pure and deterministic: the current time is always passed in. Qt-free.

Weekly hours are a mapping from the weekday to a list of ``("HH:MM", "HH:MM")`` intervals.
The weekday may be given as

* an ``int`` 0-6 or a digit string ``"0"``-``"6"``, with **0 = Monday** (as
  :meth:`datetime.date.weekday`), 6 = Sunday;
* an English name or its first three letters, any case: ``"mon"``/``"monday"`` ... ``"sun"``;
* a Chinese name: ``"周一"``/``"星期一"`` ... ``"周日"``/``"星期日"``/``"星期天"``.

A whole week may also be a sequence of 7 interval lists, Monday first. An interval may be a
pair or a mapping with ``start``/``end`` (also ``open``/``close``, ``from``/``to``). ``"24:00"``
ends at midnight; an interval whose end is not after its start runs past midnight into the next
day. Days missing from the mapping are closed. Malformed entries (the data comes from the center
or the cache) are skipped, never raised.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.texts import Sentence

__all__ = [
    "WEEKDAY_LABELS",
    "HoursState",
    "HoursStatus",
    "OpeningHours",
    "status_at",
    "today_text",
    "week_lines",
]

#: Chinese weekday labels, Monday first.
WEEKDAY_LABELS: tuple[str, ...] = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

#: Before the end of an opening interval, for this long the state is "closing soon".
CLOSING_SOON = _dt.timedelta(minutes=30)

_DAY_MINUTES = 24 * 60
_LOOKAHEAD_DAYS = 31
_HOTLINE = "12329"

_WEEKDAY_NAMES: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("mon", "monday", "周一", "星期一"),
        ("tue", "tues", "tuesday", "周二", "星期二"),
        ("wed", "wednesday", "周三", "星期三"),
        ("thu", "thur", "thurs", "thursday", "周四", "星期四"),
        ("fri", "friday", "周五", "星期五"),
        ("sat", "saturday", "周六", "星期六"),
        ("sun", "sunday", "周日", "周天", "星期日", "星期天"),
    )
):
    for _name in _names:
        _WEEKDAY_NAMES[_name] = _index

# What the screen says (templates: see kiosk.texts).
OPEN_ALL_DAY = "正在办公 · 全天24小时"
OPEN_UNTIL = "正在办公 · {clock}下班"
OPEN_UNTIL_LUNCH = "正在办公 · {clock}午间休息"
CLOSING_SOON_TEXT = "即将下班 · {clock}停止办理"
CLOSING_FOR_LUNCH = "即将午休 · {clock}暂停办理"
LUNCH_BREAK = "午间休息 · {clock}恢复办公"
NOT_OPEN_YET = "尚未上班 · {clock}开始办公"
CLOSED_FOR_THE_DAY = "已下班"
CLOSED_TODAY = "今日休息"
REOPENS = "{head} · {opening}上班"
NO_REOPENING = f"{{head}} · 近期暂停办公，详情请拨打{_HOTLINE}热线"
TOMORROW_AT = "明天{time}"
DATE_AT = "{month}月{day}日 {time}"
TOMORROW_WEEKDAY_AT = "明天（{weekday}）{time}"
WEEKDAY_AT = "{weekday} {time}"
DATE_WEEKDAY_AT = "{month}月{day}日（{weekday}）{time}"
TODAY_HOURS = "今日 {spans}"
NEXT_DAY = "{start}-次日{end}"
TWO_DAYS = "{first}、{last}"
DAY_RANGE = "{first}至{last}"
DAYS_HOURS = "{days} {spans}"
DAYS_CLOSED = "{days} 休息"

_TIME_RE = re.compile(r"\s*([0-9]{1,2})\s*[:：]\s*([0-9]{2})\s*")

Interval = tuple[int, int]
"""Minutes after midnight: (start, end); ``end <= start`` means it runs past midnight."""


class HoursState(StrEnum):
    """Whether a service point is open."""

    OPEN = "open"
    CLOSING_SOON = "closing_soon"
    CLOSED_NOW_REOPENS_TODAY = "closed_now_reopens_today"
    CLOSED = "closed"


@dataclass(frozen=True)
class HoursStatus:
    """The state of a service point at one moment.

    Attributes:
        state: open, closing soon, closed but opening again today, or closed.
        text: what the screen shows, e.g. ``正在办公 · 17:30下班``.
        until: when this status next changes (to refresh the label then); None if never known.
    """

    state: HoursState
    text: str
    until: _dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        """Open or closing soon: a resident arriving now is still served."""
        return self.state in (HoursState.OPEN, HoursState.CLOSING_SOON)


def _weekday(key: Any) -> int | None:
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key if 0 <= key <= 6 else None
    if isinstance(key, str):
        name = key.strip().lower()
        if name.isascii() and name.isdigit():
            number = int(name)
            return number if 0 <= number <= 6 else None
        return _WEEKDAY_NAMES.get(name)
    return None


def _minutes(text: Any) -> int | None:
    if not isinstance(text, str):
        return None
    match = _TIME_RE.fullmatch(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if minute >= 60 or hour > 24 or (hour == 24 and minute):
        return None
    return hour * 60 + minute


def _interval(raw: Any) -> Interval | None:
    start: Any
    end: Any
    if isinstance(raw, Mapping):
        start = raw.get("start", raw.get("open", raw.get("from")))
        end = raw.get("end", raw.get("close", raw.get("to")))
    elif isinstance(raw, Sequence) and not isinstance(raw, str) and len(raw) == 2:
        start, end = raw
    elif isinstance(raw, str) and "-" in raw:  # "09:00-12:00"
        start, _, end = raw.partition("-")
    else:
        return None
    lo, hi = _minutes(start), _minutes(end)
    if lo is None or hi is None or lo in (_DAY_MINUTES, hi):
        return None
    return lo, hi


def _intervals(raw: Any) -> tuple[Interval, ...]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return ()
    found = (_interval(item) for item in raw)
    return tuple(sorted(item for item in found if item is not None))


def _date(raw: Any) -> _dt.date | None:
    if isinstance(raw, _dt.datetime):
        return raw.date()
    if isinstance(raw, _dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return _dt.date.fromisoformat(raw.strip())
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class OpeningHours:
    """A service point's weekly hours, with closed dates and dates with special hours.

    Attributes:
        weekly: weekday (0 = Monday) to its intervals; a missing weekday is closed.
        closed: dates closed all day (public holidays).
        special: dates whose hours differ from the week (e.g. a weekend working day 调休);
            an empty tuple means closed. Takes precedence over ``closed``.
    """

    weekly: Mapping[int, tuple[Interval, ...]]
    closed: frozenset[_dt.date] = frozenset()
    special: Mapping[_dt.date, tuple[Interval, ...]] = field(default_factory=dict)

    @classmethod
    def parse(
        cls,
        hours: Any,
        closed: Iterable[Any] = (),
        special: Mapping[Any, Any] | None = None,
    ) -> OpeningHours:
        """Build from loosely typed data (see the module docstring); never raises.

        Args:
            hours: weekday -> intervals mapping, a 7-item sequence, or an ``OpeningHours``.
            closed: closed dates as ``date`` or ISO strings (``"2025-10-01"``).
            special: date (or ISO string) -> intervals for days with different hours.

        Returns:
            The parsed hours; unreadable parts are left out.
        """
        if isinstance(hours, OpeningHours):
            base = hours
        else:
            weekly: dict[int, tuple[Interval, ...]] = {}
            if isinstance(hours, Mapping):
                for key, raw in hours.items():
                    day = _weekday(key)
                    if day is not None:
                        weekly[day] = tuple(sorted(weekly.get(day, ()) + _intervals(raw)))
            elif isinstance(hours, Sequence) and not isinstance(hours, str) and len(hours) == 7:
                weekly = {day: _intervals(raw) for day, raw in enumerate(hours)}
            base = cls(weekly)
        closed_dates = set(base.closed)
        with contextlib.suppress(TypeError):
            closed_dates.update(date for date in map(_date, closed) if date is not None)
        extra = dict(base.special)
        if isinstance(special, Mapping):
            for key, raw in special.items():
                date = _date(key)
                if date is not None:
                    extra[date] = _intervals(raw)
        return cls(dict(base.weekly), frozenset(closed_dates), extra)

    def intervals_on(self, day: _dt.date) -> tuple[Interval, ...]:
        """The intervals that start on ``day`` (special hours, holidays and weekday applied)."""
        if day in self.special:
            return self.special[day]
        if day in self.closed:
            return ()
        return self.weekly.get(day.weekday(), ())


# -- status --------------------------------------------------------------------------------------


def _timeline(
    hours: OpeningHours, now: _dt.datetime
) -> tuple[list[tuple[_dt.datetime, _dt.datetime]], _dt.datetime]:
    """Concrete merged intervals from yesterday to the lookahead, and the end of that window."""
    today = now.date()
    spans: list[tuple[_dt.datetime, _dt.datetime]] = []
    for offset in range(-1, _LOOKAHEAD_DAYS + 1):
        day = today + _dt.timedelta(days=offset)
        midnight = _dt.datetime.combine(day, _dt.time(), tzinfo=now.tzinfo)
        for lo, hi in hours.intervals_on(day):
            stop = hi if hi > lo else hi + _DAY_MINUTES
            spans.append(
                (midnight + _dt.timedelta(minutes=lo), midnight + _dt.timedelta(minutes=stop))
            )
    spans.sort()
    merged: list[tuple[_dt.datetime, _dt.datetime]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    horizon = _dt.datetime.combine(
        today + _dt.timedelta(days=_LOOKAHEAD_DAYS + 1), _dt.time(), tzinfo=now.tzinfo
    )
    return merged, horizon


def _clock(moment: _dt.datetime, now: _dt.datetime) -> str:
    """``17:30``; ``24:00`` for midnight ending today; ``明天02:00``; ``10月8日 09:00``."""
    day = (moment - _dt.timedelta(minutes=1)).date() if moment.time() == _dt.time() else None
    if day == now.date():
        return "24:00"
    text = moment.strftime("%H:%M")
    days = (moment.date() - now.date()).days
    if days == 0:
        return text
    if days == 1:
        return Sentence(TOMORROW_AT, time=text)
    return Sentence(DATE_AT, month=moment.month, day=moment.day, time=text)


def _opening_day(moment: _dt.datetime, now: _dt.datetime) -> str:
    """``明天（周二）09:00``, ``周一 09:00`` or ``10月8日（周三）09:00``."""
    days = (moment.date() - now.date()).days
    label = WEEKDAY_LABELS[moment.weekday()]
    time = moment.strftime("%H:%M")
    if days == 1:
        return Sentence(TOMORROW_WEEKDAY_AT, weekday=label, time=time)
    if days < 7:
        return Sentence(WEEKDAY_AT, weekday=label, time=time)
    return Sentence(DATE_WEEKDAY_AT, month=moment.month, day=moment.day, weekday=label, time=time)


def status_at(
    hours: OpeningHours | Mapping[Any, Any] | Sequence[Any],
    now: _dt.datetime,
    *,
    closed: Iterable[Any] = (),
    soon: _dt.timedelta = CLOSING_SOON,
) -> HoursStatus:
    """The state of a service point at ``now``, with the sentence the screen shows.

    Texts: ``正在办公 · 17:30下班`` (``· 12:00午间休息`` before a break), ``即将下班 ·
    17:30停止办理`` (``即将午休 · 12:00暂停办理``), ``午间休息 · 13:30恢复办公``, ``尚未上班 ·
    09:00开始办公``, ``已下班 · 明天（周二）09:00上班``, ``今日休息 · 周一 09:00上班``.

    Args:
        hours: an :class:`OpeningHours` or raw weekly hours (see the module docstring).
        now: the current local time (naive, or aware: the hours are read in its zone).
        closed: extra closed dates when ``hours`` is raw data.
        soon: how long before closing the state becomes ``closing_soon``.

    Returns:
        The status; never raises on malformed hours (they count as closed).
    """
    parsed = OpeningHours.parse(hours, closed)
    spans, horizon = _timeline(parsed, now)
    current = next(((s, e) for s, e in spans if s <= now < e), None)
    if current is not None:
        end = current[1]
        if end >= horizon:
            return HoursStatus(HoursState.OPEN, OPEN_ALL_DAY)
        after = next((s for s, _ in spans if s >= end), None)
        last_day = (end - _dt.timedelta(minutes=1)).date()
        lunch = after is not None and after.date() == last_day
        clock = _clock(end, now)
        if now >= end - soon:
            text = Sentence(CLOSING_FOR_LUNCH if lunch else CLOSING_SOON_TEXT, clock=clock)
            return HoursStatus(HoursState.CLOSING_SOON, text, end)
        text = Sentence(OPEN_UNTIL_LUNCH if lunch else OPEN_UNTIL, clock=clock)
        return HoursStatus(HoursState.OPEN, text, end - soon)

    today_start = _dt.datetime.combine(now.date(), _dt.time(), tzinfo=now.tzinfo)
    worked_today = any(s < now and e > today_start for s, e in spans)
    upcoming = next((s for s, _ in spans if s > now), None)
    if upcoming is not None and upcoming.date() == now.date():
        text = Sentence(LUNCH_BREAK if worked_today else NOT_OPEN_YET, clock=_clock(upcoming, now))
        return HoursStatus(HoursState.CLOSED_NOW_REOPENS_TODAY, text, upcoming)
    head = CLOSED_FOR_THE_DAY if worked_today else CLOSED_TODAY
    if upcoming is None:
        return HoursStatus(HoursState.CLOSED, Sentence(NO_REOPENING, head=head))
    text = Sentence(REOPENS, head=head, opening=_opening_day(upcoming, now))
    return HoursStatus(HoursState.CLOSED, text, upcoming)


# -- listings -----------------------------------------------------------------------------------


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _span_text(intervals: Iterable[Interval]) -> str:
    """``09:00-12:00 13:30-17:30``; ``22:00-次日02:00`` for a span past midnight."""
    spans = [
        Sentence(NEXT_DAY, start=_hhmm(lo), end=_hhmm(hi))
        if hi <= lo
        else f"{_hhmm(lo)}-{_hhmm(hi)}"
        for lo, hi in intervals
    ]
    # a template of placeholders only: nothing to translate but the spans themselves
    template = " ".join(f"{{s{index}}}" for index in range(len(spans)))
    return Sentence(template, **{f"s{index}": span for index, span in enumerate(spans)})


def today_text(
    hours: OpeningHours | Mapping[Any, Any] | Sequence[Any],
    now: _dt.datetime,
    *,
    closed: Iterable[Any] = (),
) -> str:
    """Today's hours: ``今日 09:00-12:00 13:30-17:30`` or ``今日休息``.

    Args:
        hours: an :class:`OpeningHours` or raw weekly hours.
        now: the current local time.
        closed: extra closed dates when ``hours`` is raw data.
    """
    intervals = OpeningHours.parse(hours, closed).intervals_on(now.date())
    return Sentence(TODAY_HOURS, spans=_span_text(intervals)) if intervals else CLOSED_TODAY


def week_lines(hours: OpeningHours | Mapping[Any, Any] | Sequence[Any]) -> list[str]:
    """The weekly hours grouped for a detail view, Monday first.

    Args:
        hours: an :class:`OpeningHours` or raw weekly hours.

    Returns:
        e.g. ``["周一至周五 09:00-12:00 13:30-17:30", "周六、周日 休息"]``.
    """
    weekly = OpeningHours.parse(hours).weekly
    groups: list[tuple[list[int], tuple[Interval, ...]]] = []
    for day in range(7):
        intervals = weekly.get(day, ())
        if groups and groups[-1][1] == intervals and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], intervals))
    lines: list[str] = []
    for days, intervals in groups:
        first, last = WEEKDAY_LABELS[days[0]], WEEKDAY_LABELS[days[-1]]
        if len(days) == 1:
            label: str = first
        else:
            label = Sentence(TWO_DAYS if len(days) == 2 else DAY_RANGE, first=first, last=last)
        if intervals:
            lines.append(Sentence(DAYS_HOURS, days=label, spans=_span_text(intervals)))
        else:
            lines.append(Sentence(DAYS_CLOSED, days=label))
    return lines
