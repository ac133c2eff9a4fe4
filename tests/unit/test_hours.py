"""Opening hours: every state, lunch break, evenings, weekends, holidays and midnight."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.hours import HoursState, OpeningHours, status_at, today_text, week_lines

WORKDAY = [("09:00", "12:00"), ("13:30", "17:30")]
WEEK = {day: WORKDAY for day in ("mon", "tue", "wed", "thu", "fri")}

# 2025-06-02 is a Monday.
MON = dt.date(2025, 6, 2)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute))


def day(offset: int) -> dt.date:
    return MON + dt.timedelta(days=offset)


@pytest.mark.parametrize(
    ("when", "state", "text"),
    [
        (at(MON, "07:45"), HoursState.CLOSED_NOW_REOPENS_TODAY, "尚未上班 · 09:00开始办公"),
        (at(MON, "09:00"), HoursState.OPEN, "正在办公 · 12:00午间休息"),
        (at(MON, "11:29"), HoursState.OPEN, "正在办公 · 12:00午间休息"),
        (at(MON, "11:30"), HoursState.CLOSING_SOON, "即将午休 · 12:00暂停办理"),
        (at(MON, "12:00"), HoursState.CLOSED_NOW_REOPENS_TODAY, "午间休息 · 13:30恢复办公"),
        (at(MON, "13:30"), HoursState.OPEN, "正在办公 · 17:30下班"),
        (at(MON, "17:00"), HoursState.CLOSING_SOON, "即将下班 · 17:30停止办理"),
        (at(MON, "17:30"), HoursState.CLOSED, "已下班 · 明天（周二）09:00上班"),
        (at(MON, "23:59"), HoursState.CLOSED, "已下班 · 明天（周二）09:00上班"),
        (at(day(4), "18:00"), HoursState.CLOSED, "已下班 · 周一 09:00上班"),  # Friday
        (at(day(5), "10:00"), HoursState.CLOSED, "今日休息 · 周一 09:00上班"),  # Saturday
        (at(day(6), "23:30"), HoursState.CLOSED, "今日休息 · 明天（周一）09:00上班"),  # Sunday
        (at(day(7), "00:00"), HoursState.CLOSED_NOW_REOPENS_TODAY, "尚未上班 · 09:00开始办公"),
    ],
)
def test_states_through_a_week(when: dt.datetime, state: HoursState, text: str) -> None:
    status = status_at(WEEK, when)
    assert status.state is state
    assert status.text == text


def test_until_says_when_to_refresh() -> None:
    assert status_at(WEEK, at(MON, "10:00")).until == at(MON, "11:30")
    assert status_at(WEEK, at(MON, "11:45")).until == at(MON, "12:00")
    assert status_at(WEEK, at(MON, "12:15")).until == at(MON, "13:30")
    assert status_at(WEEK, at(day(4), "18:00")).until == at(day(7), "09:00")


def test_is_open() -> None:
    assert status_at(WEEK, at(MON, "10:00")).is_open
    assert status_at(WEEK, at(MON, "17:10")).is_open
    assert not status_at(WEEK, at(MON, "12:10")).is_open


def test_weekday_keys_as_numbers_names_and_chinese() -> None:
    for key in (0, "0", "mon", "Monday", "周一", "星期一"):
        assert status_at({key: WORKDAY}, at(MON, "10:00")).state is HoursState.OPEN, key
    as_list = [WORKDAY] * 5 + [[], []]
    assert status_at(as_list, at(MON, "10:00")).state is HoursState.OPEN
    as_dicts = {"mon": [{"start": "9:00", "end": "17:00"}], "tue": ["09:00-17:00"]}
    assert today_text(as_dicts, at(MON, "08:00")) == "今日 09:00-17:00"
    assert today_text(as_dicts, at(day(1), "08:00")) == "今日 09:00-17:00"


def test_holidays_and_special_days() -> None:
    national_day = [dt.date(2025, 10, d) for d in range(1, 9)]
    status = status_at(WEEK, dt.datetime(2025, 9, 30, 18, 0), closed=national_day)
    assert status.text == "已下班 · 10月9日（周四）09:00上班"
    assert today_text(WEEK, dt.datetime(2025, 10, 1, 9), closed=["2025-10-01"]) == "今日休息"
    # a Saturday that is a working day (调休)
    hours = OpeningHours.parse(WEEK, special={"2025-09-27": WORKDAY})
    assert status_at(hours, dt.datetime(2025, 9, 27, 10)).state is HoursState.OPEN
    assert status_at(hours, dt.datetime(2025, 9, 26, 18)).text == "已下班 · 明天（周六）09:00上班"


def test_across_midnight() -> None:
    evening = {"mon": [("20:00", "02:00")]}
    status = status_at(evening, at(MON, "23:00"))
    assert status.state is HoursState.OPEN
    assert status.text == "正在办公 · 明天02:00下班"
    assert status_at(evening, at(day(1), "01:45")).state is HoursState.CLOSING_SOON
    assert status_at(evening, at(day(1), "02:00")).text == "已下班 · 周一 20:00上班"
    until_midnight = {"mon": [("18:00", "24:00")], "tue": [("00:00", "01:00")]}
    assert status_at(until_midnight, at(MON, "23:00")).text == "正在办公 · 明天01:00下班"
    only_monday = {"mon": [("18:00", "24:00")]}
    assert status_at(only_monday, at(MON, "23:45")).text == "即将下班 · 24:00停止办理"


def test_always_open_and_never_open() -> None:
    always = {d: [("00:00", "24:00")] for d in range(7)}
    assert status_at(always, at(MON, "03:00")).text == "正在办公 · 全天24小时"
    never = status_at({}, at(MON, "10:00"))
    assert never.state is HoursState.CLOSED
    assert "12329" in never.text


def test_today_text_and_week_lines() -> None:
    assert today_text(WEEK, at(MON, "10:00")) == "今日 09:00-12:00 13:30-17:30"
    assert today_text(WEEK, at(day(5), "10:00")) == "今日休息"
    assert week_lines(WEEK) == ["周一至周五 09:00-12:00 13:30-17:30", "周六、周日 休息"]
    assert week_lines({"mon": [("20:00", "02:00")]})[0] == "周一 20:00-次日02:00"


def test_aware_datetimes() -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    status = status_at(WEEK, dt.datetime(2025, 6, 2, 10, 0, tzinfo=beijing))
    assert status.state is HoursState.OPEN
    assert status.until is not None and status.until.tzinfo is beijing


def test_malformed_hours_are_skipped() -> None:
    hours = {"mon": [("25:00", "26:00"), ("9", "10"), None, ("10:00", "10:00"), ("10:00", "11:00")]}
    assert today_text(hours, at(MON, "08:00")) == "今日 10:00-11:00"
    assert today_text({"funday": WORKDAY, 9: WORKDAY, True: WORKDAY}, at(MON, "8:00")) == "今日休息"


interval = st.tuples(st.integers(0, 23), st.sampled_from([0, 15, 30, 45])).map(
    lambda hm: f"{hm[0]:02d}:{hm[1]:02d}"
)


@given(
    st.dictionaries(st.integers(0, 6), st.lists(st.tuples(interval, interval), max_size=3)),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 1, 1)),
)
def test_any_hours_give_a_consistent_status(
    hours: dict[int, list[tuple[str, str]]], now: dt.datetime
) -> None:
    status = status_at(hours, now)
    assert status.text
    if status.until is not None:
        assert status.until > now or status.state is HoursState.CLOSING_SOON
    assert today_text(hours, now).startswith("今日")
