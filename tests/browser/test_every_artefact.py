"""Every declared artefact in a real browser: fill its sample, submit, reach the documents;
the same without JavaScript; one section with the keyboard alone; every page at 320 px and at
200 % zoom.

axe-core checks each task list, section, check page, error state and answers page. Screenshots
are saved in test-results/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from forms import ARTEFACTS
from forms.kinds import Text
from forms.model import Artefact
from forms.repeat import Repeat
from forms.tasks import waiting_for
from tests.browser.pages import (
    assert_no_axe_violations,
    document_url,
    fill_answers,
    key_in_section,
    new_case,
    open_form,
    open_section,
    submit,
)
from tests.conftest import sample_json

# A 1280 px screen zoomed to 200 % lays pages out as a 640 px one.
WIDTHS = {"320px": 320, "zoom-200": 640}


@pytest.fixture(params=sorted(ARTEFACTS), ids=str)
def artefact(request: pytest.FixtureRequest) -> Artefact:
    return ARTEFACTS[request.param]


def test_task_list_check_page_and_errors_are_accessible(
    page: Page, artefact: Artefact, screenshot
) -> None:
    open_form(page, artefact)
    expect(page.locator(".govuk-task-list__item")).to_have_count(len(artefact.sections))
    assert_no_axe_violations(page, f"the task list of the {artefact.title}")
    screenshot(page, f"{artefact.slug}-tasks")
    page.get_by_role("link", name="Check your answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    assert_no_axe_violations(page, f"checking the answers of the empty {artefact.title}")
    if not page.locator(".govuk-error-summary").count():
        # Nothing required, or all of it filled in from what the case knows: it may go.
        expect(page.get_by_role("button", name="Submit version 1")).to_be_visible()
        return
    # Nothing can be submitted yet: the error summary says why, and takes focus.
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.get_by_role("button", name=re.compile("^Submit"))).to_have_count(0)
    screenshot(page, f"{artefact.slug}-check-errors")
    # Each link opens the section's page at the box, with the message next to it.
    first = page.locator(".govuk-error-summary__list a").first
    target = "#" + first.get_attribute("href").split("#")[1]
    first.click()
    page.wait_for_load_state("load")
    expect(page.locator(target)).to_be_focused()
    expect(page.locator(".govuk-error-message").first).to_be_visible()
    assert_no_axe_violations(page, f"a section of the {artefact.title} with errors")
    screenshot(page, f"{artefact.slug}-errors")


def test_sample_goes_from_the_form_to_both_documents(
    page: Page, artefact: Artefact, screenshot
) -> None:
    open_form(page, artefact)
    fill_answers(page, artefact, sample_json(artefact.slug))
    submit(page)
    expect(page).to_have_url(re.compile(r"/versions/[\w-]{24}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{artefact.title}: your answers")
    assert_no_axe_violations(page, f"the answers to the {artefact.title}")
    screenshot(page, f"{artefact.slug}-answers")
    for link, kind in (("Download Word (.docx)", "docx"), ("Download PDF", "pdf")):
        with page.expect_download() as info:
            page.get_by_role("link", name=link).click()
        assert re.fullmatch(
            rf"{artefact.stem}(-CSE-[A-Za-z0-9-]+)?-v1-\d{{4}}-\d\d-\d\d\.{kind}",
            info.value.suggested_filename,
        )
        assert info.value.failure() is None


def test_sample_goes_through_without_javascript(new_context, artefact: Artefact) -> None:
    """Every page works without JavaScript: "Add another" reloads at the new block, follow-up
    boxes are shown, "Check your answers" submits."""
    page = new_context(java_script_enabled=False).new_page()
    open_form(page, artefact)
    expect(page.locator(".app-no-js").first).to_be_visible()
    expect(page.locator(".app-js-only").first).to_be_hidden()
    fill_answers(page, artefact, sample_json(artefact.slug))
    submit(page)
    expect(page).to_have_url(re.compile(r"/versions/[\w-]{24}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{artefact.title}: your answers")


def _busiest_section(artefact: Artefact) -> int:
    """The number of the section the sample answers most in (blocks counted box by box),
    among those whose checks need no earlier section's answer."""
    answers = sample_json(artefact.slug)

    def given(number: int) -> int:
        count = 0
        for f in artefact.sections[number - 1].walk():
            value = answers.get(f.name)
            if isinstance(f, Repeat):
                count += sum(1 for item in value or [] for v in item.values() if v)
            elif value not in (None, "", []):
                count += 1
        return count

    alone = [n for n in range(1, len(artefact.sections) + 1) if not _reads_earlier(artefact, n)]
    return max(alone, key=given)


def _reads_earlier(artefact: Artefact, number: int) -> bool:
    return bool(waiting_for(artefact, number, frozenset()))


def test_one_section_with_the_keyboard_alone(page: Page, artefact: Artefact) -> None:
    """The section the sample answers most, given from its top with Tab, typing, arrows,
    Space and Enter: no mouse. It saves, goes on, and shows every answer when opened again."""
    number = _busiest_section(artefact)
    section = artefact.sections[number - 1]
    answers = sample_json(artefact.slug)
    # On a case of its own: the fixture case's earlier answers would prefill this section (a
    # scoring's "Other" details, left behind a level chosen here, are refused: see the note
    # of issue 12's stop), and this test is about the keyboard.
    open_form(page, artefact, new_case(page) if artefact.per_case else None)
    open_section(page, section)
    key_in_section(page, section, answers)
    expect(page).not_to_have_title(re.compile(r"^Error: "))
    after = "/check" if number == len(artefact.sections) else f"/sections/{number + 1}"
    expect(page).to_have_url(re.compile(f"{re.escape(after)}$"))
    page.goto(f"{document_url(page)}/check")
    card = page.locator(".govuk-summary-card").nth(number - 1)
    for f in section.walk():
        value = answers.get(f.name)
        if isinstance(f, Text) and value and "\n" not in value and len(value) < 80:
            expect(card).to_contain_text(value)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_fits_a_narrow_or_zoomed_screen(
    new_context, artefact: Artefact, width: int, screenshot
) -> None:
    """The task list, each section's page and "Check your answers" never scroll sideways,
    and axe (best practices included) finds nothing on them."""
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    open_form(page, artefact)
    here = document_url(page)
    pages = {"task list": here}
    for number in range(1, len(artefact.sections) + 1):
        pages[f"section {number}"] = f"{here}/sections/{number}"
    pages["check your answers"] = f"{here}/check"
    for what, url in pages.items():
        page.goto(url)
        laid_out = page.evaluate("() => document.documentElement.scrollWidth")
        assert laid_out <= width, f"{artefact.title}, {what}, is {laid_out} px wide at {width} px"
        assert_no_axe_violations(page, f"{artefact.title}, {what}, at {width} px", landmarks=True)
    if width == 320:
        page.goto(pages["section 1"])
        screenshot(page, f"{artefact.slug}-section-320")
