"""Phoenix Project individual action plan and review: each rule's message next to the right
field, nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest
from flask.testing import FlaskClient

from forms.phoenix_action_plan import PHOENIX_ACTION_PLAN
from tests.helpers import FormCheck, post_answers, stored

FORM = FormCheck(PHOENIX_ACTION_PLAN)
answers, refused = FORM.answers, FORM.refused


def test_name_of_young_person_is_required(client: FlaskClient) -> None:
    refused(
        client,
        answers(young_person_name=None),
        "young_person_name",
        "Enter the name of the young person",
    )


def test_the_name_is_the_only_required_answer(client: FlaskClient) -> None:
    response = post_answers(client, PHOENIX_ACTION_PLAN, {"young_person_name": "Kayla Fictional"})
    assert response.status_code == 302
    assert stored() == 1


@pytest.mark.parametrize("number", ["0", "21"])
def test_session_number_is_one_of_the_20_sessions(client: FlaskClient, number: str) -> None:
    data = answers()
    data["actions"][1]["session_number"] = number
    refused(client, data, "actions-1-session_number", "The session number must be between 1 and 20")


def test_session_number_is_a_whole_number(client: FlaskClient) -> None:
    data = answers()
    data["actions"][0]["session_number"] = "five"
    refused(
        client,
        data,
        "actions-0-session_number",
        "The session number must be a whole number, like 8",
    )


def test_by_when_and_date_of_review_may_be_in_the_future(client: FlaskClient) -> None:
    later = (dt.date.today() + dt.timedelta(days=60)).isoformat()
    data = answers()
    data["actions"][0].update(by_when=later, date_of_review=later)
    assert post_answers(client, PHOENIX_ACTION_PLAN, data).status_code == 302
    assert stored() == 1


def test_signed_date_is_not_in_the_future(client: FlaskClient) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    refused(
        client,
        answers(young_person_signed_date=tomorrow),
        "young_person_signed_date-day",
        "The date the young person signed must be today or in the past",
    )


def test_plan_date_is_not_in_the_future(client: FlaskClient) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    refused(
        client,
        answers(plan_date=tomorrow),
        "plan_date-day",
        "The date of the action plan must be today or in the past",
    )


def test_a_review_before_the_plan_is_refused(client: FlaskClient) -> None:
    data = answers(plan_date="2026-10-14")
    data["actions"][1]["date_of_review"] = "2026-10-13"
    refused(
        client,
        data,
        "actions-1-date_of_review-day",
        "The date of review must be the same as or after the date of the action plan",
    )


def test_a_review_on_the_day_of_the_plan_is_accepted(client: FlaskClient) -> None:
    data = answers(plan_date="2026-10-14")
    data["actions"][0]["date_of_review"] = "2026-10-14"
    assert post_answers(client, PHOENIX_ACTION_PLAN, data).status_code == 302
    assert stored() == 1
