"""Discarding a draft: after a confirmation page, audited, refused on an out-of-date page,
and never a submitted version."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from forms import ARTEFACTS
from models import AuditEvent, Document, Submission, User, db
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    error_messages,
    hidden,
    make_case,
    make_user,
    page,
    save_draft,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
    value_on,
    visible_text,
)

REFERRAL = ARTEFACTS["cse_referral"]
MASE = ARTEFACTS["mase_referral"]


def _id(url: str) -> str:
    return url.split("?")[0].rstrip("/").rsplit("/", 1)[1]


def _discard_link(client: FlaskClient, case: str, title: str) -> str:
    html = page(client.get(case))
    (href,) = html.xpath(f"//tr[contains(., '{title}')]//a[starts-with(., 'Discard the')]/@href")
    return href


def _confirm(client: FlaskClient, url: str) -> object:
    html = page(client.get(url))
    posted = {i.get("name"): i.get("value") for i in html.xpath("//main//form//input")}
    return client.post(url, data=posted)


def test_a_draft_never_submitted_is_deleted_once_confirmed(
    client: FlaskClient, manager: User
) -> None:
    case = make_case(client)
    form = start(client, REFERRAL, case)
    save_draft(client, form, child_forename="Jasmine")
    url = _discard_link(client, case, "CSE Referral Form")
    assert url == f"{form}/discard"
    confirmation = client.get(url)
    html = page(confirmation)
    assert confirmation.headers["Cache-Control"] == "no-store"
    assert squash(html.xpath("//h1")[0].text_content()) == (
        "Are you sure you want to discard the draft of the CSE Referral Form?"
    )
    assert "You cannot undo this." in visible_text(confirmation)
    (button,) = html.xpath("//main//form//button")
    assert "govuk-button--warning" in button.get("class")
    assert squash(button.text_content()) == "Discard the draft"
    assert html.xpath("//main//a[.='Cancel']/@href") == [case]
    assert db.session.get(Document, _id(form)) is not None  # asking deletes nothing

    response = _confirm(client, url)
    assert response.status_code == 302 and response.headers["Location"] == case
    assert db.session.scalar(select(Document).where(Document.id == _id(form))) is None
    shown = client.get(case)
    assert "The draft of the CSE Referral Form was discarded." in visible_text(shown)
    assert "No forms have been started yet." in visible_text(shown)
    assert client.get(form).status_code == 404
    # Its audit events stay, with its id, and the trail still names what they were about.
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.document_id == _id(form)).order_by(AuditEvent.id)
    ).all()
    actions = [e.action for e in events]
    assert actions[:2] == ["start", "view"] and actions[-2:] == ["discard draft", "refused"]
    assert "save draft" in actions
    discarded = events[-2]
    assert discarded.user_id == manager.id and discarded.case_id == _id(case)
    assert "Jasmine" not in " ".join(str(vars(e)) for e in events)
    trail = page(shown).xpath("//table[contains(@class,'app-audit')]//tbody/tr")
    cells = [[squash(c.text_content()) for c in row.xpath("td")] for row in trail]
    assert ["discard draft", "A discarded draft"] in [row[2:] for row in cells]


def test_discarding_changes_keeps_every_version(client: FlaskClient) -> None:
    case = make_case(client)
    form = start(client, REFERRAL, case)
    data = sample_json("cse_referral")
    submit(client, REFERRAL, data, form)
    save_draft(client, form, child_alias="Unsubmitted alias")
    assert value_on(client, form, REFERRAL, "child_alias") == ["Unsubmitted alias"]
    url = _discard_link(client, case, "CSE Referral Form")
    html = page(client.get(url))
    assert squash(html.xpath("//h1")[0].text_content()) == (
        "Are you sure you want to discard the changes to the CSE Referral Form?"
    )
    assert "Version 1, submitted " in squash(html.text_content())
    response = _confirm(client, url)
    assert response.status_code == 302
    doc = db.session.get_one(Document, _id(form))
    assert doc.draft is None
    versions = db.session.scalars(select(Submission).where(Submission.document_id == doc.id)).all()
    assert [(v.number, v.answers) for v in versions] == [(1, data)]
    # The case page says it is submitted; the form is back to version 1's answers.
    shown = client.get(case)
    assert "it is as version 1 was submitted" in visible_text(shown)
    assert value_on(client, form, REFERRAL, "child_alias") == ["Jazz"]
    status = page(shown).xpath("//tr[contains(., 'CSE Referral Form')]//strong")[0].text
    assert status.strip() == "Submitted"
    assert not page(shown).xpath("//a[starts-with(., 'Discard the')]")


def test_nothing_to_discard_is_said_and_changes_nothing(client: FlaskClient) -> None:
    case = make_case(client)
    form = start(client, REFERRAL, case)
    submit(client, REFERRAL, sample_json("cse_referral"), form)
    for response in (client.get(f"{form}/discard"), _confirm_blind(client, form, case)):
        assert response.status_code == 302 and response.headers["Location"] == case
    assert "has no draft to discard" in visible_text(client.get(case))
    assert len(db.session.scalars(select(Submission)).all()) == 1


def _confirm_blind(client: FlaskClient, form: str, case: str) -> object:
    """A post to discard, with a valid token and the lock the form page shows."""
    return client.post(
        f"{form}/discard",
        data={
            "csrf_token": token_on(client, case),
            "lock_version": hidden(client, f"{form}/sections/1")["lock_version"],
        },
    )


def test_a_discard_needs_its_token_and_an_up_to_date_page(app: Flask, client: FlaskClient) -> None:
    case = make_case(client)
    form = start(client, REFERRAL, case)
    url = f"{form}/discard"
    lock = page(client.get(url)).xpath("//input[@name='lock_version']/@value")[0]
    assert client.post(url, data={"lock_version": lock}).status_code == 400
    assert db.session.get(Document, _id(form)) is not None
    # A colleague saves after the confirmation page was opened: the discard is refused.
    colleague = make_user("manager", name="Casey Colleague")
    save_draft(sign_in_as(app.test_client(), colleague), form, child_alias="Theirs")
    token = token_on(client, case)
    refused = client.post(url, data={"csrf_token": token, "lock_version": lock})
    assert refused.status_code == 200
    (message,) = error_messages(refused)
    assert re.fullmatch(
        r"This was changed by Casey Colleague at \d\d:\d\d on \d+ \w+ \d{4}, after you opened"
        r" it\. Nothing was discarded: look at the draft again first",
        message,
    )
    assert db.session.get_one(Document, _id(form)).draft is not None
    # The page now holds the new lock: confirming again discards what is there now.
    assert _confirm_from(client, refused, url).status_code == 302
    assert db.session.scalar(select(Document).where(Document.id == _id(form))) is None


def _confirm_from(client: FlaskClient, response: object, url: str) -> object:
    html = page(response)  # type: ignore[arg-type]
    posted = {i.get("name"): i.get("value") for i in html.xpath("//main//form//input")}
    return client.post(url, data=posted)


def test_only_those_who_may_edit_the_form_may_discard_it(app: Flask) -> None:
    referrer = make_user("referrer")
    owner = sign_in_as(app.test_client(), referrer)
    case = make_case(owner)
    phoenix, lead = make_user("phoenix"), make_user("lead_professional")
    add_member(owner, case, phoenix.email)
    add_member(owner, case, lead.email)
    # The lead professional's MASE part: phoenix workers (and the referrer) see it, not write it.
    form = start(sign_in_as(app.test_client(), lead), MASE, case)
    assert owner.get(f"{form}/discard").status_code == 404
    worker = sign_in_as(app.test_client(), phoenix)
    assert worker.get(case).status_code == 200
    assert not page(worker.get(case)).xpath("//a[starts-with(., 'Discard the')]")
    assert worker.get(f"{form}/discard").status_code == 404
    token = token_on(worker, case)
    refused = worker.post(f"{form}/discard", data={"csrf_token": token, "lock_version": "1"})
    assert refused.status_code == 404
    assert db.session.get(Document, _id(form)) is not None
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.user_id == phoenix.id))
    assert "refused" in list(actions)


def test_a_discarded_mase_draft_leaves_its_referral_free_for_a_new_one(
    client: FlaskClient,
) -> None:
    case = make_case(client)
    referral = submit(client, REFERRAL, sample_json("cse_referral"), start(client, REFERRAL, case))
    mase = start(client, MASE, case)
    url = f"{mase}/discard"
    assert "It will no longer be part of the referral pack with the CSE Referral Form" in squash(
        page(client.get(url)).text_content()
    )
    assert _confirm(client, url).status_code == 302
    again = start(client, MASE, case)
    assert db.session.get_one(Document, _id(again)).continues_id == _id(referral)
