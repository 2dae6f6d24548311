"""Signing in and out: server-side sessions, throttling, idle and absolute timeouts, CSRF."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import func, select

from accounts.views import THROTTLED, WRONG
from models import StaffSession, User, db
from tests.helpers import PASSWORD, make_user, page, squash, token_on, with_code

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def user(app: Flask) -> User:
    return make_user("referrer", email="sam.sessions@example.org")


def sign_in(client: FlaskClient, email: str, password: str, next_: str = "") -> tuple[int, str]:
    """Sign in through the page; return the status and where it sent the browser (or the
    error the page showed)."""
    token = token_on(client, "/sign-in")
    response = client.post(
        f"/sign-in{next_}", data={"csrf_token": token, "email": email, "password": password}
    )
    response = with_code(client, response, email.strip().lower())
    if response.status_code == 302:
        return 302, response.headers["Location"]
    summary = page(response).xpath("//div[contains(@class,'govuk-error-summary')]//li")
    return response.status_code, squash(summary[0].text_content()) if summary else ""


def signed_in(client: FlaskClient) -> bool:
    return client.get("/").status_code == 200


def sessions() -> int:
    return db.session.scalar(select(func.count()).select_from(StaffSession))


def test_the_right_password_signs_in_and_goes_where_it_was_asked(
    anonymous: FlaskClient, user: User
) -> None:
    assert not signed_in(anonymous)
    assert anonymous.get("/cases/new").headers["Location"] == "/sign-in?next=/cases/new"
    assert sign_in(anonymous, "Sam.Sessions@example.org ", PASSWORD, "?next=/cases/new") == (
        302,
        "/cases/new",
    )
    assert signed_in(anonymous)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_sign_in_never_sends_the_browser_to_another_site(
    anonymous: FlaskClient, user: User, target: str
) -> None:
    assert sign_in(anonymous, user.email, PASSWORD, f"?next={target}") == (302, "/")


def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(
    anonymous: FlaskClient, user: User
) -> None:
    assert sign_in(anonymous, user.email, "wrong password here") == (200, WRONG)
    assert sign_in(anonymous, "nobody@example.org", "wrong password here") == (200, WRONG)
    assert not signed_in(anonymous)


def test_a_deactivated_account_cannot_sign_in(anonymous: FlaskClient, user: User) -> None:
    user.active = False
    db.session.commit()
    assert sign_in(anonymous, user.email, PASSWORD) == (200, WRONG)


@pytest.mark.parametrize("known", [True, False], ids=["known account", "unknown account"])
def test_sign_in_is_throttled_after_ten_failures_in_five_minutes(
    anonymous: FlaskClient, user: User, known: bool
) -> None:
    email = user.email if known else "nobody@example.org"
    with freeze_time(START) as clock:
        for _ in range(10):
            assert sign_in(anonymous, email, "wrong password here") == (200, WRONG)
            clock.tick(dt.timedelta(seconds=20))
        # Now even the right password is refused, and an unknown account is told the same.
        assert sign_in(anonymous, email, PASSWORD) == (429, THROTTLED)
        assert not signed_in(anonymous)
        # Other accounts are not affected.
        other = make_user("referrer")
        assert sign_in(anonymous, other.email, PASSWORD)[0] == 302
        clock.tick(dt.timedelta(minutes=5))
        if known:
            assert sign_in(anonymous, email, PASSWORD)[0] == 302


def test_the_session_changes_at_sign_in(app: Flask, anonymous: FlaskClient, user: User) -> None:
    anonymous.get("/sign-in")
    before = anonymous.get_cookie("cse_forms_session").value
    sign_in(anonymous, user.email, PASSWORD)
    first = anonymous.get_cookie("cse_forms_session").value
    assert first != before
    with anonymous.session_transaction() as session:
        first_id = session["_user_id"]
    # Signing in again (in the same browser) makes a new server session and ends the old one.
    sign_in(anonymous, user.email, PASSWORD)
    with anonymous.session_transaction() as session:
        assert session["_user_id"] != first_id
    assert db.session.get(StaffSession, first_id) is None
    copy = app.test_client()
    copy.set_cookie("cse_forms_session", first)
    assert not signed_in(copy)


def test_a_cookie_copied_before_sign_out_is_refused_after_it(
    app: Flask, anonymous: FlaskClient, user: User
) -> None:
    sign_in(anonymous, user.email, PASSWORD)
    stolen = app.test_client()
    stolen.set_cookie("cse_forms_session", anonymous.get_cookie("cse_forms_session").value)
    assert signed_in(stolen)  # the copy works while the session lasts...
    assert anonymous.get("/sign-out").status_code == 405  # signing out is a POST
    response = anonymous.post("/sign-out", data={"csrf_token": token_on(anonymous, "/")})
    assert response.headers["Location"] == "/sign-in"
    assert sessions() == 0  # ...and the session is gone from the server
    assert not signed_in(stolen)
    assert not signed_in(anonymous)


def test_sign_out_without_a_token_is_refused(anonymous: FlaskClient, user: User) -> None:
    sign_in(anonymous, user.email, PASSWORD)
    assert anonymous.post("/sign-out").status_code == 400
    assert signed_in(anonymous)


def test_idle_for_thirty_minutes_signs_out(anonymous: FlaskClient, user: User) -> None:
    with freeze_time(START) as clock:
        sign_in(anonymous, user.email, PASSWORD)
        for _ in range(3):  # active every 29 minutes: still signed in after 87
            clock.tick(dt.timedelta(minutes=29))
            assert signed_in(anonymous)
        clock.tick(dt.timedelta(minutes=30, seconds=1))
        response = anonymous.get("/")
        assert response.headers["Location"] == "/sign-in?next=/"
        shown = squash(page(anonymous.get("/sign-in")).xpath("//main")[0].text_content())
        assert "You were signed out because you did nothing for a while" in shown
        assert sessions() == 0


def test_stay_signed_in_restarts_the_idle_clock(anonymous: FlaskClient, user: User) -> None:
    with freeze_time(START) as clock:
        sign_in(anonymous, user.email, PASSWORD)
        token = token_on(anonymous, "/")
        clock.tick(dt.timedelta(minutes=28))
        assert anonymous.post("/session/keep-alive", data={"csrf_token": token}).status_code == 204
        clock.tick(dt.timedelta(minutes=29))
        assert signed_in(anonymous)


def test_twelve_hours_is_the_most_any_session_lasts(anonymous: FlaskClient, user: User) -> None:
    with freeze_time(START) as clock:
        sign_in(anonymous, user.email, PASSWORD)
        for _ in range(int(12 * 60 / 25)):  # busy all day
            clock.tick(dt.timedelta(minutes=25))
            assert signed_in(anonymous)
        clock.tick(dt.timedelta(minutes=25))
        assert not signed_in(anonymous)


def test_the_csrf_token_outlives_a_long_sitting(anonymous: FlaskClient, user: User) -> None:
    """A page opened early in an 11-hour day still saves at its end: the token does not expire
    before the session."""
    with freeze_time(START) as clock:
        sign_in(anonymous, user.email, PASSWORD)
        token = token_on(anonymous, "/")  # the page stays open all day
        for _ in range(int(11 * 60 / 25)):
            clock.tick(dt.timedelta(minutes=25))
            assert (
                anonymous.post("/session/keep-alive", data={"csrf_token": token}).status_code == 204
            )
        response = anonymous.post(
            "/cases/new",
            data={
                "csrf_token": token,
                "forename": "Late",
                "surname": "Testcase",
                "borough": "Kingston",
            },
        )
        assert response.status_code == 302
