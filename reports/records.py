"""What the progress report reads from the database, for one period.

Counted in SQL, on columns: the young people referred (pathway events), their boroughs
(case_stages), the caseload at the end of the period and the referrals of the year. Read as
rows, then worked out in Python: what is only in answers (JSON: a date of birth, a risk
indicator, a criterion's level) and the order of a case's steps (the targets' clocks).

The answers are read whole and parsed in Python. Taking out only the fields the report reads
with the databases' JSON operators (SQLAlchemy's JSON index: json_extract on SQLite, ->> on
PostgreSQL) was measured slower, 2 to 9 times (bench/report_figures.py): the column is JSON
text, parsed again for each of the 30 fields. Counting in SQL (an age band from a date of birth
in JSON) would also need date arithmetic that differs between the two databases; both would
want these few answers as columns of their own (generated columns, or written at submission).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select

from clocks import london_date
from forms.phoenix_referral import CRITERIA
from models import Case, CaseStage, Document, PathwayEvent, Submission, db
from outcomes import Change, changes
from pathway.state import PHOENIX_ENDED
from reports.period import Period

REFERRAL, CLOSURE = "phoenix_referral", "phoenix_case_closure"
PHOENIX_STEPS = (
    "phoenix_sent", "phoenix_acknowledged", "phoenix_accepted", "phoenix_declined",
    "first_contact", "closed",
)  # fmt: skip
CRITERIA_FIELDS = tuple(f"criterion_{key}" for key, _, _ in CRITERIA)
# The answers the report reads: the others are never taken out of their JSON column.
REFERRAL_FIELDS = (
    "person_dob", "person_postcode", "police_category", "international_trafficking",
    "internal_trafficking", "peers_exploitation", "gun_knife_crime", "drug_dealing",
    "youth_offending", "risk_indicators", *CRITERIA_FIELDS,
)  # fmt: skip
CLOSURE_FIELDS = (
    "start_date", "end_date", "level_of_engagement", "reason_for_closure", "sessions_attended",
    *CRITERIA_FIELDS,
)  # fmt: skip


@dataclass(frozen=True)
class Referred:
    """A young person referred to the Phoenix Project in the period: the latest sending."""

    case_id: str
    day: dt.date  # the London date it was sent
    details: Mapping[str, Any]  # the case's details (forms.case)
    answers: Mapping[str, Any]  # the Phoenix referral: the version sent, else the latest


@dataclass(frozen=True)
class Ended:
    """An intervention of the Phoenix Project that ended (the step "Closed") in the period."""

    case_id: str
    day: dt.date
    referral: Mapping[str, Any]  # the case's latest Phoenix referral
    closure: Mapping[str, Any]  # its latest case closure summary ({} if none was submitted)

    @cached_property
    def changes(self) -> dict[str, Change | None]:
        """Each criterion's change from the referral's scoring to the closure's."""
        return changes(self.referral, self.closure)


def _in(period: Period, step: str) -> Any:
    return and_(
        PathwayEvent.step == step,
        PathwayEvent.happened_at >= period.since,
        PathwayEvent.happened_at < period.until,
    )


def referred_ids(period: Period) -> Select[Any]:
    """The cases with a Phoenix referral sent in the period (the step "Phoenix Project
    referral sent", L2894: recorded by sending the form, or by hand)."""
    return select(PathwayEvent.case_id).where(_in(period, "phoenix_sent")).distinct()


def ended_ids(period: Period) -> Select[Any]:
    return select(PathwayEvent.case_id).where(_in(period, "closed")).distinct()


def _versions(
    artefact: str, cases: Select[Any], fields: tuple[str, ...]
) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Each case's submitted versions of `artefact`, oldest first: the version's id and the
    answers named (the others are dropped, not kept in memory)."""
    rows = db.session.execute(
        select(Document.case_id, Submission.id, Submission.answers)
        .join(Document, Document.id == Submission.document_id)
        .where(Submission.artefact == artefact, Document.case_id.in_(cases))
        .order_by(Submission.created_at, Submission.number)
    )
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for case_id, version_id, answers in rows:
        named = {name: answers.get(name) for name in fields}
        found.setdefault(case_id, []).append((version_id, named))
    return found


def referred(period: Period) -> list[Referred]:
    """Each young person referred in the period, with the referral's answers."""
    ids = referred_ids(period)
    sent: dict[str, Any] = {}
    for row in db.session.execute(
        select(
            PathwayEvent.case_id,
            PathwayEvent.happened_at,
            PathwayEvent.details["version_id"].as_string().label("version_id"),
        )
        .where(_in(period, "phoenix_sent"))
        .order_by(PathwayEvent.happened_at, PathwayEvent.recorded_at)
    ):
        sent[row.case_id] = row  # the latest wins
    rows = db.session.execute(
        select(
            Case.id, Case.details["dob"].as_string(), Case.details["postcode"].as_string()
        ).where(Case.id.in_(ids))
    )
    details = {case_id: {"dob": dob, "postcode": postcode} for case_id, dob, postcode in rows}
    versions = _versions(REFERRAL, ids, REFERRAL_FIELDS)
    found = []
    for case_id, event in sorted(sent.items()):
        mine = versions.get(case_id, [])
        chosen = next((v for v in mine if v[0] == event.version_id), mine[-1] if mine else None)
        found.append(
            Referred(
                case_id=case_id,
                day=london_date(event.happened_at),
                details=details.get(case_id) or {},
                answers=chosen[1] if chosen else {},
            )
        )
    return found


