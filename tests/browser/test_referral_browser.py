"""The CSE Referral Form in a real browser (system Chromium): what a person sees and does.

Only fictional data (tests/samples/cse_referral.json). Fixtures are in tests/browser/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from playwright.sync_api import Page, expect

from forms import ARTEFACTS
from forms.choices import YesNo
from forms.kinds import Date
from forms.repeat import Repeat
from forms.tasks import number_of
from tests.browser.pages import (
    assert_no_axe_violations,
    date_parts,
    document_url,
    open_form,
    open_section,
    save_and_continue,
    submit,
)
from tests.browser.pages import fill_field as generic_fill

SAMPLE: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[1] / "samples" / "cse_referral.json").read_text()
)
ARTEFACT = ARTEFACTS["cse_referral"]
_persons = ARTEFACT.field("persons")
assert isinstance(_persons, Repeat)
PERSONS: Repeat = _persons
FILENAME = r"cse-referral-CSE-[A-Za-z0-9-]+-v1-\d{4}-\d\d-\d\d"  # form, case, version, day

# What a person must give, so that a submission goes through (all from the fictional sample).
MINIMAL = {
    "referrer_name": SAMPLE["referrer_name"],
    "referrer_agency": SAMPLE["referrer_agency"],
    "referrer_role": SAMPLE["referrer_role"],
    "referrer_email": SAMPLE["referrer_email"],
    "date_of_referral": SAMPLE["date_of_referral"],
    "child_forename": SAMPLE["child_forename"],
    "child_surname": SAMPLE["child_surname"],
    "child_dob": SAMPLE["child_dob"],
    "concerns_summary": SAMPLE["concerns_summary"],
}


# --- helpers --------------------------------------------------------------------------------


def fill_field(page: Page, f: Any, value: Any, prefix: str = "") -> None:
    generic_fill(page, f, value, prefix)


def fill_fields(page: Page, values: dict[str, Any], prefix: str = "") -> None:
    """Fill the given values in page order (a Yes comes before the box it reveals)."""
    fields = PERSONS.fields if prefix else tuple(ARTEFACT.walk())
    for top in fields:
        for f in top.walk():
            if f.name in values and not isinstance(f, Repeat):
                fill_field(page, f, values[f.name], prefix)


def expect_values(page: Page, values: dict[str, Any], prefix: str = "") -> None:
    """The boxes show what was typed (text, dates and radios)."""
    fields = PERSONS.fields if prefix else tuple(ARTEFACT.walk())
    for top in fields:
        for f in top.walk():
            if f.name not in values or isinstance(f, Repeat):
                continue
            name, value = f"{prefix}{f.name}", values[f.name]
            if isinstance(f, Date):
                day, month, year = date_parts(value)
                # Typed "03" may come back as "03" or "3": compare as numbers.
                for part, want in (("day", day), ("month", month), ("year", year)):
                    got = page.input_value(f"#{name}-{part}")
                    assert got.isdigit() and int(got) == int(want), (name, part, got, want)
            elif isinstance(f, YesNo):
                expect(page.locator(f"#{name if value == 'yes' else name + '-2'}")).to_be_checked()
            else:
                expect(page.locator(f"#{name}")).to_have_value(value)


def submit_minimal(page: Page, live_server: str) -> str:
    """Fill only what is required, submit, and return the answers page URL."""
    open_form(page, ARTEFACT)
    fill_sections(page, MINIMAL)
    submit(page)
    expect(page).to_have_url(re.compile(r"/versions/[A-Za-z0-9_-]+$"))
    return page.url


def fill_sections(page: Page, values: dict[str, Any]) -> None:
    """Fill the given values section by section from the task list, "Save and continue"."""
    for section in ARTEFACT.sections:
        wanted = {k: v for k, v in values.items() if k in {f.name for f in section.walk()}}
        if wanted:
            open_section(page, section)
            for top in section.fields:
                for f in top.walk():
                    if f.name in wanted and not isinstance(f, Repeat):
                        fill_field(page, f, wanted[f.name])
            save_and_continue(page)
            expect(page).not_to_have_title(re.compile(r"^Error: "))


def active_element(page: Page) -> dict[str, str]:
    return page.evaluate(
        "() => ({id: document.activeElement.id,"
        " classes: document.activeElement.className,"
        " tag: document.activeElement.tagName})"
    )


# --- 1. empty submission ----------------------------------------------------------------------


def test_empty_submission_shows_a_focused_error_summary_with_working_links(
    page: Page, screenshot
) -> None:
    open_form(page, ARTEFACT)
    open_section(page, ARTEFACT.sections[0])
    expect(page).not_to_have_title(re.compile(r"^Error: "))
    screenshot(page, "empty-form")
    # The date of referral to SPA is filled in with today: empty it, as a person may.
    today = dt.date.today()
    for part, value in zip(
        ("day", "month", "year"), (today.day, today.month, today.year), strict=True
    ):
        box = page.locator(f"#date_of_referral-{part}")
        expect(box).to_have_value(str(value))
        box.fill("")

    save_and_continue(page)

    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    # GOV.UK Frontend's JavaScript moves focus to the summary once the page has loaded.
    expect(summary).to_be_focused()
    focused = active_element(page)
    assert "govuk-error-summary" in focused["classes"], focused

    links = summary.locator(".govuk-error-summary__list a")
    messages = links.all_inner_texts()
    for expected in ("Enter the name of the referrer", "Enter the date of referral to SPA"):
        assert expected in messages, (expected, messages)
    screenshot(page, "error-state")

    # Each link takes the user to the box to correct: a date to its day box.
    links.filter(has_text="Enter the date of referral to SPA").click()
    expect(page.locator("#date_of_referral-day")).to_be_focused()
    expect(page.locator("#date_of_referral-day")).to_be_in_viewport()

    links.filter(has_text="Enter the name of the referrer").click()
    expect(page.locator("#referrer_name")).to_be_focused()
    expect(page.locator("#referrer_name")).to_be_in_viewport()

    # The inline message sits in the same error form group as its field.
    name_group = page.locator(".govuk-form-group--error").filter(has=page.locator("#referrer_name"))
    expect(name_group).to_have_count(1)
    expect(name_group.locator(".govuk-error-message")).to_contain_text(
        "Enter the name of the referrer"
    )
    date_group = page.locator(".govuk-form-group--error").filter(
        has=page.locator("#date_of_referral-day")
    )
    expect(date_group).to_have_count(1)
    expect(date_group.locator(".govuk-error-message")).to_contain_text(
        "Enter the date of referral to SPA"
    )
    # The field says which message describes it (screen readers read it with the field).
    message_id = name_group.locator(".govuk-error-message").get_attribute("id")
    described_by = page.locator("#referrer_name").get_attribute("aria-describedby") or ""
    assert message_id and message_id in described_by.split(), (message_id, described_by)


# --- 2. conditional reveal --------------------------------------------------------------------


def test_strategy_meeting_summary_is_revealed_by_yes(page: Page, new_context) -> None:
    meeting = ARTEFACT.sections[number_of(ARTEFACT, "strategy_meeting") - 1]
    open_form(page, ARTEFACT)
    open_section(page, meeting)
    summary_box = page.locator("#strategy_meeting_summary")
    expect(summary_box).to_be_hidden()
    expect(page.locator("#strategy_meeting")).to_have_attribute("aria-expanded", "false")

    page.locator("label[for='strategy_meeting']").click()
    expect(summary_box).to_be_visible()
    expect(page.locator("#strategy_meeting")).to_have_attribute("aria-expanded", "true")

    page.locator("label[for='strategy_meeting-2']").click()
    expect(summary_box).to_be_hidden()

    # Without JavaScript nothing is hidden: every box can be filled in.
    no_js = new_context(java_script_enabled=False).new_page()
    open_form(no_js, ARTEFACT)
    open_section(no_js, meeting)
    expect(no_js.locator("#strategy_meeting_summary")).to_be_visible()
    expect(no_js.locator("#strategy_meeting")).not_to_be_checked()


# --- 3. the full journey ----------------------------------------------------------------------


def test_full_journey_to_answers_and_documents(page: Page, screenshot, tmp_path: Path) -> None:
    first, second = SAMPLE["persons"]
    open_form(page, ARTEFACT)
    # Everything but the people of interest, section by section from the task list.
    fill_sections(page, {k: v for k, v in SAMPLE.items() if k != "persons"})
    open_section(page, ARTEFACT.sections[number_of(ARTEFACT, "persons") - 1])
    expect(page.locator(".app-repeat-entry")).to_have_count(1)
    fill_fields(page, first, prefix="persons-0-")

    # A second person: saved and added in place, without a reload; focus on its first box.
    page.evaluate("() => { window.notReloaded = true; }")
    page.get_by_role("button", name="Add another person of interest").click()
    expect(page.locator(".app-repeat-entry")).to_have_count(2)
    expect(page.locator("#persons-1-forename")).to_be_focused()
    assert page.evaluate("() => window.notReloaded === true")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect_values(page, first, prefix="persons-0-")
    expect(page.locator("#persons-1-forename")).to_have_value("")
    expect(page.get_by_role("button", name="Remove person of interest 1")).to_be_visible()

    fill_fields(page, second, prefix="persons-1-")
    save_and_continue(page)
    expect(page).not_to_have_title(re.compile(r"^Error: "))
    page.goto(f"{document_url(page)}/check")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    assert_no_axe_violations(page, "Check your answers")
    screenshot(page, "check-answers")
    submit(page)

    expect(page).to_have_url(re.compile(r"/versions/[A-Za-z0-9_-]+$"))
    expect(page).to_have_title(re.compile(r"^Your answers: CSE Referral Form"))
    expect(page.get_by_role("heading", level=1)).to_have_text("CSE Referral Form: your answers")
    main = page.locator("main")
    expect(main).to_contain_text(SAMPLE["child_forename"])
    expect(main).to_contain_text(SAMPLE["referrer_name"])
    expect(page.get_by_role("heading", name="Person of interest 2")).to_be_visible()
    expect(main).to_contain_text(second["surname"])
    expect(main).to_contain_text(first["relationship_to_victim"])
    screenshot(page, "answers-page")

    downloads = {}
    for link, kind in (("Download Word (.docx)", "docx"), ("Download PDF", "pdf")):
        with page.expect_download() as info:
            page.get_by_role("link", name=link).click()
        download = info.value
        assert re.fullmatch(rf"{FILENAME}\.{kind}", download.suggested_filename)
        assert download.failure() is None
        downloads[kind] = download
    word, pdf = downloads["docx"], downloads["pdf"]

    for download in (word, pdf):
        # No name of the child in a file name: it is seen in e-mail lists and download bars.
        for name in (SAMPLE["child_forename"], SAMPLE["child_surname"]):
            assert name.lower() not in download.suggested_filename.lower()

    word_path = tmp_path / word.suggested_filename
    word.save_as(word_path)
    document = docx.Document(str(word_path))
    table_text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert SAMPLE["child_forename"] in table_text
    assert second["surname"] in table_text

    pdf_path = tmp_path / pdf.suggested_filename
    pdf.save_as(pdf_path)
    assert pdf_path.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout
    assert SAMPLE["child_surname"] in text


# --- 4. the Enter key -------------------------------------------------------------------------


def test_enter_in_a_box_saves_and_continues_and_never_makes_a_version(page: Page) -> None:
    open_form(page, ARTEFACT)
    open_section(page, ARTEFACT.sections[0])
    page.fill("#referrer_name", MINIMAL["referrer_name"])
    page.press("#referrer_name", "Enter")
    page.wait_for_load_state("load")
    # "Save and continue": saved, and this section's missing answers are listed.
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator("#referrer_name")).to_have_value(MINIMAL["referrer_name"])
    messages = page.locator(".govuk-error-summary__list a").all_inner_texts()
    assert "Enter the name of the referrer" not in messages
    assert "Enter the referrer's agency" in messages
    # Enter in the alias box, on a complete "Child" section: on to the next section.
    child = ARTEFACT.sections[number_of(ARTEFACT, "child_alias") - 1]
    open_section(page, child)
    fill_field(page, ARTEFACT.field("child_dob"), SAMPLE["child_dob"])
    page.fill("#child_alias", "Jazz")
    page.press("#child_alias", "Enter")
    page.wait_for_load_state("load")
    expect(page).to_have_url(re.compile(rf"/sections/{number_of(ARTEFACT, 'child_alias') + 1}$"))
    # No version was made: the task list still offers version 1, and the alias is kept.
    page.goto(document_url(page))
    expect(page.locator("main")).to_contain_text("Submitting makes version 1")
    expect(page.locator(f"#task-{number_of(ARTEFACT, 'child_alias')}-status")).to_have_text(
        "Completed"
    )
    open_section(page, child)
    expect(page.locator("#child_alias")).to_have_value("Jazz")


# --- 5. accessibility -------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["empty form", "error state", "answers page"])
def test_no_axe_violations(page: Page, live_server: str, state: str) -> None:
    if state == "answers page":
        submit_minimal(page, live_server)
    else:
        open_form(page, ARTEFACT)
        open_section(page, ARTEFACT.sections[1])
        if state == "error state":
            save_and_continue(page)
            expect(page).to_have_title(re.compile(r"^Error: "))
            expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_no_axe_violations(page, state)


# --- 6. the answers read cleanly --------------------------------------------------------------


def test_answers_start_level_with_their_questions(page: Page, live_server: str) -> None:
    """Each answer starts on the line of its question, with no blank line or indent before it.

    The answers keep the line breaks people typed (white-space: pre-wrap), so any whitespace
    around an answer in the HTML shows on screen too.
    """
    address = SAMPLE["child_address_1"]
    open_form(page, ARTEFACT)
    fill_sections(page, {**MINIMAL, "child_address_1": address})
    submit(page)
    expect(page).to_have_url(re.compile(r"/versions/[A-Za-z0-9_-]+$"))

    def shown(question: str) -> str:
        row = (
            page.locator(".govuk-summary-list__row")
            .filter(has=page.locator("dt", has_text=re.compile(rf"^\s*{re.escape(question)}\s*$")))
            .first
        )
        return row.locator("dd").inner_text()  # as rendered: pre-wrap whitespace included

    assert shown("Name of Referrer") == MINIMAL["referrer_name"]
    assert shown("Address 1: Family") == address  # three lines, all starting at the same place
    # The first line of the answer is level with the question.
    row = page.locator(".govuk-summary-list__row").first
    tops = row.evaluate(
        """row => [row.querySelector('dt'), row.querySelector('dd')].map(cell => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            const node = walker.nextNode();
            const start = node.data.search(/\\S/);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + 1);
            return range.getBoundingClientRect().top;
        })"""
    )
    assert abs(tops[0] - tops[1]) <= 2, f"question text top {tops[0]}, answer text top {tops[1]}"
