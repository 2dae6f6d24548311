"""The reporting period, the year it is in, the capacity lines, and each clock target counted
before it is suppressed."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask

from clocks import working_days
from figures import FEWER_THAN_5, Context
from models import User
from reports import progress_figures, records, targets
from reports.period import Period
from tests.reports.cases import Cases
from tests.reports.scenario import NOW

D = dt.date


def test_a_period_that_ends_before_it_starts_is_no_period() -> None:
    assert Period.of({"period_start": "2026-07-01", "period_end": "2026-06-30"}) is None
    assert Period.of({"period_start": "2026-07-01"}) is None
    assert Period.of({"period_start": "2026-07-01", "period_end": "not a date"}) is None
    one_day = Period.of({"period_start": D(2026, 7, 1), "period_end": D(2026, 7, 1)})
    assert one_day == Period(D(2026, 7, 1), D(2026, 7, 1))
    assert one_day.until - one_day.since == dt.timedelta(days=1)


def test_a_report_without_a_period_has_no_figures(app: Flask, phoenix: User) -> None:
    figures = progress_figures(Context(None, {"period_start": "2026-07-01"}, phoenix, NOW))
    assert figures["blocks"] == []


@pytest.mark.parametrize(
    ("end", "first"),
    [(D(2026, 9, 30), D(2026, 4, 1)), (D(2027, 3, 31), D(2026, 4, 1)),
     (D(2027, 4, 1), D(2027, 4, 1)), (D(2027, 1, 15), D(2026, 4, 1))],
)  # fmt: skip
def test_the_year_is_the_financial_year_to_the_end_of_the_period(end: D, first: D) -> None:
    assert Period(D(2026, 1, 1), end).year == Period(first, end)


def test_capacity_lines_say_within_or_over_only_of_a_count_printed() -> None:
    year = Period(D(2026, 4, 1), D(2026, 9, 30))
    rows = targets.performance(21, None, year, 26)[0]["rows"]
    assert [row[1:] for row in rows] == [
        ["21", "20 at any one time (L2962-2964)", "Over by 1"],
        ["26", "up to 25 a year (L2843)", "Over by 1"],
    ]
    rows = targets.performance(3, 2, year, 0)[0]["rows"]
    assert [row[1:] for row in rows] == [
        [FEWER_THAN_5, "20 at any one time (L2962-2964)", "-"],
        [FEWER_THAN_5, "2", "-"],
        ["0", "up to 25 a year (L2843)", "Within"],
    ]
    rows = targets.performance(20, 20, year, 25)[0]["rows"]
    assert [row[3] for row in rows] == ["Within", "Within", "Within"]


def test_the_clock_targets_before_suppression(app: Flask, phoenix: User) -> None:
    """Acknowledged in time, late, never (due passed), not yet due; first contact for the
    accepted referrals only."""
    cases = Cases(phoenix)
    thursday, friday, monday = D(2026, 9, 24), D(2026, 9, 25), D(2026, 9, 28)
    on_time = cases.case()  # sent Thursday, acknowledged Friday: one working day
    cases.step(on_time, "phoenix_sent", thursday)
    cases.step(on_time, "phoenix_accepted", friday)
    cases.step(on_time, "first_contact", monday)  # two working days
    late = cases.case()  # sent Thursday, acknowledged Monday; first contact Tuesday: late
    cases.step(late, "phoenix_sent", thursday)
    cases.step(late, "phoenix_accepted", monday)
    cases.step(late, "first_contact", D(2026, 9, 29))
    never = cases.case()  # sent Thursday, nothing since: due Friday, overdue by 1 October
    cases.step(never, "phoenix_sent", thursday)
    declined = cases.case()  # declined in time: acknowledged; no first contact is due
    cases.step(declined, "phoenix_sent", thursday)
    cases.step(declined, "phoenix_declined", friday)
    waiting = cases.case()  # sent on the last day: due 1 October, not judged yet
    cases.step(waiting, "phoenix_sent", D(2026, 9, 30))
    cases.done()

    period = Period(D(2026, 9, 1), D(2026, 9, 30))
    referred = records.referred(period)
    steps = records.steps_of(records.referred_ids(period))
    calendar = working_days()
    ack = targets._clock(referred, steps, "phoenix_acknowledgement", calendar, NOW)
    assert ack == targets.Judged(met=2, of=4)
    contact = targets._clock(
        referred, steps, "phoenix_first_contact", calendar, NOW, only_accepted=True
    )
    assert contact == targets.Judged(met=1, of=2)
    assert records.caseload(period) == 2
