"""Business time against a slow, obvious reference: every minute checked on the wall clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.audit.clock import Clock
from generator.vocabulary import DAYS

ZONE = "Europe/Rome"
# Two weeks around the change to summer time, with Easter Monday in Italy.
START = dt.datetime(2026, 3, 23, tzinfo=ZoneInfo(ZONE)).timestamp()
SPAN = 21 * 86400

clocks = st.sampled_from(["00:00", "06:30", "08:00", "13:00", "20:00", "22:00", "23:59"])
openings = st.lists(
    st.fixed_dictionaries(
        {
            "days": st.lists(st.sampled_from(DAYS), min_size=1, max_size=7, unique=True),
            "from": clocks,
            "to": st.sampled_from(["02:00", "12:00", "18:00", "20:00", "24:00"]),
        }
    ).filter(lambda o: o["from"] != o["to"]),
    min_size=1,
    max_size=3,
)


def reference(hours: dict, start: float, end: float) -> int:
    """Minutes open between two minute-aligned instants, judged one minute at a time."""
    zone = ZoneInfo(hours["time_zone"])
    closed = {dt.date.fromisoformat(d) for d in hours.get("holidays", {}).get("dates", [])}
    total = 0
    minute = start
    while minute < end:
        wall = dt.datetime.fromtimestamp(minute, zone)
        for day_offset in (0, -1):  # an opening of yesterday may run past midnight
            day = (wall - dt.timedelta(days=-day_offset)).date()
            if day in closed:
                continue
            since = wall.replace(tzinfo=None) - dt.datetime(day.year, day.month, day.day)
            minutes = since.total_seconds() / 60
            for opening in hours["open"]:
                if DAYS[day.weekday()] not in opening["days"]:
                    continue
                begin = _minutes(opening["from"])
                close = _minutes(opening["to"])
                close += 1440 if close <= begin else 0
                if begin <= minutes < close:
                    break
            else:
                continue
            total += 60
            break
        minute += 60
    return total


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


@settings(max_examples=20, deadline=None)
@given(
    openings,
    st.integers(0, SPAN // 60 - 1),
    st.integers(1, 1440),
    st.booleans(),
)
def test_business_time_matches_a_minute_by_minute_count(
    opening: list[dict], start: int, length: int, holiday: bool
) -> None:
    hours = {"time_zone": ZONE, "open": opening}
    if holiday:
        hours["holidays"] = {"dates": ["2026-03-29", "2026-04-06"]}
    begin = START + start * 60
    end = min(begin + length * 60, START + SPAN)
    assert Clock(hours).elapsed(begin, end) == reference(hours, begin, end)


@settings(max_examples=50, deadline=None)
@given(openings, st.lists(st.integers(0, SPAN), min_size=3, max_size=3))
def test_business_time_adds_up_and_never_exceeds_calendar_time(
    opening: list[dict], instants: list[int]
) -> None:
    clock = Clock({"time_zone": ZONE, "open": opening})
    a, b, c = sorted(START + i for i in instants)
    assert clock.elapsed(a, c) == clock.elapsed(a, b) + clock.elapsed(b, c)
    assert 0 <= clock.elapsed(a, c) <= c - a
