"""Phoenix Project delivery plan: each rule's message next to the right field, nothing stored;
the sessions held are printed with their numbers on paper."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from flask.testing import FlaskClient

from forms.phoenix_delivery_plan import PHOENIX_DELIVERY_PLAN
from tests.helpers import (
    FormCheck,
    every_section,
    pdf_body,
    post_answers,
    start,
    stored,
    submit,
)

FORM = FormCheck(PHOENIX_DELIVERY_PLAN)
answers, refused = FORM.answers, FORM.refused


def test_client_name_is_required(client: FlaskClient) -> None:
    refused(client, answers(client_name=None), "client_name", "Enter the client's name")


@pytest.mark.parametrize("number", ["0", "53"])
def test_number_of_sessions_out_of_range_is_refused(client: FlaskClient, number: str) -> None:
    refused(
        client,
        answers(number_of_sessions=number),
        "number_of_sessions",
        "The number of intervention sessions must be between 1 and 52",
    )


@pytest.mark.parametrize("number", [4, 25])
def test_step_down_and_agreed_extra_sessions_are_accepted(client: FlaskClient, number: int) -> None:
    # About four for a step-down (L2871); beyond 20 when agreed (L3095-3097).
    response = post_answers(client, PHOENIX_DELIVERY_PLAN, answers(number_of_sessions=number))
    assert response.status_code == 302
    assert stored() == 1


def test_session_date_is_not_in_the_future(client: FlaskClient) -> None:
    data = answers()
    data["topic_sessions"][1]["session_date"] = (dt.date.today() + dt.timedelta(1)).isoformat()
    refused(
        client,
        data,
        "topic_sessions-1-session_date-day",
        "The date of the session must be today or in the past",
    )


def test_partly_or_fully_is_one_of_the_printed_ticks(client: FlaskClient) -> None:
    data = answers()
    data["relationship_sessions"][2]["covered"] = "half"
    refused(
        client,
        data,
        "relationship_sessions-2-covered",
        "Select whether the topic was partly or fully covered from the options given",
    )


def test_only_the_sessions_held_need_filling(client: FlaskClient) -> None:
    data = answers(topic_sessions=[])
    data["relationship_sessions"] = data["relationship_sessions"][:2]
    assert post_answers(client, PHOENIX_DELIVERY_PLAN, data).status_code == 302
    assert stored() == 1


def test_sessions_are_numbered_as_on_paper(client: FlaskClient) -> None:
    answers_url = submit(client, PHOENIX_DELIVERY_PLAN, answers())
    pdf = pdf_body(client.get(f"{answers_url}/document.pdf").data).splitlines()
    held = [line.strip() for line in pdf if re.fullmatch(r"Session \d+", line.strip())]
    assert held == [f"Session {n}" for n in (1, 2, 3, 4, 5, 6, 7)]
    # The empty form offers the first session of each group: 1 and 5.
    empty = every_section(client, start(client, PHOENIX_DELIVERY_PLAN), PHOENIX_DELIVERY_PLAN)
    assert [" ".join(h.text_content().split()) for h in empty.xpath("//div[@role='group']/h2")] == [
        "Session 1",
        "Session 5",
    ]
