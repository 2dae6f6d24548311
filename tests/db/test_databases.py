"""The schema comes from migrations, and the service works the same on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import threading

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from forms import ARTEFACTS
from models import AuditEvent, Document, Submission, db
from serving.transactions import writing
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    error_messages,
    hidden,
    make_case,
    make_user,
    page,
    pdf_body,
    section_of,
    sign_in_as,
    start,
    submit,
    word_text,
)


def test_migrations_build_exactly_the_models_schema(migrated: Flask) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_a_referral_round_trips_through_the_database(migrated: Flask) -> None:
    client = sign_in_as(migrated.test_client(), make_user("referrer"))
    answers_url = submit(client, ARTEFACTS["cse_referral"], sample_json("cse_referral"))
    stored = db.session.scalars(select(Submission)).one()
    assert stored.answers == sample_json("cse_referral")
    assert "Jasmine" in word_text(client.get(f"{answers_url}/document.docx").data)
    assert "Testcase" in pdf_body(client.get(f"{answers_url}/document.pdf").data)


def test_concurrent_writers_all_succeed(migrated: Flask) -> None:
    """Writers in threads, each reading and then writing in `writing()`, as the app does:
    none fails on a lock, none is lost."""
    failures: list[BaseException] = []
    count = select(func.count()).select_from(AuditEvent)

    def writer(number: int) -> None:
        try:
            with migrated.app_context():
                for _ in range(10):
                    db.session.scalar(count)  # the request's reading
                    with writing():
                        db.session.scalar(count)
                        db.session.add(AuditEvent(action=f"writer {number}"))
                db.session.remove()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert db.session.scalar(count) == 60


def test_a_long_read_never_holds_up_a_write(migrated: Flask) -> None:
    """A request reading through something slow (a password check, a render) keeps its read
    transaction open; another request's write goes through meanwhile, and the reader then
    writes too."""
    wrote = threading.Event()
    outcome: dict[str, object] = {}

    def slow_reader() -> None:
        with migrated.app_context():
            db.session.scalar(select(func.count()).select_from(AuditEvent))  # snapshot taken
            outcome["writer finished first"] = wrote.wait(timeout=30)
            with writing():
                db.session.add(AuditEvent(action="after a slow read"))
            db.session.remove()

    def writer() -> None:
        with migrated.app_context():
            with writing():
                db.session.add(AuditEvent(action="meanwhile"))
            wrote.set()
            db.session.remove()

    threads = [threading.Thread(target=slow_reader), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcome == {"writer finished first": True}
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["meanwhile", "after a slow read"]


def test_two_people_saving_one_draft_at_once_cannot_overwrite_each_other(
    migrated: Flask,
) -> None:
    """Both load the same draft and save at the same moment: one save wins, the other is
    refused saying who changed it, and the draft holds the winner's answers."""
    referral = ARTEFACTS["cse_referral"]
    first = sign_in_as(migrated.test_client(), make_user("referrer", name="Ann Firstsaver"))
    second_user = make_user("lead_professional", name="Bob Secondsaver")
    second = sign_in_as(migrated.test_client(), second_user)
    case = make_case(first)
    add_member(first, case, second_user.email)
    url = section_of(start(first, referral, case), referral, "child_forename")
    for round_ in range(3):
        both = [hidden(first, url), hidden(second, url)]
        assert both[0]["lock_version"] == both[1]["lock_version"]
        barrier = threading.Barrier(2)
        responses: dict[str, int | str] = {}

        def save(
            client: FlaskClient,
            forename: str,
            fields: dict[str, str],
            barrier: threading.Barrier = barrier,
            responses: dict[str, int | str] = responses,
        ) -> None:
            posted = {**fields, "child_forename": forename, "action": "later"}
            barrier.wait()
            response = client.post(url, data=posted)
            responses[forename] = (
                response.status_code
                if response.status_code == 302
                else (" ".join(error_messages(response)))
            )

        threads = [
            threading.Thread(target=save, args=(c, f"Name{round_}{i}", h))
            for i, (c, h) in enumerate(zip((first, second), both, strict=True))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        winners = [name for name, outcome in responses.items() if outcome == 302]
        losers = [outcome for outcome in responses.values() if outcome != 302]
        assert len(winners) == 1 and len(losers) == 1, responses
        assert re.match(r"This was changed by (Ann Firstsaver|Bob Secondsaver) at", losers[0])
        shown = page(first.get(url)).xpath("//input[@name='child_forename']/@value")
        assert shown == winners
        assert int(hidden(first, url)["lock_version"]) == int(both[0]["lock_version"]) + 1


def test_drafts_are_found_offered_and_discarded_on_every_database(migrated: Flask) -> None:
    """A draft of None is stored as JSON null: drafts in progress are told apart from it in
    SQL (My cases, the offer on Start), and discarding one deletes it though its audit
    events still name it (they have no foreign key to the document)."""
    referral = ARTEFACTS["cse_referral"]
    client = sign_in_as(migrated.test_client(), make_user("referrer"))
    case = make_case(client)
    submitted = start(client, referral, case)
    submit(client, referral, sample_json("cse_referral"), submitted)
    draft = start(client, referral, case)
    home = page(client.get("/"))
    assert home.xpath("//table[contains(@class,'app-drafts')]//a/@href") == [draft]
    assert start(client, referral, case) == f"{case}/start/cse_referral"  # the draft, offered
    confirm = page(client.get(f"{draft}/discard"))
    posted = {i.get("name"): i.get("value") for i in confirm.xpath("//main//form//input")}
    assert client.post(f"{draft}/discard", data=posted).status_code == 302
    document_id = draft.rsplit("/", 1)[1]
    assert db.session.scalar(select(Document).where(Document.id == document_id)) is None
    events = db.session.scalars(
        select(AuditEvent.action)
        .where(AuditEvent.document_id == document_id)
        .order_by(AuditEvent.id)
    ).all()
    assert events[0] == "start" and events[-1] == "discard draft"
    assert not page(client.get("/")).xpath("//table[contains(@class,'app-drafts')]")
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 1
