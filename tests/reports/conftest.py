"""The cases of a quarter, 1 July to 30 September 2026, and the progress report's figures of
it: every figure is known from how the cases were made (tests/reports/scenario.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from figures import Block, Figures
from models import User, db
from tests.conftest import make_app
from tests.helpers import make_user
from tests.reports.scenario import build


@pytest.fixture
def phoenix(app: Flask) -> User:
    return make_user("phoenix", name="Pat Testphoenix")


@pytest.fixture(scope="module")
def quarter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Figures]:
    """The figures of the quarter, worked out on the morning of 1 October 2026: made once for
    a module of tests that only read them."""
    app = make_app(f"sqlite:///{tmp_path_factory.mktemp('quarter') / 'test.sqlite3'}")
    with app.app_context():
        db.create_all()
        yield build(make_user("phoenix", name="Pat Testphoenix"))
        db.session.remove()
        db.engine.dispose()


def block(figures: Figures, title: str, kind: str = "table") -> Any:
    """The block of that title and kind (exactly one)."""
    found: list[Block] = [b for b in figures["blocks"] if b["title"] == title and b["kind"] == kind]
    assert len(found) == 1, [b["title"] for b in figures["blocks"]]
    return found[0]
