"""Phoenix Project case closure summary: each rule's message next to the right field, nothing
stored."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from forms.phoenix_case_closure import PHOENIX_CASE_CLOSURE
from tests.helpers import FormCheck, post_answers, stored

FORM = FormCheck(PHOENIX_CASE_CLOSURE)
answers, refused = FORM.answers, FORM.refused


def test_name_of_young_person_is_required(client: FlaskClient) -> None:
    refused(
        client,
        answers(young_person_name=None),
        "young_person_name",
        "Enter the name of the young person",
    )


def test_end_date_before_start_date_is_refused(client: FlaskClient) -> None:
    refused(
        client,
        answers(start_date="2026-03-04", end_date="2026-03-03"),
        "end_date-day",
        "The end date of the intervention must be the same as or after the start date",
    )


def test_end_date_on_the_start_date_is_accepted(client: FlaskClient) -> None:
    data = answers(start_date="2026-03-04", end_date="2026-03-04")
    assert post_answers(client, PHOENIX_CASE_CLOSURE, data).status_code == 302
    assert stored() == 1


def test_other_details_need_other_selected(client: FlaskClient) -> None:
    refused(
        client,
        answers(reason_for_closure="moved"),
        "reason_for_closure",
        "You gave 'Other – details' but did not select 'Other' for the reason for closure."
        " Select 'Other', or delete what you wrote there",
    )


@pytest.mark.parametrize("number", ["53", "-1"])
def test_sessions_attended_is_a_sensible_number(client: FlaskClient, number: str) -> None:
    message = (
        "The number of sessions attended must be between 0 and 52"
        if number.isdigit()
        else "The number of sessions attended must be a whole number, like 8"
    )
    refused(client, answers(sessions_attended=number), "sessions_attended", message)


def test_comments_are_kept_whatever_the_answer(client: FlaskClient) -> None:
    # Each "Comments:" box is printed beside its question, not revealed by YES or NO.
    data = answers(young_person_informed="no", lead_worker_informed="yes")
    assert post_answers(client, PHOENIX_CASE_CLOSURE, data).status_code == 302
    assert stored() == 1


def test_other_reason_needs_its_details(client: FlaskClient) -> None:
    refused(
        client,
        answers(reason_for_closure="other", other_reason=None),
        "other_reason",
        "Enter the other reason for closure",
    )


def test_the_distance_travelled_is_required_at_closure(client: FlaskClient) -> None:
    # The closure summary "will include the distance travelled" (L3091-3093).
    refused(
        client,
        answers(criterion_missing=None),
        "criterion_missing",
        "Select the statement that fits \u2018Missing\u2019",
    )


def test_a_criterion_answered_other_needs_its_details_at_closure(client: FlaskClient) -> None:
    refused(
        client,
        answers(criterion_accommodation="other", criterion_accommodation_other=None),
        "criterion_accommodation_other",
        "Enter the other details for \u2018Accommodation\u2019",
    )
