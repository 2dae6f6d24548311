"""The clocks of the CSE pathway, declared once, and the due date each gives.

Line numbers (L269 and so on) are those of the strategy text, cse-strategy.txt.

Semantics, chosen for what a safeguarding worker expects:

- Every date is a London date: a moment is converted to Europe/London before its date is taken.
- "days" are calendar days, added to the London date whatever day they land on: the strategy
  says "within 3 days" and "within 7 days", not working days. The weekday is shown with the date
  so a due date on a Saturday is visible as such.
- "working days" are counted from the day the event is received: an event on a working day
  counts from that day (1 working day after Thursday is Friday, after Friday is Monday); an
  event on a Saturday, Sunday, bank holiday or admin-added day is received on the next working
  day, as the Phoenix inbox is read Monday to Friday only, and counted from there (1 working day
  after a Saturday is Tuesday).
- A due date is met until the end of that London day: overdue from 00:00 London time the day
  after (`is_overdue`).
- A working-day due date whose count runs outside the shipped bank holiday data is flagged
  (`Due.beyond_known_holidays`) so the page can warn that a holiday may be missing. Calendar-day
  clocks do not depend on holidays, so they are never flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from clocks.workdays import WorkingDayCalendar, london_date

Unit = Literal["days", "working days"]
# Who answers a clock: the SPA team of the case's borough, the Phoenix Project, or the case's own
# people (its members, the practitioner who wrote the date).
Team = Literal["spa", "phoenix", "case"]


@dataclass(frozen=True)
class Clock:
    """A time limit of the pathway: `amount` `unit`s after the step `starts_on` happened."""

    key: str
    label: str  # the strategy's own words
    lines: tuple[int, ...]  # where the strategy says it
    # The step whose date starts the clock; or, for the clocks pathway.state works out from
    # something else, what that is (a form's date, the last contact).
    starts_on: str
    unit: Unit
    amount: int
    team: Team


CLOCKS: dict[str, Clock] = {
    c.key: c
    for c in (
        # L269: "3) Strategy meeting to be held with relevant agencies within 3 days and category
        # of risk to be determined" (L271: "at strategy meeting."). Days, not working days.
        Clock(
            key="strategy_meeting",
            label="Strategy meeting to be held with relevant agencies within 3 days",
            lines=(269,),
            starts_on="spa_decision",
            unit="days",
            amount=3,
            team="spa",
        ),
        # L3269: "Referrals will be acknowledged within one working day". L2875-2877: the inbox
        # "will be checked daily Monday to Friday (excluding bank holidays)". L2879 says "within
        # 24 hours"; one working day is the reading that fits an inbox not read at weekends.
        Clock(
            key="phoenix_acknowledgement",
            label="Referrals will be acknowledged within one working day",
            lines=(2875, 2877, 2879, 3269),
            starts_on="phoenix_sent",
            unit="working days",
            amount=1,
            team="phoenix",
        ),
        # L3271: "Accepted referrals will receive first contact within two working days". Counted
        # from the referral being sent: the strictest reading (acceptance comes later).
        Clock(
            key="phoenix_first_contact",
            label="Accepted referrals will receive first contact within two working days",
            lines=(3271,),
            starts_on="phoenix_sent",
            unit="working days",
            amount=2,
            team="phoenix",
        ),
        # L2890-2892: "An initial meeting with the child or young person will be arranged by the
        # CSE youth work lead within 7 days" / "of the accepted referral."
        Clock(
            key="phoenix_initial_meeting",
            label=(
                "An initial meeting with the child or young person will be arranged by the CSE "
                "youth work lead within 7 days of the accepted referral"
            ),
            lines=(2890, 2892),
            starts_on="phoenix_accepted",
            unit="days",
            amount=7,
            team="phoenix",
        ),
        # L2788 (Spotting the Signs): "If you have identified risks or concerns please discuss
        # with your CSE or Safeguarding Lead by __________________ (date)". The date written on
        # the form is the due date itself: 0 days after it.
        Clock(
            key="spotting_discuss",
            label=(
                "If you have identified risks or concerns please discuss with your CSE or "
                "Safeguarding Lead by (date)"
            ),
            lines=(2788,),
            starts_on="spotting_discuss_by",
            unit="days",
            amount=0,
            team="case",
        ),
        # L2960-2962: "The worker will be expected to have weekly contact with allocated cases
        # and all contact will be appropriately recorded on QES or Liquid Logic". Weekly: 7
        # calendar days after the last contact recorded in the contact log (contacts), on a
        # case open to the Phoenix Project (pathway.state.weekly_contact): a contact meets it
        # and starts it again.
        Clock(
            key="phoenix_weekly_contact",
            label="The worker will be expected to have weekly contact with allocated cases",
            lines=(2960,),
            starts_on="phoenix_contact",
            unit="days",
            amount=7,
            team="phoenix",
        ),
    )
}


def day_text(day: dt.date) -> str:
    """A date as people read it, with its weekday: "Friday 4 December 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Due:
    """When a clock runs out: met until the end of `date` (a London date)."""

    clock: Clock
    date: dt.date
    beyond_known_holidays: bool

    @property
    def weekday(self) -> str:
        return f"{self.date:%A}"

    @property
    def text(self) -> str:
        return day_text(self.date)


def due_date(clock_key: str, started: dt.datetime | dt.date, calendar: WorkingDayCalendar) -> Due:
    """The due date of the clock `clock_key` for a step that happened at `started`: an aware
    datetime, or a date already in London (a date typed on a form)."""
    clock = CLOCKS[clock_key]
    start = london_date(started) if isinstance(started, dt.datetime) else started
    if clock.unit == "days":
        return Due(clock, start + dt.timedelta(days=clock.amount), beyond_known_holidays=False)
    due = calendar.add_working_days(start, clock.amount)
    return Due(clock, due, beyond_known_holidays=not calendar.knows(start, due))


def is_overdue(due: Due | dt.date, now: dt.datetime) -> bool:
    """True from 00:00 London time on the day after the due date, never before."""
    day = due.date if isinstance(due, Due) else due
    return london_date(now) > day
