"""Accounts in the browser (issue 13): an admin invites someone by email, the one-time link
lets them choose a password and set up their app; each account's actions take effect at once
and are audited; everyone changes their own password."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import select

from accounts.admin import LAST_ADMIN, YOURSELF
from accounts.own import WRONG_CURRENT
from accounts.passwords import verify_password
from models import AuditEvent, Invitation, OutboxMail, StaffSession, User, db
from serving.redaction import RedactTokens
from tests.helpers import PASSWORD, error_messages, make_user, page, sign_in_as, token_on

NEW_PASSWORD = "heron lantern quietly 7 marble"
INVITED = {
    "email": "Robin.Invited@Example.org",
    "name": "Robin Invitedperson",
    "role": "referrer",
    "job_title": "Teacher",
    "organisation": "Example Primary School",
    "phone": "020 8547 5001",
}


@pytest.fixture
def admin(app: Flask) -> User:
    return make_user("admin", email="ash.admin@example.org")


@pytest.fixture
def as_admin(app: Flask, admin: User) -> FlaskClient:
    return sign_in_as(app.test_client(), admin)


def invite(client: FlaskClient, **changes: str):
    data = {**INVITED, **changes}
    return client.post(
        "/accounts/invite", data={"csrf_token": token_on(client, "/accounts/invite"), **data}
    )


def link_in_mail(to: str) -> str:
    mails = db.session.scalars(select(OutboxMail).where(OutboxMail.to == [to])).all()
    found = re.search(r"http://localhost/invitation/(\S+)", mails[-1].body)
    assert found is not None
    return f"/invitation/{found[1]}"


def choose(client: FlaskClient, link: str, password: str, confirm: str | None = None):
    return client.post(
        link,
        data={
            "csrf_token": token_on(client, link),
            "password": password,
            "confirm": password if confirm is None else confirm,
        },
    )


def confirm(client: FlaskClient, path: str):
    return client.post(path, data={"csrf_token": token_on(client, path)})


def audited(action: str, about: str) -> bool:
    return (
        db.session.scalar(
            select(AuditEvent).where(AuditEvent.action == action, AuditEvent.about_user_id == about)
        )
        is not None
    )


def signed_in(client: FlaskClient) -> bool:
    response = client.get("/account/password")
    return response.status_code == 200


def test_an_invitation_makes_an_account_without_password_and_mails_only_a_link(
    as_admin: FlaskClient,
) -> None:
    response = invite(as_admin)
    user = db.session.scalar(select(User).where(User.email == "robin.invited@example.org"))
    assert user is not None and response.headers["Location"] == f"/accounts/{user.id}"
    assert user.password_hash == "" and not verify_password(user.password_hash, "")
    assert user.totp_secret is None and user.name == "Robin Invitedperson"
    mail = db.session.scalars(select(OutboxMail)).one()
    assert mail.to == ["robin.invited@example.org"]
    assert "Robin" not in mail.body + mail.subject and "Invitedperson" not in mail.body
    token = link_in_mail("robin.invited@example.org").rsplit("/", 1)[1]
    invitation = db.session.scalars(select(Invitation)).one()
    assert len(token) >= 43 and token not in invitation.token_hash
    assert invitation.expires_at - invitation.created_at == dt.timedelta(hours=72)
    assert audited("invite", user.id)
    account = as_admin.get(f"/accounts/{user.id}").get_data(as_text=True)
    assert "Invited" in account and "Send a new invitation" in account
    listing = as_admin.get("/accounts").get_data(as_text=True)
    assert f'href="/accounts/{user.id}"' in listing and "Invited" in listing


def test_an_address_with_an_account_is_said_so_and_nothing_is_sent(
    as_admin: FlaskClient, admin: User
) -> None:
    response = invite(as_admin, email="ASH.admin@example.org")
    assert error_messages(response) == ["An account with that email address already exists"]
    assert db.session.scalars(select(OutboxMail)).all() == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "Robin \u202eevil"}, "Full name contains characters that cannot go into"),
        ({"email": "not an address"}, "Enter an email address in the correct format"),
        ({"email": "a\u202e@example.org"}, "Enter an email address in the correct format"),
        ({"role": "spa"}, "Select the borough of the person's SPA team"),
        ({"role": "owner"}, "Select the person's role"),
        ({"borough": "Kingston"}, "Only an SPA account works in a borough"),
        ({"name": ""}, "Enter the person's full name"),
    ],
)
def test_an_invitation_is_checked_as_the_command_line_checks(
    as_admin: FlaskClient, changes: dict[str, str], message: str
) -> None:
    response = invite(as_admin, **changes)
    assert response.status_code == 200
    assert error_messages(response)[0].startswith(message)
    assert db.session.scalar(select(User).where(User.role == "referrer")) is None


def test_the_link_sets_a_password_once_then_the_app_is_set_up(
    as_admin: FlaskClient, anonymous: FlaskClient
) -> None:
    invite(as_admin)
    link = link_in_mail("robin.invited@example.org")
    weak = choose(anonymous, link, "short")
    assert error_messages(weak) == ["New password must be at least 12 characters long"]
    mismatch = choose(anonymous, link, NEW_PASSWORD, "something else entirely")
    assert error_messages(mismatch) == ["Confirm new password must match the new password"]
    done = choose(anonymous, link, NEW_PASSWORD)
    assert (done.status_code, done.headers["Location"]) == (302, "/sign-in/set-up")
    user = db.session.scalar(select(User).where(User.email == "robin.invited@example.org"))
    assert user is not None and verify_password(user.password_hash, NEW_PASSWORD)
    assert audited("invitation accepted", user.id)
    assert "Set up your authenticator app" in anonymous.get("/sign-in/set-up").get_data(True)
    again = anonymous.get(link)
    assert again.status_code == 404
    assert "expired or been used: ask your administrator" in again.get_data(as_text=True)
    token = token_on(anonymous, "/sign-in")
    posted = {"csrf_token": token, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    assert anonymous.post(link, data=posted).status_code == 404


def test_the_link_expires_after_72_hours(as_admin: FlaskClient, anonymous: FlaskClient) -> None:
    invite(as_admin)
    link = link_in_mail("robin.invited@example.org")
    expires = db.session.scalars(select(Invitation)).one().expires_at
    with freeze_time(expires - dt.timedelta(minutes=1)):
        assert anonymous.get(link).status_code == 200
    with freeze_time(expires):
        assert anonymous.get(link).status_code == 404


def test_a_new_invitation_stops_the_old_link(as_admin: FlaskClient, anonymous: FlaskClient) -> None:
    invite(as_admin)
    old = link_in_mail("robin.invited@example.org")
    user = db.session.scalar(select(User).where(User.email == "robin.invited@example.org"))
    assert user is not None
    confirm(as_admin, f"/accounts/{user.id}/invite-again")
    new = link_in_mail("robin.invited@example.org")
    assert new != old
    assert anonymous.get(old).status_code == 404 and anonymous.get(new).status_code == 200
    assert audited("invite again", user.id)


def test_a_request_that_fails_on_an_invitation_logs_no_token(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    """Flask logs "Exception on <path>" for a 500: the path holds the token."""
    with app.test_request_context("/invitation/SeCrEt_t0ken-x", method="POST"):
        try:
            raise RuntimeError("fictional failure")
        except RuntimeError as error:
            app.log_exception((RuntimeError, error, error.__traceback__))
    logged = [r.getMessage() for r in caplog.records]
    assert "Exception on /invitation/[token] [POST]" in logged
    assert not any("SeCrEt" in line for line in logged)


def test_a_token_in_a_request_log_line_is_left_out() -> None:
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '%s - - "%s" %s',
        ("127.0.0.1", "GET /invitation/SeCrEt_t0ken-x HTTP/1.1", "200"),
        None,
    )
    RedactTokens().filter(record)
    assert "SeCrEt" not in record.getMessage()
    assert "GET /invitation/[token] HTTP/1.1" in record.getMessage()


def test_deactivating_ends_the_session_at_once_and_reactivating_lets_in_again(
    app: Flask, as_admin: FlaskClient
) -> None:
    user = make_user("referrer")
    theirs = sign_in_as(app.test_client(), user)
    assert signed_in(theirs)
    confirm(as_admin, f"/accounts/{user.id}/deactivate")
    next_page = theirs.get("/")
    assert next_page.status_code == 302 and next_page.headers["Location"].startswith("/sign-in")
    assert (
        db.session.scalars(select(StaffSession).where(StaffSession.user_id == user.id)).all() == []
    )
    assert "Deactivated" in as_admin.get(f"/accounts/{user.id}").get_data(as_text=True)
    confirm(as_admin, f"/accounts/{user.id}/reactivate")
    db.session.expire_all()
    assert db.session.get(User, user.id).active  # type: ignore[union-attr]
    assert signed_in(sign_in_as(app.test_client(), user))
    assert audited("deactivate", user.id) and audited("reactivate", user.id)


def test_ending_sessions_signs_the_person_out_everywhere(app: Flask, as_admin: FlaskClient) -> None:
    user = make_user("referrer")
    one, two = (sign_in_as(app.test_client(), user) for _ in range(2))
    confirm(as_admin, f"/accounts/{user.id}/end-sessions")
    assert not signed_in(one) and not signed_in(two)
    assert audited("end sessions", user.id)


def test_a_new_role_takes_effect_at_the_next_page(app: Flask, as_admin: FlaskClient) -> None:
    user = make_user("referrer")
    theirs = sign_in_as(app.test_client(), user)
    assert theirs.get("/inbox").status_code == 404
    path = f"/accounts/{user.id}/role"
    refused = as_admin.post(path, data={"csrf_token": token_on(as_admin, path), "role": "spa"})
    assert error_messages(refused) == ["Select the borough of the person's SPA team"]
    as_admin.post(
        path, data={"csrf_token": token_on(as_admin, path), "role": "spa", "borough": "Richmond"}
    )
    assert theirs.get("/inbox").status_code == 200
    db.session.expire_all()
    assert db.session.get(User, user.id).borough == "Richmond"  # type: ignore[union-attr]
    assert audited("change role", user.id)


def test_resetting_the_second_factor_makes_it_set_up_again(
    app: Flask, as_admin: FlaskClient, anonymous: FlaskClient
) -> None:
    user = make_user("referrer", email="kim.reset@example.org")
    theirs = sign_in_as(app.test_client(), user)
    confirm(as_admin, f"/accounts/{user.id}/reset-second-factor")
    assert not signed_in(theirs)
    response = anonymous.post(
        "/sign-in",
        data={
            "csrf_token": token_on(anonymous, "/sign-in"),
            "email": "kim.reset@example.org",
            "password": PASSWORD,
        },
    )
    assert response.headers["Location"] == "/sign-in/set-up"
    assert audited("reset second factor", user.id)


def test_an_admin_cannot_deactivate_or_demote_themselves(
    as_admin: FlaskClient, admin: User
) -> None:
    refused = confirm(as_admin, f"/accounts/{admin.id}/deactivate")
    assert refused.status_code == 302
    assert YOURSELF in as_admin.get(refused.headers["Location"]).get_data(as_text=True)
    assert _demoting(as_admin, admin) == [YOURSELF]
    assert _still_an_active_admin(admin)


def _demoting(client: FlaskClient, admin: User) -> list[str]:
    """The errors of making `admin` a manager, as `client`."""
    path = f"/accounts/{admin.id}/role"
    demoted = client.post(path, data={"csrf_token": token_on(client, path), "role": "manager"})
    return error_messages(demoted)


def _still_an_active_admin(admin: User) -> bool:
    db.session.expire_all()
    still = db.session.get(User, admin.id)
    return still is not None and still.active and still.role == "admin"


def test_the_last_active_admin_is_never_deactivated_or_demoted(app: Flask, admin: User) -> None:
    # An admin signed in whose password is not set (an invitation being used at that moment):
    # the only other admin who can sign in stays one.
    invited = make_user("admin")
    invited.password_hash = ""
    db.session.commit()
    other = sign_in_as(app.test_client(), invited)
    confirm(other, f"/accounts/{admin.id}/deactivate")
    assert _demoting(other, admin) == [LAST_ADMIN]
    assert _still_an_active_admin(admin)
    # With a second admin who can sign in, either may be deactivated by the other.
    second = make_user("admin")
    confirm(other, f"/accounts/{second.id}/deactivate")
    db.session.expire_all()
    assert not db.session.get(User, second.id).active  # type: ignore[union-attr]


def change_password(client: FlaskClient, current: str, new: str):
    path = "/account/password"
    data = {"csrf_token": token_on(client, path), "current": current}
    return client.post(path, data={**data, "password": new, "confirm": new})


def test_changing_ones_password_ends_the_other_sessions_only(app: Flask) -> None:
    user = make_user("manager", email="mo.change@example.org")
    this, other = (sign_in_as(app.test_client(), user) for _ in range(2))
    wrong = change_password(this, "not my password at all", NEW_PASSWORD)
    assert error_messages(wrong) == [WRONG_CURRENT]
    assert audited("password change refused", user.id)
    weak = change_password(this, PASSWORD, "too short")
    assert error_messages(weak)[0].startswith("New password")
    done = change_password(this, PASSWORD, NEW_PASSWORD)
    assert done.status_code == 302
    assert signed_in(this) and not signed_in(other)
    db.session.expire_all()
    assert verify_password(db.session.get(User, user.id).password_hash, NEW_PASSWORD)  # type: ignore[union-attr]
    assert audited("password changed", user.id)
    assert "Change password" in page(this.get("/")).text_content()


def test_a_forgotten_password_is_reset_by_a_link_and_the_app_stays(
    app: Flask, as_admin: FlaskClient, anonymous: FlaskClient
) -> None:
    user = make_user("referrer", email="kim.forgetful@example.org", name="Kim Forgetful")
    signed = sign_in_as(app.test_client(), user)
    assert signed.get("/").status_code == 200
    assert "Reset the password" in as_admin.get(f"/accounts/{user.id}").get_data(as_text=True)
    assert confirm(as_admin, f"/accounts/{user.id}/reset-password").status_code == 302
    assert audited("reset password", user.id)
    assert signed.get("/").status_code == 302  # signed out at once
    db.session.refresh(user)
    assert not verify_password(user.password_hash, PASSWORD)
    mail = db.session.scalars(select(OutboxMail).where(OutboxMail.to == [user.email])).one()
    assert "Kim" not in mail.body and "Forgetful" not in mail.body
    assert mail.subject.startswith("Choose a new password")
    link = link_in_mail(user.email)
    assert "Choose a new password" in anonymous.get(link).get_data(as_text=True)
    chosen = choose(anonymous, link, NEW_PASSWORD)
    # The app is kept: the next step asks for its code, never sets a new one up.
    assert chosen.headers["Location"] == "/sign-in/code"
    db.session.refresh(user)
    assert verify_password(user.password_hash, NEW_PASSWORD) and user.totp_secret
    assert anonymous.get(link).status_code == 404  # used once
