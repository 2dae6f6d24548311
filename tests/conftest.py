"""Fixtures of the whole suite: the app, a client, and the sample answers of each artefact."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from config import TestConfig
from forms import ARTEFACTS
from forms.model import Artefact
from models import db
from schemas import schema_for

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'test.sqlite3'}"

    app = create_app(Config)
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


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
