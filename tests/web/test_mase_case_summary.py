"""MASE meeting case summary page validation: each rule's message next to the right field,
nothing stored."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from forms.mase_case_summary import MASE_CASE_SUMMARY
from tests.conftest import sample_json
from tests.helpers import (
    FormCheck,
    every_section,
    inline_error,
    page,
    post_answers,
    squash,
    start,
    stored,
    submit,
    visible_text,
)

FORM = FormCheck(MASE_CASE_SUMMARY)
answers, refused, accepted = FORM.answers, FORM.refused, FORM.accepted


VARIANT = "whether this is a new case, an existing case or an existing case out of borough"


def not_chosen(box: str, option: str) -> str:
    return (
        f"You gave '{box}' but did not select '{option}' for {VARIANT}. Select '{option}', or"
        " delete what you wrote there"
    )


def test_empty_form_asks_for_the_variant_and_the_name(client: FlaskClient) -> None:
    response = post_answers(client, MASE_CASE_SUMMARY, {})
    expected = {
        "case_variant": "Select whether this is a new case, an existing case or an existing"
        " case out of borough",
        "name": "Enter the child's name",
    }
    for field_id, message in expected.items():
        assert inline_error(response, field_id) == message, field_id
    hrefs = page(response).xpath("//div[contains(@class,'govuk-error-summary')]//a/@href")
    assert hrefs == [f"#{field_id}" for field_id in expected]
    assert stored() == 0


def test_age_must_match_the_date_of_birth(client: FlaskClient) -> None:
    refused(
        client,
        answers(dob="2011-11-13", age=15, meeting_date="2026-11-12"),
        "age",
        "Age does not match the DOB: the child was 14 on the date of the MASE meeting."
        " Correct the age or the DOB",
    )


def test_age_reached_on_the_day_of_the_meeting_is_accepted(client: FlaskClient) -> None:
    accepted(client, answers(dob="2011-11-12", age=15, meeting_date="2026-11-12"))


def test_age_is_not_checked_without_a_meeting_date(client: FlaskClient) -> None:
    accepted(client, answers(dob="2011-11-13", age=15, meeting_date=None))


def test_mase_is_for_children_under_18(client: FlaskClient) -> None:
    refused(
        client,
        answers(dob="2008-11-12", age=18),
        "age",
        "The child's age must be between 0 and 17",
    )


def test_meeting_cannot_come_before_the_referral(client: FlaskClient) -> None:
    refused(
        client,
        answers(date_of_referral="2026-11-13", meeting_date="2026-11-12"),
        "meeting_date-day",
        "The date of the MASE meeting must be the same as or after the date of referral",
    )


def test_referral_cannot_come_before_birth(client: FlaskClient) -> None:
    refused(
        client,
        answers(dob="2011-03-17", date_of_referral="2011-03-16"),
        "date_of_referral-day",
        "The date of referral must be the same as or after the child's date of birth",
    )


@pytest.mark.parametrize("variant", ["new", "existing"])
def test_other_agencies_only_out_of_borough(client: FlaskClient, variant: str) -> None:
    refused(
        client,
        answers(case_variant=variant, impact_out_of_borough=None),
        "case_variant",
        not_chosen(
            "Other agencies actively involved in managing risk of CSE",
            "Existing Cases out of Borough",
        ),
    )


def test_impact_only_for_existing_cases(client: FlaskClient) -> None:
    refused(
        client,
        answers(case_variant="new", other_agencies=None, impact_out_of_borough=None, impact="Less"),
        "case_variant",
        not_chosen("Impact of MASE plan so far", "Existing Case"),
    )


def test_existing_case_gives_the_impact_of_the_plan(client: FlaskClient) -> None:
    accepted(
        client,
        answers(
            case_variant="existing",
            other_agencies=None,
            impact_out_of_borough=None,
            impact="No missing episodes for three weeks (fictional).",
        ),
    )


def test_new_case_without_the_variant_boxes_is_accepted(client: FlaskClient) -> None:
    accepted(client, answers(case_variant="new", other_agencies=None, impact_out_of_borough=None))


def test_each_variant_reveals_the_boxes_its_page_prints(client: FlaskClient) -> None:
    html = every_section(client, start(client, MASE_CASE_SUMMARY), MASE_CASE_SUMMARY)
    revealed = {}
    for radio in html.xpath("//input[@name='case_variant']"):
        (conditional,) = html.xpath(f"//*[@id='{radio.get('data-aria-controls')}']") or [None]
        boxes = conditional.xpath(".//textarea/@name") if conditional is not None else []
        revealed[radio.get("value")] = boxes
        if conditional is not None:  # hidden until chosen
            assert "govuk-radios__conditional--hidden" in conditional.get("class")
    assert revealed == {
        "new": [],
        "existing": ["impact"],
        "out_of_borough": ["other_agencies", "impact_out_of_borough"],
    }


def test_errors_in_a_second_action_sit_in_that_block(client: FlaskClient) -> None:
    data = answers()
    data["actions"][1]["owner"] = "DS Alex\nPretendname"
    refused(client, data, "actions-1-owner", "The owner of the action must be on one line")


def test_the_answers_page_shows_the_boxes_of_the_variant_chosen(client: FlaskClient) -> None:
    shown = squash(visible_text(client.get(submit(client, MASE_CASE_SUMMARY, answers()))))
    assert sample_json("mase_case_summary")["case_variant"] == "out_of_borough"
    assert shown.count("Impact of MASE plan so far") == 1  # not the Existing Case's box too
    assert "Impact of MASE plan so far No missing episodes" in shown
    assert "Other agencies actively involved in managing risk of CSE Sampletown" in shown
