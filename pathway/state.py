"""Each case's stage and running clocks kept as rows (models.CaseStage, models.ClockDue), so the
inboxes, My work and the reminders read a row per case instead of replaying every timeline.

`refresh` runs in the transaction that changes what they are made from: a step recorded, a
version sent, the case's borough changed, the case closed or reopened, a Spotting the Signs
submitted (its "discuss by" date), a contact recorded (the weekly contact). The rows are
derived: `flask refresh-pathway` makes them again for every case (after an upgrade, or to check
nothing has drifted).
"""

from __future__ import annotations

import datetime as dt

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import delete, func, select

from clocks import CLOCKS, Due, due_date, is_overdue, london_date, working_days
from models import (
    Case,
    CaseStage,
    ClockDue,
    Contact,
    Document,
    PathwayEvent,
    Submission,
    db,
    now,
)
from pathway.timeline import Entry, OpenClock, timeline
from serving.transactions import writing


def refresh(case: Case) -> None:
    """Make the case's CaseStage and ClockDue rows again from its events (in the session)."""
    # One refresh of a case at a time: on PostgreSQL a second waits here for the first to commit,
    # then reads its step, rather than both inserting the same clocks (SQLite writes one by one).
    # FOR NO KEY UPDATE: a step just inserted holds KEY SHARE on its case, which FOR UPDATE would
    # wait on in the other transaction, and each on the other's: a deadlock.
    db.session.execute(select(Case.id).where(Case.id == case.id).with_for_update(key_share=True))
    # Queried, not case.pathway_events: a step just added to the session is flushed and read.
    events = db.session.scalars(select(PathwayEvent).where(PathwayEvent.case_id == case.id))
    entries, open_clocks = timeline(
        events, now(), working_days(current_app.config["NON_WORKING_DAYS"])
    )
    # The borough of the SPA team the referral went to, as recorded with it; before any, the
    # case's own.
    sent = [e.event.details for e in entries if e.step.key == "spa_referral" and e.event.details]
    borough = (sent[-1].get("borough") if sent else None) or (case.details or {}).get("borough")
    stage = db.session.get(CaseStage, case.id) or CaseStage(case_id=case.id)
    stage.borough = borough
    last = entries[-1] if entries else None
    stage.step = last.step.key if last else None
    stage.step_on = last.day if last else None
    decided = [e for e in entries if e.step.carries_category and e.event.category]
    stage.category = decided[-1].event.category if decided else None
    stage.to_spa_on = max((e.day for e in entries if e.step.key == "spa_referral"), default=None)
    stage.to_phoenix_on = max(
        (e.day for e in entries if e.step.key == "phoenix_sent"), default=None
    )
    db.session.add(stage)
    db.session.execute(delete(ClockDue).where(ClockDue.case_id == case.id))
    if case.closed_at is not None:
        return  # a closed case has nothing due
    for due in (discuss_by(case, entries), weekly_contact(case, entries)):
        if due is not None:
            open_clocks = [*open_clocks, OpenClock(due, is_overdue(due, now()))]
    for running in open_clocks:
        due = running.due
        db.session.add(
            ClockDue(
                case_id=case.id,
                clock=due.clock.key,
                team=CLOCKS[due.clock.key].team,
                borough=borough,
                due_on=due.date,
                beyond_known_holidays=due.beyond_known_holidays,
            )
        )


# The forms whose answers start a clock: submitting one refreshes its case's rows.
DATED_FORMS = frozenset({"spotting_the_signs"})


def discuss_by(case: Case, entries: list[Entry]) -> Due | None:
    """The Spotting the Signs clock (L2788): the "discuss by" date on the case's latest submitted
    Spotting the Signs, unless the discussion was recorded on or after the day it was
    submitted."""
    latest = db.session.execute(
        select(Submission.answers, Submission.created_at)
        .join(Document, Document.id == Submission.document_id)
        .where(Document.case_id == case.id, Submission.artefact == "spotting_the_signs")
        .order_by(Submission.created_at.desc())
        .limit(1)
    ).first()
    if latest is None or not latest.answers.get("discuss_with_lead_by"):
        return None
    submitted = london_date(latest.created_at)
    if any(e.step.key == "spotting_discussed" and e.day >= submitted for e in entries):
        return None
    try:
        day = dt.date.fromisoformat(str(latest.answers["discuss_with_lead_by"]))
    except ValueError:
        return None
    return due_date("spotting_discuss", day, working_days())  # calendar days: no holidays


# The steps after which a case is no longer open to the Phoenix Project.
PHOENIX_ENDED = frozenset({"phoenix_declined", "closed"})


def weekly_contact(case: Case, entries: list[Entry]) -> Due | None:
    """The weekly-contact clock (L2960): 7 days after the last contact in the contact log, on a
    case open to the Phoenix Project: accepted (the latest acceptance), and neither declined
    nor closed since. *Inferred*: only contacts on or after the day it was accepted count, so
    a case is not overdue the day it is accepted for a contact made before it (the first
    contact and initial meeting clocks run until then)."""
    accepted = [i for i, e in enumerate(entries) if e.step.key == "phoenix_accepted"]
    if not accepted or any(e.step.key in PHOENIX_ENDED for e in entries[accepted[-1] :]):
        return None
    since = entries[accepted[-1]].day
    last = db.session.scalar(
        select(func.max(Contact.contact_on)).where(
            Contact.case_id == case.id, Contact.contact_on >= since
        )
    )
    if last is None:
        return None
    return due_date("phoenix_weekly_contact", last, working_days())  # calendar days


@click.command("refresh-pathway")
@with_appcontext
def refresh_pathway() -> None:
    """Make every case's stage and running clocks again from its steps (safe to run any time)."""
    ids = db.session.scalars(select(Case.id)).all()
    for start in range(0, len(ids), 500):
        with writing():
            for case_id in ids[start : start + 500]:
                case = db.session.get(Case, case_id)
                if case is not None:
                    refresh(case)
    click.echo(f"Refreshed the pathway of {len(ids)} cases.")
