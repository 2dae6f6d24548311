"""The pathway's steps, declared once: in the strategy's order, each clock started by a step and
met by a later one, and only real roles recording them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accounts import ROLES
from clocks import CLOCKS, WorkingDayCalendar
from pathway import CATEGORIES, STEPS, timeline

STRATEGY = Path(__file__).resolve().parents[3] / "shared" / "seed" / "cse-strategy.txt"
# Not steps of the pathway (clocks.pathway): the date written on the Spotting the Signs form,
# and the last contact in the contact log (contacts).
FORM_DATES = {"spotting_discuss_by", "phoenix_contact"}


def test_every_clock_starts_on_a_declared_step_and_is_met_by_a_later_one() -> None:
    keys = list(STEPS)
    for clock in CLOCKS.values():
        if clock.starts_on in FORM_DATES:
            continue
        assert clock.starts_on in STEPS, clock.key
        meeting = [s.key for s in STEPS.values() if clock.key in s.meets]
        assert meeting, f"nothing meets {clock.key}"
        assert all(keys.index(m) > keys.index(clock.starts_on) for m in meeting), clock.key


def test_steps_name_real_clocks_roles_and_lines() -> None:
    for step in STEPS.values():
        assert set(step.meets) | set(step.stops) <= set(CLOCKS), step.key
        assert step.recorded_by <= set(ROLES) - {"admin"}, step.key
        assert step.lines == tuple(sorted(step.lines)), step.key
    assert [s.key for s in STEPS.values() if s.carries_category] == [
        "spa_decision",
        "strategy_meeting",
    ]
    assert list(CATEGORIES) == ["below", "1", "2", "3"]


def test_labels_are_the_strategys_own_words() -> None:
    lines = STRATEGY.read_text(encoding="utf-8").splitlines()
    for step in STEPS.values():
        quoted = " ".join(" ".join(lines[n - 1] for n in step.lines).split())
        assert step.label in quoted, step.key


def test_clock_labels_are_the_strategys_own_words() -> None:
    lines = STRATEGY.read_text(encoding="utf-8").splitlines()
    # The Spotting the Signs date is printed as a blank to fill in ("by ____ (date)").
    for clock in (c for c in CLOCKS.values() if c.key != "spotting_discuss"):
        quoted = " ".join(" ".join(lines[n - 1] for n in clock.lines).split())
        assert clock.label in quoted, clock.key


@dataclass(frozen=True)
class Event:
    step: str
    category: str | None
    happened_at: dt.datetime
    recorded_at: dt.datetime
    details: dict[str, Any] | None = None


def _at(day: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, tzinfo=dt.UTC)


def test_a_clock_is_met_only_by_a_step_after_the_one_that_started_it() -> None:
    events = [
        Event("phoenix_acknowledged", None, _at(1), _at(9)),  # before the referral: meets nothing
        Event("phoenix_sent", None, _at(2), _at(2)),
    ]
    entries, open_clocks = timeline(events, _at(2), WorkingDayCalendar())
    assert [e.step.key for e in entries] == ["phoenix_acknowledged", "phoenix_sent"]
    assert [c.due.clock.key for c in open_clocks] == [
        "phoenix_acknowledgement",
        "phoenix_first_contact",
    ]
    closed = [*events, Event("closed", None, _at(3), _at(3))]
    assert timeline(closed, _at(3), WorkingDayCalendar())[1] == []
