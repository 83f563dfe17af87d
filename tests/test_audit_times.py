"""Response times as the audit measures them, on hand-computed cases, to the second.

Each test named after a bug is one that users of a popular open-source helpdesk reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.audit.clock import Clock
from generator.audit.conversation import ChannelRules, audit_conversation
from generator.checking import Checker
from generator.kinds import Message
from generator.kinds._waits import waits
from tests.test_conformance import rules_document

ROME = ZoneInfo("Europe/Rome")
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
EVERY_DAY = [*WEEKDAYS, "sat", "sun"]
OFFICE = {"time_zone": "Europe/Rome", "open": [{"days": WEEKDAYS, "from": "08:00", "to": "20:00"}]}


def at(*parts: int) -> float:
    """An instant on the wall clock in Rome."""
    return dt.datetime(*parts, tzinfo=ROME).timestamp()


def calendar(start: float, end: float) -> int:
    return int(end - start)


def conversation(*turns: tuple[str, float] | tuple[str, float, str]) -> list[Message]:
    return [
        Message(
            "bot" if turn[0] == "handoff" else turn[0],
            turn[2] if len(turn) > 2 else "text",  # type: ignore[misc]
            turn[1],
            handoff=turn[0] == "handoff",
        )
        for turn in turns
    ]


def measured(messages: list[Message], reopen_after: float | None = 86400) -> list[tuple[str, int]]:
    found = waits(messages, calendar, messages[-1].time, reopen_after)
    return [(w.metric, w.business) for w in found]


# Business time


def test_a_weekend_does_not_count() -> None:
    assert Clock(OFFICE).elapsed(at(2026, 3, 6, 19, 0), at(2026, 3, 9, 9, 0)) == 2 * 3600


def test_a_message_sent_at_night_waits_from_the_opening() -> None:
    assert Clock(OFFICE).elapsed(at(2026, 3, 3, 23, 0), at(2026, 3, 4, 8, 30)) == 1800


def test_public_holidays_by_country_close_the_channel() -> None:
    hours = OFFICE | {"holidays": {"country": "IT"}}
    # Thursday 24 December 19:00 to Monday 28 December 08:30: Christmas is a Friday.
    assert Clock(hours).elapsed(at(2026, 12, 24, 19, 0), at(2026, 12, 28, 8, 30)) == 5400


def test_explicit_holiday_dates_close_the_channel() -> None:
    hours = OFFICE | {"holidays": {"dates": ["2026-03-04"]}}
    assert Clock(hours).elapsed(at(2026, 3, 3, 19, 0), at(2026, 3, 5, 9, 0)) == 2 * 3600


def test_holidays_do_not_move_other_days() -> None:
    """Bug: holiday feeds moving due dates."""
    hours = OFFICE | {"holidays": {"country": "IT", "dates": ["2026-12-24"]}}
    clock = Clock(hours)
    assert clock.elapsed(at(2026, 12, 22, 9, 0), at(2026, 12, 23, 9, 0)) == 12 * 3600
    assert clock.elapsed(at(2026, 12, 23, 19, 0), at(2026, 12, 28, 9, 0)) == 2 * 3600


def test_opening_hours_past_midnight() -> None:
    """Bug: opening hours past midnight (22:00 to 02:00) not supported."""
    night = {
        "time_zone": "Europe/Rome",
        "open": [{"days": ["fri"], "from": "22:00", "to": "02:00"}],
    }
    clock = Clock(night)
    assert clock.elapsed(at(2026, 3, 6, 21, 0), at(2026, 3, 7, 3, 0)) == 4 * 3600
    assert clock.elapsed(at(2026, 3, 6, 23, 0), at(2026, 3, 7, 1, 30)) == 9000
    assert clock.is_open(at(2026, 3, 7, 1, 59)) and not clock.is_open(at(2026, 3, 7, 2, 0))


def test_a_24_7_schedule_loses_no_minute_at_midnight() -> None:
    """Bug: a 24/7 schedule losing a minute at midnight."""
    always = {
        "time_zone": "Europe/Rome",
        "open": [{"days": EVERY_DAY, "from": "00:00", "to": "24:00"}],
    }
    clock = Clock(always)
    assert clock.elapsed(at(2026, 3, 3, 23, 59, 30), at(2026, 3, 4, 0, 0, 30)) == 60
    assert clock.elapsed(at(2026, 3, 2, 0, 0), at(2026, 3, 9, 0, 0)) == 7 * 86400


def test_daylight_saving_keeps_opening_hours_on_the_wall_clock() -> None:
    """Bug: daylight saving shifting results by an hour."""
    daily = {
        "time_zone": "Europe/Rome",
        "open": [{"days": EVERY_DAY, "from": "08:00", "to": "20:00"}],
    }
    clock = Clock(daily)
    # Clocks go forward on Sunday 29 March 2026 at 02:00: the night is an hour shorter...
    assert at(2026, 3, 29, 9, 0) - at(2026, 3, 28, 19, 0) == 13 * 3600
    # ...but the customer still waited one open hour each side of it.
    assert clock.elapsed(at(2026, 3, 28, 19, 0), at(2026, 3, 29, 9, 0)) == 2 * 3600
    # The same in autumn, when the night is an hour longer (25 October 2026).
    assert clock.elapsed(at(2026, 10, 24, 19, 0), at(2026, 10, 25, 9, 0)) == 2 * 3600
    always = {
        "time_zone": "Europe/Rome",
        "open": [{"days": EVERY_DAY, "from": "00:00", "to": "24:00"}],
    }
    assert Clock(always).elapsed(at(2026, 3, 28, 12, 0), at(2026, 3, 29, 12, 0)) == 23 * 3600


def test_without_business_hours_every_second_counts() -> None:
    assert Clock(None).elapsed(at(2026, 3, 7, 10, 0), at(2026, 3, 8, 10, 0, 7)) == 86407


# Waits


def test_consecutive_customer_messages_are_one_wait() -> None:
    messages = conversation(
        ("customer", at(2026, 3, 2, 9, 0)),
        ("customer", at(2026, 3, 2, 9, 5)),
        ("customer", at(2026, 3, 2, 9, 10)),
        ("agent", at(2026, 3, 2, 9, 20)),
        ("customer", at(2026, 3, 2, 9, 30)),
        ("note", at(2026, 3, 2, 9, 31)),
        ("agent", at(2026, 3, 2, 9, 42, 13)),
    )
    assert measured(messages) == [("first_response", 1200), ("next_response", 733)]


def test_bot_time_is_not_the_agents_first_response() -> None:
    """Bug: bot time counted as the agent's first response."""
    messages = conversation(
        ("customer", at(2026, 3, 2, 9, 0)),
        ("bot", at(2026, 3, 2, 9, 0, 5)),
        ("agent", at(2026, 3, 2, 9, 10)),
    )
    assert measured(messages) == [("first_response", 600)]


