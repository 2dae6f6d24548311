"""Issue 11 in a real browser, as a Phoenix Project worker: a case closure summary's distance
travelled (its table and outcome star), a progress report whose figures are worked out at
submit and printed in its PDF, a case study checked for identifying details before it is
submitted, and the case details form's ethnic groups on a 320 px screen (as a manager, who
creates cases). Only fictional data."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import select

from accounts.cli import add_user
from forms import ARTEFACTS
from models import Case, CaseMember, User, db
from tests.browser.conftest import PASSWORD, sign_in
from tests.browser.pages import assert_no_axe_violations, fill_answers, open_form, tab_to
from tests.chromium import SCREENSHOTS
from tests.conftest import sample_json
from tests.helpers import form_data, pdf_body, post_section, sign_in_as, squash, start, submit
from tests.outcomes.test_distance_travelled import (
    AT_CLOSURE,
    AT_REVIEW,
    HOME_AT_REVIEW,
    PLAN,
    plan_answers,
    scored,
    submit_referral,
)
from tests.reports.cases import Cases

EMAIL = "outcomes.phoenix@example.org"
LEAD_EMAIL = "outcomes.lead@example.org"
FORENAME = "Orlaith"  # the fictional young person of the worker's case
CLOSURE = ARTEFACTS["phoenix_case_closure"]
REPORT = ARTEFACTS["phoenix_progress_report"]
STUDY = ARTEFACTS["case_study"]


@pytest.fixture(scope="module")
def case_url(live_app: Flask) -> str:
    """A Phoenix Project worker, and a case they are one of the people of."""
    with live_app.app_context():
        worker = add_user(EMAIL, PASSWORD, "phoenix", name="Quinn Outcomestest")
        # Who writes the Phoenix Project referral: the referring lead professional (L2865-2867).
        lead = add_user(LEAD_EMAIL, PASSWORD, "lead_professional", name="Lee Outcomestest")
        db.session.flush()
        case = Case(
            details={"forename": FORENAME, "surname": "Starbrowser", "borough": "Richmond"},
            created_by=lead.id,
        )
        case.members.append(CaseMember(user_id=lead.id))
        case.members.append(CaseMember(user_id=worker.id))
        db.session.add(case)
        db.session.commit()
        return f"/cases/{case.id}"


def _worker() -> User:
    return db.session.query(User).filter_by(email=EMAIL).one()


def _client(live_app: Flask, email: str = EMAIL) -> FlaskClient:
    """A test client signed in as the worker (or another), to set up what the browser then
    finds."""
    return sign_in_as(live_app.test_client(), db.session.query(User).filter_by(email=email).one())


@pytest.fixture
def worker_page(new_context, case_url: str) -> Page:
    page = new_context(signed_in=False).new_page()
    sign_in(page, EMAIL)
    return page


def _cells(scope: Locator, header: str) -> list[str]:
    """The cells after the row header `header` in the tables within `scope`."""
    row = scope.locator("tbody tr").filter(
        has=scope.page.get_by_role("rowheader", name=header, exact=True)
    )
    return [" ".join(text.split()) for text in row.first.locator("td").all_inner_texts()]


def test_the_closure_shows_the_distance_travelled_and_its_star(
    live_app: Flask, case_url: str, worker_page: Page, screenshot
) -> None:
    with live_app.app_context():  # one context a client: requests share its g (Flask-Login's user)
        submit_referral(_client(live_app, LEAD_EMAIL), case_url)
    with live_app.app_context():
        client = _client(live_app)
        reviewed = plan_answers(AT_REVIEW, "2026-11-25", "2027-03-12", accommodation=HOME_AT_REVIEW)
        submit(client, PLAN, reviewed, url=start(client, PLAN, case_url))
        closure = start(client, CLOSURE, case_url)
        answers = {**sample_json(CLOSURE.slug), **scored(AT_CLOSURE, accommodation="Fictional.")}
        for number in range(1, len(CLOSURE.sections) + 1):
            post_section(client, closure, CLOSURE, number, form_data(CLOSURE, answers))
    page = worker_page
    page.goto(f"{closure}/check")
    page.get_by_role("button", name="Submit version 1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your answers")

    figure = page.locator(".app-figure").filter(
        has=page.get_by_role("heading", name="Distance travelled", exact=True)
    )
    head = figure.locator("thead th").all_inner_texts()
    assert head == ["Criterion", "At referral", "Review 1 (12 March 2027)", "At closure", "Change"]
    assert _cells(figure, "Relationship with main carer/s") == ["4", "3", "2", "Improved"]
    assert _cells(figure, "Sexual health") == ["3", "3", "4", "Worse"]
    assert _cells(figure, "Level of risk or harm") == ["4", "Not scored", "2", "Improved"]
    star = page.get_by_role("img", name=re.compile(r"^Star chart: Outcome star: distance"))
    expect(star).to_be_visible()
    assert star.evaluate("e => e.tagName") == "svg"
    assert_no_axe_violations(page, "the closure's answers page")
    screenshot(page, "outcomes-closure-answers")

    # The star's levels as a table, opened with the keyboard alone.
    expander = page.locator("details").filter(has_text="Show the levels in this chart")
    levels = expander.locator("table")
    expect(levels).to_be_hidden()
    tab_to(page, "details summary")
    page.keyboard.press("Enter")
    expect(levels).to_be_visible()
    assert _cells(expander, "Sexual health") == ["3", "3", "4"]
    assert_no_axe_violations(page, "the closure's answers page, star levels open")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    expander.screenshot(path=str(SCREENSHOTS / "outcomes-closure-star-levels.png"))
    page.keyboard.press("Enter")  # and closed again
    expect(levels).to_be_hidden()


@pytest.fixture
def quarter_of_cases(live_app: Flask) -> Iterator[None]:
    """Three young people referred to the project in January to March 2025 (a count printed
    "fewer than 5"), and one whose intervention ended then, scored at referral and closure.
    Other browser tests make their cases today or in 2026: none falls in this quarter. The
    cases go afterwards: the three referrals would be overdue in every Phoenix inbox and
    manager's My work of the browser tests that follow, which share this database."""
    made = _quarter_of_cases(live_app)
    yield
    with live_app.app_context():
        for case in db.session.scalars(select(Case).where(Case.id.in_(made))):
            db.session.delete(case)
        db.session.commit()


