"""Failed sign-ins are limited per client address and across every account, in the process or
in Redis; the address is the trusted proxy's word, never the client's."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from models import AuditEvent, db
from tests.helpers import PASSWORD, error_messages, make_user, page, token_on

WRONG = "not the password at all"


def _attempt(
    app: Flask, email: str, password: str, address: str = "192.0.2.1", **headers: str
) -> TestResponse:
    client: FlaskClient = app.test_client()
    token = token_on(client, "/sign-in")
    return client.post(
        "/sign-in",
        data={"csrf_token": token, "email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
        headers=headers,
    )


def _actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _refused(response: TestResponse) -> bool:
    """Refused with 429, on the sign-in page, saying why and when to try again."""
    if response.status_code != 429:
        return False
    assert page(response).findtext(".//h1") == "Sign in"
    assert error_messages(response) == [
        "Too many attempts: there have been too many attempts to sign in."
        " Wait 5 minutes, then try again."
    ]
    assert int(response.headers["Retry-After"]) > 0
    return True


def test_failures_from_one_address_are_limited(configured: Any, limit_store: dict) -> None:
    app = configured(SIGN_IN_PER_ADDRESS="3 per 5 minutes", **limit_store)
    with app.app_context():
        user = make_user("referrer")
        for n in range(3):  # three accounts: the per-account limit stays out of it
            assert _attempt(app, f"nobody{n}@example.org", WRONG).status_code == 200
        # The fourth from that address is refused before any password is checked...
        assert _refused(_attempt(app, user.email, PASSWORD))
        # ...while another address signs in.
        right = _attempt(app, user.email, PASSWORD, address="192.0.2.2")
        assert (right.status_code, right.headers["Location"]) == (302, "/sign-in/code")
        assert _actions() == ["sign in failed"] * 3 + ["sign in throttled"]


def test_successful_sign_ins_do_not_count(configured: Any, limit_store: dict) -> None:
    app = configured(SIGN_IN_PER_ADDRESS="3 per 5 minutes", **limit_store)
    with app.app_context():
        user = make_user("referrer")
        for _ in range(6):  # a busy office, one address, every morning
            assert _attempt(app, user.email, PASSWORD).status_code == 302


def test_failures_across_every_account_are_limited(configured: Any, limit_store: dict) -> None:
    """Password spraying: one guess on each of many accounts, from many addresses."""
    app = configured(SIGN_IN_EVERYWHERE="4 per 5 minutes", **limit_store)
    with app.app_context():
        user = make_user("referrer")
        for n in range(4):
            response = _attempt(app, f"staff{n}@example.org", WRONG, address=f"198.51.100.{n}")
            assert response.status_code == 200
        assert _refused(_attempt(app, user.email, PASSWORD, address="203.0.113.9"))


def test_without_a_trusted_proxy_a_forwarded_address_means_nothing(
    configured: Any, limit_store: dict
) -> None:
    app = configured(SIGN_IN_PER_ADDRESS="2 per 5 minutes", TRUSTED_PROXIES=0, **limit_store)
    with app.app_context():
        for n in range(2):
            forged = {"X-Forwarded-For": f"198.51.100.{n}"}
            assert _attempt(app, f"nobody{n}@example.org", WRONG, **forged).status_code == 200
        forged = {"X-Forwarded-For": "198.51.100.99"}
        assert _refused(_attempt(app, "nobody@example.org", WRONG, **forged))


def test_behind_a_trusted_proxy_its_last_word_is_the_address(
    configured: Any, limit_store: dict
) -> None:
    app = configured(SIGN_IN_PER_ADDRESS="2 per 5 minutes", TRUSTED_PROXIES=1, **limit_store)
    with app.app_context():
        user = make_user("referrer")
        for n in range(2):
            # The client wrote the first address; the proxy appended the one it saw.
            chain = {"X-Forwarded-For": f"10.0.0.{n}, 198.51.100.7"}
            assert _attempt(app, f"nobody{n}@example.org", WRONG, **chain).status_code == 200
        assert _refused(
            _attempt(app, user.email, PASSWORD, **{"X-Forwarded-For": "10.9.9.9, 198.51.100.7"})
        )
        other = {"X-Forwarded-For": "198.51.100.8"}
        assert _attempt(app, user.email, PASSWORD, **other).status_code == 302
