"""The case knows where it is on the pathway: each role records the steps the declaration lets
it record, on the day it says, and the case page shows the steps and what is due."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import select
from werkzeug.test import TestResponse

from models import AuditEvent, PathwayEvent, User, db
from pathway import STEPS, recordable_by
from tests.helpers import (
    add_member,
    error_messages,
    inline_error,
    make_case,
    make_user,
    page,
    sign_in_as,
    squash,
    token_on,
)


def _record(
    client: FlaskClient,
    case_url: str,
    step: str,
    day: tuple[str, str, str],
    **extra: str | list[str],
) -> TestResponse:
    data = {"csrf_token": token_on(client, case_url), "step": step, "happened_on": list(day)}
    return client.post(f"{case_url}/pathway", data={**data, **extra})


def _recorded(
    client: FlaskClient, case_url: str, step: str, day: dt.date, **extra: str | list[str]
) -> None:
    response = _record(
        client, case_url, step, (str(day.day), str(day.month), str(day.year)), **extra
    )
    assert response.status_code == 302, error_messages(response)


def _offered(client: FlaskClient, case_url: str) -> list[str]:
    return page(client.get(case_url)).xpath("//input[@name='step']/@value")


def _events() -> list[PathwayEvent]:
    return list(db.session.scalars(select(PathwayEvent)))


def _due(client: FlaskClient, case_url: str) -> dict[str, str]:
    """What the page says is due: the clock's words -> its due date, and Overdue if it is."""
    rows = page(client.get(case_url)).xpath("//dl[@id='open-clocks']/div")
    return {squash(r.xpath("string(dt)")): squash(r.xpath("string(dd)")) for r in rows}


@pytest.fixture
def case_url(client: FlaskClient) -> str:
    return make_case(client)


@pytest.mark.parametrize("role", ["referrer", "lead_professional", "spa", "phoenix", "manager"])
def test_each_role_records_only_the_steps_the_declaration_allows(
    app: Flask, client: FlaskClient, case_url: str, role: str
) -> None:
    user = make_user(role)
    add_member(client, case_url, user.email)
    worker = sign_in_as(app.test_client(), user)
    allowed = [s.key for s in recordable_by(role)]
    assert _offered(worker, case_url) == allowed
    yesterday = dt.date.today() - dt.timedelta(days=1)
    for step in STEPS.values():
        if step.key in allowed:
            extra: dict[str, str | list[str]] = {}
            if step.carries_category:
                extra[f"{step.key}_category"] = "1"
            if step.asks_agencies:
                extra[f"{step.key}_agencies"] = ["Police", "Health"]
            _recorded(worker, case_url, step.key, yesterday, **extra)
        else:  # forged: never offered, refused as any unknown option
            response = _record(worker, case_url, step.key, ("1", "1", "2026"))
            assert response.status_code == 200
            assert inline_error(response, "step") == "Select the step from the options given"
    assert [e.step for e in _events()] == allowed
    assert {e.recorded_by for e in _events()} == {user.id}


def test_who_records_what_follows_the_strategy() -> None:
    assert [s.key for s in recordable_by("referrer")] == [
        "spotting_discussed",
        "spa_referral",
        "phoenix_sent",
    ]
    assert [s.key for s in recordable_by("spa")] == [
        "spa_acknowledged",
        "spa_decision",
        "strategy_meeting",
    ]
    assert "phoenix_accepted" not in {s.key for s in recordable_by("lead_professional")}
    assert [s.key for s in recordable_by("manager")] == list(STEPS)
    assert recordable_by("admin") == []


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (("31", "2", "2026"), "The date it happened must be a real date"),
        (("", "12", "2026"), "The date it happened must include a day"),
        (("1", "1", "2999"), "The date it happened must be today or in the past"),
        (("", "", ""), "Enter the date it happened"),
    ],
)
def test_a_date_in_the_future_or_impossible_is_refused(
    client: FlaskClient, case_url: str, day: tuple[str, str, str], message: str
) -> None:
    response = _record(client, case_url, "spa_referral", day)
    assert response.status_code == 200
    assert page(response).findtext(".//title").startswith("Error: ")
    assert inline_error(response, "happened_on-day") == message
    assert ("#happened_on-day" in page(response).xpath("//a/@href")) is True
    assert _events() == []


def test_a_crafted_post_is_refused_with_a_message_not_a_500(
    client: FlaskClient, case_url: str
) -> None:
    token = token_on(client, case_url)
    response = client.post(
        f"{case_url}/pathway", data={"csrf_token": token, "happened_on": ["1", "1"]}
    )
    assert response.status_code == 200
    assert error_messages(response) == [
        "Select the step",
        "The date it happened must be a real date",
    ]
    assert client.post(f"{case_url}/pathway", data={"step": "spa_referral"}).status_code == 400
    assert _events() == []


def test_the_decision_needs_the_police_category(client: FlaskClient, case_url: str) -> None:
    response = _record(client, case_url, "spa_decision", ("1", "11", "2026"))
    assert inline_error(response, "spa_decision_category") == "Select the police category"
    _recorded(client, case_url, "spa_decision", dt.date(2026, 11, 1), spa_decision_category="3")
    assert [(e.step, e.category) for e in _events()] == [("spa_decision", "3")]


def test_the_form_is_dated_today(app: Flask, manager: User, case_url: str) -> None:
    with freeze_time(dt.datetime(2026, 12, 4, 9, tzinfo=dt.UTC)):
        html = page(sign_in_as(app.test_client(), manager).get(case_url))
    parts = [html.xpath(f"//input[@id='happened_on-{p}']/@value") for p in ("day", "month", "year")]
    assert parts == [["04"], ["12"], ["2026"]]


