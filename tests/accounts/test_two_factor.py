"""Two-factor sign-in (issue 13): a password alone signs nobody in; a code from the app, or a
recovery code, once each, does; the app is set up at the first sign-in."""

from __future__ import annotations

import datetime as dt
import re

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import select

from accounts.second_factor import THROTTLED, WRONG_CODE, WRONG_RECOVERY
from models import AuditEvent, RecoveryCode, User, db
from tests.helpers import PASSWORD, TOTP_SECRET, error_messages, make_user, page, token_on

START = dt.datetime(2026, 11, 2, 9, 0, 10, tzinfo=dt.UTC)


@pytest.fixture
def user(app: Flask) -> User:
    return make_user("referrer", email="kit.factor@example.org")


def password(client: FlaskClient, email: str = "kit.factor@example.org", next_: str = "") -> str:
    token = token_on(client, "/sign-in")
    response = client.post(
        f"/sign-in{next_}", data={"csrf_token": token, "email": email, "password": PASSWORD}
    )
    assert response.status_code == 302, error_messages(response)
    return response.headers["Location"]


def post(client: FlaskClient, path: str, code: str):
    return client.post(path, data={"csrf_token": token_on(client, path), "code": code})


def signed_in(client: FlaskClient) -> bool:
    return client.get("/").status_code == 200


def code_at(moment: dt.datetime, secret: str = TOTP_SECRET) -> str:
    return pyotp.TOTP(secret).at(moment)


@freeze_time(START)
def test_a_password_alone_signs_nobody_in_a_code_does(anonymous: FlaskClient, user: User) -> None:
    assert password(anonymous, next_="?next=/cases/new") == "/sign-in/code"
    assert not signed_in(anonymous)
    wrong = post(anonymous, "/sign-in/code", "000000" if code_at(START) != "000000" else "111111")
    assert wrong.status_code == 200 and error_messages(wrong) == [WRONG_CODE]
    assert not signed_in(anonymous)
    right = post(anonymous, "/sign-in/code", code_at(START))
    assert (right.status_code, right.headers["Location"]) == (302, "/cases/new")
    assert signed_in(anonymous)
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["second factor failed", "sign in"]


def test_a_code_is_accepted_once_and_a_step_either_side(app: Flask, user: User) -> None:
    with freeze_time(START) as clock:
        first = app.test_client()
        password(first)
        assert post(first, "/sign-in/code", code_at(START)).status_code == 302
        second = app.test_client()
        password(second)
        replay = post(second, "/sign-in/code", code_at(START))
        assert error_messages(replay) == [WRONG_CODE]
        # The next step's code (a phone a little ahead) is accepted, once.
        ahead = code_at(START + dt.timedelta(seconds=30))
        assert post(second, "/sign-in/code", ahead).status_code == 302
        clock.tick(dt.timedelta(seconds=90))
        late = app.test_client()
        password(late)
        stale = post(late, "/sign-in/code", code_at(START - dt.timedelta(seconds=30)))
        assert error_messages(stale) == [WRONG_CODE]


@freeze_time(START)
def test_wrong_codes_are_throttled_like_passwords(anonymous: FlaskClient, user: User) -> None:
    password(anonymous)
    right = code_at(START)
    wrong = "123456" if right != "123456" else "654321"
    for _ in range(10):
        assert post(anonymous, "/sign-in/code", wrong).status_code == 200
    refused = post(anonymous, "/sign-in/code", right)
    assert refused.status_code == 429 and THROTTLED in refused.get_data(as_text=True)
    assert not signed_in(anonymous)


def test_the_code_must_follow_the_password_within_ten_minutes(app: Flask, user: User) -> None:
    client = app.test_client()
    with freeze_time(START) as clock:
        password(client)
        token = token_on(client, "/sign-in/code")
        clock.tick(dt.timedelta(minutes=11))
        code = code_at(START + dt.timedelta(minutes=11))
        late = client.post("/sign-in/code", data={"csrf_token": token, "code": code})
        assert late.headers["Location"] == "/sign-in"
        assert "You took too long" in client.get("/sign-in").get_data(as_text=True)
    assert not signed_in(client)


