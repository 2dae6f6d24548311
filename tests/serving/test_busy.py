"""When the database or the service's capacity is exhausted, the answer is 503 with when to try
again, on a GOV.UK page or in JSON: never a 500, and never a wait without end."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

import serving.transactions
from forms import ARTEFACTS
from models import SignInFailure, db
from serving.capacity import turn
from tests.conftest import make_app, sample_json
from tests.helpers import (
    PASSWORD,
    error_messages,
    hidden,
    make_case,
    make_user,
    page,
    section_of,
    sign_in_as,
    start,
    submit,
    token_on,
)

REFERRAL = ARTEFACTS["cse_referral"]


BUSY = "Sorry, the service is busy: nothing you sent was saved. Wait a few seconds, then try again"


def _is_busy_page(response: Any) -> bool:
    return (
        response.status_code == 503
        and int(response.headers["Retry-After"]) > 0
        and page(response).findtext(".//h1") == "Sorry, the service is busy"
    )


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An app whose SQLite write lock someone else holds when asked (`hold()`), with a short
    busy timeout so that the test does not wait 5 s each time."""
    monkeypatch.setattr(serving.transactions, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "locked.sqlite3"
    app = make_app(f"sqlite:///{path}")
    with app.app_context():
        db.create_all()
        holder = sqlite3.connect(path, isolation_level=None)

        def hold() -> None:
            holder.execute("BEGIN IMMEDIATE")

        yield app, hold
        holder.close()
        db.session.remove()
        db.engine.dispose()


def test_a_write_that_cannot_get_the_lock_is_answered_503(locked: Any) -> None:
    app, hold = locked
    client = sign_in_as(app.test_client(), make_user("referrer"))
    doc = start(client, REFERRAL)
    url = section_of(doc, REFERRAL, "child_forename")
    posted = {**hidden(client, url), "child_forename": "Lockedout"}
    hold()
    autosaved = client.post(f"{doc}/autosave", data=posted, headers={"Accept": "application/json"})
    assert autosaved.status_code == 503 and int(autosaved.headers["Retry-After"]) > 0
    assert "Nothing you sent was saved" in autosaved.get_json()["message"]
    # The form comes back with what was typed, saying that nothing was saved.
    refused = client.post(url, data={**posted, "action": "later"})
    assert refused.status_code == 503 and int(refused.headers["Retry-After"]) > 0
    assert error_messages(refused)[0] == (
        f"{BUSY}. Your answers are below: check them and continue again"
    )
    assert page(refused).xpath("//input[@name='child_forename']/@value") == ["Lockedout"]
    # A page view is recorded in the audit trail: a write too, so it waits its turn.
    assert _is_busy_page(client.get(url))


def test_pages_that_only_read_never_wait_for_a_writer(locked: Any) -> None:
    app, hold = locked
    client = sign_in_as(app.test_client(), make_user("referrer"))
    case = make_case(client, surname="Readablecase")
    hold()
    home = client.get("/")
    assert home.status_code == 200 and case in home.get_data(as_text=True)
    assert client.get("/health").status_code == 200


def test_a_password_check_waits_its_turn_then_gives_up_with_503(configured: Any) -> None:
    app: Flask = configured(PASSWORD_CHECKS_AT_ONCE=1, BUSY_WAIT=dt.timedelta(0))
    with app.app_context():
        email = make_user("referrer").email
    client = app.test_client()
    token = token_on(client, "/sign-in")
    with app.test_request_context(), turn("password check"):  # someone else's check, running
        response = client.post(
            "/sign-in", data={"csrf_token": token, "email": email, "password": PASSWORD}
        )
    assert response.status_code == 503 and int(response.headers["Retry-After"]) > 0
    assert error_messages(response) == [f"{BUSY}."]
    with app.app_context():  # no password was checked: no attempt counts against the account
        assert db.session.scalar(select(func.count()).select_from(SignInFailure)) == 0
    response = client.post(
        "/sign-in", data={"csrf_token": token, "email": email, "password": PASSWORD}
    )
    assert response.status_code == 302  # and then, its turn come, it signs in


def test_a_render_waits_its_turn_then_gives_up_with_503(configured: Any) -> None:
    app: Flask = configured(RENDERS_AT_ONCE=1, BUSY_WAIT=dt.timedelta(0))
    with app.app_context():
        client = sign_in_as(app.test_client(), make_user("referrer"))
        answers = submit(client, REFERRAL, sample_json("cse_referral"), start(client, REFERRAL))
    with app.test_request_context(), turn("render"):
        assert _is_busy_page(client.get(f"{answers}/document.pdf"))
    assert client.get(f"{answers}/document.pdf").status_code == 200
