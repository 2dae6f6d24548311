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


def test_empty_form_and_its_errors_are_accessible(
    page: Page, artefact: Artefact, screenshot
) -> None:
    open_form(page, artefact)
    expect(page.get_by_role("heading", level=1)).to_have_text(artefact.title)
    assert_no_axe_violations(page, f"the empty {artefact.title}")
    screenshot(page, f"{artefact.slug}-form")
    if not artefact.must_answer:
        return  # nothing is required: an empty submission is a valid one
    # Empty what the case prefilled, so that every required answer is missing.
    for box in page.locator("form input.govuk-input, form textarea").all():
        if box.input_value():  # prefilled boxes are visible: hidden ones are empty
            box.fill("")
    submit(page)
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    first = page.locator(".govuk-error-summary__list a").first
    target = first.get_attribute("href")
    first.click()
    expect(page.locator(target)).to_be_focused()
    assert_no_axe_violations(page, f"the {artefact.title} with errors")
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
