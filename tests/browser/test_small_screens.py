"""Narrow screens and zoom: at 320 and 375 px wide, and at 200 % zoom (a 1280 px screen
zoomed to 200 % lays pages out as a 640 px one), My cases and a case page do not scroll
sideways, and axe finds nothing, landmarks included (its `region` rule: all content inside
landmarks). Each form's pages are tried in tests/browser/test_every_artefact.py. Only
fictional data.

Screenshots at 320 px are saved for a person to look at (test-results/screenshots/).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from forms import ARTEFACTS
from tests.browser.conftest import CASE_NAME
from tests.browser.pages import (
    assert_no_axe_violations,
    fill_answers,
    open_form,
    submit,
)
from tests.conftest import sample_json

WIDTHS = {"320px": 320, "375px": 375, "zoom-200": 640}
CASE = " ".join(CASE_NAME)
REFERRAL = ARTEFACTS["cse_referral"]
PLAN = ARTEFACTS["phoenix_delivery_plan"]
STUDY = ARTEFACTS["case_study"]


def _home(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("All cases")


def _case(page: Page) -> None:
    """The case page with documents (a submitted delivery plan, a draft referral) and an
    audit trail, as a manager."""
    open_form(page, PLAN)
    fill_answers(page, PLAN, sample_json(PLAN.slug))
    submit(page)
    open_form(page, REFERRAL)
    page.get_by_role("link", name="Back to the case").click()
    # Other tests add documents to the same case: any submitted version will do.
    documents = page.get_by_role("region", name="Documents")
    expect(documents.get_by_role("link", name=re.compile(r"^Version \d+, ")).first).to_be_visible()
    expect(page.get_by_role("heading", name="Audit trail")).to_be_visible()


def _report(page: Page) -> None:
    """A progress report's page listing its submitted case study, reached from the case
    study's answers page, which names the report."""
    open_form(page, STUDY)
    fill_answers(page, STUDY, sample_json(STUDY.slug))
    submit(page)
    page.locator("#report a").click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", name="Case studies")).to_be_visible()
    expect(page.get_by_role("button", name="Add a case study")).to_be_visible()


def _my_work(page: Page) -> None:
    """My work as a manager, with what is due and what is overdue: a Phoenix referral recorded
    on the case weeks ago (once; the other widths find it there)."""
    page.goto("/my-work")
    ours = page.locator("#overdue tbody tr", has_text=CASE)  # other tests' cases may be overdue too
    if not ours.count():
        page.goto("/")
        page.get_by_role("link", name=CASE).click()
        page.get_by_label("Phoenix Project referral sent").check()
        for part, value in zip(("day", "month", "year"), ("2", "11", "2026"), strict=True):
            page.locator(f"#happened_on-{part}").fill(value)
        page.get_by_role("button", name="Record the step").click()
        expect(page.locator("#step-recorded")).to_be_visible()
        page.goto("/my-work")
    expect(page.locator("#my-work tbody tr").first).to_be_visible()
    expect(ours.first).to_be_visible()


PAGES: dict[str, Callable[[Page], None]] = {
    "home": _home,
    "case": _case,
    "report": _report,
    "my-work": _my_work,
}  # every form's pages: tests/browser/test_every_artefact.py


def overflow(page: Page) -> tuple[int, int]:
    """How wide the page is laid out, and how wide the window is."""
    return page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_and_axe_finds_nothing(
    new_context, width: int, name: str, screenshot
) -> None:
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    PAGES[name](page)
    laid_out, window = overflow(page)
    assert laid_out <= window, f"{name} at {width} px is {laid_out} px wide"
    assert_no_axe_violations(page, f"{name} at {width} px", landmarks=True)
    if width == 320:
        screenshot(page, f"narrow-{name}-320")
