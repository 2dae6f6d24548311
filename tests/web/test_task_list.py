"""A document's task list and "Check your answers": statuses derived from the draft and the
declaration's checks, and what a section that cannot start yet does. Only fictional data."""

from __future__ import annotations

from flask.testing import FlaskClient

from forms import ARTEFACTS
from forms.tasks import number_of
from tests.helpers import hidden, page, section_of, squash, start, visible_text

REFERRAL = ARTEFACTS["cse_referral"]
CHILD = number_of(REFERRAL, "child_forename")
PERSONS = number_of(REFERRAL, "persons")


def statuses(client: FlaskClient, url: str) -> dict[str, str]:
    html = page(client.get(url))
    return {
        " ".join(
            item.xpath(".//*[contains(@class,'govuk-task-list__name-and-hint')]")[0]
            .text_content()
            .split()
        ): " ".join(
            item.xpath(".//*[contains(@class,'govuk-task-list__status')]")[0].text_content().split()
        )
        for item in html.xpath("//li[contains(@class,'govuk-task-list__item')]")
    }


def test_a_section_goes_from_not_started_to_in_progress_to_completed(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    locations = REFERRAL.sections[number_of(REFERRAL, "victim_address") - 1].title
    assert statuses(client, url)[locations] == "Not yet started"
    # The child's names come from the case: started, with what is still missing counted.
    child = REFERRAL.sections[CHILD - 1].title
    assert statuses(client, url)[f"{child} 1 answer needs your attention"] == "In progress"
    page_url = section_of(url, REFERRAL, "child_forename")
    client.post(
        page_url,
        data={
            **hidden(client, page_url),
            "action": "continue",
            "child_forename": "Kayla",
            "child_surname": "Notreal",
            "child_dob": ["3", "4", "2011"],  # day, month, year
        },
    )
    assert statuses(client, url)[child] == "Completed"


def test_a_section_that_cannot_start_yet_has_no_link_and_its_page_says_why(
    client: FlaskClient,
) -> None:
    """An action's target date is checked against the plan's date, in the first section:
    without that date the "Action plan" section cannot start."""
    plan = ARTEFACTS["phoenix_action_plan"]
    url = start(client, plan)
    first = section_of(url, plan, "plan_date")
    blank = {"plan_date": ["", "", ""]}
    client.post(first, data={**hidden(client, first), "action": "later", **blank})
    actions = plan.sections[number_of(plan, "actions") - 1].title
    assert statuses(client, url)[f"{actions} Answer the date of the action plan first"] == (
        "Cannot start yet"
    )
    assert not page(client.get(url)).xpath(f"//a[normalize-space()='{actions}']")
    # Reached anyway (a bookmark): the page says what to answer first.
    shown = squash(visible_text(client.get(f"{url}/sections/{number_of(plan, 'actions')}")))
    assert (
        "You cannot start this section yet. Answer the date of the action plan first: "
        "go back to the list of sections." in shown
    )
    # Once the date is given, it can.
    client.post(
        first,
        data={
            **hidden(client, first),
            "action": "later",
            "plan_date": ["1", "12", "2026"],
        },
    )
    assert statuses(client, url)[actions] == "Not yet started"
    shown = squash(visible_text(client.get(f"{url}/sections/{number_of(plan, 'actions')}")))
    assert "You cannot start this section yet" not in shown


def test_check_answers_says_when_no_block_of_a_repeat_was_given(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    check = page(client.get(f"{url}/check"))
    card = check.xpath(
        "//div[contains(@class,'govuk-summary-card')]"
        f"[.//h2[normalize-space()='{REFERRAL.sections[PERSONS - 1].title}']]"
    )[0]
    rows = card.xpath(".//div[contains(@class,'govuk-summary-list__row')]")
    assert len(rows) == 1
    assert " ".join(rows[0].text_content().split()) == (
        "Offender/Suspect/Person of Concern None given Change Offender/Suspect/Person of Concern"
    )
    assert rows[0].xpath(".//a/@href") == [f"{url}/sections/{PERSONS}#persons-entry-1"]


def test_a_limit_with_an_optional_tick_never_stops_a_section_from_starting() -> None:
    """The delivery plan's "no more than 20 sessions, unless agreed" rules sit in later
    sections: an unticked agreement and no session yet are answers, not missing ones."""
    from forms.tasks import CANNOT_START, answered, tasks

    plan = ARTEFACTS["phoenix_delivery_plan"]
    given = answered([["client_name", "Fictional Client"], ["number_of_sessions", "12"]])
    statuses = {t.section.title: t.status for t in tasks(plan, given, [])}
    assert CANNOT_START not in statuses.values(), statuses
