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


AGREED = {"more_sessions": ["agreed"], "more_sessions_agreed_on": "2026-08-20"}
TICK = (
    "then tick \u2018More than 20 sessions agreed with the Associate Director of"
    " Safeguarding\u2019 in the Client section and give the date agreed"
)


def _sessions(number: int) -> list[dict[str, str]]:
    """`number` sessions after the first four, weekly from January 2026 (fictional)."""
    first = dt.date(2026, 1, 5)
    return [
        {"session_date": (first + dt.timedelta(weeks=n)).isoformat(), "topic": "Consent"}
        for n in range(number)
    ]


@pytest.mark.parametrize(("number", "more"), [(4, {}), (20, {}), (25, AGREED), (52, AGREED)])
def test_step_down_usual_and_agreed_extra_sessions_are_accepted(
    client: FlaskClient, number: int, more: dict[str, object]
) -> None:
    # About four for a step-down (L2871), up to 20 (L3036); beyond 20 when agreed (L3095-3097).
    response = post_answers(
        client, PHOENIX_DELIVERY_PLAN, answers(number_of_sessions=number, **more)
    )
    assert response.status_code == 302
    assert stored() == 1


def test_more_than_20_sessions_without_the_agreement_is_refused(client: FlaskClient) -> None:
    refused(
        client,
        answers(number_of_sessions=21),
        "number_of_sessions",
        "The number of intervention sessions must be 20 or fewer, unless more were agreed with"
        f" the Associate Director of Safeguarding: {TICK}",
    )


def test_the_agreement_needs_its_date(client: FlaskClient) -> None:
    refused(
        client,
        answers(number_of_sessions=30, more_sessions=["agreed"]),
        "more_sessions_agreed_on-day",
        "Enter the date more than 20 sessions were agreed",
    )


def test_more_than_20_sessions_held_needs_the_agreement(client: FlaskClient) -> None:
    refused(
        client,
        answers(topic_sessions=_sessions(17)),
        "topic_sessions-0-session_date-day",
        f"Give 20 sessions or fewer, unless more were agreed with the Associate Director of"
        f" Safeguarding: {TICK}",
    )


def test_sessions_beyond_20_when_agreed_are_printed_with_their_numbers(
    client: FlaskClient,
) -> None:
    data = answers(number_of_sessions=22, topic_sessions=_sessions(18), **AGREED)
    answers_url = submit(client, PHOENIX_DELIVERY_PLAN, data)
    pdf = pdf_body(client.get(f"{answers_url}/document.pdf").data)
    held = [line.strip() for line in pdf.splitlines() if re.fullmatch(r"Session \d+", line.strip())]
    assert held == [f"Session {n}" for n in range(1, 23)]
    words = " ".join(pdf.split())
    ticked = "\u2612 More than 20 sessions agreed with the Associate Director of Safeguarding"
    assert ticked in words
    assert "Date agreed 20 August 2026" in words


def test_no_more_than_52_sessions_even_when_agreed(client: FlaskClient) -> None:
    refused(
        client,
        answers(topic_sessions=_sessions(49), **AGREED),
        "topic_sessions-0-session_date-day",
        "Give no more than 48 sessions here: sessions 5 to 52",
    )


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
