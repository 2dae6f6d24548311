"""The progress report's figures are worked out when it is submitted through the service and
kept with that version: a case changed afterwards does not change them."""

from __future__ import annotations

import datetime as dt

from flask.testing import FlaskClient
from sqlalchemy import select

from clocks import london_today
from forms.phoenix_progress_report import PHOENIX_PROGRESS_REPORT
from models import Submission, User, db
from tests.helpers import FormCheck, make_user, submit
from tests.reports.cases import Cases

FORM = FormCheck(PHOENIX_PROGRESS_REPORT)
TODAY = london_today()


def _referred_row(version: Submission) -> list[str]:
    assert version.figures is not None
    summary = version.figures["blocks"][0]
    assert summary["title"] == "Referrals and interventions in the period"
    return summary["rows"][0]


def _refer(user: User, how_many: int) -> None:
    cases = Cases(user)
    for _ in range(how_many):
        case = cases.case()
        cases.step(case, "phoenix_sent", TODAY)
    cases.done()


def test_figures_are_kept_with_the_version_and_do_not_change(client: FlaskClient) -> None:
    phoenix = make_user("phoenix")
    _refer(phoenix, 6)
    period = {"period_start": (TODAY - dt.timedelta(days=30)).isoformat(),
              "period_end": TODAY.isoformat()}  # fmt: skip
    before = dt.datetime.now(dt.UTC)
    submit(client, PHOENIX_PROGRESS_REPORT, FORM.answers(**period))
    after = dt.datetime.now(dt.UTC)

    first = db.session.scalars(select(Submission)).one()
    assert _referred_row(first)[1] == "6"
    as_at = first.figures["as_at"] if first.figures else None
    assert as_at is not None and before <= dt.datetime.fromisoformat(as_at) <= after

    _refer(phoenix, 2)  # two more young people referred after the report was submitted
    db.session.expire_all()
    kept = db.session.get(Submission, first.id)
    assert kept is not None and _referred_row(kept)[1] == "6"
    assert kept.figures is not None and kept.figures["as_at"] == as_at

    submit(client, PHOENIX_PROGRESS_REPORT, FORM.answers(**period))  # a new report: 8 now
    newest = db.session.scalars(select(Submission).order_by(Submission.created_at)).all()[-1]
    assert newest.id != first.id and _referred_row(newest)[1] == "8"
