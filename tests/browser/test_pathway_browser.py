"""A referral sent to SPA and the pathway it starts, in a real browser: the send confirmation,
the password shown once, the mail delivered to a real SMTP server with the PDF that opens with
that password, then the case page's Pathway section (the step the sending recorded, a step
recorded by hand, and what is due). Only fictional data."""

from __future__ import annotations

import datetime as dt
import io
import re

from flask import Flask
from playwright.sync_api import Page, expect
from pypdf import PasswordType, PdfReader, PdfWriter

from clocks import day_text, london_today
from forms import ARTEFACTS
from tests.browser.pages import assert_no_axe_violations, fill_answers, submit
from tests.conftest import sample_json
from tests.helpers import pdf_body
from tests.smtp import deliver_once

REFERRAL = ARTEFACTS["cse_referral"]
SPA_KINGSTON = "SPA@kingston.gov.uk"
FORENAME, SURNAME = "Kayla", "Notreal"  # the case's young person, fictional
PASSWORD = re.compile(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}")


def _new_kingston_case(page: Page) -> tuple[str, str]:
    """Create a case in Kingston from My cases: its page's address and its id."""
    page.goto("/")
    page.get_by_role("button", name="Create a case").click()
    page.get_by_label("First name").fill(FORENAME)
    page.get_by_label("Last name").fill(SURNAME)
    page.get_by_label("Kingston").check()
    page.get_by_role("button", name="Create the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{FORENAME} {SURNAME}")
    found = re.search(r"/cases/([\w-]+)$", page.url)
    assert found, page.url
    return page.url, found.group(1)


def test_a_referral_sent_to_spa_starts_the_pathway(
    page: Page, new_context, live_app: Flask, screenshot
) -> None:
    child = sample_json("cse_referral")
    case_url, case_id = _new_kingston_case(page)

    # 1. The CSE Referral Form, filled with the sample and submitted.
    page.get_by_role("button", name=f"Start the {REFERRAL.title}").click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", level=1)).to_have_text(REFERRAL.title)
    fill_answers(page, REFERRAL, child)
    submit(page)
    expect(page).to_have_url(re.compile(r"/versions/[\w-]{24}$"))

    # 2. Sent to SPA (Kingston): a confirmation saying to whom, then the password, once.
    page.get_by_role("link", name="Send to SPA (Kingston)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send to SPA (Kingston)")
    to = page.locator(".govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(r"^\s*To\s*$"))
    )
    expect(to.locator("dd")).to_have_text(f"SPA (Kingston): {SPA_KINGSTON}")
    expect(page.get_by_text("a new one will be shown to you once, after sending")).to_be_visible()
    assert_no_axe_violations(page, "the send confirmation", landmarks=True)
    screenshot(page, "send-confirm")
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_load_state("load")
    expect(page.locator(".govuk-panel__title")).to_have_text("Sent to SPA (Kingston)")
    shown = page.locator(".app-password strong")
    expect(shown).to_have_text(PASSWORD)
    password = shown.inner_text().strip()
    assert_no_axe_violations(page, "the page after sending", landmarks=True)
    screenshot(page, "sent")

    # 3. The queued mail, delivered over SMTP: to SPA, naming no one, the PDF opening with
    # the password shown and holding the referral.
    server = deliver_once(live_app)
    mails = [r for r in server.received if SPA_KINGSTON in r.recipients]
    ours = [r for r in mails if f"CSE-{case_id[:8]}" in str(r.message["Subject"])]
    assert len(ours) == 1, [str(r.message["Subject"]) for r in mails]
    mail = ours[0].message
    assert SPA_KINGSTON in str(mail["To"])
    subject = str(mail["Subject"])
    assert subject == f"{REFERRAL.title}, case CSE-{case_id[:8]}, version 1", subject
    for name in (FORENAME, SURNAME, child["child_forename"], child["child_surname"]):
        assert name.lower() not in subject.lower(), subject
        assert name.lower() not in mail.get_body(("plain",)).get_content().lower()
    attachments = list(mail.iter_attachments())
    assert len(attachments) == 1
    assert attachments[0].get_content_type() == "application/pdf"
    reader = PdfReader(io.BytesIO(attachments[0].get_content()))
    assert reader.is_encrypted
    assert reader.decrypt("not-the-password") == PasswordType.NOT_DECRYPTED
    assert reader.decrypt(password) == PasswordType.USER_PASSWORD
    opened = io.BytesIO()
    PdfWriter(clone_from=reader).write(opened)
    assert child["child_surname"] in pdf_body(opened.getvalue())

    # 4. The case page: the sending recorded "Referred to SPA" today; the SPA decision,
    # recorded with the form as a person would, starts the strategy meeting's 3-day clock.
    today = london_today()
    page.goto(case_url)
    steps = page.locator("#pathway-steps tbody tr")
    expect(steps).to_have_count(1)
    expect(steps.nth(0).locator("td").nth(0)).to_have_text(day_text(today))
    expect(steps.nth(0).locator("td").nth(1)).to_contain_text("Referred to SPA")
    expect(page.locator("#open-clocks")).to_have_count(0)  # nothing due before the decision

    record = page.locator("form").filter(has=page.get_by_role("button", name="Record the step"))
    record.get_by_role("radio", name="Decision on the level of CSE risk").check()
    category = record.get_by_role("radio", name="Category 2 (medium risk)")
    expect(category).to_have_count(1)  # only the revealed one: the others are hidden
    category.check()
    when = record.get_by_role("group", name="When did it happen?")
    when.get_by_label("Day").fill(str(today.day))
    when.get_by_label("Month").fill(str(today.month))
    when.get_by_label("Year").fill(str(today.year))
    record.get_by_role("button", name="Record the step").click()
    page.wait_for_load_state("load")
    expect(page).to_have_url(f"{case_url}#step-recorded")
    expect(page.locator("#step-recorded")).to_contain_text(
        f"Recorded: Decision on the level of CSE risk, {day_text(today)}."
    )

    expect(page.get_by_text("Recorded: ")).to_have_count(1)  # said once, in its section
    expect(steps).to_have_count(2)
    # The same day, in the order recorded: the referral reached SPA, then the decision.
    expect(steps.nth(0)).to_contain_text("Referred to SPA")
    decision = steps.nth(1)
    expect(decision).to_contain_text("Decision on the level of CSE risk")
    expect(decision.locator("td").nth(0)).to_have_text(day_text(today))
    expect(decision).to_contain_text("Category 2 (medium risk)")
    expect(steps.filter(has_text="Referred to SPA")).to_have_count(1)

    due = today + dt.timedelta(days=3)  # calendar days (clocks.pathway), whatever the weekday
    clocks = page.locator("#open-clocks .govuk-summary-list__row")
    expect(clocks).to_have_count(1)
    expect(clocks.locator("dt")).to_have_text(
        "Strategy meeting to be held with relevant agencies within 3 days"
    )
    expect(clocks.locator("dd")).to_have_text(f"Due by {day_text(due)}")
    assert day_text(due).startswith(f"{due:%A} ")
    expect(page.locator("#open-clocks .govuk-tag")).to_have_count(0)  # not overdue
    assert_no_axe_violations(page, "the case page's pathway", landmarks=True)
    screenshot(page, "case-pathway")

    # A 320 px wide window: the case page, pathway and all, never scrolls sideways.
    narrow = new_context(viewport={"width": 320, "height": 800}).new_page()
    narrow.goto(case_url)
    expect(narrow.locator("#pathway-steps tbody tr")).to_have_count(2)
    width = narrow.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the case page is {width} px wide at 320 px"
    screenshot(narrow, "case-pathway-320")
