"""Opening hours: seven lists (Monday first) of ``["HH:MM", "HH:MM"]`` pairs, and their text."""

from __future__ import annotations

from typing import Any

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _day_text(periods: list[Any]) -> str:
    return "、".join(f"{start}-{end}" for start, end in periods)


def hours_text(opening_hours: list[Any]) -> str:
    """``周一至周五 09:00-12:00、13:30-17:30；周六、周日休息`` for a week of hours."""
    parts: list[str] = []
    day = 0
    while day < len(opening_hours):
        text = _day_text(opening_hours[day])
        end = day
        while end + 1 < len(opening_hours) and _day_text(opening_hours[end + 1]) == text:
            end += 1
        if end == day:
            days = WEEKDAYS[day]
        elif end == day + 1:
            days = f"{WEEKDAYS[day]}、{WEEKDAYS[end]}"
        else:
            days = f"{WEEKDAYS[day]}至{WEEKDAYS[end]}"
        parts.append(f"{days} {text}" if text else f"{days}休息")
        day = end + 1
    return "；".join(parts)
