"""Drafts and versions: save without finishing, resume, autosave, submit versions, and never
overwrite someone else's save."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from forms import ARTEFACTS
from forms.tasks import number_of
from models import AuditEvent, Document, Submission, db
from tests.conftest import sample_json
from tests.helpers import (
    error_messages,
    form_data,
    hidden,
    inline_error,
    make_case,
    make_user,
    page,
    post_answers,
    post_section,
    save_answers,
    section_of,
    sign_in_as,
    start,
    stored,
    value_on,
)

REFERRAL = ARTEFACTS["cse_referral"]


def _value(client: FlaskClient, url: str, name: str) -> list[str]:
    return value_on(client, url, REFERRAL, name)


def _save_draft(client: FlaskClient, url: str, **answers: str) -> TestResponse:
    return save_answers(client, url, REFERRAL, **answers)


def test_a_draft_saves_without_required_answers_and_resumes_as_typed(client: FlaskClient) -> None:
    case = make_case(client)
    url = start(client, REFERRAL, case)
    # Half-typed: no required answers, and a date that is not (yet) a date.
    for answers in (
        {"child_forename": "Jasmine"},
        {"date_of_referral": ["31", "2", ""]},
        {"concerns_summary": "First line\nsecond line <b>not markup</b>"},
    ):
        response = _save_draft(client, url, **answers)
        assert response.status_code == 302 and response.headers["Location"] == url
    told = page(client.get(url)).text_content()
    assert "Your answers to 'Details of current CSE Concerns' were saved." in told
    assert stored() == 0  # a draft is not a submission
    shown = page(client.get(case))
    assert shown.xpath("//tr[contains(., 'CSE Referral Form')]//strong")[0].text.strip() == "Draft"
    assert _value(client, url, "child_forename") == ["Jasmine"]
    assert _value(client, url, "concerns_summary") == ["First line\nsecond line <b>not markup</b>"]
    assert _value(client, url, "date_of_referral") == ["31", "2", ""]
    # What the draft does not hold is empty again: nothing is invented.
    assert _value(client, url, "referrer_role") == [""]


def test_a_draft_keeps_new_lines_as_browsers_send_them(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    response = _save_draft(client, url, concerns_summary="One\r\nTwo\rThree")
    assert response.status_code == 302, error_messages(response)
    # (the page parser reads every line end as a new line)
    assert _value(client, url, "concerns_summary") == ["One\nTwo\nThree"]


def test_a_box_revealed_by_a_choice_keeps_its_lines_as_typed(client: FlaskClient) -> None:
    # The page once indented every line but the first of such a box, so each time the form
    # was opened and saved (autosave does it as people type) its lines gained two spaces.
    url = start(client, REFERRAL)
    typed = "Discussed with the consultation group.\nAgreed to refer to MASE."
    for _ in range(2):
        response = _save_draft(client, url, consultation="yes", consultation_outcome=typed)
        assert response.status_code == 302, error_messages(response)
        assert _value(client, url, "consultation_outcome") == [typed]


def test_a_draft_refuses_characters_no_document_can_hold(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    response = _save_draft(client, url, child_alias="Jas\x07mine")
    assert response.status_code == 200
    assert inline_error(response, "child_alias") == (
        "The child's alias contains characters that cannot go into a document: U+0007."
        " Remove them and try again"
    )
    assert _value(client, url, "child_alias") == [""]  # the saved draft is as it was


def test_a_draft_refuses_a_bidi_override(client: FlaskClient) -> None:
    # issue 13: "Amira \u202elanoitcif" would show as "Amira fictional"; refused even on a draft.
    url = start(client, REFERRAL)
    response = _save_draft(client, url, child_forename="Amira \u202elanoitcif")
    assert response.status_code == 200
    assert inline_error(response, "child_forename") == (
        "The child's forename contains characters that cannot go into a document: U+202E."
        " Remove them and try again"
    )
    assert _value(client, url, "child_forename") == ["Testy"]  # as filled from the case


def test_autosave_keeps_the_draft_and_returns_the_new_lock(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    fields = hidden(client, section_of(url, REFERRAL, "child_alias"))
    response = client.post(f"{url}/autosave", data={**fields, "child_alias": "Jazz"})
    assert response.status_code == 200
    assert response.json["lock_version"] == int(fields["lock_version"]) + 1
    assert re.fullmatch(r"\d\d:\d\d", response.json["saved"])
    assert response.json["by"] == "Morgan Testmanager"
    assert _value(client, url, "child_alias") == ["Jazz"]
    # The page's old lock is now out of date: a second save on it is refused, not merged.
    stale = client.post(f"{url}/autosave", data={**fields, "child_alias": "Other"})
    assert stale.status_code == 409
    assert stale.json["message"].startswith("This was changed by Morgan Testmanager at ")
    assert _value(client, url, "child_alias") == ["Jazz"]


def test_autosave_refuses_bad_characters_and_missing_tokens(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    fields = hidden(client, section_of(url, REFERRAL, "child_alias"))
    bad = client.post(f"{url}/autosave", data={**fields, "child_alias": "a\x00b"})
    assert bad.status_code == 422
    assert bad.json["message"].startswith("The child's alias contains characters")
    for token in (None, "forged"):
        posted = {"lock_version": fields["lock_version"], "child_alias": "Sneaky"}
        if token:
            posted["csrf_token"] = token
        refused = client.post(f"{url}/autosave", data=posted)
        assert refused.status_code == 400 and "nothing was saved" in refused.json["message"]
    assert _value(client, url, "child_alias") == [""]


def _save_draft_with(client: FlaskClient, url: str, fields: dict, **answers: str) -> TestResponse:
    return save_answers(client, url, REFERRAL, fields, **answers)


def test_the_second_of_two_editors_is_told_who_saved_first(app: Flask, client: FlaskClient) -> None:
    case = make_case(client)
    url = start(client, REFERRAL, case)
    colleague = sign_in_as(app.test_client(), make_user("manager", name="Casey Colleague"))
    child = section_of(url, REFERRAL, "child_alias")
    mine, theirs = hidden(client, child), hidden(colleague, child)
    assert _save_draft_with(colleague, url, theirs, child_alias="Theirs").status_code == 302
    response = _save_draft_with(client, url, mine, child_alias="Mine")
    assert response.status_code == 200
    message = error_messages(response)[0]
    assert re.fullmatch(
        r"This was changed by Casey Colleague at \d\d:\d\d on \d+ \w+ \d{4}, after you opened"
        r" it\. Your changes have not been saved: copy anything you need, then open the"
        r" document again",
        message,
    )
    # What the second editor typed is still on their page, to copy; the first save stands.
    assert page(response).xpath("//input[@name='child_alias']/@value") == ["Mine"]
    assert _value(client, url, "child_alias") == ["Theirs"]


def test_submitting_makes_versions_that_never_change(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    data = sample_json("cse_referral")
    first = post_answers(client, REFERRAL, data, url=url).headers["Location"]
    document = db.session.scalars(select(Document)).one()
    assert document.draft is None
    # Editing a submitted document starts from its answers and submits version 2.
    assert _value(client, url, "child_forename") == [data["child_forename"]]
    second = post_answers(client, REFERRAL, {**data, "child_alias": "Changed"}, url=url)
    assert second.status_code == 302
    versions = db.session.scalars(select(Submission).order_by(Submission.number)).all()
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].answers == data  # version 1 is as it was submitted
    assert versions[1].answers["child_alias"] == "Changed"
    caption = page(client.get(first)).xpath("//span[@class='govuk-caption-xl']")[0].text
    assert caption.startswith("Version 1, submitted ")
    # A submit from a page opened before version 2 is refused like a stale draft.
    child = number_of(REFERRAL, "child_alias")
    changed = form_data(REFERRAL, {**data, "child_alias": "Changed again"})
    assert post_section(client, url, REFERRAL, child, changed, "later").status_code == 302
    check = hidden(client, f"{url}/check")
    changed = form_data(REFERRAL, {**data, "child_alias": "Changed twice"})
    assert post_section(client, url, REFERRAL, child, changed, "later").status_code == 302
    stale = client.post(f"{url}/check", data=check)
    assert stale.status_code == 200 and error_messages(stale)[0].startswith("This was changed")
    assert stored() == 2


def test_saves_and_submissions_are_audited_without_content(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    _save_draft(client, url, child_forename="Auditname")
    version = post_answers(client, REFERRAL, sample_json("cse_referral"), url=url)
    client.get(f"{version.headers['Location']}/document.pdf")
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    actions = [e.action for e in events]
    for action in ("create case", "view case", "start", "view", "save draft", "submit"):
        assert action in actions
    assert "download PDF" in actions  # with its format (issue 13)
    document_id = url.rsplit("/", 1)[1]
    assert {e.document_id for e in events if e.action in ("save draft", "download PDF")} == {
        document_id
    }
    everything = " ".join(str(vars(e)) for e in events)
    for answer in ("Auditname", "Jasmine", "Testcase", "Testy"):
        assert answer not in everything


def test_managers_read_the_audit_trail_on_the_case_page(app: Flask, client: FlaskClient) -> None:
    case = make_case(client)
    referrer = make_user("referrer", email="robin.audit@example.org", name="Robin Audit")
    stranger = sign_in_as(app.test_client(), referrer)
    assert stranger.get(case).status_code == 404
    rows = page(client.get(case)).xpath("//table[contains(@class,'app-audit')]//tbody/tr")
    cells = [[c.text_content().strip() for c in row.xpath("td")] for row in rows]
    # Newest first, each person by name and address.
    assert cells[1][1:3] == ["Robin Audit (robin.audit@example.org)", "refused"]
    assert cells[0][2] == "view case"
    # Other roles do not see the trail.
    owner = sign_in_as(app.test_client(), make_user("referrer"))
    own_case = make_case(owner)
    assert not page(owner.get(own_case)).xpath("//table[contains(@class,'app-audit')]")