def _quarter_of_cases(live_app: Flask) -> list[str]:
    with live_app.app_context():
        cases = Cases(_worker())
        for n, day in enumerate((dt.date(2025, 1, 10), dt.date(2025, 2, 3), dt.date(2025, 3, 20))):
            case = cases.case("Kingston")
            referral = {"date_of_referral": day.isoformat(), "person_dob": f"201{n + 1}-06-01",
                        "police_category": "2", "risk_indicators": ["disclosure"]}  # fmt: skip
            cases.version(case, "phoenix_referral", referral)
            cases.step(case, "phoenix_sent", day)
        ended = cases.case("Richmond")
        cases.step(ended, "phoenix_sent", dt.date(2024, 10, 1))
        cases.step(ended, "phoenix_accepted", dt.date(2024, 10, 2))
        cases.version(ended, "phoenix_referral", scored(("4",) * 14))
        closure = {**scored(AT_CLOSURE), "level_of_engagement": "full", "sessions_attended": 9}
        cases.version(ended, CLOSURE.slug, closure)
        cases.step(ended, "closed", dt.date(2025, 3, 3))
        cases.done()
        return [case.id for case in cases.made]


@pytest.mark.usefixtures("quarter_of_cases")
def test_a_progress_report_is_submitted_with_its_figures_and_printed(
    worker_page: Page, screenshot, tmp_path: Path
) -> None:
    page = worker_page
    open_form(page, REPORT)
    period = {"period_start": "2025-01-01", "period_end": "2025-03-31", "current_capacity": 8}
    fill_answers(page, REPORT, period)  # the last section's "Save and continue" goes on to:
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.get_by_text("These figures are worked out when you submit")).to_be_visible()
    expect(page.get_by_role("heading", name="Age at referral", exact=True).first).to_be_visible()
    assert_no_axe_violations(page, "the report's check page")
    screenshot(page, "outcomes-report-check")

    page.get_by_role("button", name="Submit version 1").click()
    expect(
        page.get_by_text(re.compile(r"submitted: figures as at \d\d:\d\d on \d"))
    ).to_be_visible()
    expect(page.locator("main td", has_text="fewer than 5").first).to_be_visible()
    bars = page.get_by_role("img", name=re.compile(r"^Bar chart: Age at referral"))
    expect(bars).to_be_visible()
    assert bars.evaluate("e => e.tagName") == "svg"
    assert_no_axe_violations(page, "the report's answers page")
    screenshot(page, "outcomes-report-answers")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "report.pdf"  # to look at: pytest --basetemp
    download.value.save_as(pdf)
    text = squash(pdf_body(pdf.read_bytes()))
    assert "figures as at" in text and "fewer than 5" in text


