"""Drafts offered back when the same form is started again in the case: continue the draft,
or start a new one."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from forms import ARTEFACTS
from models import Document, db
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    error_messages,
    hidden,
    make_case,
    make_user,
    page,
    sign_in_as,
    squash,
    start,
    submit,
    visible_text,
)

REFERRAL = ARTEFACTS["cse_referral"]
MASE = ARTEFACTS["mase_referral"]
SIGNS = ARTEFACTS["spotting_the_signs"]


def _id(url: str) -> str:
    return url.split("?")[0].rstrip("/").rsplit("/", 1)[1]


def _save_draft(client: FlaskClient, url: str, **answers: str) -> None:
    response = client.post(url, data={**hidden(client, url), "action": "draft", **answers})
    assert response.status_code == 302, error_messages(response)


# Starting a form that has a draft


def test_starting_a_form_with_a_draft_offers_the_draft_first(
    app: Flask, client: FlaskClient
) -> None:
    referrer = make_user("lead_professional", name="Riley Startedfirst")
    colleague = sign_in_as(app.test_client(), referrer)
    case = make_case(client)
    add_member(client, case, referrer.email)
    first = start(colleague, REFERRAL, case)
    offer = start(client, REFERRAL, case)  # the case page's Start button
    assert offer == f"{case}/start/cse_referral"
    assert len(db.session.scalars(select(Document)).all()) == 1  # nothing started yet
    shown = client.get(offer)
    html = page(shown)
    assert squash(html.xpath("//h1")[0].text_content()) == (
        "There is already a draft of the CSE Referral Form in this case"
    )
    text = visible_text(shown)
    assert re.search(r"Started \d+ \w+ \d{4}, \d\d:\d\d by Riley Startedfirst", squash(text))
    assert html.xpath("//a[contains(., 'Continue the draft')]/@href") == [first]
    assert html.xpath("//a[contains(., 'Discard the draft')]/@href") == [f"{first}/discard"]
    # "Start a new one" starts one; the draft stays as it was.
    (form,) = html.xpath("//form[.//button[contains(., 'Start a new one')]]")
    posted = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
    assert posted["new"] == "yes"
    started = client.post(form.get("action"), data=posted)
    assert started.status_code == 302 and started.headers["Location"] != first
    assert len(db.session.scalars(select(Document)).all()) == 2
    # Both are offered now, the newest first.
    html = page(client.get(start(client, REFERRAL, case)))
    assert squash(html.xpath("//h1")[0].text_content()) == (
        "There are already 2 drafts of the CSE Referral Form in this case"
    )
    continues = html.xpath("//a[contains(., 'Continue the draft')]/@href")
    assert continues == [started.headers["Location"], first]


def test_only_drafts_of_the_same_form_in_the_same_case_are_offered(client: FlaskClient) -> None:
    case, other_case = make_case(client), make_case(client)
    start(client, SIGNS, case)
    start(client, REFERRAL, other_case)
    submitted = start(client, REFERRAL, case)
    submit(client, REFERRAL, sample_json("cse_referral"), submitted)
    new = start(client, REFERRAL, case)  # a submitted one has no draft to offer
    assert re.fullmatch(r"/documents/[\w-]{24}", new) and new != submitted
    assert client.get(f"{case}/start/{MASE.slug}").headers["Location"] == case  # none: back


def test_a_report_with_a_draft_is_offered_the_same_way(client: FlaskClient) -> None:
    report = ARTEFACTS["phoenix_progress_report"]
    first = start(client, report)
    offer = start(client, report)
    assert offer == f"/reports/start/{report.slug}"
    html = page(client.get(offer))
    assert squash(html.xpath("//h1")[0].text_content()) == (
        f"There is already a draft of the {report.title} among the reports"
    )
    assert html.xpath("//a[contains(., 'Continue the draft')]/@href") == [first]
    assert html.xpath("//a[contains(@class, 'govuk-back-link')]/@href") == ["/reports"]
    assert "referral pack" not in squash(html.text_content())


def test_changes_not_submitted_are_offered_too(client: FlaskClient) -> None:
    case = make_case(client)
    form = start(client, REFERRAL, case)
    submit(client, REFERRAL, sample_json("cse_referral"), form)
    _save_draft(client, form, child_alias="Changed")
    html = page(client.get(start(client, REFERRAL, case)))
    assert html.xpath("//a[contains(., 'Continue the changes')]/@href") == [form]
    assert "Changes to version 1 (submitted " in squash(html.text_content())


def test_the_offer_says_what_a_new_mase_part_would_continue(client: FlaskClient) -> None:
    case = make_case(client)
    start(client, MASE, case)  # before any referral: it continues nothing
    referral = submit(client, REFERRAL, sample_json("cse_referral"), start(client, REFERRAL, case))
    # From the referral's answers page, as its "Start" button posts it.
    answers = page(client.get(referral))
    (form,) = answers.xpath("//form[.//button[contains(., 'Start the MASE Referral')]]")
    posted = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
    offer = client.post(form.get("action"), data=posted).headers["Location"]
    assert offer == f"{case}/start/mase_referral?continues={_id(referral)}"
    html = page(client.get(offer))
    assert "It will be in the referral pack with the CSE Referral Form submitted" in squash(
        html.text_content()
    )
    (form,) = html.xpath("//form[.//button[contains(., 'Start a new one')]]")
    posted = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
    assert posted["continues"] == _id(referral)
    new = client.post(form.get("action"), data=posted).headers["Location"]
    assert db.session.get_one(Document, _id(new)).continues_id == _id(referral)
    # The referral has its part now: a further one would be in no pack, and the page says so.
    html = page(client.get(start(client, MASE, case)))
    assert "It will not be in a referral pack" in squash(html.text_content())
    assert "In the referral pack with the CSE Referral Form submitted" in squash(
        html.text_content()
    )
