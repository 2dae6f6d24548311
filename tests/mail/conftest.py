"""Mail tests: the app on a migrated database (SQLite and PostgreSQL, tests/db) sending to a
real SMTP server on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from flask import Flask

from mail.worker import Outcome, deliver_due
from tests.db.conftest import database_url, migrated  # noqa: F401  (the same fixtures)
from tests.smtp import SmtpServer


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_app(migrated: Flask, smtp: SmtpServer) -> Flask:  # noqa: F811
    migrated.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port)
    return migrated


def deliver_in_a_worker(app: Flask, **options: object) -> Outcome:
    """deliver_due as another process would run it: in a thread with its own app context,
    database session and connection."""
    outcomes: list[Outcome] = []

    def work() -> None:
        with app.app_context():
            outcomes.append(deliver_due(**options))  # type: ignore[arg-type]

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=120)
    return outcomes[0]
