"""A case's scorings of the fourteen criteria, in order: at referral, at each action-plan review
(forms.criteria), and at closure, read from the case's submitted versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clocks import london_date
from forms.criteria import ACTION_PLAN, REFERRAL
from forms.phoenix_action_plan import PHOENIX_ACTION_PLAN
from outcomes import KEYS
from schemas import stored_schema

if TYPE_CHECKING:
    from models import Case, Submission

CLOSURE = "phoenix_case_closure"
AT_REFERRAL, AT_CLOSURE = "At referral", "At closure"


@dataclass(frozen=True)
class Scoring:
    """One scoring of the criteria: its name as a column head ("At referral", "Review 1 (12
    March 2027)", "At closure") and each `criterion_<key>` answer ("1" to "5", "other", None)."""

    name: str
    answers: Mapping[str, Any]


def scores(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The criteria's answers among an artefact's answers."""
    return {key: answers.get(key) or None for key in KEYS}


def _versions(case: Case, slug: str) -> list[Submission]:
    """Every submitted version of the case's documents of one artefact, oldest first."""
    found = [v for doc in case.documents if doc.artefact == slug for v in doc.versions]
    return sorted(found, key=lambda v: v.created_at)


def _latest_scores(case: Case | None, slug: str) -> dict[str, Any]:
    """The criteria as the latest submitted version of an artefact in the case scored them
    (none scored if there is none). The criteria are stored as chosen: no loading needed."""
    versions = _versions(case, slug) if case is not None else []
    return scores(versions[-1].answers if versions else {})


def reviewed_on(version: Submission) -> dt.date:
    """When an action plan's version reviewed it: its latest "Date of review" among the
    actions, else the day (in London) it was submitted."""
    answers = stored_schema(PHOENIX_ACTION_PLAN).load(version.answers)
    dates = [
        row["date_of_review"]
        for row in answers.get("actions") or []
        if isinstance(row.get("date_of_review"), dt.date)
    ]
    return max(dates, default=london_date(version.created_at))


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def reviews(case: Case | None) -> list[Scoring]:
    """Each action-plan review that scored the criteria, by date: one per submitted version of
    the case's action plans that has scores, named "Review 1 (12 March 2027)"."""
    found: dict[tuple[dt.date, tuple[Any, ...]], None] = {}
    for version in _versions(case, ACTION_PLAN) if case is not None else []:
        scored = scores(version.answers)
        if any(scored.values()):
            # Inferred: a later version with the same date of review and the same scores
            # corrects another answer of that review (a typo in an action): not another one.
            found.setdefault((reviewed_on(version), tuple(scored.values())), None)
    in_order = sorted(found, key=lambda review: review[0])  # stable: submitted order kept
    return [
        Scoring(f"Review {number} ({_day(day)})", dict(zip(KEYS, values, strict=True)))
        for number, (day, values) in enumerate(in_order, start=1)
    ]


def scorings(case: Case | None, closure: Mapping[str, Any] | None = None) -> list[Scoring]:
    """The distance travelled of a case: the referral's scores, each review's and the
    closure's (`closure`: the closure's answers being submitted, else its latest version's).
    The referral and the closure are there even when not scored, so that every table of
    distance travelled has the same first and last columns."""
    at_closure = scores(closure) if closure is not None else _latest_scores(case, CLOSURE)
    return [
        Scoring(AT_REFERRAL, _latest_scores(case, REFERRAL)),
        *reviews(case),
        Scoring(AT_CLOSURE, at_closure),
    ]
