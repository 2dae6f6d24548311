"""What the progress report reads from the database, for one period.

Counted in SQL, on columns: the young people referred (pathway events), their boroughs
(case_stages), the caseload at the end of the period and the referrals of the year. Read as
rows, then worked out in Python: what is only in answers (JSON: a date of birth, a risk
indicator, a criterion's level) and the order of a case's steps (the targets' clocks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from clocks import london_date
from models import Case, CaseStage, Document, PathwayEvent, Submission, db
from pathway.state import PHOENIX_ENDED
from reports.period import Period

REFERRAL, CLOSURE = "phoenix_referral", "phoenix_case_closure"


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


def _versions(artefact: str, cases: Select[Any]) -> dict[str, list[Any]]:
    """Each case's submitted versions of `artefact`, oldest first: id and answers."""
    rows = db.session.execute(
        select(Document.case_id, Submission.id, Submission.answers)
        .join(Document, Document.id == Submission.document_id)
        .where(Submission.artefact == artefact, Document.case_id.in_(cases))
        .order_by(Submission.created_at, Submission.number)
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        found.setdefault(row.case_id, []).append(row)
    return found


def referred(period: Period) -> list[Referred]:
    """Each young person referred in the period, with the referral's answers."""
    ids = referred_ids(period)
    sent: dict[str, Any] = {}
    for row in db.session.execute(
        select(PathwayEvent.case_id, PathwayEvent.happened_at, PathwayEvent.details)
        .where(_in(period, "phoenix_sent"))
        .order_by(PathwayEvent.happened_at, PathwayEvent.recorded_at)
    ):
        sent[row.case_id] = row  # the latest wins
    rows = db.session.execute(select(Case.id, Case.details).where(Case.id.in_(ids)))
    details: dict[str, Any] = {case_id: values for case_id, values in rows}
    versions = _versions(REFERRAL, ids)
    found = []
    for case_id, event in sorted(sent.items()):
        version_id = (event.details or {}).get("version_id")
        mine = versions.get(case_id, [])
        chosen = next((v for v in mine if v.id == version_id), mine[-1] if mine else None)
        found.append(
            Referred(
                case_id=case_id,
                day=london_date(event.happened_at),
                details=details.get(case_id) or {},
                answers=chosen.answers if chosen else {},
            )
        )
    return found


def boroughs(period: Period) -> dict[str | None, int]:
    """How many of the young people referred in the period are in each borough: the borough
    their case's referral to SPA went to, else the case's own (pathway.state)."""
    rows = db.session.execute(
        select(CaseStage.borough, func.count())
        .where(CaseStage.case_id.in_(referred_ids(period)))
        .group_by(CaseStage.borough)
    )
    return {borough: count for borough, count in rows}


def steps_of(cases: Select[Any]) -> dict[str, list[Any]]:
    """The steps recorded on these cases (as pathway.timeline reads them), by case."""
    rows = db.session.execute(
        select(
            PathwayEvent.case_id,
            PathwayEvent.step,
            PathwayEvent.category,
            PathwayEvent.happened_at,
            PathwayEvent.recorded_at,
            PathwayEvent.details,
        ).where(PathwayEvent.case_id.in_(cases))
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        found.setdefault(row.case_id, []).append(row)
    return found


def ended(period: Period) -> list[Ended]:
    """Each intervention ended in the period, with its referral's and closure's answers."""
    ids = ended_ids(period)
    days = db.session.execute(
        select(PathwayEvent.case_id, func.max(PathwayEvent.happened_at))
        .where(_in(period, "closed"))
        .group_by(PathwayEvent.case_id)
    ).all()
    referrals, closures = _versions(REFERRAL, ids), _versions(CLOSURE, ids)
    return [
        Ended(
            case_id=case_id,
            day=london_date(at),
            referral=referrals[case_id][-1].answers if case_id in referrals else {},
            closure=closures[case_id][-1].answers if case_id in closures else {},
        )
        for case_id, at in sorted(days)
    ]


def caseload(period: Period) -> int:
    """The cases open to the Phoenix Project at the end of the period: accepted (the latest
    acceptance by then), neither declined nor closed since (pathway.state.PHOENIX_ENDED), and
    the case itself not closed by then."""
    after = aliased(PathwayEvent)
    accepted = (
        select(PathwayEvent.case_id, func.max(PathwayEvent.happened_at).label("at"))
        .where(PathwayEvent.step == "phoenix_accepted", PathwayEvent.happened_at < period.until)
        .group_by(PathwayEvent.case_id)
        .subquery()
    )
    ended_since = exists().where(
        after.case_id == accepted.c.case_id,
        after.step.in_(PHOENIX_ENDED),
        after.happened_at >= accepted.c.at,
        after.happened_at < period.until,
    )
    return (
        db.session.scalar(
            select(func.count())
            .select_from(accepted)
            .join(Case, Case.id == accepted.c.case_id)
            .where(~ended_since, or_(Case.closed_at.is_(None), Case.closed_at >= period.until))
        )
        or 0
    )


def referred_in(period: Period) -> int:
    """How many young people were referred to the Phoenix Project in the period."""
    return db.session.scalar(select(func.count()).select_from(referred_ids(period).subquery())) or 0
