"""Nothing typed is lost, in a real browser, with and without JavaScript (issue 9): each way
text was lost before, then the page left and the section opened again; and an edit conflict
shown at the top of the page as soon as autosave meets it. Only fictional data."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from forms import ARTEFACTS
from forms.model import Artefact
from forms.tasks import number_of
from tests.browser.pages import document_url, open_form, open_section, save_and_continue

REFERRAL = ARTEFACTS["cse_referral"]
CLOSURE = ARTEFACTS["phoenix_case_closure"]
JS = {"with JavaScript": True, "without JavaScript": False}


@pytest.fixture(params=JS.values(), ids=JS.keys())
def js(request: pytest.FixtureRequest) -> bool:
    return request.param


@pytest.fixture
def page(js: bool, new_context) -> Page:
    context: BrowserContext = new_context(java_script_enabled=js)
    return context.new_page()


def _open(page: Page, artefact: Artefact, field: str) -> None:
    open_section(page, artefact.sections[number_of(artefact, field) - 1])


def _leave_and_come_back(page: Page, artefact: Artefact, field: str) -> None:
    """Back to the list of sections and on to the case (or reports), then the section again."""
    here = document_url(page)
    page.get_by_role("link", name="Back to the list of sections").click()
    # With JavaScript the script saves what was typed before it lets the page go: wait for
    # the list itself, or the next click lands on the section's own "Back to" link again.
    expect(page).to_have_url(re.compile(re.escape(here) + r"$"))
    page.get_by_role("link", name=re.compile(r"^Back to (?!the list of sections)")).click()
    page.wait_for_load_state("load")
    assert "/documents/" not in page.url
    page.goto(here)
    _open(page, artefact, field)


def test_a_refused_save_and_continue_then_leaving_keeps_the_text(page: Page) -> None:
    open_form(page, REFERRAL)
    _open(page, REFERRAL, "child_alias")
    page.fill("#child_forename", "")  # required: "Save and continue" is refused
    page.fill("#child_alias", "Typed before the error")
    page.fill("#child_address_1", "1 Imaginary Road\nNowhere")
    save_and_continue(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    _leave_and_come_back(page, REFERRAL, "child_alias")
    expect(page.locator("#child_alias")).to_have_value("Typed before the error")
    expect(page.locator("#child_address_1")).to_have_value("1 Imaginary Road\nNowhere")


def test_add_another_then_leaving_keeps_the_new_block_and_the_text(page: Page, js: bool) -> None:
    open_form(page, REFERRAL)
    _open(page, REFERRAL, "persons")
    page.fill("#persons-0-surname", "Firstblock")
    page.get_by_role("button", name="Add another person of interest").click()
    expect(page.locator(".app-repeat-entry")).to_have_count(2)
    if js:  # added in place: focus on the new block's first box
        expect(page.locator("#persons-1-forename")).to_be_focused()
    else:  # the page again, at the new block: the next Tab goes into it
        expect(page).to_have_url(re.compile(r"#persons-entry-2$"))
        page.wait_for_load_state("load")  # the fragment sets where Tab starts once loaded
        page.keyboard.press("Tab")
        expect(page.locator("#persons-1-forename")).to_be_focused()
    page.goto(document_url(page))  # straight away, without typing in the new block
    _open(page, REFERRAL, "persons")
    expect(page.locator(".app-repeat-entry")).to_have_count(2)
    expect(page.locator("#persons-0-surname")).to_have_value("Firstblock")


def test_two_refused_pages_of_the_case_closure_keep_every_answer(page: Page, js: bool) -> None:
    open_form(page, CLOSURE)
    _open(page, CLOSURE, "reason_for_closure")
    page.locator("label[for='level_of_engagement-3']").click()  # "partial"
    page.fill("#sessions_attended", "six")  # not a number
    page.locator("label[for='reason_for_closure-5']").click()  # "Other", details left empty
    for _ in range(2):
        save_and_continue(page)
        expect(page.locator(".govuk-error-summary__list li")).to_have_count(2)
    page.fill("#sessions_attended", "six sessions")
    _leave_and_come_back(page, CLOSURE, "reason_for_closure")
    expect(page.locator("#level_of_engagement-3")).to_be_checked()
    expect(page.locator("#reason_for_closure-5")).to_be_checked()
    # Typed after the last press: saved on leaving by the script; without it, only what the
    # buttons saved (the page says so: "saved when you select ...").
    expect(page.locator("#sessions_attended")).to_have_value("six sessions" if js else "six")


def test_a_conflict_is_shown_at_the_top_as_soon_as_autosave_meets_it(
    new_context, screenshot
) -> None:
    """Two people (here one person in two browsers) on one section: the second to save is
    told at once, at the top of the page, and nothing of theirs is saved over the first."""
    first = new_context().new_page()
    open_form(first, REFERRAL)
    _open(first, REFERRAL, "child_alias")
    second = new_context().new_page()
    second.goto(first.url)
    first.fill("#child_alias", "Saved first")
    expect(first.locator("[data-save-status]")).to_contain_text(
        "Draft last saved at", timeout=15_000
    )
    second.locator("#child_alias").fill("Typed second")
    summary = second.locator(".govuk-error-summary")
    expect(summary).to_be_focused(timeout=15_000)
    expect(summary).to_contain_text("after you opened it")
    assert second.evaluate(
        "() => document.querySelector('main .govuk-error-summary') "
        "=== document.querySelector('main .govuk-grid-column-two-thirds')"
        ".firstElementChild"
    )
    assert second.evaluate("() => window.scrollY") < 200
    expect(second).to_have_title(re.compile(r"^Error: "))
    expect(second.locator("[data-save-status]")).to_have_text("Your latest changes are not saved.")
    screenshot(second, "conflict-banner")
    first.reload()
    expect(first.locator("#child_alias")).to_have_value("Saved first")
    expect(second.locator("#child_alias")).to_have_value("Typed second")  # still there to copy
