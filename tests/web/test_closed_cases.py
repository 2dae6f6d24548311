"""Closed means closed (issue 13, web/closed.py): once a manager has closed a case (after
confirming it), every route that would change it refuses with 409 and nothing in the database
changes; reading stays allowed; only a manager reopens it."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from forms import ARTEFACTS
from models import (
    AuditEvent,
    Case,
    CaseMember,
    Contact,
    Document,
    PathwayEvent,
    Submission,
    db,
)
from tests.conftest import sample
from tests.helpers import (
    add_member,
    form_data,
    make_case,
    make_user,
    page,
    post_section,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
)
from web.closed import CLOSED, marked

REFERRAL = ARTEFACTS["cse_referral"]
TODAY = ["5", "1", "2026"]

# Every change refused on a closed case: (method, path under {case}, {doc}, {member}, data).
# The data would change something on an open case (test_each_change_works_on_an_open_case).
CHANGES: dict[str, tuple[str, str, dict[str, Any]]] = {
    "details form": ("GET", "{case}/details", {}),
    "details": (
        "POST",
        "{case}/details",
        {"forename": "Changed", "surname": "Example", "borough": "Kingston"},
    ),
    "start offer": ("GET", "{case}/start/cse_referral", {}),
    "start": ("POST", "{case}/start/cse_referral", {"new": "yes"}),
    "task list": ("GET", "{doc}", {}),
    "section page": ("GET", "{doc}/sections/1", {}),
    "section save": ("POST", "{doc}/sections/1", {"action": "later", "lock_version": "{lock}"}),
    "autosave": ("POST", "{doc}/autosave", {"section": "1", "lock_version": "{lock}"}),
    "check": ("GET", "{doc}/check", {}),
    "submit": ("POST", "{doc}/check", {"lock_version": "{lock}"}),
    "discard page": ("GET", "{doc}/discard", {}),
    "discard": ("POST", "{doc}/discard", {"lock_version": "{lock}"}),
    "attach": ("POST", "{doc}/report", {"report": "{doc_id}"}),
    "add member": ("POST", "{case}/members", {"email": "{spare}"}),
    "remove member page": ("GET", "{case}/members/{member}/remove", {}),
    "remove member": ("POST", "{case}/members/{member}/remove", {}),
    "pathway step": (
        "POST",
        "{case}/pathway",
        {"step": "phoenix_sent", "happened_on": TODAY},
    ),
    "contact": (
        "POST",
        "{case}/contacts",
        {
            "contact_on": TODAY,
            "contact_minutes": "45",
            "contact_type": "home_visit",
            "contact_nature": "Discussion about healthy relationships",
            "contact_summary": "Met at the youth centre.",
        },
    ),
}

# Routes of a case or its documents that may write and stay allowed on a closed case, and why.
ALLOWED_WHEN_CLOSED = {
    "case_status.change_status": "reopening it, and legal hold, are what a closed case needs",
    "sending.send_version": "sending what was submitted (README, 'Closed cases')",
}


def _snapshot() -> dict[str, Any]:
    """Everything a change to a case could touch (the audit trail aside)."""
    docs = db.session.execute(select(Document.id, Document.draft, Document.lock_version))
    return {
        "cases": sorted(
            (c.id, str(c.details), c.closed_at) for c in db.session.scalars(select(Case))
        ),
        "documents": sorted((i, str(d), v) for i, d, v in docs),
        "versions": sorted(db.session.scalars(select(Submission.id))),
        "members": sorted(db.session.execute(select(CaseMember.case_id, CaseMember.user_id))),
        "steps": sorted(db.session.scalars(select(PathwayEvent.id))),
        "contacts": sorted(db.session.scalars(select(Contact.id))),
    }


def _close(client: FlaskClient, case: str) -> None:
    token = token_on(client, f"{case}/status/close")
    done = client.post(f"{case}/status/close", data={"csrf_token": token, "confirm": "close"})
    assert done.status_code == 302


@pytest.fixture
def world(client: FlaskClient) -> dict[str, Any]:
    """A manager's case with a colleague on it, a draft and a submitted version."""
    colleague = make_user("referrer", name="Amira Fictional")
    spare = make_user("lead_professional", name="Bea Fictional")
    case = make_case(client)
    add_member(client, case, colleague.email)
    version = submit(client, REFERRAL, sample(REFERRAL), start(client, REFERRAL, case, new="yes"))
    doc = start(client, REFERRAL, case, new="yes")
    posted = form_data(REFERRAL, sample(REFERRAL))  # complete, not submitted: it could be
    for number in range(1, len(REFERRAL.sections) + 1):
        assert post_section(client, doc, REFERRAL, number, posted).status_code == 302
    return {"case": case, "doc": doc, "version": version, "member": colleague.id, "spare": spare}


def _ask(client: FlaskClient, world: dict[str, Any], change: str) -> Any:
    method, path, data = CHANGES[change]
    doc_id = world["doc"].rsplit("/", 1)[1]
    lock = str(db.session.get_one(Document, doc_id).lock_version)
    names = {**world, "doc_id": doc_id, "lock": lock, "spare": world["spare"].email}
    url = path.format(**names)
    if method == "GET":
        return client.get(url)
    filled = {k: v.format(**names) if isinstance(v, str) else v for k, v in data.items()}
    return client.post(url, data={"csrf_token": token_on(client, "/cases/new"), **filled})


