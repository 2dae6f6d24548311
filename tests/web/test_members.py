"""The people on a case (issue 13, web/members.py): adding a colleague says the same words
whoever the address is, and names them only once they are on the case; the creator, a lead
professional on the case or a manager may take someone off, effective at once; both audited
with the colleague's id."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from forms import ARTEFACTS
from models import AuditEvent, CaseMember, User, db
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    make_case,
    make_user,
    page,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
)

SAID = "If {} is a colleague who can use this service, they can now see this case."


def _members(case_url: str) -> set[str]:
    case_id = case_url.rsplit("/", 1)[1]
    return set(db.session.scalars(select(CaseMember.user_id).where(CaseMember.case_id == case_id)))


def _events(case_url: str, action: str) -> list[AuditEvent]:
    case_id = case_url.rsplit("/", 1)[1]
    query = select(AuditEvent).where(AuditEvent.case_id == case_id, AuditEvent.action == action)
    return list(db.session.scalars(query))


def _add(client: FlaskClient, case_url: str, email: str) -> TestResponse:
    token = token_on(client, case_url)
    return client.post(f"{case_url}/members", data={"csrf_token": token, "email": email})


def _remove(client: FlaskClient, case_url: str, user: User) -> TestResponse:
    url = f"{case_url}/members/{user.id}/remove"
    token = token_on(client, case_url)
    return client.post(url, data={"csrf_token": token})


def _as(app: Flask, user: User) -> FlaskClient:
    return sign_in_as(app.test_client(), user)


@pytest.fixture
def owner(app: Flask) -> User:
    return make_user("referrer", name="Amira Fictional")


def test_adding_says_the_same_words_whoever_the_address_is(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    colleague = make_user("lead_professional", name="Bea Fictionalcolleague")
    gone = make_user("referrer", name="Cal Fictionalleaver")
    gone.active = False
    admin = make_user("admin", name="Dee Fictionaladmin")
    db.session.commit()
    banners = {}
    for kind, email in (
        ("added", colleague.email),
        ("nobody", "nobody.fictional@example.org"),
        ("inactive", gone.email),
        ("admin", admin.email),  # admins never see a case
        ("on already", owner.email),
    ):
        response = _add(client, case, email)
        assert response.status_code == 302, kind
        assert response.headers["Location"] == f"{case}#member-added", kind
        html = page(client.get(response.headers["Location"]))
        (banner,) = html.xpath("//*[@id='member-added']")
        banners[kind] = squash(banner.text_content()).replace(email, "EMAIL")
        text = squash(html.text_content())
        for other in (gone, admin):  # never named: they are not on the case
            assert other.name is not None and other.name not in text, kind
    assert len(set(banners.values())) == 1, banners
    assert banners["nobody"].endswith(SAID.format("EMAIL"))
    assert _members(case) == {owner.id, colleague.id}
    # Who was added is audited by id; nobody else's addition is recorded.
    assert [e.about_user_id for e in _events(case, "add member")] == [colleague.id]


def test_a_colleague_is_named_only_once_on_the_case(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    colleague = make_user("lead_professional", name="Bea Fictionalcolleague")
    before = client.get(case).get_data(as_text=True)
    assert "Bea Fictionalcolleague" not in before
    response = _add(client, case, colleague.email)
    html = page(client.get(response.headers["Location"]))
    (banner,) = html.xpath("//*[@id='member-added']")
    assert "Bea Fictionalcolleague" not in banner.text_content()  # the banner tells nothing
    people = squash(" ".join(html.xpath("//*[@id='people']/following-sibling::ul[1]//text()")))
    assert "Bea Fictionalcolleague (lead professional)" in people


def test_removal_is_effective_at_once_and_audited_by_id(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    lead = make_user("lead_professional", name="Bea Fictionalcolleague")
    add_member(client, case, lead.email)
    theirs = _as(app, lead)
    draft = start(theirs, ARTEFACTS["spotting_the_signs"], case)
    assert theirs.get(case).status_code == 200
    assert theirs.get(draft).status_code == 200
    # The confirmation page first: nothing changes until its button is pressed.
    confirm = client.get(f"{case}/members/{lead.id}/remove")
    assert confirm.status_code == 200
    heading = squash(page(confirm).findtext(".//h1"))
    assert heading == "Are you sure you want to remove Bea Fictionalcolleague from this case?"
    assert lead.id in _members(case)
    response = _remove(client, case, lead)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{case}#member-added"
    assert lead.id not in _members(case)
    # The removed member's next requests, in the session they already had, are refused.
    assert theirs.get(case).status_code == 404
    assert theirs.get(draft).status_code == 404
    assert theirs.get(f"{case}/details").status_code == 404
    (event,) = _events(case, "remove member")
    assert (event.user_id, event.about_user_id) == (owner.id, lead.id)
    banner = squash(page(client.get(case)).xpath("//*[@id='member-added']")[0].text_content())
    assert banner.endswith("Bea Fictionalcolleague is no longer on this case.")


def test_a_removed_member_loses_the_versions_too(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    lead = make_user("lead_professional")
    add_member(client, case, lead.email)
    doc = start(client, ARTEFACTS["cse_referral"], case)
    version = submit(client, ARTEFACTS["cse_referral"], sample_json("cse_referral"), doc)
    theirs = _as(app, lead)
    assert theirs.get(f"{version}/document.pdf").status_code == 200
    _remove(client, case, lead)
    assert theirs.get(version).status_code == 404
    assert theirs.get(f"{version}/document.pdf").status_code == 404


@pytest.mark.parametrize(
    ("role", "added", "may"),
    [
        ("referrer", True, False),  # on the case, but not its creator
        ("phoenix", True, False),
        ("spa", True, False),
        ("lead_professional", True, True),
        ("lead_professional", False, False),  # a lead professional not on the case
        ("manager", False, True),
    ],
)
def test_who_may_remove(app: Flask, owner: User, role: str, added: bool, may: bool) -> None:
    client = _as(app, owner)
    case = make_case(client)
    other = make_user("referrer", name="Eve Fictionalother")
    add_member(client, case, other.email)
    user = make_user(role)
    if added:
        add_member(client, case, user.email)
    theirs = _as(app, user)
    shown = theirs.get(case).get_data(as_text=True)
    url = f"{case}/members/{other.id}/remove"
    assert (url in shown) is may
    assert (theirs.get(url).status_code == 200) is may
    # The form's token from a page they can see (their home page) when they cannot see this one.
    token = token_on(theirs, case if added or may else "/")
    response = theirs.post(url, data={"csrf_token": token})
    assert response.status_code == (302 if may else 404)
    assert (other.id in _members(case)) is not may


def test_removing_yourself_sends_you_home(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    lead = make_user("lead_professional")
    add_member(client, case, lead.email)
    theirs = _as(app, lead)
    confirm = theirs.get(f"{case}/members/{lead.id}/remove")
    heading = squash(page(confirm).findtext(".//h1"))
    assert heading == "Are you sure you want to remove yourself from this case?"
    response = _remove(theirs, case, lead)
    assert response.headers["Location"] == "/"
    home = squash(page(theirs.get("/")).text_content())
    assert "You are no longer on that case, and can no longer see it." in home
    assert theirs.get(case).status_code == 404
    assert _members(case) == {owner.id}


def test_the_last_person_on_a_case_stays(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    assert f"/members/{owner.id}/remove" not in client.get(case).get_data(as_text=True)
    confirm = page(client.get(f"{case}/members/{owner.id}/remove"))
    assert "the only person on this case" in squash(confirm.text_content())
    assert confirm.xpath("//button[contains(., 'Remove from this case')]") == []
    response = _remove(client, case, owner)
    assert response.status_code == 302
    assert _members(case) == {owner.id}
    assert _events(case, "remove member") == []


def test_removing_needs_the_form_token(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    lead = make_user("lead_professional")
    add_member(client, case, lead.email)
    response = client.post(f"{case}/members/{lead.id}/remove")
    assert response.status_code == 400
    assert lead.id in _members(case)


def test_phoenix_workers_do_not_add_colleagues(app: Flask, owner: User) -> None:
    client = _as(app, owner)
    case = make_case(client)
    phoenix = make_user("phoenix")
    add_member(client, case, phoenix.email)
    colleague = make_user("phoenix")
    theirs = _as(app, phoenix)
    shown: Any = page(theirs.get(case))
    assert shown.xpath("//input[@id='member-email']") == []
    assert "ask its lead professional or a manager" in squash(shown.text_content())
    assert _add(theirs, case, colleague.email).status_code == 404
    assert colleague.id not in _members(case)
