"""Drafts offered back: when the same form is started again in the case (continue the draft,
or start a new one), and on "My cases" for the person who started or last saved them."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import delete, select, update

from forms import ARTEFACTS
from models import CaseMember, Document, User, db
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    make_case,
    make_user,
    page,
    post_answers,
    save_draft,
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
    save_draft(client, form, child_alias="Changed")
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


# My cases


def _drafts_on_home(client: FlaskClient) -> list[list[str]]:
    rows = page(client.get("/")).xpath("//table[contains(@class,'app-drafts')]/tbody/tr")
    return [[squash(c.text_content()) for c in row.xpath("td")] for row in rows]


def _draft_links(client: FlaskClient) -> list[str]:
    html = page(client.get("/"))
    return html.xpath("//table[contains(@class,'app-drafts')]//a[starts-with(., 'Continue')]/@href")


def test_my_cases_lists_my_own_drafts_with_a_link_to_continue(app: Flask) -> None:
    me = make_user("lead_professional", name="Robin Ownwork")  # writes the MASE part too
    client = sign_in_as(app.test_client(), me)
    case = make_case(client, forename="Kayla", surname="Notreal")
    assert not page(client.get("/")).xpath("//h2[.='Your drafts']")
    mine = start(client, REFERRAL, case)
    submitted = start(client, SIGNS, case)
    post_answers(client, SIGNS, sample_json("spotting_the_signs"), url=submitted)
    # A colleague's draft on my case is theirs to finish: not on my list, until I save it.
    lead = make_user("lead_professional", name="Lee Colleague")
    add_member(client, case, lead.email)
    colleague = sign_in_as(app.test_client(), lead)
    theirs = start(colleague, MASE, case)
    assert _draft_links(client) == [mine]
    (row,) = _drafts_on_home(client)
    assert row[0] == "Continue the CSE Referral Form"
    assert row[1] == "Kayla Notreal"
    assert re.fullmatch(r"\d+ \w+ \d{4}, \d\d:\d\d by you", row[2])
    save_draft(client, theirs, missing_episodes="Fictional")
    assert _draft_links(client) == [theirs, mine]  # the last saved first
    assert _draft_links(colleague) == [theirs]  # still theirs too: they started it


def test_my_cases_lists_only_drafts_i_may_still_open(app: Flask) -> None:
    me = make_user("lead_professional")
    client = sign_in_as(app.test_client(), me)
    case, other = make_case(client), make_case(client)
    on_case = start(client, REFERRAL, case)
    mase = start(client, MASE, other)
    assert set(_draft_links(client)) == {on_case, mase}
    # No longer on the case: its draft is not listed (nor can it be opened).
    db.session.execute(
        delete(CaseMember).where(CaseMember.case_id == _id(case), CaseMember.user_id == me.id)
    )
    db.session.commit()
    assert _draft_links(client) == [mase]
    assert client.get(on_case).status_code == 404
    # A role that does not write the MASE part: its draft is not listed either.
    db.session.execute(update(User).where(User.id == me.id).values(role="phoenix"))
    db.session.commit()
    assert _draft_links(client) == []


def test_a_managers_list_has_their_drafts_on_any_case_and_their_reports(
    app: Flask, client: FlaskClient
) -> None:
    owner = sign_in_as(app.test_client(), make_user("referrer"))
    case = make_case(owner, forename="Jordan", surname="Fictitious")
    start(owner, REFERRAL, case)  # the referrer's: not the manager's to finish
    on_case = start(client, SIGNS, case)  # a manager sees every case without being on it
    report = start(client, ARTEFACTS["phoenix_progress_report"])
    rows = _drafts_on_home(client)
    assert [row[1] for row in rows] == ["None: a report", "Jordan Fictitious"]
    assert _draft_links(client) == [report, on_case]
