"""Sixty guesses at one account at the same moment check no more than ten passwords, on
SQLite and on PostgreSQL: the per-account limit cannot be raced."""

from __future__ import annotations

import threading
from collections import Counter

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from accounts.views import THROTTLED, WRONG
from models import AuditEvent, db
from tests.helpers import PASSWORD, make_user, page, squash, token_on

GUESSES = 60


def _message(response: object) -> str:
    summary = page(response).xpath("//div[contains(@class,'govuk-error-summary')]//li")  # type: ignore[arg-type]
    return squash(summary[0].text_content()) if summary else ""


def test_simultaneous_guesses_check_at_most_the_limit(migrated: Flask) -> None:
    # The per-address and global limits stay out of the way: this is the per-account one.
    migrated.config.update(
        SIGN_IN_PER_ADDRESS="1000 per minute", SIGN_IN_EVERYWHERE="1000 per minute"
    )
    email = make_user("referrer").email
    clients: list[FlaskClient] = [migrated.test_client() for _ in range(GUESSES)]
    tokens = [token_on(client, "/sign-in") for client in clients]
    barrier = threading.Barrier(GUESSES)
    outcomes: list[tuple[int, str]] = []

    def guess(client: FlaskClient, token: str, number: int) -> None:
        posted = {"csrf_token": token, "email": email, "password": f"guess number {number}"}
        barrier.wait()
        response = client.post("/sign-in", data=posted)
        outcomes.append((response.status_code, _message(response)))

    threads = [
        threading.Thread(target=guess, args=(c, t, n))
        for n, (c, t) in enumerate(zip(clients, tokens, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert Counter(outcomes) == {(200, WRONG): 10, (429, THROTTLED): GUESSES - 10}
    checked = (
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "sign in failed")
    )
    assert db.session.scalar(checked) == 10
    # The account stays locked, even against its right password.
    late = migrated.test_client()
    response = late.post(
        "/sign-in",
        data={"csrf_token": token_on(late, "/sign-in"), "email": email, "password": PASSWORD},
    )
    assert (response.status_code, _message(response)) == (429, THROTTLED)