def test_a_bot_answer_ends_the_wait_when_nobody_follows_soon() -> None:
    """Bug: a bot reply that did not end the wait, producing a 14-day "reply time"."""
    messages = conversation(
        ("customer", at(2026, 3, 2, 9, 0)),
        ("bot", at(2026, 3, 2, 9, 0, 5)),
        ("agent", at(2026, 3, 16, 9, 0)),  # a survey two weeks later answers nothing
    )
    assert measured(messages) == []


def test_a_handoff_starts_the_wait_for_a_person() -> None:
    """Bug: a handoff from bot to person that did not start the wait."""
    messages = conversation(
        ("customer", at(2026, 3, 2, 9, 0)),
        ("bot", at(2026, 3, 2, 9, 0, 5)),
        ("customer", at(2026, 3, 2, 9, 2)),
        ("handoff", at(2026, 3, 2, 9, 5)),
        ("agent", at(2026, 3, 2, 9, 20, 30)),
    )
    assert measured(messages) == [("first_response", 930)]


def test_a_reopened_conversation_has_its_own_first_response() -> None:
    """Bug: a reopened conversation measured from its original first message."""
    messages = conversation(
        ("customer", at(2026, 3, 2, 9, 0)),
        ("agent", at(2026, 3, 2, 9, 10)),
        ("customer", at(2026, 3, 6, 10, 0)),
        ("agent", at(2026, 3, 6, 10, 30)),
    )
    assert measured(messages) == [("first_response", 600), ("first_response", 1800)]
    assert measured(messages, reopen_after=None) == [
        ("first_response", 600),
        ("next_response", 1800),
    ]


