"""The working-day calendar and the pathway's due dates. Every expected date is written out: they
are facts of the calendar (checked against the govuk-bank-holidays 0.19 data), never computed."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from typing import NoReturn
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from clocks import (
    CLOCKS,
    WorkingDayCalendar,
    day_text,
    due_date,
    is_overdue,
    london_date,
    london_today,
)

UTC = dt.UTC
NEW_YORK = ZoneInfo("America/New_York")


def at(y: int, m: int, d: int, hh: int = 12, mm: int = 0, tz: dt.tzinfo = UTC) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=tz)


class NetworkUsedError(Exception):
    """Not an OSError: nothing between BankHolidays and the socket catches it."""


def test_the_calendar_never_opens_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def refuse(name: str) -> Callable[..., NoReturn]:
        def refused(*args: object, **kwargs: object) -> NoReturn:
            opened.append(name)
            raise NetworkUsedError(name)

        return refused

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    calendar = WorkingDayCalendar()
    assert opened == []
    assert not calendar.is_working_day(dt.date(2026, 12, 25))


def test_the_shipped_holidays_run_from_2012_to_boxing_day_2028() -> None:
    # A new govuk-bank-holidays moves these: review the flag's tests when it does.
    calendar = WorkingDayCalendar()
    assert calendar.known_from == dt.date(2012, 1, 2)
    assert calendar.known_until == dt.date(2028, 12, 26)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 6, 12), True),  # Friday
        (dt.date(2026, 6, 13), False),  # Saturday
        (dt.date(2026, 6, 14), False),  # Sunday
        (dt.date(2026, 5, 4), False),  # Early May bank holiday
        (dt.date(2026, 5, 25), False),  # Spring bank holiday
        (dt.date(2026, 8, 31), False),  # Summer bank holiday (England, not Scotland)
        (dt.date(2026, 8, 3), True),  # Scotland's Summer bank holiday, a working day here
        (dt.date(2026, 12, 25), False),  # Christmas Day, a Friday
        (dt.date(2026, 12, 28), False),  # Boxing Day's substitute, Monday
        (dt.date(2026, 12, 29), True),
        (dt.date(2027, 1, 1), False),  # New Year's Day
        (dt.date(2027, 3, 26), False),  # Good Friday
        (dt.date(2027, 3, 29), False),  # Easter Monday (England and Wales only)
        (dt.date(2027, 3, 30), True),
    ],
    ids=str,
)
def test_working_days_in_england_and_wales(day: dt.date, working: bool) -> None:
    assert WorkingDayCalendar().is_working_day(day) is working


def test_an_admin_adds_a_non_working_day() -> None:
    closure = dt.date(2026, 7, 21)  # a Tuesday
    assert WorkingDayCalendar().is_working_day(closure)
    assert not WorkingDayCalendar(extra_non_working_days=[closure]).is_working_day(closure)


def test_an_extra_day_must_be_a_date_not_a_datetime() -> None:
    with pytest.raises(TypeError):
        WorkingDayCalendar(extra_non_working_days=[at(2026, 7, 21)])


@pytest.mark.parametrize(
    ("moment", "day"),
    [
        # Summer (BST, UTC+1): 23:30 UTC is 00:30 the next London day.
        (at(2026, 7, 15, 23, 30), dt.date(2026, 7, 16)),
        # Winter (GMT): 23:30 UTC is 23:30 the same day.
        (at(2026, 1, 15, 23, 30), dt.date(2026, 1, 15)),
        # Last Sunday of March 2026: BST starts at 01:00 UTC on 29 March.
        (at(2026, 3, 28, 23, 30), dt.date(2026, 3, 28)),
        (at(2026, 3, 29, 23, 30), dt.date(2026, 3, 30)),
        # Last Sunday of October 2026: BST ends at 01:00 UTC on 25 October.
        (at(2026, 10, 24, 23, 30), dt.date(2026, 10, 25)),
        (at(2026, 10, 25, 23, 30), dt.date(2026, 10, 25)),
        # Another zone: 19:30 in New York (EDT, UTC-4) is 00:30 the next day in London (BST).
        (at(2026, 7, 15, 19, 30, tz=NEW_YORK), dt.date(2026, 7, 16)),
    ],
    ids=str,
)
def test_the_london_date_of_a_moment(moment: dt.datetime, day: dt.date) -> None:
    assert london_date(moment) == day


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        london_date(dt.datetime(2026, 7, 15, 23, 30))


ADMIN_CLOSURE = dt.date(2026, 7, 21)  # a fictional council closure day, a Tuesday
NEW_YEAR_2029 = dt.date(2029, 1, 1)  # a real bank holiday the shipped data does not know
ACK, FIRST, MEETING, INITIAL, SPOTTING, WEEKLY = (
    "phoenix_acknowledgement",
    "phoenix_first_contact",
    "strategy_meeting",
    "phoenix_initial_meeting",
    "spotting_discuss",
    "phoenix_weekly_contact",
)


@pytest.mark.parametrize(
    ("clock", "started", "extra", "due", "beyond"),
    [
        # Strategy meeting: 3 calendar days after the SPA decision, whatever day they land on.
        (MEETING, at(2026, 12, 1), (), dt.date(2026, 12, 4), False),  # Tue -> Fri
        (MEETING, at(2026, 12, 4), (), dt.date(2026, 12, 7), False),  # Fri -> Mon
        (MEETING, at(2026, 12, 24), (), dt.date(2026, 12, 27), False),  # Thu -> Sun
        (MEETING, dt.date(2026, 12, 1), (), dt.date(2026, 12, 4), False),  # a form's date
        (MEETING, at(2028, 12, 29), (), dt.date(2029, 1, 1), False),  # no holiday involved
        # Phoenix acknowledgement: 1 working day after the referral is sent.
        (ACK, at(2026, 6, 10), (), dt.date(2026, 6, 11), False),  # Wed -> Thu
        (ACK, at(2026, 6, 11), (), dt.date(2026, 6, 12), False),  # Thu -> Fri
        (ACK, at(2026, 6, 12), (), dt.date(2026, 6, 15), False),  # Fri -> Mon
        (ACK, at(2026, 6, 13), (), dt.date(2026, 6, 16), False),  # Sat: read Mon -> Tue
        (ACK, at(2026, 6, 14), (), dt.date(2026, 6, 16), False),  # Sun: read Mon -> Tue
        (ACK, at(2026, 5, 1), (), dt.date(2026, 5, 5), False),  # Fri, Early May Mon 4
        (ACK, at(2026, 5, 4), (), dt.date(2026, 5, 6), False),  # on Early May: read Tue
        (ACK, at(2026, 5, 22), (), dt.date(2026, 5, 26), False),  # Fri, Spring Mon 25
        (ACK, at(2026, 8, 28), (), dt.date(2026, 9, 1), False),  # Fri, Summer Mon 31
        (ACK, at(2026, 12, 24), (), dt.date(2026, 12, 29), False),  # Christmas Fri, Boxing Mon
        (ACK, at(2026, 12, 25), (), dt.date(2026, 12, 30), False),  # on Christmas: read Tue
        (ACK, at(2026, 12, 31), (), dt.date(2027, 1, 4), False),  # New Year's Day Fri
        (ACK, at(2027, 3, 25), (), dt.date(2027, 3, 30), False),  # Good Fri, Easter Mon
        (ACK, at(2027, 3, 26), (), dt.date(2027, 3, 31), False),  # on Good Friday: read Tue
        # Phoenix first contact: 2 working days after the referral is sent.
        (FIRST, at(2026, 6, 11), (), dt.date(2026, 6, 15), False),  # Thu -> Mon
        (FIRST, at(2026, 6, 12), (), dt.date(2026, 6, 16), False),  # Fri -> Tue
        (FIRST, at(2026, 6, 13), (), dt.date(2026, 6, 17), False),  # Sat -> Wed
        (FIRST, at(2026, 12, 23), (), dt.date(2026, 12, 29), False),  # Wed -> Thu, Tue
        (FIRST, at(2026, 12, 24), (), dt.date(2026, 12, 30), False),  # Thu -> Tue, Wed
        (FIRST, at(2027, 3, 25), (), dt.date(2027, 3, 31), False),  # over Easter 2027
        # Initial meeting: 7 calendar days after the referral is accepted.
        (INITIAL, at(2026, 8, 28), (), dt.date(2026, 9, 4), False),
        (INITIAL, at(2026, 12, 26), (), dt.date(2027, 1, 2), False),
        # Spotting the Signs: the date written on the form is the due date.
        (SPOTTING, dt.date(2026, 12, 4), (), dt.date(2026, 12, 4), False),
        # Weekly contact: 7 calendar days after the last contact's date, bank holidays or not.
        (WEEKLY, dt.date(2026, 12, 24), (), dt.date(2026, 12, 31), False),  # Thu -> Thu
        (WEEKLY, dt.date(2028, 12, 29), (), dt.date(2029, 1, 5), False),  # beyond the data
        # An admin-added closure day is not a working day.
        (ACK, at(2026, 7, 20), (ADMIN_CLOSURE,), dt.date(2026, 7, 22), False),  # Mon -> Wed
        (ACK, at(2026, 7, 21), (ADMIN_CLOSURE,), dt.date(2026, 7, 23), False),  # read Wed
        (ACK, at(2026, 7, 20), (), dt.date(2026, 7, 21), False),  # without it: Tue
        # Beyond the shipped data (last: Tuesday 26 December 2028), working days are flagged.
        (ACK, at(2028, 12, 20), (), dt.date(2028, 12, 21), False),
        (ACK, at(2028, 12, 22), (), dt.date(2028, 12, 27), True),  # counts past 26 Dec
        (ACK, at(2028, 12, 29), (), dt.date(2029, 1, 1), True),  # wrong: New Year's Day
        (ACK, at(2028, 12, 29), (NEW_YEAR_2029,), dt.date(2029, 1, 2), True),
        (ACK, at(2011, 12, 7), (), dt.date(2011, 12, 8), True),  # before the data
        # Clocks-change nights: the London date of the moment starts the clock.
        (ACK, at(2026, 6, 12, 23, 30), (), dt.date(2026, 6, 16), False),  # BST: Sat 00:30
        (ACK, at(2026, 12, 4, 23, 30), (), dt.date(2026, 12, 7), False),  # GMT: Fri 23:30
        (MEETING, at(2026, 3, 29, 23, 30), (), dt.date(2026, 4, 2), False),  # Mon 30 Mar
        (MEETING, at(2026, 3, 28, 23, 30), (), dt.date(2026, 3, 31), False),  # Sat 28 Mar
        (MEETING, at(2026, 10, 24, 23, 30), (), dt.date(2026, 10, 28), False),  # Sun 25 Oct
        (MEETING, at(2026, 10, 25, 23, 30), (), dt.date(2026, 10, 28), False),  # Sun 25 Oct
    ],
    ids=str,
)
def test_due_dates(
    clock: str,
    started: dt.datetime | dt.date,
    extra: tuple[dt.date, ...],
    due: dt.date,
    beyond: bool,
) -> None:
    result = due_date(clock, started, WorkingDayCalendar(extra_non_working_days=extra))
    assert (result.date, result.beyond_known_holidays) == (due, beyond)
    assert result.clock is CLOCKS[clock]


def test_a_due_date_says_its_weekday() -> None:
    due = due_date(MEETING, at(2026, 12, 1), WorkingDayCalendar())
    assert due.weekday == "Friday"
    assert due.text == "Friday 4 December 2026"
    assert day_text(dt.date(2027, 3, 29)) == "Monday 29 March 2027"


def test_a_due_date_from_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        due_date(ACK, dt.datetime(2026, 6, 12, 23, 30), WorkingDayCalendar())


@pytest.mark.parametrize(
    ("due", "now", "overdue"),
    [
        # BST: London midnight is 23:00 UTC.
        (dt.date(2026, 7, 16), at(2026, 7, 16, 9, 0), False),
        (dt.date(2026, 7, 16), at(2026, 7, 16, 22, 59), False),  # 23:59 London
        (dt.date(2026, 7, 16), at(2026, 7, 16, 23, 0), True),  # 00:00 London, 17 July
        # GMT: London midnight is 00:00 UTC.
        (dt.date(2026, 12, 4), at(2026, 12, 4, 23, 59), False),
        (dt.date(2026, 12, 4), at(2026, 12, 5, 0, 0), True),
        # The same instants, told in New York time.
        (dt.date(2026, 7, 16), at(2026, 7, 16, 18, 59, tz=NEW_YORK), False),
        (dt.date(2026, 7, 16), at(2026, 7, 16, 19, 0, tz=NEW_YORK), True),
        # The day before is never overdue.
        (dt.date(2026, 12, 4), at(2026, 12, 3, 12, 0), False),
    ],
    ids=str,
)
def test_overdue_from_london_midnight_after_the_due_date(
    due: dt.date, now: dt.datetime, overdue: bool
) -> None:
    assert is_overdue(due, now) is overdue


def test_overdue_takes_a_due_result_too() -> None:
    due = due_date(MEETING, at(2026, 12, 1), WorkingDayCalendar())  # Friday 4 December 2026
    assert not is_overdue(due, at(2026, 12, 4, 23, 59))
    assert is_overdue(due, at(2026, 12, 5, 0, 0))


def test_each_clock_starts_on_its_step_and_cites_the_strategy() -> None:
    assert {k: (c.starts_on, c.unit, c.amount) for k, c in CLOCKS.items()} == {
        MEETING: ("spa_decision", "days", 3),
        ACK: ("phoenix_sent", "working days", 1),
        FIRST: ("phoenix_sent", "working days", 2),
        INITIAL: ("phoenix_accepted", "days", 7),
        SPOTTING: ("spotting_discuss_by", "days", 0),
        WEEKLY: ("phoenix_contact", "days", 7),
    }
    for key, clock in CLOCKS.items():
        assert clock.key == key
        assert clock.label and clock.lines


# --- "today" is London's, not the server's ----------------------------------------------------


@pytest.mark.parametrize(
    ("utc", "london"),
    [
        ("2026-07-15 23:30", dt.date(2026, 7, 16)),  # BST: already the 16th in London
        ("2026-12-15 23:30", dt.date(2026, 12, 15)),  # GMT: still the 15th
    ],
)
def test_a_date_is_in_the_future_only_after_london_midnight(utc: str, london: dt.date) -> None:
    from forms.kinds import Date

    referred = Date("date_of_referral", "Date of referral")
    with freeze_time(utc, tz_offset=0):
        assert london_today() == london
        assert referred.problem(london) is None
        assert referred.problem(london + dt.timedelta(days=1)) == (
            "Date of referral must be today or in the past"
        )
