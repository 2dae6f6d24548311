"""The due dates of the CSE pathway's steps, on a working-day calendar for England and Wales."""

from clocks.pathway import CLOCKS, Clock, Due, day_text, due_date, is_overdue
from clocks.workdays import (
    LONDON,
    WorkingDayCalendar,
    london_date,
    london_today,
    shipped_bank_holidays,
    working_days,
)

__all__ = [
    "CLOCKS",
    "LONDON",
    "Clock",
    "Due",
    "WorkingDayCalendar",
    "day_text",
    "due_date",
    "is_overdue",
    "london_date",
    "london_today",
    "shipped_bank_holidays",
    "working_days",
]
