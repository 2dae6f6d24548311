"""The due dates of the CSE pathway's steps, on a working-day calendar for England and Wales."""

from clocks.workdays import LONDON, WorkingDayCalendar, london_date, shipped_bank_holidays

__all__ = ["LONDON", "WorkingDayCalendar", "london_date", "shipped_bank_holidays"]
