"""The contact log in a real browser, as the Phoenix worker uses it: a contact recorded in a
few boxes with JavaScript and without, a refused duration whose error summary leads to the box,
the log and its total, and the text to copy for Liquid Logic / QES. Only fictional data."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from accounts.cli import add_user
from clocks import day_text, london_today
from models import Case, CaseMember, db
from tests.browser.conftest import PASSWORD, sign_in
from tests.browser.pages import assert_no_axe_violations
from tests.chromium import SCREENSHOTS

PHOENIX_EMAIL = "browser.phoenix@example.org"
NOTES = "Fictional case note Wombatlane"


@pytest.fixture(scope="module")
def case_url(live_app: Flask) -> str:
    """A case whose people include a Phoenix Project worker, who signs in below."""
    with live_app.app_context():
        worker = add_user(PHOENIX_EMAIL, PASSWORD, "phoenix", name="Pat Browsertest")
        db.session.flush()
        details = {"forename": "Contact", "surname": "Browsercase", "borough": "Kingston"}
        case = Case(details=details, created_by=worker.id)
        case.members.append(CaseMember(user_id=worker.id))
        db.session.add(case)
        db.session.commit()
        return f"/cases/{case.id}"


def _record(page: Page, minutes: str, kind: str, *, other: str = "", notes: str = "") -> None:
    form = page.locator("form").filter(has=page.get_by_role("button", name="Record the contact"))
    form.get_by_label("Duration of intervention, in minutes").fill(minutes)
    form.get_by_role("radio", name=kind).check()
    if other:
        form.get_by_label("What type of intervention?").fill(other)
    form.get_by_label("Nature of intervention").fill("Discussion about healthy relationships")
    form.get_by_label("Brief summary of the intervention").fill("Met at the youth centre.")
    if notes:
        form.get_by_label("Case notes (optional)").fill(notes)
    form.get_by_role("button", name="Record the contact").click()
    page.wait_for_load_state("load")


def test_a_phoenix_worker_records_contacts_and_copies_them(
    new_context, case_url: str, screenshot
) -> None:
    page = new_context(signed_in=False).new_page()
    sign_in(page, PHOENIX_EMAIL)
    page.goto(case_url)
    today = london_today()
    date = page.get_by_role("group", name="Date of intervention")
    expect(date.get_by_label("Day")).to_have_value(f"{today:%d}")  # today unless changed

    # A duration that is not a number: the error summary takes focus and leads to the box,
    # which keeps what was typed.
    _record(page, "an hour", "Home visit", notes=NOTES)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    message = "The duration of the intervention must be a whole number of minutes, like 60"
    link = summary.get_by_role("link", name=message)
    expect(link).to_have_attribute("href", "#contact_minutes")
    link.click()
    expect(page.locator("#contact_minutes")).to_be_focused()
    expect(page.locator("#contact_minutes")).to_have_value("an hour")
    expect(page.locator("#contact_notes")).to_have_value(NOTES)

    _record(page, "45", "Home visit", notes=NOTES)
    expect(page).to_have_url(re.compile(r"#contact-recorded$"))
    expect(page.locator("#contact-recorded")).to_contain_text(
        f"Contact recorded: Home visit, {day_text(today)}, 45 minutes."
    )
    expect(page.locator("#contacts-log tbody tr")).to_have_count(1)

    # Without JavaScript the Other box shows under its option, and the form works the same.
    plain = new_context(signed_in=False, java_script_enabled=False).new_page()
    sign_in(plain, PHOENIX_EMAIL)
    plain.goto(case_url)
    _record(plain, "90", "Other", other="Group session")
    expect(plain.locator("#contact-recorded")).to_contain_text("Contact recorded: Group session")
    rows = plain.locator("#contacts-log tbody tr")
    expect(rows).to_have_count(2)
    expect(plain.locator("#contacts-total")).to_have_text(
        "Total: 2 hours 15 minutes over 2 contacts"
    )

    page.goto(case_url)
    page.locator("#contacts-log summary").first.click()  # the case notes open
    expect(page.get_by_text(NOTES)).to_be_visible()
    assert_no_axe_violations(page, "the case page's Contacts section", landmarks=True)
    screenshot(page, "case-contacts")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#contacts-section").screenshot(path=str(SCREENSHOTS / "contacts-section.png"))

    page.get_by_role("link", name="Copy for Liquid Logic / QES").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Copy for Liquid Logic / QES")
    box = page.locator("#copy-text")
    expect(box).to_have_attribute("readonly", "")
    text = box.input_value()
    assert "Type of intervention: Group session" in text and "Home visit" in text
    assert NOTES not in text and "Browsercase" not in text
    assert_no_axe_violations(page, "the copy page", landmarks=True)
    screenshot(page, "contacts-copy")

    # A period typed as day, month and year, as every date of the service is.
    period = page.get_by_role("group", name="Which period?")
    start = period.get_by_role("group", name="From")
    start.get_by_label("Day").fill(str(today.day))
    start.get_by_label("Month").fill(str(today.month))
    start.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Show the contacts of this period").click()
    expect(page.get_by_label("2 contacts, ready to paste")).to_be_visible()
    expect(page.locator("#from-day")).to_have_value(str(today.day))  # kept as typed

    # A start that is not a date: the error summary takes focus and leads to its day box.
    page.locator("#from-month").fill("13")
    page.get_by_role("button", name="Show the contacts of this period").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name="The start of the period must be a real date")
    expect(link).to_have_attribute("href", "#from-day")
    link.click()
    expect(page.locator("#from-day")).to_be_focused()
    expect(page.locator("#from-month")).to_have_value("13")
    expect(page.locator("#copy-text")).to_have_count(0)
    assert_no_axe_violations(page, "the copy page with an error", landmarks=True)
    screenshot(page, "contacts-copy-period-error")
