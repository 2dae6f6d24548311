"""The cases of a quarter, 1 July to 30 September 2026, and the progress report's figures of
it: every figure is known from how the cases were made (tests/reports/scenario.py). Worked out
on SQLite and, when its server answers, on PostgreSQL (the answers are read with each one's
JSON operators)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from figures import Block, Figures
from models import User, db
from serving.schema import upgrade
from tests.conftest import make_app
from tests.helpers import make_user
from tests.reports.scenario import build
from tests.stores import POSTGRES_REACHABLE, postgres_schema


@pytest.fixture
def phoenix(app: Flask) -> User:
    return make_user("phoenix", name="Pat Testphoenix")


DATABASES = ["sqlite", "postgresql"] if POSTGRES_REACHABLE else ["sqlite"]


@contextmanager
def _database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'test.sqlite3'}"
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture(scope="module", params=DATABASES)
def quarter(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Figures]:
    """The figures of the quarter, worked out on the morning of 1 October 2026: made once for
    a module of tests that only read them, on a database at the newest schema."""
    with _database(request.param, tmp_path_factory.mktemp("quarter")) as url:
        app = make_app(url)
        with app.app_context():
            upgrade()
            yield build(make_user("phoenix", name="Pat Testphoenix"))
            db.session.remove()
            db.engine.dispose()


def block(figures: Figures, title: str, kind: str = "table") -> Any:
    """The block of that title and kind (exactly one)."""
    found: list[Block] = [b for b in figures["blocks"] if b["title"] == title and b["kind"] == kind]
    assert len(found) == 1, [b["title"] for b in figures["blocks"]]
    return found[0]
