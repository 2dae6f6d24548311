"""The reporting period of a progress report, and the year it falls in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clocks import LONDON

APRIL = 4


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def start_of(day: dt.date) -> dt.datetime:
    """00:00 London time on `day`, in UTC: how the service stores moments."""
    return dt.datetime.combine(day, dt.time(), LONDON).astimezone(dt.UTC)


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both London dates, both included."""

    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, answers: Mapping[str, Any]) -> Period | None:
        """The report's period (`period_start`, `period_end`); None when it is not given or
        ends before it starts (the form refuses both, L4111)."""
        start, end = _date(answers.get("period_start")), _date(answers.get("period_end"))
        if start is None or end is None or end < start:
            return None
        return cls(start, end)

    @property
    def since(self) -> dt.datetime:
        """The first moment of the period, in UTC."""
        return start_of(self.start)

    @property
    def until(self) -> dt.datetime:
        """The first moment after the period, in UTC."""
        return start_of(self.end + dt.timedelta(days=1))

    @property
    def year(self) -> Period:
        """The year to date at the end of the period. *Inferred*: "up to 25 cases a year"
        (L2843) is counted over the financial year, 1 April to 31 March, that the period's
        last day is in, as councils count their years."""
        first = self.end.year if self.end.month >= APRIL else self.end.year - 1
        return Period(dt.date(first, APRIL, 1), self.end)

    def words(self) -> str:
        return f"{_day(self.start)} to {_day(self.end)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
