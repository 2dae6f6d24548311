"""Bad input never reaches the database as a 500, on SQLite or PostgreSQL (which refuses a NUL
and values longer than a column): ids are checked for their format first, and every field,
the sign-in and add-colleague emails included, refuses control characters clearly."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from forms import ARTEFACTS
from tests.helpers import (
    error_messages,
    hidden,
    inline_error,
    make_case,
    make_user,
    section_of,
    sign_in_as,
    start,
    token_on,
    with_code,
)

BAD_IDS = ["x" * 65, "a" * 23, "a" * 25, "\x00" * 24, "%00" * 8, "é" * 24, "../" * 8]
BAD_WORDS = ["\x00", "x" * 300, "pdf\x00", "%0d%0a"]
REFERRAL = ARTEFACTS["cse_referral"]


@pytest.fixture
def member(migrated: Flask) -> FlaskClient:
    return sign_in_as(migrated.test_client(), make_user("referrer"))


def _urls(app: Flask) -> list[tuple[str, str, bool]]:
    """Every route (signing out aside), each part replaced by something bad; whether the bad
    part is an id."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "accounts.sign_out":
            continue
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        is_id = "<id:" in rule.rule
        for bad in (BAD_IDS if is_id else BAD_WORDS) if rule.arguments else [""]:
            url = re.sub(r"<[^>]+>", bad.replace("/", "%2F"), rule.rule)
            found.extend((method, url, is_id) for method in methods)
    return found


def test_no_url_gives_a_server_error(migrated: Flask, member: FlaskClient) -> None:
    token = token_on(member, "/")
    outcomes = []
    for method, url, is_id in _urls(migrated):
        if method == "GET":
            response = member.get(url)
        else:
            response = member.post(url, data={"csrf_token": token, "continues": "\x00" * 30})
        outcomes.append((method, url, is_id, response.status_code))
    assert [o for o in outcomes if o[-1] >= 500] == []
    # A malformed id is refused by the router, before any view or query.
    assert {status for *_, is_id, status in outcomes if is_id} == {404}


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        (
            "some\x00one@example.org",
            "a password",
            "Email address must not contain control characters",
        ),
        (
            "someone@example.org\r\n",
            "a password",
            "Email address must not contain control characters",
        ),
        ("someone@example.org", "pass\x00word", "Password must not contain control characters"),
        ("x" * 300 + "@example.org", "a password", "Enter a correct email address and password"),
    ],
)
def test_sign_in_refuses_control_characters_clearly(
    migrated: Flask, email: str, password: str, message: str
) -> None:
    client = migrated.test_client()
    token = token_on(client, "/sign-in")
    response = client.post(
        "/sign-in", data={"csrf_token": token, "email": email, "password": password}
    )
    assert response.status_code == 200
    assert error_messages(response) == [message]


def test_next_with_a_new_line_goes_home_instead(migrated: Flask) -> None:
    user = make_user("referrer")
    client = migrated.test_client()
    token = token_on(client, "/sign-in")
    response = client.post(
        "/sign-in?next=/cases%0d%0aSet-Cookie:%20stolen=1",
        data={"csrf_token": token, "email": user.email, "password": "fictional test password 42"},
    )
    assert "stolen" not in response.headers.get("Set-Cookie", "")
    response = with_code(client, response, user.email)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "stolen" not in response.headers.get("Set-Cookie", "")


@pytest.mark.parametrize("email", ["someone\x00@example.org", "x" * 300, "a@b\r\nc"])
def test_adding_a_colleague_refuses_what_is_no_address(member: FlaskClient, email: str) -> None:
    case = make_case(member)
    token = token_on(member, case)
    response = member.post(f"{case}/members", data={"csrf_token": token, "email": email})
    assert response.status_code == 200
    assert inline_error(response, "member-email") == (
        "Enter an email address in the correct format, like name@example.org"
    )


@pytest.mark.parametrize("lock", ["", "abc", "-1", "9" * 30, "\x00", "1.5"])
def test_a_bad_lock_version_is_a_refused_save(member: FlaskClient, lock: str) -> None:
    doc = start(member, REFERRAL)
    url = section_of(doc, REFERRAL, "child_forename")
    posted = {**hidden(member, url), "lock_version": lock, "child_forename": "Locktest"}
    saved = member.post(f"{doc}/autosave", data=posted)
    assert saved.status_code == 409
    drafted = member.post(url, data={**posted, "action": "later"})
    assert drafted.status_code == 200
    assert error_messages(drafted)[0].startswith("This was changed by")


def test_form_fields_refuse_a_nul_naming_the_field(member: FlaskClient) -> None:
    token = token_on(member, "/cases/new")
    response = member.post(
        "/cases/new",
        data={"csrf_token": token, "forename": "Nul\x00", "surname": "Case", "borough": "Kingston"},
    )
    assert response.status_code == 200
    assert error_messages(response) == [
        "The first name contains characters that cannot go into a document: U+0000."
        " Remove them and try again"
    ]
    url = section_of(start(member, REFERRAL), REFERRAL, "child_forename")
    typed = {**hidden(member, url), "child_forename": "Bad\x00name", "action": "later"}
    refused = member.post(url, data=typed)
    assert refused.status_code == 200
    assert error_messages(refused) == [
        "The child's forename contains characters that cannot go into a document: U+0000."
        " Remove them and try again"
    ]