def test_the_timeline_shows_the_strategys_label_the_date_and_who_recorded_it(
    app: Flask, case_url: str, manager: User
) -> None:
    with freeze_time(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        _recorded(client, case_url, "spa_referral", dt.date(2026, 12, 2))
        _recorded(
            client,
            case_url,
            "strategy_meeting",
            dt.date(2026, 12, 4),
            strategy_meeting_category="2",
            strategy_meeting_agencies=["Children's Social Care", "Police", "Education"],
        )
        rows = page(client.get(case_url)).xpath("//table[@id='pathway-steps']/tbody/tr")
    cells = [[squash(td.text_content()) for td in row.xpath("td")] for row in rows]
    assert cells == [
        [
            "Wednesday 2 December 2026",
            "Referred to SPA The strategy: \u201cCSE concerns referred to SPA or CSE concern"
            " identified in existing open case\u201d",
            "Morgan Testmanager",
        ],
        [
            "Friday 4 December 2026",
            "Strategy meeting held Category 2 (medium risk) Agencies: Children's Social Care,"
            " Police, Education The strategy: \u201cStrategy meeting"
            " to be held with relevant agencies within 3 days and category of risk to be"
            " determined at strategy meeting\u201d",
            "Morgan Testmanager",
        ],
    ]
    audited = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "record pathway step")
    ).all()
    assert [(e.user_id, e.case_id) for e in audited] == [
        (manager.id, case_url.rsplit("/", 1)[1])
    ] * 2


def test_a_phoenix_referral_before_christmas_is_due_after_the_bank_holidays(
    app: Flask, manager: User, case_url: str
) -> None:
    """Sent on Thursday 24 December 2026: the 25th and the 28th (Boxing Day's substitute) are
    bank holidays, so the acknowledgement is due on Tuesday 29 December, and is overdue from
    the start of the 30th in London."""
    acknowledge = "Referrals will be acknowledged within one working day"
    first_contact = "Accepted referrals will receive first contact within two working days"
    with freeze_time(dt.datetime(2026, 12, 24, 15, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        _recorded(client, case_url, "phoenix_sent", dt.date(2026, 12, 24))
        assert _due(client, case_url) == {
            acknowledge: "Due by Tuesday 29 December 2026",
            first_contact: "Due by Wednesday 30 December 2026",
        }
    with freeze_time(dt.datetime(2026, 12, 29, 23, 59, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        assert _due(client, case_url)[acknowledge] == "Due by Tuesday 29 December 2026"
    with freeze_time(dt.datetime(2026, 12, 30, 0, 0, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        html = page(client.get(case_url))
        (tag,) = html.xpath("//dl[@id='open-clocks']//strong[contains(@class,'govuk-tag--red')]")
        assert squash(tag.text_content()) == "Overdue"
        assert _due(client, case_url)[acknowledge] == "Overdue Due by Tuesday 29 December 2026"
        # Acknowledged late: that clock is met and gone; first contact is still to come.
        _recorded(client, case_url, "phoenix_acknowledged", dt.date(2026, 12, 30))
        assert _due(client, case_url) == {first_contact: "Due by Wednesday 30 December 2026"}


def test_a_due_date_past_the_known_bank_holidays_says_so(
    app: Flask, manager: User, case_url: str
) -> None:
    with freeze_time(dt.datetime(2029, 1, 9, 12, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        _recorded(client, case_url, "phoenix_sent", dt.date(2029, 1, 8))
        due = _due(client, case_url)
    assert due["Referrals will be acknowledged within one working day"] == (
        "Due by Tuesday 9 January 2029 Bank holidays after 26 December 2028 are not"
        " known: check this date."
    )


def test_below_the_threshold_no_strategy_meeting_is_due(
    app: Flask, manager: User, case_url: str
) -> None:
    with freeze_time(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        _recorded(
            client, case_url, "spa_decision", dt.date(2026, 12, 7), spa_decision_category="below"
        )
        assert _due(client, case_url) == {}
        _recorded(client, case_url, "spa_decision", dt.date(2026, 12, 7), spa_decision_category="1")
        assert _due(client, case_url) == {
            "Strategy meeting to be held with relevant agencies within 3 days": (
                "Due by Thursday 10 December 2026"
            )
        }
        _recorded(
            client,
            case_url,
            "strategy_meeting",
            dt.date(2026, 12, 7),
            strategy_meeting_category="1",
            strategy_meeting_agencies="Police",
        )
        assert _due(client, case_url) == {}


def test_a_declined_referral_needs_no_first_contact_and_offers_the_youth_inquiry_service(
    app: Flask, manager: User, case_url: str
) -> None:
    with freeze_time(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):
        client = sign_in_as(app.test_client(), manager)
        _recorded(client, case_url, "phoenix_sent", dt.date(2026, 12, 3))
        _recorded(client, case_url, "phoenix_declined", dt.date(2026, 12, 4))
        assert _due(client, case_url) == {}
        text = squash(page(client.get(case_url)).xpath("string(//table[@id='pathway-steps'])"))
    assert "Offer information and advice about referral to the Youth Inquiry Service" in text


def test_a_step_on_a_case_the_user_may_not_see_is_refused(app: Flask, case_url: str) -> None:
    stranger = sign_in_as(app.test_client(), make_user("phoenix"))
    token = token_on(stranger, "/")
    response = stranger.post(
        f"{case_url}/pathway",
        data={"csrf_token": token, "step": "phoenix_accepted", "happened_on": ["1", "12", "2026"]},
    )
    assert response.status_code == 404
    assert _events() == []