def boroughs(period: Period) -> dict[str | None, int]:
    """How many of the young people referred in the period are in each borough: the borough
    their case's referral to SPA went to, else the case's own (pathway.state); None for a
    case without one (or without its stage made yet)."""
    ids = referred_ids(period).subquery()
    rows = db.session.execute(
        select(CaseStage.borough, func.count())
        .select_from(ids)
        .outerjoin(CaseStage, CaseStage.case_id == ids.c.case_id)
        .group_by(CaseStage.borough)
    )
    return {borough: count for borough, count in rows}


@dataclass(frozen=True)
class Recorded:
    """A step recorded on a case, with the London day it happened."""

    step: str
    category: str | None
    day: dt.date
    happened_at: dt.datetime
    recorded_at: dt.datetime


def steps_of(cases: Select[Any]) -> dict[str, list[Recorded]]:
    """The steps of the Phoenix Project recorded on these cases and those that decide a
    category, by case, in the order they happened (by London day, then as recorded: as
    pathway.timeline orders them)."""
    rows = db.session.execute(
        select(
            PathwayEvent.case_id,
            PathwayEvent.step,
            PathwayEvent.category,
            PathwayEvent.happened_at,
            PathwayEvent.recorded_at,
        ).where(
            PathwayEvent.case_id.in_(cases),
            or_(PathwayEvent.step.in_(PHOENIX_STEPS), PathwayEvent.category.is_not(None)),
        )
    )
    found: dict[str, list[Recorded]] = {}
    days: dict[dt.datetime, dt.date] = {}  # steps recorded by hand share their 00:00
    for case_id, step, category, at, recorded in rows:
        day = days.get(at) or days.setdefault(at, london_date(at))
        found.setdefault(case_id, []).append(Recorded(step, category, day, at, recorded))
    for steps in found.values():
        steps.sort(key=lambda s: (s.day, s.recorded_at))
    return found


def ended(period: Period) -> list[Ended]:
    """Each intervention ended in the period, with its referral's and closure's answers."""
    ids = ended_ids(period)
    days = db.session.execute(
        select(PathwayEvent.case_id, func.max(PathwayEvent.happened_at))
        .where(_in(period, "closed"))
        .group_by(PathwayEvent.case_id)
    ).all()
    referrals = _versions(REFERRAL, ids, CRITERIA_FIELDS)
    closures = _versions(CLOSURE, ids, CLOSURE_FIELDS)
    return [
        Ended(
            case_id=case_id,
            day=london_date(at),
            referral=referrals[case_id][-1][1] if case_id in referrals else {},
            closure=closures[case_id][-1][1] if case_id in closures else {},
        )
        for case_id, at in sorted(days)
    ]


def caseload(period: Period) -> int:
    """The cases open to the Phoenix Project at the end of the period: accepted (the latest
    acceptance by then), neither declined nor closed since (pathway.state.PHOENIX_ENDED), and
    the case itself not closed by then. One pass over those steps, grouped by case."""

    def latest(steps: Any) -> Any:
        return func.max(case((PathwayEvent.step.in_(steps), PathwayEvent.happened_at)))

    by_case = (
        select(
            PathwayEvent.case_id,
            latest(["phoenix_accepted"]).label("accepted"),
            latest(sorted(PHOENIX_ENDED)).label("ended"),
        )
        .where(
            PathwayEvent.step.in_(["phoenix_accepted", *sorted(PHOENIX_ENDED)]),
            PathwayEvent.happened_at < period.until,
        )
        .group_by(PathwayEvent.case_id)
        .subquery()
    )
    return (
        db.session.scalar(
            select(func.count())
            .select_from(by_case)
            .join(Case, Case.id == by_case.c.case_id)
            .where(
                by_case.c.accepted.is_not(None),
                or_(by_case.c.ended.is_(None), by_case.c.ended < by_case.c.accepted),
                or_(Case.closed_at.is_(None), Case.closed_at >= period.until),
            )
        )
        or 0
    )


def referred_in(period: Period) -> int:
    """How many young people were referred to the Phoenix Project in the period."""
    return db.session.scalar(select(func.count()).select_from(referred_ids(period).subquery())) or 0
