"""The SPA and Phoenix inboxes and My work (issue 10): who sees which case once it is sent, what
each team records, and what is due, for whom, on a frozen date next to the Christmas bank
holidays. Only fictional data."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import select

from clocks import london_today
from config import ConfigError, _dates
from forms import ARTEFACTS
from models import CaseStage, ClockDue, User, db
from tests.conftest import sample_json
from tests.helpers import (
    make_case,
    make_user,
    page,
    record_step,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
)

# Thursday 24 December 2026: Christmas Day (Friday) and Boxing Day's substitute (Monday 28)
# are bank holidays.
CHRISTMAS_EVE = dt.datetime(2026, 12, 24, 10, tzinfo=dt.UTC)


def _rows(client: FlaskClient, url: str, table: str) -> list[list[str]]:
    rows = page(client.get(url)).xpath(f"//table[@id='{table}']/tbody/tr")
    return [[squash(td.text_content()) for td in row.xpath("td")] for row in rows]


@pytest.fixture
def people(app: Flask) -> dict[str, User]:
    return {
        "referrer": make_user("referrer"),
        "spa_kingston": make_user("spa", borough="Kingston"),
        "spa_richmond": make_user("spa", borough="Richmond"),
        "phoenix": make_user("phoenix"),
    }


def _as(app: Flask, user: User) -> FlaskClient:
    return sign_in_as(app.test_client(), user)


def test_a_referral_reaches_its_boroughs_spa_inbox_and_stays_there(
    app: Flask, people: dict[str, User]
) -> None:
    referrer = _as(app, people["referrer"])
    case = make_case(referrer, forename="Inbox", surname="Kingstoncase", borough="Kingston")
    kingston, richmond = _as(app, people["spa_kingston"]), _as(app, people["spa_richmond"])
    assert kingston.get(case).status_code == 404  # not sent yet: not theirs
    assert page(kingston.get("/inbox")).xpath("//*[@id='inbox-empty']")
    with freeze_time(CHRISTMAS_EVE):  # signed in again: the real day's sessions have timed out
        referrer, kingston = _as(app, people["referrer"]), _as(app, people["spa_kingston"])
        record_step(referrer, case, "spa_referral", dt.date(2026, 12, 24))
        assert _rows(kingston, "/inbox", "inbox") == [
            [
                "Inbox Kingstoncase New",
                "Thursday 24 December 2026",
                "Referred to SPA",
                "Not decided yet",
                "Nothing due",
            ]
        ]
    kingston, referrer = _as(app, people["spa_kingston"]), _as(app, people["referrer"])
    assert kingston.get(case).status_code == 200
    assert richmond.get(case).status_code == 404
    assert not _rows(richmond, "/inbox", "inbox")
    # The case's borough changed afterwards: the referral stays with the SPA it went to.
    token = token_on(referrer, f"{case}/details")
    changed = referrer.post(
        f"{case}/details",
        data={"csrf_token": token, "forename": "Inbox", "surname": "Kingstoncase",
              "borough": "Richmond"},
    )  # fmt: skip
    assert changed.status_code == 302
    assert kingston.get(case).status_code == 200
    assert richmond.get(case).status_code == 404
    # SPA reads and records steps; it does not change the case's details or people.
    shown = page(kingston.get(case))
    assert not shown.xpath("//a[contains(@href, '/details')]")
    assert not shown.xpath("//form[contains(@action, '/members')]")
    assert kingston.get(f"{case}/details").status_code == 404


def test_spa_acknowledges_decides_and_holds_the_strategy_meeting(
    app: Flask, people: dict[str, User]
) -> None:
    case = make_case(_as(app, people["referrer"]), borough="Kingston")
    with freeze_time(CHRISTMAS_EVE):
        referrer, spa = _as(app, people["referrer"]), _as(app, people["spa_kingston"])
        record_step(referrer, case, "spa_referral", dt.date(2026, 12, 23))
        record_step(spa, case, "spa_acknowledged", dt.date(2026, 12, 23))
        record_step(spa, case, "spa_decision", dt.date(2026, 12, 24), spa_decision_category="2")
        # "within 3 days": calendar days, Christmas or not, so Sunday 27 December.
        row = _rows(spa, "/inbox", "inbox")[0]
        assert row[2:] == [
            "Decision on the level of CSE risk",
            "Category 2 (medium risk)",
            "Sunday 27 December 2026",
        ]
        assert _rows(spa, "/my-work", "my-work") == [
            [
                "Sunday 27 December 2026",
                "Testy Example",
                "Strategy meeting to be held with relevant agencies within 3 days",
            ]
        ]
    with freeze_time(dt.datetime(2026, 12, 28, 9, tzinfo=dt.UTC)):
        spa = _as(app, people["spa_kingston"])
        assert _rows(spa, "/my-work", "my-work")[0][0] == "Overdue Sunday 27 December 2026"
        record_step(
            spa,
            case,
            "strategy_meeting",
            dt.date(2026, 12, 28),
            strategy_meeting_category="2",
            strategy_meeting_agencies=["Children's Social Care", "Police", "Health"],
        )
        assert page(spa.get("/my-work")).xpath("//*[@id='nothing-due']")
        assert "Agencies: Children's Social Care, Police, Health" in squash(
            page(spa.get(case)).xpath("string(//table[@id='pathway-steps'])")
        )
    stage = db.session.get_one(CaseStage, case.rsplit("/", 1)[1])
    assert (stage.step, stage.category, stage.borough) == ("strategy_meeting", "2", "Kingston")


def test_phoenix_accepts_makes_contact_and_meets_with_working_day_clocks(
    app: Flask, people: dict[str, User]
) -> None:
    case = make_case(_as(app, people["referrer"]), forename="Phoenix", surname="Christmascase")
    with freeze_time(CHRISTMAS_EVE):
        referrer, phoenix = _as(app, people["referrer"]), _as(app, people["phoenix"])
        record_step(referrer, case, "phoenix_sent", dt.date(2026, 12, 24))
        # One working day after Thursday 24: Friday 25 and Monday 28 are bank holidays, so
        # Tuesday 29; two: Wednesday 30.
        assert _rows(phoenix, "/my-work", "my-work") == [
            [
                "Tuesday 29 December 2026",
                "Phoenix Christmascase",
                "Referrals will be acknowledged within one working day",
            ],
            [
                "Wednesday 30 December 2026",
                "Phoenix Christmascase",
                "Accepted referrals will receive first contact within two working days",
            ],
        ]
        assert _rows(phoenix, "/inbox", "inbox")[0][0] == "Phoenix Christmascase New"
    with freeze_time(dt.datetime(2026, 12, 29, 9, tzinfo=dt.UTC)):
        phoenix = _as(app, people["phoenix"])
        record_step(phoenix, case, "phoenix_accepted", dt.date(2026, 12, 29))
        record_step(phoenix, case, "first_contact", dt.date(2026, 12, 29))
        assert [r[0] for r in _rows(phoenix, "/my-work", "my-work")] == [
            "Tuesday 5 January 2027"  # the initial meeting, 7 days after acceptance
        ]
        record_step(phoenix, case, "initial_meeting", dt.date(2026, 12, 29))
        assert not _rows(phoenix, "/my-work", "my-work")
        assert _rows(phoenix, "/inbox", "inbox")[0][2] == "Initial meeting"


def test_a_decline_shows_the_youth_inquiry_service_and_stops_first_contact(
    app: Flask, people: dict[str, User]
) -> None:
    case = make_case(_as(app, people["referrer"]))
    with freeze_time(CHRISTMAS_EVE):
        referrer, phoenix = _as(app, people["referrer"]), _as(app, people["phoenix"])
        record_step(referrer, case, "phoenix_sent", dt.date(2026, 12, 24))
        record_step(phoenix, case, "phoenix_declined", dt.date(2026, 12, 24))
        steps = squash(page(phoenix.get(case)).xpath("string(//table[@id='pathway-steps'])"))
        assert "Offer information and advice about referral to the Youth Inquiry Service" in steps
        assert not db.session.scalars(select(ClockDue)).all()
        shown = page(phoenix.get(case)).xpath("//*[@id='case-nothing-due']")
        assert [squash(p.text_content()) for p in shown] == [
            "Nothing is due: no time limit of the strategy is running on this case."
        ]


def test_managers_see_everything_overdue_and_others_only_their_own(
    app: Flask, people: dict[str, User], manager: User
) -> None:
    other = make_user("referrer")
    with freeze_time(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)):
        referrer, other_referrer = _as(app, people["referrer"]), _as(app, other)
        mine = make_case(referrer, forename="Own", surname="Overduecase")
        theirs = make_case(other_referrer, forename="Other", surname="Overduecase")
        record_step(referrer, mine, "phoenix_sent", dt.date(2026, 12, 1))
        record_step(other_referrer, theirs, "phoenix_sent", dt.date(2026, 12, 1))
    with freeze_time(dt.datetime(2026, 12, 10, 10, tzinfo=dt.UTC)):
        referrer, client = _as(app, people["referrer"]), _as(app, manager)
        names = {row[1] for row in _rows(referrer, "/my-work", "my-work")}
        assert names == {"Own Overduecase"}
        assert not page(referrer.get("/my-work")).xpath("//*[@id='overdue']")
        overdue = _rows(client, "/my-work", "overdue")
        assert {row[1] for row in overdue} == {"Own Overduecase", "Other Overduecase"}
        assert len(overdue) == 4  # acknowledgement and first contact, on each
        # Closing a case stops its clocks.
        token = token_on(client, f"{mine}/status/close")
        assert (
            client.post(
                f"{mine}/status/close", data={"csrf_token": token, "confirm": "close"}
            ).status_code
            == 302
        )
        assert {row[1] for row in _rows(client, "/my-work", "overdue")} == {"Other Overduecase"}


def test_refresh_pathway_makes_the_same_rows_again(app: Flask, people: dict[str, User]) -> None:
    case = make_case(_as(app, people["referrer"]))
    with freeze_time(CHRISTMAS_EVE):
        referrer = _as(app, people["referrer"])
        record_step(referrer, case, "phoenix_sent", dt.date(2026, 12, 24))
        before = [(d.clock, d.due_on, d.team) for d in db.session.scalars(select(ClockDue))]
        db.session.execute(ClockDue.__table__.delete())
        db.session.execute(CaseStage.__table__.delete())
        db.session.commit()
        result = app.test_cli_runner().invoke(args=["refresh-pathway"])
        assert result.exit_code == 0, result.output
    after = [(d.clock, d.due_on, d.team) for d in db.session.scalars(select(ClockDue))]
    assert after == before and len(after) == 2


def test_the_spotting_the_signs_date_is_due_until_the_discussion_is_recorded(
    app: Flask, people: dict[str, User]
) -> None:
    spotting = ARTEFACTS["spotting_the_signs"]
    with freeze_time(CHRISTMAS_EVE):
        referrer = _as(app, people["referrer"])
        case = make_case(referrer, forename="Spotted", surname="Datecase")
        answers = {**sample_json("spotting_the_signs"), "discuss_with_lead_by": "2026-12-29"}
        submit(referrer, spotting, answers, start(referrer, spotting, case))
        expected = [
            "Tuesday 29 December 2026",
            "Spotted Datecase",
            "If you have identified risks or concerns please discuss with your CSE or"
            " Safeguarding Lead by (date)",
        ]
        assert _rows(referrer, "/my-work", "my-work") == [expected]
        shown = squash(page(referrer.get(case)).xpath("string(//dl[@id='open-clocks'])"))
        assert "Due by Tuesday 29 December 2026" in shown
    with freeze_time(dt.datetime(2026, 12, 30, 9, tzinfo=dt.UTC)):
        referrer = _as(app, people["referrer"])
        assert _rows(referrer, "/my-work", "my-work")[0][0] == "Overdue " + expected[0]
        record_step(referrer, case, "spotting_discussed", dt.date(2026, 12, 30))
        assert page(referrer.get("/my-work")).xpath("//*[@id='nothing-due']")


def test_a_day_an_administrator_closes_the_offices_is_skipped_by_the_working_day_clocks(
    app: Flask, people: dict[str, User]
) -> None:
    app.config["NON_WORKING_DAYS"] = frozenset({dt.date(2026, 12, 29)})
    with freeze_time(CHRISTMAS_EVE):
        referrer = _as(app, people["referrer"])
        record_step(referrer, make_case(referrer), "phoenix_sent", dt.date(2026, 12, 24))
        assert [r[0] for r in _rows(_as(app, people["phoenix"]), "/my-work", "my-work")] == [
            "Wednesday 30 December 2026",  # not Tuesday 29: closed
            "Thursday 31 December 2026",
        ]


def test_non_working_days_that_are_not_dates_are_refused_naming_the_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NON_WORKING_DAYS", "2026-12-24, 31/12/2026")
    with pytest.raises(ConfigError, match=r"NON_WORKING_DAYS must be dates"):
        _dates("NON_WORKING_DAYS")
    monkeypatch.setenv("NON_WORKING_DAYS", "2026-12-24, 2026-12-31,")
    assert _dates("NON_WORKING_DAYS") == {dt.date(2026, 12, 24), dt.date(2026, 12, 31)}


def test_the_team_a_case_was_sent_to_writes_its_own_forms_not_the_referrals_it_received(
    app: Flask, people: dict[str, User]
) -> None:
    referrer = _as(app, people["referrer"])
    case = make_case(referrer)
    referral = ARTEFACTS["cse_referral"]
    draft = start(referrer, referral, case)
    record_step(referrer, case, "phoenix_sent", london_today())
    phoenix = _as(app, people["phoenix"])
    offered = page(phoenix.get(case)).xpath("//form[contains(@action, '/start/')]/@action")
    # The project's own forms on a case: not its referral, which the referrer sends it.
    own = {"phoenix_action_plan", "phoenix_delivery_plan", "phoenix_case_closure"}
    assert {action.rsplit("/", 1)[1] for action in offered} == own
    assert phoenix.get(draft).status_code == 404  # the referrer's referral: not theirs to change
    token = token_on(phoenix, case)
    refused = phoenix.post(f"{case}/start/cse_referral", data={"csrf_token": token})
    assert refused.status_code == 404
    plan = phoenix.post(f"{case}/start/phoenix_action_plan", data={"csrf_token": token})
    assert plan.status_code == 302


def test_my_cases_points_the_teams_to_their_inbox(app: Flask, people: dict[str, User]) -> None:
    for kind in ("spa_kingston", "phoenix"):
        links = page(_as(app, people[kind]).get("/")).xpath("//main//a/@href")
        assert "/inbox" in links and "/my-work" in links
    assert "/inbox" not in page(_as(app, people["referrer"]).get("/")).xpath("//a/@href")
