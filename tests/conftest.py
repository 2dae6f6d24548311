"""Fixtures of the whole suite: the app, a client, and the sample answers of each artefact."""

from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app import create_app
from config import TestConfig
from forms import ARTEFACTS
from forms.model import Artefact
from models import User, db
from schemas import schema_for
from tests.helpers import make_user, sign_in_as

SAMPLES = Path(__file__).parent / "samples"

# The fictional children of the samples: none of their names may reach a log, in any test.
CHILDREN = ("Jasmine", "Testcase", "Examplename", "Kayla", "Notreal", "Jordan", "Fictitious")


class _Everything(logging.Handler):
    """Keeps every log line of the whole run (of this process: `make test` runs the suite in
    two, pytest-xdist's workers), for the scans after each test and at the end."""

    lines: ClassVar[list[str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # a record that cannot be formatted is kept as its raw message
            self.lines.append(str(record.msg))


def pytest_configure(config: pytest.Config) -> None:
    root = logging.getLogger()
    root.addHandler(_Everything(logging.DEBUG))
    root.setLevel(min(root.level, logging.INFO))  # access logs, SQL (no parameters), warnings


def _named(lines: list[str]) -> list[str]:
    return sorted({name for line in lines for name in CHILDREN if name in line})


@pytest.fixture(autouse=True)
def _logs_name_no_child() -> Iterator[None]:
    """What each test logged (a server thread's lines included) names none of the sample
    children: the test fails with the names found, whichever worker ran it."""
    start = len(_Everything.lines)
    yield
    found = _named(_Everything.lines[start:])
    if found:
        pytest.fail(f"the logs name {', '.join(found)}", pytrace=False)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The log output of the whole suite (of this process) holds none of the sample children's
    names: lines logged between tests are caught here."""
    found = _named(_Everything.lines)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if reporter:
            reporter.write_line(f"log scan: FAILED, the logs name {', '.join(found)}", red=True)
    elif reporter:
        reporter.write_line(
            f"log scan: {len(_Everything.lines)} log lines, none names a sample child"
        )


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in a context of its own, as in production: its
    own app context, `g` (where Flask-Login and Flask-WTF keep the user and the token) and
    database session. Without this, requests reuse the test's app context, and two clients
    would share one signed-in user.

    The test's own session ends its transaction first, so SQLite's write lock is free, and
    reloads what it holds afterwards.
    """

    def open(self, *args: Any, **kwargs: Any) -> TestResponse:
        if has_app_context():
            db.session.commit()
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.expire_all()  # what the test loaded reads what the request wrote
        return response


def make_app(database_url: str, **settings: Any) -> Flask:
    """The app in test settings on `database_url`, with some settings changed."""
    config = type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": database_url, **settings})
    app = create_app(config)
    app.test_client_class = IsolatedClient
    return app


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    app = make_app(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def anonymous(app: Flask) -> FlaskClient:
    """A browser that has not signed in."""
    return app.test_client()


@pytest.fixture
def manager(app: Flask) -> User:
    return make_user("manager", name="Morgan Testmanager")


@pytest.fixture
def client(app: Flask, manager: User) -> FlaskClient:
    """A browser signed in as a manager, who may start every artefact."""
    return sign_in_as(app.test_client(), manager)


def sample_json(slug: str) -> dict[str, Any]:
    """A complete, fictional answer set for an artefact, as the schema stores it."""
    return json.loads((SAMPLES / f"{slug}.json").read_text(encoding="utf-8"))


def sample(artefact: Artefact) -> dict[str, Any]:
    """The sample as clean answers (dates as dates)."""
    return schema_for(artefact).load(sample_json(artefact.slug))


@pytest.fixture(params=sorted(ARTEFACTS), ids=str)
def artefact(request: pytest.FixtureRequest) -> Artefact:
    """Each declared artefact in turn: generic behaviour is tested for all of them."""
    return ARTEFACTS[request.param]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """Playwright, started once for the whole run: its sync API cannot run twice at once, and
    several directories' tests drive browsers (tests/browser, tests/live)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running
