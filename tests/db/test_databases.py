"""The schema comes from migrations, and the service works the same on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select

from app import create_app
from config import TestConfig
from forms import ARTEFACTS
from models import Submission, db
from tests.conftest import sample_json
from tests.helpers import pdf_body, submit, word_text


@pytest.fixture
def migrated(database_url: str) -> Iterator[Flask]:
    """The app on an empty database brought to the newest schema by the migrations."""

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = database_url

    app = create_app(Config)
    with app.app_context():
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_migrations_build_exactly_the_models_schema(migrated: Flask) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_a_referral_round_trips_through_the_database(migrated: Flask) -> None:
    client = migrated.test_client()
    answers_url = submit(client, ARTEFACTS["cse_referral"], sample_json("cse_referral"))
    stored = db.session.scalars(select(Submission)).one()
    assert stored.answers == sample_json("cse_referral")
    assert "Jasmine" in word_text(client.get(f"{answers_url}/document.docx").data)
    assert "Testcase" in pdf_body(client.get(f"{answers_url}/document.pdf").data)


def test_concurrent_writers_all_succeed(migrated: Flask) -> None:
    """Writers in threads, each reading then writing: none fails on a lock, none is lost."""
    failures: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            with migrated.app_context():
                for _ in range(10):
                    db.session.scalar(select(func.count()).select_from(Submission))
                    db.session.add(Submission(artefact="cse_referral", answers={"n": number}))
                    db.session.commit()
                db.session.remove()
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 60
