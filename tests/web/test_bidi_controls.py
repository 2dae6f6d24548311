"""The bidi embedding, override and isolate controls are refused in what a user types (issue
13): "Amira \u202elanoitcif" is shown, in the page, the Word file and the PDF, as "Amira
fictional". Each is refused beside its field, naming it, and nothing is stored. Only fictional
data."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from forms.cse_referral import CSE_REFERRAL
from forms.kinds import unstorable_characters
from models import Case, db
from tests.helpers import FormCheck, error_messages, inline_error, make_case, page, token_on

# Every embedding and override control (U+202A-U+202E) and every isolate (U+2066-U+2069).
BIDI = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
SPOOFED = "Amira \u202elanoitcif"  # shown as "Amira fictional"


def _refusal(called: str, code: str = "U+202E") -> str:
    return (
        f"{called} contains characters that cannot go into a document: {code}."
        " Remove them and try again"
    )


@pytest.mark.parametrize("char", BIDI)
def test_each_bidi_control_is_named_and_marks_are_not(char: str) -> None:
    assert unstorable_characters(f"Amira{char}") == [f"U+{ord(char):04X}"]
    # The left-to-right and right-to-left marks reorder nothing around them: allowed.
    assert unstorable_characters("Amira\u200e\u200f") == []


def test_a_spoofed_forename_is_refused_on_a_new_case(client: FlaskClient) -> None:
    data = {"forename": SPOOFED, "surname": "Fictional", "borough": "Kingston"}
    token = token_on(client, "/cases/new")
    response = client.post("/cases/new", data={**data, "csrf_token": token})
    assert response.status_code == 200
    message = _refusal("The first name")
    assert inline_error(response, "forename") == message
    assert error_messages(response) == [message]  # the GOV.UK error summary
    links = page(response).xpath("//ul[contains(@class,'govuk-error-summary__list')]//a/@href")
    assert links == ["#forename"]
    assert db.session.scalars(select(Case)).all() == []


def test_a_spoofed_surname_is_refused_when_the_details_change(client: FlaskClient) -> None:
    case_url = make_case(client, forename="Amira", surname="Fictional")
    token = token_on(client, f"{case_url}/details")
    data = {"forename": "Amira", "surname": "\u2067Fictional\u2069", "borough": "Kingston"}
    response = client.post(f"{case_url}/details", data={**data, "csrf_token": token})
    assert response.status_code == 200
    assert inline_error(response, "surname") == _refusal("The last name", "U+2067, U+2069")
    case = db.session.scalars(select(Case)).one()
    db.session.refresh(case)
    assert case.details["surname"] == "Fictional"


FORM = FormCheck(CSE_REFERRAL)


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2068"])
def test_a_bidi_control_in_a_form_field_is_refused_naming_it(
    client: FlaskClient, char: str
) -> None:
    FORM.refused(
        client,
        FORM.answers(child_forename=f"Amira {char}lanoitcif"),
        "child_forename",
        _refusal("The child's forename", f"U+{ord(char):04X}"),
    )


def test_an_address_with_a_bidi_control_adds_no_one_and_is_not_shown_again(
    client: FlaskClient,
) -> None:
    case_url = make_case(client)
    token = token_on(client, case_url)
    typed = "amira.fictional\u202e@example.gov.uk"
    response = client.post(f"{case_url}/members", data={"csrf_token": token, "email": typed})
    assert response.status_code == 200
    assert inline_error(response, "member-email") == (  # a format error (web.members)
        "Enter an email address in the correct format, like name@example.org"
    )
    assert page(response).xpath("//input[@id='member-email']/@value") in ([], [""])
    assert len(db.session.scalars(select(Case)).one().members) == 1
