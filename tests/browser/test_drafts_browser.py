"""Drafts and referral packs in a real browser: the page offering a draft when its form is
started again, the confirmation before discarding, "Your drafts" on My cases, and a case page
showing which documents form the referral pack. Only fictional data."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from forms import ARTEFACTS
from forms.tasks import number_of
from tests.browser.pages import (
    assert_no_axe_violations,
    fill_answers,
    new_case,
    open_section,
    submit,
)
from tests.conftest import sample_json

REFERRAL = ARTEFACTS["cse_referral"]
MASE = ARTEFACTS["mase_referral"]


def _start(page: Page, case_url: str, artefact_title: str) -> None:
    page.goto(case_url)
    page.get_by_role("button", name=f"Start the {artefact_title}").click()
    page.wait_for_load_state("load")


def _save_for_later(page: Page, artefact_name: str, field: str, value: str) -> None:
    """On a document's task list: type `value` in the box `field` and "Save and come back later"."""
    artefact = ARTEFACTS[artefact_name]
    open_section(page, artefact.sections[number_of(artefact, field) - 1])
    page.locator(f"#{field}").fill(value)
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("were saved")


def test_a_draft_is_offered_listed_and_discarded(page: Page, screenshot) -> None:
    case_url = new_case(page)
    _start(page, case_url, REFERRAL.title)
    _save_for_later(page, "cse_referral", "child_alias", "Fictional alias")

    # Started again: the draft is offered first.
    _start(page, case_url, REFERRAL.title)
    expect(page).to_have_url(re.compile(r"/start/cse_referral$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "There is already a draft of the CSE Referral Form in this case"
    )
    assert_no_axe_violations(page, "the page offering a draft")
    screenshot(page, "drafts-offer")
    page.get_by_role("link", name="Continue the draft").click()
    open_section(page, REFERRAL.sections[number_of(REFERRAL, "child_alias") - 1])
    expect(page.locator("#child_alias")).to_have_value("Fictional alias")

    # My cases lists it, with a link to continue it.
    page.goto("/")
    drafts = page.locator("table.app-drafts")
    expect(drafts).to_contain_text("Continue the CSE Referral Form")
    expect(drafts).to_contain_text("Kayla Notreal")
    assert_no_axe_violations(page, "my cases with drafts")
    screenshot(page, "drafts-my-cases")

    # Discard: a confirmation first; Cancel keeps it; confirming deletes it.
    page.goto(case_url)
    page.get_by_role("link", name=re.compile("^Discard the draft")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to discard the draft of the CSE Referral Form?"
    )
    assert_no_axe_violations(page, "the discard confirmation")
    screenshot(page, "drafts-discard-confirmation")
    page.get_by_role("link", name="Cancel").click()
    expect(page).to_have_url(case_url)
    expect(page.get_by_role("row").filter(has_text=REFERRAL.title).first).to_contain_text("Draft")
    page.get_by_role("link", name=re.compile("^Discard the draft")).click()
    page.get_by_role("button", name="Discard the draft").click()
    expect(page).to_have_url(case_url)
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The draft of the CSE Referral Form was discarded."
    )
    expect(page.get_by_text("No forms have been started yet.")).to_be_visible()


def test_the_case_page_shows_the_referral_pack(page: Page, screenshot) -> None:
    case_url = new_case(page)
    _start(page, case_url, REFERRAL.title)
    fill_answers(page, REFERRAL, sample_json("cse_referral"))
    submit(page)
    expect(page).to_have_url(re.compile(r"/versions/[\w-]{24}$"))
    # Started from the case page, the MASE part continues the referral that said yes.
    _start(page, case_url, MASE.title)
    expect(page.locator(".govuk-inset-text")).to_contain_text(
        "This continues the CSE Referral Form submitted on"
    )
    fill_answers(page, MASE, sample_json("mase_referral"))
    submit(page)
    # A second MASE part is in no pack: the referral has its part already.
    _start(page, case_url, MASE.title)
    expect(page.locator(".govuk-inset-text")).to_have_count(0)
    page.goto(case_url)
    rows = page.locator("table:has(th:text('Form')) tbody tr")
    expect(rows.nth(0)).to_contain_text(
        "In the referral pack with the MASE Referral Information below"
    )
    expect(rows.nth(1)).to_contain_text("In the referral pack with the CSE Referral Form above")
    expect(rows.nth(2)).to_contain_text("Not in a referral pack.")
    assert_no_axe_violations(page, "the case page with a referral pack")
    screenshot(page, "drafts-case-pack")
    with page.expect_download() as info:
        rows.nth(1).get_by_role("link", name="Download the referral pack (PDF)").click()
    named = r"referral-pack-CSE-[A-Za-z0-9-]+-v1-\d{4}-\d\d-\d\d\.pdf"  # documents.stamp
    assert re.fullmatch(named, info.value.suggested_filename)
    # Started again, the MASE draft is offered: a new one would be in no pack, it says.
    _start(page, case_url, MASE.title)
    expect(page.get_by_text("It will not be in a referral pack")).to_be_visible()
    page.get_by_role("button", name="Start a new one").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(MASE.title)
    _start(page, case_url, MASE.title)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "There are already 2 drafts of the MASE Referral Information in this case"
    )
    assert_no_axe_violations(page, "the page offering two drafts")
    screenshot(page, "drafts-offer-two")
