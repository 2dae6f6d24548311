"""Every declared artefact in a real browser: fill its sample, submit, reach the documents.

axe-core checks each form, its error state and its answers page. Screenshots of each are saved
in test-results/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from forms import ARTEFACTS
from forms.model import Artefact
from tests.browser.pages import assert_no_axe_violations, fill_answers, open_form, submit
from tests.conftest import sample_json


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
            rf"{artefact.stem}-[\w-]{{8}}-v1\.{kind}", info.value.suggested_filename
        )
        assert info.value.failure() is None
