"""The case page's Pathway section: the steps recorded, the clocks still running, and the
form to record a step, which is declared like any form (forms.model), from pathway.STEPS."""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import current_app
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from clocks import CLOCKS, Due, is_overdue, london_date, working_days
from forms.choices import Choice, MultiChoice, Option
from forms.kinds import Date
from forms.model import Artefact, Section
from forms.web import error_summary, form_class
from models import Case, ClockDue, db, now
from pathway import AGENCIES, CATEGORIES, STEPS, OpenClock, Step, recordable_by, timeline

# Who may record some step: every role some step names (and no one else, admins included).
RECORDERS = frozenset(role for step in STEPS.values() for role in step.recorded_by)


def _asked(step: Step) -> tuple[Choice, ...]:
    """What a step asks beyond its day: the police category, the agencies that attended."""
    asked: list[Choice] = []
    if step.carries_category:
        asked.append(
            Choice(
                f"{step.key}_category",
                "Police category of CSE risk",
                required=True,
                error_name="the police category",
                options=tuple(Option(value, label) for value, label in CATEGORIES.items()),
            )
        )
    if step.asks_agencies:
        asked.append(
            MultiChoice(
                f"{step.key}_agencies",
                "Which agencies attended?",
                required=True,
                error_name="the agencies that attended",
                options=tuple(Option(agency, agency) for agency in AGENCIES),
            )
        )
    return tuple(asked)


def _lines(step: Step) -> str:
    first, last = step.lines[0], step.lines[-1]
    return f"line {first}" if first == last else f"lines {first}-{last}"


@cache
def step_form(role: str) -> Artefact:
    """The form to record a step: the steps `role` may record, and the day it happened."""
    options = tuple(
        Option(
            s.key,
            s.name,
            hint=f"The strategy: \u201c{s.label}\u201d ({_lines(s)}).",
            reveal=_asked(s),
        )
        for s in recordable_by(role)
    )
    return Artefact(
        slug=f"pathway_step_{role}",
        title="Record a step",
        summary="A step of the referral pathway, and the day it happened.",
        sections=(
            Section(
                "Record a step",
                (
                    Choice(
                        "step", "Which step?", required=True, error_name="the step", options=options
                    ),
                    Date(
                        "happened_on",
                        "When did it happen?",
                        required=True,
                        error_name="the date it happened",
                    ),
                ),
            ),
        ),
    )


def new_step_form(role: str) -> FlaskForm:
    """An empty form to record a step, dated today; never filled from another form's post."""
    return form_class(step_form(role))(formdata=None, data={"happened_on": london_date(now())})


def pathway_section(case: Case, form: FlaskForm | None = None) -> dict[str, Any]:
    """What the case page's Pathway section shows; `form` is a posted form with its errors."""
    calendar = working_days(current_app.config["NON_WORKING_DAYS"])
    entries, _ = timeline(case.pathway_events, now(), calendar)
    # What is due is read from the rows pathway.state keeps, as My work reads it: the clocks of
    # the steps, and those a form's date started (Spotting the Signs).
    rows = db.session.scalars(
        select(ClockDue).where(ClockDue.case_id == case.id).order_by(ClockDue.due_on)
    )
    open_clocks = [
        OpenClock(
            Due(CLOCKS[r.clock], r.due_on, r.beyond_known_holidays), is_overdue(r.due_on, now())
        )
        for r in rows
        if r.clock in CLOCKS
    ]
    role = current_user.role
    may_record = role in RECORDERS and case.closed_at is None  # closed: read-only (web/closed.py)
    return {
        "pathway_entries": entries,
        "open_clocks": open_clocks,
        "known_until": f"{calendar.known_until.day} {calendar.known_until:%B %Y}",
        "step_artefact": step_form(role) if may_record else None,
        "step_form": (form or new_step_form(role)) if may_record else None,
        "pathway_errors": error_summary(form) if form is not None else [],
    }
