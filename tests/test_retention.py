"""`flask purge`: closed cases go after the retention period, held ones never; twice is once."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import func, select

from app import create_app
from config import TestConfig
from forms import ARTEFACTS
from models import (
    AuditEvent,
    Case,
    CaseMember,
    Contact,
    Document,
    OutboxMail,
    PathwayEvent,
    Reminder,
    Sending,
    Submission,
    db,
    now,
)
from serving.schema import upgrade
from tests.conftest import IsolatedClient, sample_json
from tests.helpers import make_case, make_user, post_answers, sign_in_as, start, token_on


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _case_with_a_version(client: FlaskClient, surname: str) -> Case:
    url = make_case(client, surname=surname)
    referral = ARTEFACTS["cse_referral"]
    post_answers(client, referral, sample_json("cse_referral"), url=start(client, referral, url))
    return db.session.get_one(Case, url.rsplit("/", 1)[1])


def test_purge_deletes_expired_cases_only_and_is_idempotent(
    app: Flask, client: FlaskClient
) -> None:
    retention = app.config["CASE_RETENTION"]
    long_ago = now() - retention - dt.timedelta(days=1)
    expired = _case_with_a_version(client, "Expiredcase")
    held = _case_with_a_version(client, "Heldcase")
    recent = _case_with_a_version(client, "Recentcase")
    still_open = _case_with_a_version(client, "Opencase")
    expired.closed_at = held.closed_at = long_ago
    held.legal_hold = True
    recent.closed_at = now() - retention + dt.timedelta(days=1)
    db.session.commit()
    expired_id = expired.id
    audit_before = _count(AuditEvent)

    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        f"Deleted 1 cases closed more than {retention.days} days ago, with their 1 documents"
        " and 1 submitted versions. 1 cases are on legal hold and are kept. Deleted 0 records"
        " of reminders sent more than 90 days ago."
    )
    db.session.expire_all()
    assert db.session.get(Case, expired_id) is None
    assert {c.id for c in db.session.scalars(select(Case))} == {held.id, recent.id, still_open.id}
    # Everything of the case went with it; the other cases' documents stayed.
    assert _count(Document) == _count(Submission) == 3
    assert not db.session.scalars(select(CaseMember).where(CaseMember.case_id == expired_id)).all()
    # The audit trail stays: ids only, never content.
    assert _count(AuditEvent) == audit_before
    for name in ("Expiredcase", "Testy", "Jasmine"):
        assert name not in result.output

    again = app.test_cli_runner().invoke(args=["purge"])
    assert again.output.startswith("Deleted 0 cases")
    assert _count(Case) == 3 and _count(Document) == 3


def test_purge_deletes_a_closed_case_with_its_pathway_steps(
    app: Flask, client: FlaskClient
) -> None:
    expired, kept = (_case_with_a_version(client, name) for name in ("Expiredcase", "Keptcase"))
    for case in (expired, kept):
        url = f"/cases/{case.id}"
        posted = {"step": "spa_referral", "happened_on": ["1", "11", "2026"]}
        response = client.post(
            f"{url}/pathway", data={"csrf_token": token_on(client, url), **posted}
        )
        assert response.status_code == 302
    expired.closed_at = now() - app.config["CASE_RETENTION"] - dt.timedelta(days=1)
    db.session.commit()
    assert _count(PathwayEvent) == 2

    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.output.startswith("Deleted 1 cases"), result.output
    db.session.expire_all()
    assert [e.case_id for e in db.session.scalars(select(PathwayEvent))] == [kept.id]


def test_purge_deletes_a_closed_case_with_its_contact_log(app: Flask, client: FlaskClient) -> None:
    """The contacts, case notes included (contacts/), go with their case."""
    expired, kept = (_case_with_a_version(client, name) for name in ("Expiredcase", "Keptcase"))
    for case in (expired, kept):
        url = f"/cases/{case.id}"
        posted = {
            "contact_on": ["1", "11", "2026"],
            "contact_minutes": "60",
            "contact_type": "letter",
            "contact_nature": "Discussion about sexual health",
            "contact_summary": "A fictional summary",
            "contact_notes": "A fictional case note",
        }
        response = client.post(
            f"{url}/contacts", data={"csrf_token": token_on(client, url), **posted}
        )
        assert response.status_code == 302
    expired.closed_at = now() - app.config["CASE_RETENTION"] - dt.timedelta(days=1)
    db.session.commit()
    assert _count(Contact) == 2

    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.output.startswith("Deleted 1 cases"), result.output
    db.session.expire_all()
    assert [c.case_id for c in db.session.scalars(select(Contact))] == [kept.id]


def test_purge_deletes_what_was_sent_and_queued_with_the_case(
    app: Flask, client: FlaskClient
) -> None:
    """The encrypted PDFs kept with each sending, and the mail queued with them, go with their
    case (sending/, mail/)."""
    expired, kept = (_case_with_a_version(client, name) for name in ("Expiredcase", "Keptcase"))
    for case in (expired, kept):
        version = db.session.scalars(
            select(Submission).join(Document).where(Document.case_id == case.id)
        ).one()
        sent = client.post(
            f"/versions/{version.id}/send",
            data={"csrf_token": token_on(client, "/"), "sent_before": "0"},
        )
        assert sent.status_code == 200
    expired.closed_at = now() - app.config["CASE_RETENTION"] - dt.timedelta(days=1)
    db.session.commit()
    assert _count(Sending) == _count(OutboxMail) == 2

    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.output.startswith("Deleted 1 cases"), result.output
    db.session.expire_all()
    assert [s.case_id for s in db.session.scalars(select(Sending))] == [kept.id]
    assert [m.case_id for m in db.session.scalars(select(OutboxMail))] == [kept.id]


def test_purge_deletes_the_records_of_reminders_after_90_days(app: Flask) -> None:
    """work.remind's record of who was reminded on which London day; cases aside."""
    people = [make_user("referrer") for _ in range(2)]
    for user in people:
        for day in (dt.date(2026, 9, 29), dt.date(2026, 9, 30), dt.date(2026, 12, 29)):
            db.session.add(Reminder(user_id=user.id, day=day))
    db.session.commit()
    # Tuesday 29 December 2026 in London: 30 September is 90 days before, and kept.
    with freeze_time(dt.datetime(2026, 12, 29, 10, tzinfo=dt.UTC)):
        result = app.test_cli_runner().invoke(args=["purge"])
        assert result.exit_code == 0, result.output
        assert result.output.strip().endswith(
            "Deleted 2 records of reminders sent more than 90 days ago."
        )
        db.session.expire_all()
        left = [(r.user_id, r.day) for r in db.session.scalars(select(Reminder))]
        assert sorted(left) == sorted(
            (u.id, day) for u in people for day in (dt.date(2026, 9, 30), dt.date(2026, 12, 29))
        )
        again = app.test_cli_runner().invoke(args=["purge"])
        assert again.output.strip().endswith(
            "Deleted 0 records of reminders sent more than 90 days ago."
        )


