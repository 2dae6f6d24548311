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

    # Attempts counted while in flight can only make the count higher: at most ten checked.
    # On a loaded machine SQLite may be genuinely busy: a guess then gets 503 with no
    # password checked (serving.transactions), never a 500 nor an eleventh check.
    counted = Counter(
        (status, "busy") if status == 503 else (status, message) for status, message in outcomes
    )
    assert set(counted) <= {(200, WRONG), (429, THROTTLED), (503, "busy")}
    assert sum(counted.values()) == GUESSES and counted[(200, WRONG)] <= 10

    # One at a time, the guesses go on until refused: ten passwords checked in all, never more.
    def one(password: str) -> tuple[int, str]:
        client = migrated.test_client()
        data = {"csrf_token": token_on(client, "/sign-in"), "email": email, "password": password}
        response = client.post("/sign-in", data=data)
        return response.status_code, _message(response)

    while one("one more guess") == (200, WRONG):
        pass
    failed = (
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "sign in failed")
    )
    assert db.session.scalar(failed) == 10
    assert one(PASSWORD) == (429, THROTTLED)  # locked, even against the right password
