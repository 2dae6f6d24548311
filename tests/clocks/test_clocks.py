"""The working-day calendar and the pathway's due dates. Every expected date is written out: they
are facts of the calendar (checked against the govuk-bank-holidays 0.19 data), never computed."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from typing import NoReturn
from zoneinfo import ZoneInfo

import pytest

from clocks import WorkingDayCalendar, london_date

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
