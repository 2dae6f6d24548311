"""A case's timeline: the steps recorded, in the order they happened, and the clocks they
started that no later step has met (clocks.due_date, on a working-day calendar)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from clocks import Due, WorkingDayCalendar, due_date, is_overdue, london_date
from pathway.steps import CATEGORIES, STEPS, Step


class Recorded(Protocol):
    """A step recorded on a case (models.PathwayEvent)."""

    @property
    def step(self) -> str: ...
    @property
    def category(self) -> str | None: ...
    @property
    def happened_at(self) -> dt.datetime: ...
    @property
    def recorded_at(self) -> dt.datetime: ...
    @property
    def details(self) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class Entry:
    """One recorded step as the timeline shows it."""

    step: Step
    day: dt.date  # the London date it happened
    category: str | None  # the category's words, for the steps that carry one
    event: Recorded


@dataclass(frozen=True)
class OpenClock:
    """A clock started and not yet met: when it runs out, and whether it has."""

    due: Due
    overdue: bool


def timeline(
    events: Iterable[Recorded], now: dt.datetime, calendar: WorkingDayCalendar
) -> tuple[list[Entry], list[OpenClock]]:
    """The entries in the order the steps happened (then were recorded), and the clocks still
    open at `now`, soonest first. A clock is met or stopped only by a step on or after the one
    that started it; a step recorded again starts its clocks again."""
    # By the London day each happened, then as recorded: a step recorded by hand is dated its
    # day (00:00 London), a sending its moment; on the same day, the one recorded later
    # followed the other (an acknowledgement recorded after the sending meets its clock).
    ordered = sorted(events, key=lambda e: (london_date(e.happened_at), e.recorded_at))
    entries: list[Entry] = []
    open_since: dict[str, dt.date] = {}
    for event in ordered:
        step = STEPS.get(event.step)
        if step is None:  # a step no longer declared: shown nowhere rather than guessed at
            continue
        day = london_date(event.happened_at)
        category = CATEGORIES.get(event.category or "") if step.carries_category else None
        entries.append(Entry(step, day, category, event))
        for key in (*step.meets, *step.stops):
            open_since.pop(key, None)
        for key in step.starts_clocks(event.category):
            open_since[key] = day
    dues = [due_date(key, day, calendar) for key, day in open_since.items()]
    return entries, [
        OpenClock(due, is_overdue(due, now)) for due in sorted(dues, key=lambda d: d.date)
    ]
