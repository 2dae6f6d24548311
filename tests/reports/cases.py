"""Fictional cases for the progress report's tests, built straight into the database: steps
on the pathway, versions of the Phoenix referral and the case closure summary."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from models import Case, Document, PathwayEvent, Submission, User, db
from pathway.state import refresh
from reports.period import start_of

_order = itertools.count()


class Cases:
    """Makes cases as `user` (a Phoenix worker or manager)."""

    def __init__(self, user: User) -> None:
        self.user = user
        self.made: list[Case] = []

    def case(self, borough: str = "Kingston", **details: Any) -> Case:
        number = len(self.made) + 1
        case = Case(
            details={"forename": "Fictional", "surname": f"Report{number:03d}",
                     "borough": borough, **details},
            created_by=self.user.id,
        )  # fmt: skip
        db.session.add(case)
        db.session.flush()
        self.made.append(case)
        return case

    def step(
        self,
        case: Case,
        key: str,
        when: dt.date | dt.datetime,
        category: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """A step on `when`: a date is 00:00 London time that day (a step recorded by hand),
        a datetime is its moment (a sending). Stored in UTC, as the service stores moments:
        SQLite would keep the wall time of any other zone."""
        at = when.astimezone(dt.UTC) if isinstance(when, dt.datetime) else start_of(when)
        db.session.add(
            PathwayEvent(
                case_id=case.id,
                step=key,
                category=category,
                happened_at=at,
                recorded_by=self.user.id,
                recorded_at=at + dt.timedelta(minutes=next(_order)),
                details=details,
            )
        )

    def version(self, case: Case, artefact: str, answers: dict[str, Any]) -> Submission:
        """A submitted version of `artefact` on the case (a new document each time)."""
        doc = Document(
            case_id=case.id, artefact=artefact, created_by=self.user.id, updated_by=self.user.id
        )
        db.session.add(doc)
        db.session.flush()
        version = Submission(
            artefact=artefact, answers=answers, document_id=doc.id, submitted_by=self.user.id
        )
        db.session.add(version)
        db.session.flush()
        return version

    def done(self) -> None:
        """Each case's stage made from its steps (its borough), as the service keeps it."""
        db.session.flush()
        for case in self.made:
            refresh(case)
        db.session.commit()
