"""Database tests run on SQLite and, when its server answers, on PostgreSQL.

The PostgreSQL server is the one on 127.0.0.1:5432 (database `test`); each test gets a schema
of its own, dropped afterwards. When the server does not answer, the tests run on SQLite only
and the end of the run says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from models import db
from serving.schema import upgrade
from tests.conftest import make_app
from tests.stores import POSTGRES_REACHABLE as REACHABLE
from tests.stores import postgres_schema

DATABASES = ["sqlite", "postgresql"] if REACHABLE else ["sqlite"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REACHABLE:
        terminalreporter.write_line("database tests: ran on SQLite and on PostgreSQL")
    else:
        terminalreporter.write_line(
            "database tests: PostgreSQL at 127.0.0.1:5432 did not answer: they ran on SQLite only",
            yellow=True,
        )


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def migrated(database_url: str) -> Iterator[Flask]:
    """The app on an empty database brought to the newest schema by the migrations."""
    app = make_app(database_url)
    with app.app_context():
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()
