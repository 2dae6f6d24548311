"""The case page's own forms: adding a colleague answers where the user is."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import TestResponse

from models import CaseMember, User, db
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
    assert squash(banner.text_content()).endswith("Alex Testcolleague can now see this case.")
    assert len(html.xpath("//div[@data-module='govuk-notification-banner']")) == 1
    assert colleague.id in _members(case)
    assert "Alex Testcolleague (lead professional)" in squash(html.text_content())


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter your colleague's work email address"),
        (
            "nobody.here@example.org",
            "There is no member of staff with that email address: check it and try again",
        ),
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


def test_a_colleague_already_on_the_case_is_said_at_the_field(
    client: FlaskClient, manager: User
) -> None:
    case = make_case(client)
    response = _add(client, case, manager.email)
    assert response.status_code == 200
    assert inline_error(response, "member-email") == "Morgan Testmanager already works on this case"


def test_adding_a_colleague_needs_the_form_token(client: FlaskClient) -> None:
    colleague = make_user("referrer")
    case = make_case(client)
    response = client.post(f"{case}/members", data={"email": colleague.email})
    assert response.status_code == 400
    assert colleague.id not in _members(case)
