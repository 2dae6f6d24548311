"""SPOTTING THE SIGNS: each rule's message next to the right field, nothing stored; the
"If no / If yes" boxes revealed under their answer; the Fraser Guidelines as their own block."""

from __future__ import annotations

import datetime as dt

from flask.testing import FlaskClient

from forms.spotting_the_signs import SPOTTING_THE_SIGNS
from tests.helpers import (
    FormCheck,
    page,
    problems_shown,
    section_of,
    start,
    stored,
)

FORM = FormCheck(SPOTTING_THE_SIGNS)
answers, refused, accepted = FORM.answers, FORM.refused, FORM.accepted


def test_empty_form_lists_every_required_answer(client: FlaskClient) -> None:
    inline, summary = problems_shown(client, SPOTTING_THE_SIGNS, {})
    expected = {
        "visit_number": "Enter the visit number",
        "confidentiality": "Select yes or no for whether confidentiality was discussed and"
        " understood",
        "signed": "Enter your signature",
        "printed_name": "Enter your full name",
    }
    for field_id, message in expected.items():
        assert inline[field_id] == message, field_id
    assert summary == [(message, field_id) for field_id, message in expected.items()]
    assert stored() == 0


def test_visit_number_starts_at_one(client: FlaskClient) -> None:
    refused(
        client,
        answers(visit_number=0),
        "visit_number",
        "The visit number must be between 1 and 999",
    )


def test_age_is_under_18(client: FlaskClient) -> None:
    refused(client, answers(age=18), "age", "The young person's age must be between 0 and 17")


def test_twelve_months_cannot_count_fewer_people_than_three_months(client: FlaskClient) -> None:
    refused(
        client,
        answers(partners_three_months=3, partners_twelve_months=2),
        "partners_twelve_months",
        "The number of people in the past 12 months must be at least the number in the past"
        " three months",
    )


def test_the_same_number_in_both_periods_is_accepted(client: FlaskClient) -> None:
    accepted(client, answers(partners_three_months=2, partners_twelve_months=2))


def test_if_yes_answer_given_under_no_is_not_dropped(client: FlaskClient) -> None:
    refused(
        client,
        answers(sexual_contact="no"),
        "sexual_contact",
        "You gave '(If yes) Are you happy with the person you're going out with/the person you"
        " have sex with?' but did not select 'Yes' for whether the young person is having sexual"
        " contact with anyone. Select 'Yes', or delete what you wrote there",
    )


def test_if_no_answer_given_under_yes_is_not_dropped(client: FlaskClient) -> None:
    refused(
        client,
        answers(last_sexual_contact="About a year ago"),
        "sexual_contact",
        "You gave '(If no) When was the last time you did?' but did not select 'No' for whether"
        " the young person is having sexual contact with anyone. Select 'No', or delete what you"
        " wrote there",
    )


def test_if_no_answer_is_kept_under_no(client: FlaskClient) -> None:
    accepted(
        client,
        answers(sexual_contact="no", happy_with_partner=None, last_sexual_contact="In the summer"),
    )


def test_sti_details_need_yes(client: FlaskClient) -> None:
    refused(
        client,
        answers(sti="no"),
        "sti",
        "You gave 'If yes, which, and how many times?' but did not select 'Yes' for whether the"
        " young person has ever had an STI. Select 'Yes', or delete what you wrote there",
    )


def test_date_to_discuss_with_the_lead_may_be_in_the_future(client: FlaskClient) -> None:
    next_week = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    accepted(client, answers(discuss_with_lead_by=next_week))


def test_branches_are_revealed_under_their_own_answer(client: FlaskClient) -> None:
    url = start(client, SPOTTING_THE_SIGNS)
    html = page(client.get(section_of(url, SPOTTING_THE_SIGNS, "sexual_contact")))
    for value, revealed in (
        ("no", "last_sexual_contact"),
        ("yes", "happy_with_partner"),
    ):
        target = html.xpath(
            f"//input[@name='sexual_contact'][@value='{value}']/@data-aria-controls"
        )[0]
        assert html.xpath(f"//div[@id='{target}']//*[@name='{revealed}']"), value


def test_fraser_guidelines_are_five_yes_no_questions_under_their_own_heading(
    client: FlaskClient,
) -> None:
    url = start(client, SPOTTING_THE_SIGNS)
    html = page(client.get(section_of(url, SPOTTING_THE_SIGNS, "fraser_understands")))
    assert html.xpath("//h1")[0].text_content().strip() == "Fraser Guidelines"
    section = html.xpath("//main//form")[0]
    names = sorted(set(section.xpath(".//input[@type='radio']/@name")))
    assert names == sorted(
        f"fraser_{n}" for n in ("understands", "parents", "intercourse", "health", "best_interests")
    )
    for name in names:
        assert section.xpath(f".//input[@name='{name}']/@value") == ["yes", "no"]
