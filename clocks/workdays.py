"""Working days in England and Wales, and the London date of a moment.

Bank holidays come from the data shipped inside govuk-bank-holidays, never from the network:
`BankHolidays()` fetches gov.uk first unless told `use_cached_holidays=True`. The shipped data
ends (0.19: Boxing Day, 26 December 2028); past it the library treats every weekday as a
working day, so this calendar says where its knowledge ends (`known_until`, `knows`) and lets
an admin add days that are not working days (`extra_non_working_days`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from zoneinfo import ZoneInfo

from govuk_bank_holidays.bank_holidays import BankHolidays

LONDON = ZoneInfo("Europe/London")
ONE_DAY = dt.timedelta(days=1)
SATURDAY = 5


def london_date(moment: dt.datetime) -> dt.date:
    """The date in Kingston and Richmond at `moment`: 23:30 UTC on a summer day (BST) is already
    the next day there. A naive datetime is refused, as its zone would be a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a moment must carry its time zone")
    return moment.astimezone(LONDON).date()


def london_today() -> dt.date:
    """Today in Kingston and Richmond, whatever the server's zone: between midnight and 1 am in
    summer, the server's UTC date is still yesterday."""
    return london_date(dt.datetime.now(dt.UTC))


def shipped_bank_holidays() -> frozenset[dt.date]:
    """England and Wales bank holidays as shipped with govuk-bank-holidays (no network).

    The division matters: without it the library gives only the holidays common to all of the
    UK, which leaves out Easter Monday and England's Summer bank holiday."""
    holidays = BankHolidays(use_cached_holidays=True)
    return frozenset(
        h["date"] for h in holidays.get_holidays(division=BankHolidays.ENGLAND_AND_WALES)
    )


class WorkingDayCalendar:
    """Monday to Friday, except bank holidays in England and Wales and the days an admin adds.

    Dates are London dates (see `london_date`). Holidays are known from `known_from` to
    `known_until` (the first and last shipped bank holidays); outside that period a weekday may be
    a holiday nobody told us about, and `knows` says so."""

    def __init__(self, extra_non_working_days: Iterable[dt.date] = ()) -> None:
        extra = frozenset(extra_non_working_days)
        if any(isinstance(day, dt.datetime) or not isinstance(day, dt.date) for day in extra):
            # A datetime never equals a date, so it would silently be no holiday at all.
            raise TypeError("extra non-working days must be dates, not datetimes")
        shipped = shipped_bank_holidays()
        self.extra_non_working_days = extra
        self.known_from = min(shipped)
        self.known_until = max(shipped)
        self._closed = shipped | extra

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < SATURDAY and day not in self._closed

    def knows(self, first: dt.date, last: dt.date) -> bool:
        """True if every day from `first` to `last` is inside the shipped holiday data."""
        return self.known_from <= first and last <= self.known_until

    def received_on(self, day: dt.date) -> dt.date:
        """The working day something arriving on `day` is first seen: `day` itself if it is a
        working day, else the next one (a Saturday's email is read on Monday)."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """`count` working days after `day`, counting from the day it is received (see
        `received_on`): 1 after a Friday is Monday, 1 after a Saturday is Tuesday."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = self.received_on(day)
        for _ in range(count):
            day += ONE_DAY
            while not self.is_working_day(day):
                day += ONE_DAY
        return day


@cache
def working_days(extra: frozenset[dt.date] = frozenset()) -> WorkingDayCalendar:
    """The calendar with `extra` non-working days, one per process: the shipped bank holidays
    do not change while it runs."""
    return WorkingDayCalendar(extra)