def test_a_conversation_started_by_the_company_waits_for_the_customer() -> None:
    messages = conversation(
        ("agent", at(2026, 3, 2, 9, 0)),
        ("agent", at(2026, 3, 2, 9, 1)),
        ("customer", at(2026, 3, 2, 11, 0)),
        ("agent", at(2026, 3, 2, 11, 4)),
    )
    assert measured(messages) == [("first_response", 240)]


def test_a_wait_running_at_the_end_of_the_log_is_measured_to_its_end() -> None:
    messages = conversation(("customer", at(2026, 3, 2, 9, 0)))
    found = waits(messages, calendar, at(2026, 3, 2, 9, 45), 86400)
    assert [(w.end, w.business, w.calendar) for w in found] == [(None, 2700, 2700)]


# Bands, business hours and findings together


def channel(hours: dict[str, Any] | None, rules: list[dict[str, Any]] = ()) -> ChannelRules:  # type: ignore[assignment]
    document = rules_document(list(rules))
    document["channels"][0]["business_hours"] = hours
    document["channels"][0]["response_times"] = {
        "first_response": {
            "*": {"target": 1800, "acceptable": 7200, "unacceptable": 86400},
            "complaint": {"target": 900, "acceptable": 3600, "unacceptable": 14400},
        }
    }
    return ChannelRules.of(Checker(document), "test", 86400)


@pytest.mark.parametrize(
    ("reply", "situation", "band"),
    [
        (at(2026, 3, 2, 9, 30), None, "target"),
        (at(2026, 3, 2, 9, 31), None, "acceptable"),
        (at(2026, 3, 2, 11, 0), None, "acceptable"),
        (at(2026, 3, 2, 11, 1), None, "unacceptable"),
        (at(2026, 3, 2, 9, 15), "complaint", "target"),
        (at(2026, 3, 2, 9, 16), "complaint", "acceptable"),
        (at(2026, 3, 2, 10, 1), "complaint", "unacceptable"),
    ],
)
def test_each_wait_falls_in_its_band_for_the_situation(
    reply: float, situation: str | None, band: str
) -> None:
    messages = conversation(("customer", at(2026, 3, 2, 9, 0)), ("agent", reply))
    audit = audit_conversation("c", messages, channel(OFFICE), situation=situation, end=reply)
    assert [w.band for w in audit.waits] == [band]


def test_a_wait_at_the_end_of_the_log_is_open_until_it_is_late() -> None:
    messages = conversation(("customer", at(2026, 3, 2, 9, 0)))
    rules = channel(OFFICE)
    early = audit_conversation("c", messages, rules, situation=None, end=at(2026, 3, 2, 10, 0))
    late = audit_conversation("c", messages, rules, situation=None, end=at(2026, 3, 3, 9, 0))
    assert [w.band for w in early.waits] == ["open"]
    assert [(w.band, w.business, w.calendar) for w in late.waits] == [
        ("unacceptable", 11 * 3600 + 3600, 86400)  # 09:00-20:00, then 08:00-09:00
    ]


def test_a_reply_out_of_hours_to_an_out_of_hours_message_takes_no_business_time() -> None:
    messages = conversation(("customer", at(2026, 3, 7, 10, 0)), ("agent", at(2026, 3, 7, 11, 0)))
    audit = audit_conversation("c", messages, channel(OFFICE), situation=None, end=0)
    (wait,) = audit.waits
    assert (wait.business, wait.calendar, wait.band, wait.out_of_hours) == (0, 3600, "target", True)


def test_the_situation_is_detected_from_the_first_customer_message() -> None:
    messages = conversation(
        ("customer", at(2026, 3, 2, 9, 0), "I have a complaint"),
        ("agent", at(2026, 3, 2, 9, 20)),
    )
    audit = audit_conversation("c", messages, channel(OFFICE), situation=None, end=0)
    assert (audit.situation, [w.band for w in audit.waits]) == ("complaint", ["acceptable"])