@pytest.mark.parametrize("change", CHANGES)
def test_a_closed_case_refuses_every_change(
    client: FlaskClient, world: dict[str, Any], change: str
) -> None:
    _close(client, world["case"])
    before = _snapshot()
    response = _ask(client, world, change)
    assert response.status_code == 409
    db.session.expire_all()
    assert _snapshot() == before
    if change == "autosave":  # the form page's script shows the message (application.mjs)
        assert response.get_json()["message"].startswith(CLOSED)
    else:
        html = page(response)
        assert squash(html.xpath("//h1")[0].text_content()) == "This case is closed"
        assert CLOSED in squash(html.text_content())
        assert html.xpath(f"//main//a[@href='{world['case']}']")  # the way back to the case


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_works_on_an_open_case(
    client: FlaskClient, world: dict[str, Any], change: str
) -> None:
    """The refusals above are the closure's, not the requests': open, each one is answered
    (a form, or done and redirected; a case's document attaches to no report: 404)."""
    method = CHANGES[change][0]
    expected = {"autosave": 200, "attach": 404}.get(change, 200 if method == "GET" else 302)
    assert _ask(client, world, change).status_code == expected


def test_every_route_that_writes_to_a_case_is_refused_when_closed(app: Flask) -> None:
    """A new route of a case or a document that takes a POST must be marked @changes_case, or
    say here why a closed case allows it."""
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            scoped = {"case_id", "document_id", "version_id"} & set(rule.arguments)
            if not scoped or not (rule.methods or set()) - {"GET", "HEAD", "OPTIONS"}:
                continue
            assert marked(rule.endpoint) or rule.endpoint in ALLOWED_WHEN_CLOSED, rule.rule


def test_reading_stays_allowed_and_the_page_says_closed(
    client: FlaskClient, world: dict[str, Any]
) -> None:
    _close(client, world["case"])
    html = page(client.get(world["case"]))
    assert squash(html.xpath("//h1//strong")[0].text_content()) == "Closed"
    (banner,) = html.xpath("//div[@id='case-closed']")
    said = squash(banner.text_content())
    assert "This case was closed on " in said and ": reopen it to change anything." in said
    # Nothing offered to change: no form but the sign-out, no start, edit or details links.
    actions = html.xpath("//main//form/@action")
    assert actions == [], actions
    hrefs = " ".join(html.xpath("//main//a/@href"))
    for part in ("/details", "/start/", "/sections/", "/remove", "/discard"):
        assert part not in hrefs
    assert "/status/reopen" in hrefs  # the manager's way back
    assert client.get(world["version"]).status_code == 200
    assert client.get(f"{world['version']}/document.pdf").status_code == 200


def test_someone_not_on_a_closed_case_is_still_told_it_does_not_exist(
    app: Flask, client: FlaskClient, world: dict[str, Any]
) -> None:
    _close(client, world["case"])
    outsider = sign_in_as(app.test_client(), make_user("referrer", name="Cara Fictional"))
    assert outsider.get(f"{world['case']}/details").status_code == 404


@pytest.mark.parametrize("role", ["referrer", "lead_professional", "spa", "phoenix"])
def test_only_a_manager_reopens(
    app: Flask, client: FlaskClient, world: dict[str, Any], role: str
) -> None:
    _close(client, world["case"])
    user = make_user(role, name="Dee Fictional")
    other = sign_in_as(app.test_client(), user)
    if role in {"referrer", "lead_professional"}:  # on the case: it sees it, but cannot reopen
        add_to = db.session.get_one(Case, world["case"].rsplit("/", 1)[1])
        db.session.add(CaseMember(case_id=add_to.id, user_id=user.id))
        db.session.commit()
        assert other.get(world["case"]).status_code == 200
    token = token_on(other, "/")
    url = f"{world['case']}/status/reopen"
    assert other.get(url).status_code == 404
    assert other.post(url, data={"csrf_token": token, "confirm": "reopen"}).status_code == 404
    db.session.expire_all()
    assert db.session.get_one(Case, world["case"].rsplit("/", 1)[1]).closed_at is not None


@pytest.mark.parametrize("change", ["close", "hold"])
def test_a_post_without_the_confirmation_changes_nothing(client: FlaskClient, change: str) -> None:
    case = make_case(client)
    token = token_on(client, case)
    response = client.post(f"{case}/status/{change}", data={"csrf_token": token})
    assert response.status_code == 200  # the confirmation page, asked again
    assert page(response).xpath("//input[@name='confirm']/@value") == [change]
    row = db.session.get_one(Case, case.rsplit("/", 1)[1])
    assert row.closed_at is None and not row.legal_hold
    assert not db.session.scalars(select(AuditEvent).where(AuditEvent.action == change)).all()


def test_reopened_the_case_takes_changes_again(client: FlaskClient, world: dict[str, Any]) -> None:
    _close(client, world["case"])
    token = token_on(client, f"{world['case']}/status/reopen")
    client.post(f"{world['case']}/status/reopen", data={"csrf_token": token, "confirm": "reopen"})
    assert _ask(client, world, "details").status_code == 302
    db.session.expire_all()
    row = db.session.get_one(Case, world["case"].rsplit("/", 1)[1])
    assert row.closed_at is None and row.details["forename"] == "Changed"
