"""Fixtures for running the service for real: rate-limit stores (in the process, and the Redis
server at 127.0.0.1:6379 when it answers) and apps with production-like settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from models import db
from tests.conftest import make_app
from tests.stores import REDIS, REDIS_REACHABLE, redis_prefix

STORES = ["memory", "redis"] if REDIS_REACHABLE else ["memory"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REDIS_REACHABLE:
        terminalreporter.write_line("rate-limit tests: ran in memory and on Redis")
    else:
        terminalreporter.write_line(
            "rate-limit tests: Redis at 127.0.0.1:6379 did not answer: they ran in memory only",
            yellow=True,
        )


@pytest.fixture(params=STORES)
def limit_store(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Rate-limit settings for one store; on Redis, keys of this test's own, removed after."""
    if request.param == "memory":
        yield {"RATELIMIT_STORAGE_URI": "memory://"}
        return
    with redis_prefix() as prefix:
        yield {"RATELIMIT_STORAGE_URI": REDIS, "RATELIMIT_KEY_PREFIX": prefix}


@pytest.fixture
def configured(tmp_path: Path) -> Iterator[Any]:
    """A factory of apps on a fresh SQLite file, with settings changed; closed after the test."""
    made: list[Flask] = []

    def make(**settings: Any) -> Flask:
        app = make_app(f"sqlite:///{tmp_path / f'app{len(made)}.sqlite3'}", **settings)
        with app.app_context():
            db.create_all()
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.engine.dispose()