def test_a_case_study_naming_a_young_person_is_confirmed_before_it_is_submitted(
    live_app: Flask, case_url: str, worker_page: Page, screenshot
) -> None:
    with live_app.app_context():
        client = _client(live_app)
        report = start(client, REPORT, new="yes")
    page = worker_page
    page.goto(report)
    page.get_by_role("button", name="Add a case study").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(STUDY.title)
    page.get_by_role("link", name="Case study", exact=True).click()
    outline = f"{FORENAME} was referred at fourteen after going missing twice."
    page.locator("#young_person_outline").fill(outline)
    page.locator("form .govuk-button-group button[value=continue]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")

    found = page.locator("#identifying-details")
    label = STUDY.field("young_person_outline").label
    expect(found.locator("li")).to_have_text(
        re.compile(rf"^A young person's name in “{re.escape(label)}”: “{FORENAME}”\.")
    )
    assert_no_axe_violations(page, "the case study's check page with a warning")
    screenshot(page, "outcomes-case-study-warning")

    page.get_by_role("button", name="Submit version 1").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_attribute("href", "#anonymous")
    expect(
        page.get_by_role("checkbox", name="I have checked: this is anonymous")
    ).not_to_be_checked()
    assert_no_axe_violations(page, "the case study's check page with an error")
    screenshot(page, "outcomes-case-study-unconfirmed")

    page.get_by_role("checkbox", name="I have checked: this is anonymous").check()
    page.get_by_role("button", name="Submit version 1").click()
    expect(page.get_by_text(re.compile(r"^Version 1, submitted"))).to_be_visible()
    page.locator("#report").get_by_role("link").click()  # the report it is attached to
    studies = page.locator("#case-studies + ul li")
    expect(studies).to_have_count(1)
    expect(studies).to_contain_text("by Quinn Outcomestest: version 1 submitted")
    assert_no_axe_violations(page, "the report's page with its case study")
    screenshot(page, "outcomes-report-case-studies")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_ethnic_groups_fit_a_320_px_screen(new_context, javascript: bool, screenshot) -> None:
    """Without JavaScript every "describe" box shows under its option; axe and scrollWidth need
    the page's JavaScript, so that run measures the full-page screenshot's width instead."""
    page = new_context(
        java_script_enabled=javascript, viewport={"width": 320, "height": 800}
    ).new_page()
    page.goto("/cases/new")
    expect(page.get_by_role("group", name="White", exact=True)).to_be_visible()  # a heading
    other = page.get_by_role("group", name="Other ethnic group", exact=True)
    expect(other.get_by_role("radio", name="Arab")).to_be_visible()
    longest = "Any other Black, Black British or Caribbean background"
    page.get_by_text(longest, exact=True).click()  # its box shows (already, without JavaScript)
    expect(page.get_by_label("Describe their Black, Black British or Caribbean")).to_be_visible()
    if javascript:
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert_no_axe_violations(page, "the new case form at 320 px", landmarks=True)
    png = screenshot(page, f"outcomes-new-case-320-{'js' if javascript else 'no-js'}").read_bytes()
    assert int.from_bytes(png[16:20], "big") <= 320  # the page's full width (PNG header)
