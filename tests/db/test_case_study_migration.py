"""Migration 0012 on SQLite and PostgreSQL: a case study written on a case before case studies
belonged to reports is detached from its case and kept, every version, not yet attached to a
report, for its author to attach; the other forms of the case are untouched."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from flask_migrate import downgrade
from flask_migrate import upgrade as upgrade_to

from models import Case, Document, Submission, User, db
from serving.schema import migrations, upgrade
from tests.conftest import make_app
from tests.helpers import page, sign_in_as

BEFORE = "0011"  # the revision before 0012
WHEN = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC)
IDS = {name: name.ljust(24, "x") for name in ("author", "case", "study", "referral", "v1", "v2")}


def _rows(connection: sa.Connection) -> None:
    """A case with a case study (two versions) and a referral, as 0010 stored them."""
    tables = sa.MetaData()
    tables.reflect(bind=connection, only=("users", "cases", "documents", "submissions"))
    t = tables.tables
    connection.execute(
        t["users"].insert(),
        {
            "id": IDS["author"],
            "email": "phoenix-migration@example.org",
            "password_hash": "not a hash",
            "role": "phoenix",
            "active": True,
            "created_at": WHEN,
            "name": "Pat Migrationtest",
            "job_title": "",
            "organisation": "",
            "phone": "",
        },
    )
    details = {"forename": "Migra", "surname": "Tionchild", "borough": "Kingston"}
    connection.execute(
        t["cases"].insert(),
        {
            "id": IDS["case"],
            "details": details,
            "created_by": IDS["author"],
            "created_at": WHEN,
            "legal_hold": False,
        },
    )
    for doc, artefact in (("study", "case_study"), ("referral", "phoenix_referral")):
        connection.execute(
            t["documents"].insert(),
            {
                "id": IDS[doc],
                "case_id": IDS["case"],
                "artefact": artefact,
                "draft": None,
                "lock_version": 3,
                "created_by": IDS["author"],
                "created_at": WHEN,
                "updated_by": IDS["author"],
                "updated_at": WHEN,
            },
        )
    for number, version in enumerate(("v1", "v2"), start=1):
        connection.execute(
            t["submissions"].insert(),
            {
                "id": IDS[version],
                "artefact": "case_study",
                "answers": {"young_person_outline": f"Version {number}"},
                "created_at": WHEN,
                "document_id": IDS["study"],
                "number": number,
                "submitted_by": IDS["author"],
            },
        )


def _state() -> dict[str, Any]:
    study = db.session.get_one(Document, IDS["study"])
    referral = db.session.get_one(Document, IDS["referral"])
    versions = db.session.scalars(sa.select(Submission.id).order_by(Submission.number)).all()
    return {
        "study": (study.case_id, study.report_id, study.created_by),
        "referral case": referral.case_id,
        "versions": list(versions),
    }


def test_case_studies_on_cases_are_detached_and_kept(database_url: str) -> None:
    app = make_app(database_url)
    with app.app_context():
        migrations(app)
        upgrade_to(revision=BEFORE)
        with db.engine.begin() as connection:
            _rows(connection)
        upgrade()
        assert _state() == {
            "study": (None, None, IDS["author"]),
            "referral case": IDS["case"],
            "versions": [IDS["v1"], IDS["v2"]],
        }
        case = db.session.get_one(Case, IDS["case"])
        assert [d.artefact for d in case.documents] == ["phoenix_referral"]

        # Its author finds it on Reports, not yet attached, and can open it.
        author = sign_in_as(app.test_client(), db.session.get_one(User, IDS["author"]))
        reports = page(author.get("/reports"))
        assert reports.xpath("//main//ul//a/@href") == [f"/documents/{IDS['study']}"]
        study_page = page(author.get(f"/documents/{IDS['study']}"))
        assert "Not yet attached to a report" in study_page.xpath("string(//*[@id='report'])")

        # Down and up again: nothing is lost (no table is copied and dropped on SQLite).
        db.session.remove()
        downgrade(revision=BEFORE)
        upgrade()
        assert _state()["versions"] == [IDS["v1"], IDS["v2"]]
        db.session.remove()
        db.engine.dispose()
