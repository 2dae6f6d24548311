"""A case's timeline: the order of steps on the same day, and the clocks they meet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clocks import WorkingDayCalendar
from pathway.timeline import timeline
from web.pathway import start_of


@dataclass(frozen=True)
class Event:
    step: str
    happened_at: dt.datetime
    recorded_at: dt.datetime
    category: str | None = None
    details: dict[str, Any] | None = None


def test_a_step_recorded_by_hand_after_a_sending_the_same_day_follows_it() -> None:
    """A sending is dated its moment; a step recorded by hand, its day (00:00 London). The
    acknowledgement recorded after the Phoenix referral was sent that day meets its clock."""
    sent_at = dt.datetime(2026, 12, 1, 16, 8, tzinfo=dt.UTC)
    events = [
        Event("phoenix_sent", sent_at, sent_at),
        Event(
            "phoenix_acknowledged",
            start_of(dt.date(2026, 12, 1)),
            sent_at + dt.timedelta(minutes=5),
        ),
    ]
    entries, still_open = timeline(
        events, dt.datetime(2026, 12, 1, 17, 0, tzinfo=dt.UTC), WorkingDayCalendar()
    )
    assert [e.step.key for e in entries] == ["phoenix_sent", "phoenix_acknowledged"]
    assert [c.due.clock.key for c in still_open] == ["phoenix_first_contact"]
