"""Staff accounts are created from the command line, with argon2id hashes and sound passwords."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from accounts.passwords import password_problem, verify_password
from models import User, db

GOOD = "correct horse battery staple"


def create(app: Flask, *args: str, password: str | None = GOOD, prompt: str | None = None):
    env = {"NEW_USER_PASSWORD": password} if password else {}
    return app.test_cli_runner().invoke(args=["create-user", *args], env=env, input=prompt)


def test_an_account_is_created_with_an_argon2id_hash(app: Flask) -> None:
    result = create(app, "Sam.Worker@Example.gov.uk", "--role", "referrer")
    assert result.exit_code == 0, result.output
    user = db.session.scalars(select(User)).one()
    assert (user.email, user.role, user.active) == ("sam.worker@example.gov.uk", "referrer", True)
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, GOOD)
    assert not verify_password(user.password_hash, GOOD.upper())
    assert GOOD not in result.output


def test_the_password_can_be_typed_at_the_prompt(app: Flask) -> None:
    typed = f"{GOOD}\n{GOOD}\n"
    result = create(
        app, "a.manager@example.gov.uk", "--role", "manager", password=None, prompt=typed
    )
    assert result.exit_code == 0, result.output
    assert GOOD not in result.output  # the prompt hides what is typed


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", "The password must be at least 12 characters long"),
        ("Password1234", "This password is too common"),
        ("aaaaaaaaaaaaaaaa", "This password is too common"),
        ("my sam.worker password", "The password must not contain your email address"),
    ],
)
def test_weak_passwords_are_refused(app: Flask, password: str, message: str) -> None:
    result = create(app, "sam.worker@example.gov.uk", "--role", "referrer", password=password)
    assert result.exit_code != 0
    assert message in result.output
    assert db.session.scalars(select(User)).all() == []


def test_an_unknown_role_or_a_second_account_is_refused(app: Flask) -> None:
    assert create(app, "x.person@example.gov.uk", "--role", "superuser").exit_code != 0
    assert create(app, "x.person@example.gov.uk", "--role", "phoenix").exit_code == 0
    again = create(app, "X.Person@example.gov.uk", "--role", "admin")
    assert again.exit_code != 0 and "already exists" in again.output
    assert create(app, "not-an-email", "--role", "admin").exit_code != 0
    assert len(db.session.scalars(select(User)).all()) == 1


def test_password_rules_name_what_is_wrong() -> None:
    assert password_problem(GOOD) is None
    assert password_problem("x" * 11) == "The password must be at least 12 characters long"


@pytest.mark.parametrize(
    ("option", "typed", "message"),
    [
        # issue 13: a bidi override spoofs the name every form prints ("Amira fictional").
        ("--name", "Amira \u202elanoitcif", "Full name contains characters that cannot go"),
        ("--job-title", "Social \u2066worker\u2069", "Job title contains characters that cannot"),
        ("--organisation", "Kingston\x07", "Organisation contains characters that cannot go"),
    ],
)
def test_typed_details_no_document_may_hold_are_refused(
    app: Flask, option: str, typed: str, message: str
) -> None:
    result = create(app, "amira.fictional@example.gov.uk", "--role", "referrer", option, typed)
    assert result.exit_code != 0
    assert message in result.output
    assert db.session.scalars(select(User)).all() == []


def test_a_right_to_left_name_is_accepted(app: Flask) -> None:
    result = create(app, "a.fictional@example.gov.uk", "--role", "referrer", "--name", "أميرة")
    assert result.exit_code == 0, result.output
    assert db.session.scalars(select(User)).one().name == "أميرة"


def test_a_password_sign_in_would_refuse_is_never_set(app: Flask) -> None:
    result = create(
        app, "a.fictional@example.gov.uk", "--role", "referrer", password=GOOD + "\u202e"
    )
    assert result.exit_code != 0
    assert "The password must not contain control characters" in result.output
    assert db.session.scalars(select(User)).all() == []
