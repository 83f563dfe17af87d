"""Business time: the seconds between two instants that fall inside a channel's opening hours.

Opening hours are expanded day by day in the channel's local time with `zoneinfo`, never
converted to UTC first, so a daylight-saving change moves the hours with the clock on the
wall. An opening whose closing time is earlier than its opening time runs past midnight
(22:00 to 02:00); 24:00 closes at midnight, so a 24/7 schedule loses no minute. An opening
that starts on a holiday does not happen. Each day costs a few arithmetic operations: the
intervals of a day are computed once and cached.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from generator.vocabulary import DAYS

_DAY = dt.timedelta(days=1)


class Clock:
    """A channel's schedule; without one (`hours` None) every second counts."""

    def __init__(self, hours: Mapping[str, Any] | None, extra_holidays: Sequence[str] = ()):
        self.always = not hours
        self._zone = ZoneInfo(hours["time_zone"]) if hours else dt.UTC
        self._openings: list[list[tuple[int, int]]] = [[] for _ in DAYS]
        for opening in hours["open"] if hours else ():
            start, end = _minutes(opening["from"]), _minutes(opening["to"])
            if end <= start:
                end += 24 * 60  # past midnight
            for day in opening["days"]:
                self._openings[DAYS.index(day)].append((start, end))
        holidays = (hours or {}).get("holidays") or {}
        self._dates = {
            dt.date.fromisoformat(d) for d in (*holidays.get("dates", ()), *extra_holidays)
        }
        self._country = holidays.get("country")
        self._region = holidays.get("region")
        self._intervals = functools.lru_cache(maxsize=4096)(self._day)

    def elapsed(self, start: float, end: float) -> int:
        """Whole business seconds from `start` to `end` (seconds since the epoch)."""
        if end <= start:
            return 0
        if self.always:
            return int(end - start)
        total, reach = 0.0, start
        day = self._date(start) - _DAY  # yesterday's opening may run past midnight
        last = self._date(end)
        while day <= last:
            # Openings come in order of their start; one may overlap the day before's.
            for open_, close in self._intervals(day):
                open_ = max(open_, reach)
                total += max(0.0, min(close, end) - open_)
                reach = max(reach, close)
            day += _DAY
        return int(total)

    def is_open(self, instant: float) -> bool:
        if self.always:
            return True
        today = self._date(instant)
        return any(
            open_ <= instant < close
            for day in (today - _DAY, today)
            for open_, close in self._intervals(day)
        )

    def is_holiday(self, day: dt.date) -> bool:
        return day in self._dates or (
            self._country is not None and day in _country_holidays(self._country, self._region)
        )

    def _date(self, instant: float) -> dt.date:
        return dt.datetime.fromtimestamp(instant, self._zone).date()

    def _day(self, day: dt.date) -> tuple[tuple[float, float], ...]:
        """The openings that start on a local day, as instants, merged where they overlap."""
        if self.is_holiday(day):
            return ()
        midnight = dt.datetime(day.year, day.month, day.day)
        spans = sorted(
            (self._instant(midnight, start), self._instant(midnight, end))
            for start, end in self._openings[day.weekday()]
        )
        merged: list[tuple[float, float]] = []
        for open_, close in spans:
            if merged and open_ <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], close))
            else:
                merged.append((open_, close))
        return tuple(merged)

    def _instant(self, midnight: dt.datetime, minutes: int) -> float:
        wall = midnight + dt.timedelta(minutes=minutes)  # wall-clock arithmetic, local time
        return wall.replace(tzinfo=self._zone).timestamp()


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class _Holidays:
    """A country's holidays by date, years filled in as they are asked for."""

    def __init__(self, country: str, region: str | None) -> None:
        import holidays

        self._calendar = holidays.country_holidays(country, subdiv=region)

    def __contains__(self, day: object) -> bool:
        return day in self._calendar


@functools.cache
def _country_holidays(country: str, region: str | None) -> _Holidays:
    return _Holidays(country, region)