@freeze_time(START)
def test_nobody_reaches_the_code_page_without_the_password(anonymous: FlaskClient) -> None:
    for path in ("/sign-in/code", "/sign-in/recovery-code", "/sign-in/set-up"):
        assert anonymous.get(path).headers["Location"] == "/sign-in"


@freeze_time(START)
def test_an_account_deactivated_after_its_password_is_not_signed_in(
    anonymous: FlaskClient, user: User
) -> None:
    password(anonymous)
    token = token_on(anonymous, "/sign-in/code")
    user.active = False
    db.session.commit()
    late = anonymous.post("/sign-in/code", data={"csrf_token": token, "code": code_at(START)})
    assert late.headers["Location"] == "/sign-in"
    assert not signed_in(anonymous)


def _set_up(client: FlaskClient) -> list[str]:
    """Set the app up on the page, as a person typing the key would; the codes shown."""
    shown = page(client.get("/sign-in/set-up"))
    assert shown.xpath("//figure[@role='img']//svg"), "the QR code is drawn on the page"
    key = shown.xpath("string(//*[@id='setup-key'])").replace(" ", "")
    answer = post(client, "/sign-in/set-up", pyotp.TOTP(key).now())
    assert answer.status_code == 200, error_messages(answer)
    assert answer.headers["Cache-Control"] == "no-store"
    return [c.text_content() for c in page(answer).xpath("//*[@id='recovery-codes']//code")]


@freeze_time(START)
def test_the_app_is_set_up_at_the_first_sign_in_with_ten_recovery_codes(
    anonymous: FlaskClient,
) -> None:
    newcomer = make_user("referrer", email="new.factor@example.org")
    newcomer.totp_secret = None
    db.session.commit()
    assert password(anonymous, "new.factor@example.org") == "/sign-in/set-up"
    assert not signed_in(anonymous)
    wrong = post(anonymous, "/sign-in/set-up", "000000")
    assert error_messages(wrong) == [WRONG_CODE] and not signed_in(anonymous)
    codes = _set_up(anonymous)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z2-9]{4}(-[a-z2-9]{4}){3}", c) for c in codes)
    assert signed_in(anonymous)
    db.session.refresh(newcomer)
    assert newcomer.totp_secret and newcomer.totp_secret != TOTP_SECRET
    kept = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(kept) == 10 and not set(kept) & {c.replace("-", "") for c in codes}
    # The codes were shown once: the page is not offered again.
    assert anonymous.get("/sign-in/set-up").headers["Location"] == "/sign-in"


@freeze_time(START)
def test_a_recovery_code_works_once(app: Flask) -> None:
    newcomer = make_user("referrer", email="new.factor@example.org")
    newcomer.totp_secret = None
    db.session.commit()
    first = app.test_client()
    password(first, "new.factor@example.org")
    codes = _set_up(first)
    for attempt, expected in ((app.test_client(), 302), (app.test_client(), 200)):
        password(attempt, "new.factor@example.org")
        answer = post(attempt, "/sign-in/recovery-code", codes[3].upper().replace("-", " "))
        assert answer.status_code == expected
        if expected == 200:
            assert error_messages(answer) == [WRONG_RECOVERY]
            assert not signed_in(attempt)
        else:
            assert "you have 9 left" in attempt.get("/").get_data(as_text=True)
    again = app.test_client()
    password(again, "new.factor@example.org")
    assert post(again, "/sign-in/recovery-code", codes[4]).status_code == 302


@freeze_time(START)
def test_no_email_typed_is_kept_when_a_code_fails(anonymous: FlaskClient, user: User) -> None:
    password(anonymous)
    post(anonymous, "/sign-in/code", "12345")
    post(anonymous, "/sign-in/recovery-code", "not-a-code")
    events = db.session.scalars(select(AuditEvent)).all()
    assert [e.action for e in events] == ["second factor failed"] * 2
    assert all(e.user_id == user.id for e in events)
    for event in events:
        assert "kit.factor" not in repr(vars(event))