def test_the_retention_period_can_be_configured(app: Flask, client: FlaskClient) -> None:
    case = _case_with_a_version(client, "Shortcase")
    case.closed_at = now() - dt.timedelta(days=40)
    db.session.commit()
    assert app.test_cli_runner().invoke(args=["purge"]).output.startswith("Deleted 0 cases")
    app.config["CASE_RETENTION"] = dt.timedelta(days=30)
    assert app.test_cli_runner().invoke(args=["purge"]).output.startswith("Deleted 1 cases")


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_purged_text_is_gone_from_every_file_of_the_embedded_database(tmp_path: Path) -> None:
    """The database, its -wal and its -shm hold no byte of a purged case afterwards, and they,
    and their folder, are the service account's alone."""
    instance = tmp_path / "instance"
    config = type("Embedded", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": None})
    app = create_app(config, instance_path=str(instance))
    app.test_client_class = IsolatedClient
    with app.app_context():
        upgrade()
        client = sign_in_as(app.test_client(), make_user("manager"))
        case = _case_with_a_version(client, "Purgemarkername")
        case.closed_at = now() - app.config["CASE_RETENTION"] - dt.timedelta(days=1)
        db.session.commit()
        marker = b"Purgemarkername"
        assert any(marker in blob for blob in _files(instance).values())  # the test can fail

        result = app.test_cli_runner().invoke(args=["purge"])
        assert result.output.startswith("Deleted 1 cases"), result.output

        files = _files(instance)
        assert {"cse.sqlite3", "cse.sqlite3-wal", "cse.sqlite3-shm"} <= set(files)
        assert [name for name, blob in files.items() if marker in blob] == []
        assert stat.S_IMODE(instance.stat().st_mode) == 0o700
        for name in files:
            assert stat.S_IMODE((instance / name).stat().st_mode) == 0o600, name
        db.session.remove()
        db.engine.dispose()
