"""Database tests run on SQLite and, when its server answers, on PostgreSQL.

The PostgreSQL server is the one on 127.0.0.1:5432 (database `test`); each test gets a schema
of its own, dropped afterwards. When the server does not answer, the tests run on SQLite only
and the end of the run says so.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from models import db
from tests.conftest import make_app

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_reachable() -> bool:
    try:
        engine = sa.create_engine(POSTGRES, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except sa.exc.OperationalError:
        return False


REACHABLE = _postgres_reachable()
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
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def migrated(database_url: str) -> Iterator[Flask]:
    """The app on an empty database brought to the newest schema by the migrations."""
    app = make_app(database_url)
    with app.app_context():
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()
