"""The case page's own forms: adding a colleague answers where the user is, and a manager's
change of status (close, reopen, legal hold) is confirmed on a page of its own first."""

from __future__ import annotations

import datetime as dt

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from models import AuditEvent, Case, CaseMember, db
from tests.helpers import inline_error, make_case, make_user, page, squash, token_on


def _members(case_url: str) -> set[str]:
    case_id = case_url.rsplit("/", 1)[1]
    return set(db.session.scalars(select(CaseMember.user_id).where(CaseMember.case_id == case_id)))


def _add(client: FlaskClient, case_url: str, email: str) -> TestResponse:
    token = token_on(client, case_url)
    return client.post(f"{case_url}/members", data={"csrf_token": token, "email": email})


def test_a_colleague_added_is_announced_in_the_people_section(client: FlaskClient) -> None:
    colleague = make_user("lead_professional", name="Alex Testcolleague")
    case = make_case(client)
    response = _add(client, case, f"  {colleague.email.upper()} ")
    assert response.status_code == 302
    assert response.headers["Location"] == f"{case}#member-added"
    html = page(client.get(response.headers["Location"]))
    # The banner follows the People heading, not the top of the page, and takes focus.
    (banner,) = html.xpath("//*[@id='people']/following-sibling::div[1][@id='member-added']")
    assert "govuk-notification-banner--success" in banner.get("class")
    assert banner.get("role") == "alert" and banner.get("tabindex") == "-1"
    said = (
        f"If {colleague.email} is a colleague who can use this service, they can now see this case."
    )
    assert squash(banner.text_content()).endswith(said)
    assert len(html.xpath("//div[@data-module='govuk-notification-banner']")) == 1
    assert colleague.id in _members(case)
    assert "Alex Testcolleague (lead professional)" in squash(html.text_content())


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter your colleague's work email address"),
        # Only the address's form is checked here: whether anyone has it is never said
        # (tests/web/test_members.py).
        ("nobody.here", "Enter an email address in the correct format, like name@example.org"),
    ],
)
def test_a_colleague_not_added_is_said_at_the_field(
    client: FlaskClient, typed: str, message: str
) -> None:
    case = make_case(client)
    before = _members(case)
    response = _add(client, case, typed)
    assert response.status_code == 200
    html = page(response)
    assert html.findtext(".//title").startswith("Error: ")
    assert inline_error(response, "member-email") == message
    summary = html.xpath("//div[contains(@class, 'govuk-error-summary')]//a")
    assert [(a.get("href"), squash(a.text_content())) for a in summary] == [
        ("#member-email", message)
    ]
    (box,) = html.xpath("//input[@id='member-email']")
    assert box.get("value") == typed  # what was typed is kept, to correct it
    assert "member-email-error" in box.get("aria-describedby")
    assert _members(case) == before


def test_adding_a_colleague_needs_the_form_token(client: FlaskClient) -> None:
    colleague = make_user("referrer")
    case = make_case(client)
    response = client.post(f"{case}/members", data={"email": colleague.email})
    assert response.status_code == 400
    assert colleague.id not in _members(case)


def _case(url: str) -> Case:
    return db.session.get_one(Case, url.rsplit("/", 1)[1])


def _audited(url: str) -> list[str]:
    case_id = url.rsplit("/", 1)[1]
    query = select(AuditEvent.action).where(AuditEvent.case_id == case_id)
    return [a for a in db.session.scalars(query) if a not in ("view case", "create case")]


# Each change: how the case must be first, the question, the button, and what it does.
CHANGES = {
    "close": ({}, "Are you sure you want to close this case?", "Close the case", "warning"),
    "reopen": (
        {"closed_at": dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC)},
        "Are you sure you want to reopen this case?",
        "Reopen the case",
        "",
    ),
    "hold": ({}, "Are you sure you want to put this case on legal hold?", "Put on legal hold", ""),
    "release": (
        {"legal_hold": True},
        "Are you sure you want to release the legal hold?",
        "Release the legal hold",
        "warning",
    ),
}
AFTER = {
    "close": lambda case: case.closed_at is not None,
    "reopen": lambda case: case.closed_at is None,
    "hold": lambda case: case.legal_hold,
    "release": lambda case: not case.legal_hold,
}


def _in_state(client: FlaskClient, **state: object) -> str:
    url = make_case(client)
    case = _case(url)
    for column, value in state.items():
        setattr(case, column, value)
    db.session.commit()
    return url


@pytest.mark.parametrize("change", CHANGES)
def test_a_status_change_is_confirmed_before_it_is_made(client: FlaskClient, change: str) -> None:
    state, question, button, kind = CHANGES[change]
    url = _in_state(client, **state)
    # The case page links to the confirmation page: it changes nothing itself.
    html = page(client.get(url))
    (link,) = html.xpath(f"//main//a[normalize-space()='{button}']")
    assert link.get("href") == f"{url}/status/{change}"
    assert not html.xpath("//main//form[contains(@action, '/status')]")

    confirm = client.get(link.get("href"))
    assert confirm.status_code == 200
    html = page(confirm)
    assert squash(html.xpath("//h1")[0].text_content()) == question
    assert html.findtext(".//title").startswith(question)
    (submit,) = html.xpath("//main//form[@method='post']//button")
    assert squash(submit.text_content()) == button
    assert ("govuk-button--warning" in submit.get("class")) is (kind == "warning")
    (cancel,) = html.xpath("//main//a[normalize-space()='Cancel']")
    assert cancel.get("href") == url
    assert not AFTER[change](_case(url)) and _audited(url) == []  # only asked so far

    token = html.xpath("//main//form//input[@name='csrf_token']/@value")[0]
    done = client.post(f"{url}/status/{change}", data={"csrf_token": token, "confirm": change})
    assert done.status_code == 302 and done.headers["Location"] == url
    assert AFTER[change](_case(url))
    assert _audited(url) == [change]
    (banner,) = page(client.get(url)).xpath(
        "//div[@data-module='govuk-notification-banner'][contains(@class, 'success')]"
    )
    assert squash(banner.text_content()).startswith("Success The ")


def test_the_confirmation_says_what_the_change_means(client: FlaskClient) -> None:
    closing = squash(page(client.get(f"{make_case(client)}/status/close")).text_content())
    assert "25 years after it is closed, the case is deleted" in closing
    closed = _in_state(
        client, closed_at=dt.datetime(2026, 1, 5, 10, 0, tzinfo=dt.UTC), legal_hold=True
    )
    releasing = squash(page(client.get(f"{closed}/status/release")).text_content())
    assert "it can be deleted from 30 December 2050" in releasing  # 9,125 days later


def test_a_change_already_made_changes_nothing(client: FlaskClient) -> None:
    url = _in_state(client, legal_hold=True)
    token = token_on(client, url)
    again = client.post(f"{url}/status/hold", data={"csrf_token": token})
    assert again.status_code == 302 and again.headers["Location"] == url
    assert client.get(f"{url}/status/hold").headers["Location"] == url
    assert _audited(url) == []


def test_status_changes_need_the_form_token_and_a_known_change(client: FlaskClient) -> None:
    url = make_case(client)
    assert client.post(f"{url}/status/close", data={}).status_code == 400
    assert _case(url).closed_at is None
    assert client.get(f"{url}/status/delete").status_code == 404
