"""CSE Referral Form validation: each rule's message next to the right field, nothing stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask.testing import FlaskClient

from forms.cse_referral import CSE_REFERRAL
from forms.tasks import number_of
from tests.helpers import FormCheck, inline_error, post_answers, problems_shown, stored

FORM = FormCheck(CSE_REFERRAL)
answers, refused = FORM.answers, FORM.refused


def test_empty_form_lists_every_required_answer(client: FlaskClient) -> None:
    inline, summary = problems_shown(client, CSE_REFERRAL, {})
    expected = {
        "referrer_name": "Enter the name of the referrer",
        "referrer_agency": "Enter the referrer's agency",
        "referrer_role": "Enter the referrer's role",
        "referrer_email": "Enter an email address or a telephone number for the referrer",
        "date_of_referral-day": "Enter the date of referral to SPA",
        "child_forename": "Enter the child's forename",
        "child_surname": "Enter the child's surname",
        "child_dob-day": "Enter the child's date of birth",
        "concerns_summary": "Enter the details of current CSE concerns, in the summary or under"
        " at least one SAFEGUARD heading",
    }
    for field_id, message in expected.items():
        assert inline[field_id] == message, field_id
    # The summary lists them in page order, each linking to its input.
    # "Check your answers" lists them in page order, each linking to its input.
    assert summary == [(message, field_id) for field_id, message in expected.items()]
    assert stored() == 0


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("31", "2", "2026"), "The date of referral to SPA must be a real date"),
        (("3", "", "2026"), "The date of referral to SPA must include a month"),
        (("", "", "2026"), "The date of referral to SPA must include a day and a month"),
        (("3", "11", "26"), "The date of referral to SPA must be a real date"),
        (("x", "11", "2026"), "The date of referral to SPA must be a real date"),
    ],
)
def test_date_must_be_real(client: FlaskClient, parts: tuple[str, str, str], message: str) -> None:
    data = answers(date_of_referral=None)
    response = post_answers(client, CSE_REFERRAL, data)  # no date at all: required message
    assert inline_error(response, "date_of_referral-day") == "Enter the date of referral to SPA"
    posted = dict(zip(("day", "month", "year"), parts, strict=True))
    response = _post_with_date(client, data, "date_of_referral", posted)
    assert inline_error(response, "date_of_referral-day") == message
    assert stored() == 0


def _post_with_date(
    client: FlaskClient, data: dict[str, Any], name: str, parts: dict[str, str]
) -> Any:
    from tests.helpers import form_data, post_section, start

    url = start(client, CSE_REFERRAL)
    posted = form_data(CSE_REFERRAL, data)
    posted.setlist(name, [parts["day"], parts["month"], parts["year"]])
    return post_section(client, url, CSE_REFERRAL, number_of(CSE_REFERRAL, name), posted)


def test_no_date_in_the_future(client: FlaskClient) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    refused(
        client,
        answers(date_of_referral=tomorrow),
        "date_of_referral-day",
        "The date of referral to SPA must be today or in the past",
    )


def test_child_must_be_under_18_on_the_date_of_referral(client: FlaskClient) -> None:
    refused(
        client,
        answers(child_dob="2008-11-03", date_of_referral="2026-11-03"),
        "child_dob-day",
        "The child must be under 18 on the date of referral to SPA: child"
        " sexual exploitation is defined for children and young people under 18",
    )


def test_child_one_day_short_of_18_is_accepted(client: FlaskClient) -> None:
    response = post_answers(
        client, CSE_REFERRAL, answers(child_dob="2008-11-04", date_of_referral="2026-11-03")
    )
    assert response.status_code == 302
    assert stored() == 1


def test_date_of_birth_after_referral_is_refused(client: FlaskClient) -> None:
    refused(
        client,
        answers(child_dob="2026-11-04", date_of_referral="2026-11-03"),
        "child_dob-day",
        "The child must be under 18 on the date of referral to SPA: child"
        " sexual exploitation is defined for children and young people under 18",
    )


def test_email_must_be_an_email(client: FlaskClient) -> None:
    refused(
        client,
        answers(referrer_email="priya at example"),
        "referrer_email",
        "Enter the referrer's email address in the correct format, like name@example.gov.uk",
    )


def test_phone_must_be_a_uk_number(client: FlaskClient) -> None:
    refused(
        client,
        answers(referrer_phone="12345"),
        "referrer_phone",
        "Enter the referrer's telephone number as a UK telephone number, like 020 8547 5008",
    )


def test_referrer_needs_a_way_to_be_contacted(client: FlaskClient) -> None:
    refused(
        client,
        answers(referrer_email=None, referrer_phone=None),
        "referrer_email",
        "Enter an email address or a telephone number for the referrer",
    )


def test_one_way_of_contact_is_enough(client: FlaskClient) -> None:
    response = post_answers(client, CSE_REFERRAL, answers(referrer_email=None))
    assert response.status_code == 302


def test_at_least_one_concern(client: FlaskClient) -> None:
    from forms.cse_referral import CONCERN_FIELDS

    refused(
        client,
        answers(**dict.fromkeys(CONCERN_FIELDS)),
        "concerns_summary",
        "Enter the details of current CSE concerns, in the summary or under at least one"
        " SAFEGUARD heading",
    )


def test_one_safeguard_heading_is_a_concern(client: FlaskClient) -> None:
    from forms.cse_referral import CONCERN_FIELDS

    only_gifts = dict.fromkeys(CONCERN_FIELDS)
    only_gifts["safeguard_gifts"] = "New phone (fictional)."
    assert post_answers(client, CSE_REFERRAL, answers(**only_gifts)).status_code == 302


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x1b", "\ufffe"])
def test_characters_documents_cannot_hold_are_refused(client: FlaskClient, char: str) -> None:
    code = f"U+{ord(char):04X}"
    refused(
        client,
        answers(child_alias=f"Ja{char}zz"),
        "child_alias",
        f"The child's alias contains characters that cannot go into a document: {code}."
        " Remove them and try again",
    )


def test_script_no_embedded_font_can_print_is_refused(client: FlaskClient) -> None:
    # Devanagari needs shaping that the PDF cannot do, and no embedded font has it: refused
    # with a clear message rather than printed as empty boxes.
    refused(
        client,
        answers(child_language="हिन्दी"),
        "child_language",
        "The child's language spoken contains characters that cannot go into a document:"
        " द (U+0926), न (U+0928), ह (U+0939), ि (U+093F), ी (U+0940), ् (U+094D)."
        " Remove them and try again",
    )


def test_narrative_over_the_limit_is_refused(client: FlaskClient) -> None:
    refused(
        client,
        answers(concerns_summary="a" * 20_001),
        "concerns_summary",
        "The details of current CSE concerns must be 20,000 characters or fewer",
    )


def test_narrative_at_the_limit_is_accepted(client: FlaskClient) -> None:
    assert (
        post_answers(client, CSE_REFERRAL, answers(concerns_summary="a" * 20_000)).status_code
        == 302
    )


def test_short_text_is_one_line(client: FlaskClient) -> None:
    refused(
        client,
        answers(child_forename="Jas\nmine"),
        "child_forename",
        "The child's forename must be on one line",
    )


def test_details_given_under_no_are_not_dropped(client: FlaskClient) -> None:
    refused(
        client,
        answers(strategy_meeting="no"),
        "strategy_meeting",
        "You gave 'Summary & actions from Strategy Meeting' but did not select 'Yes' for whether"
        " there was a strategy meeting. Select 'Yes', or delete what you wrote there",
    )


def test_errors_in_a_second_person_sit_in_that_block(client: FlaskClient) -> None:
    data = answers()
    data["persons"][1]["dob"] = "2099-01-01"
    refused(
        client, data, "persons-1-dob-day", "The person's date of birth must be today or in the past"
    )
