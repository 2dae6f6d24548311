"""What the browser tests do on a page: type answers as a person would, submit, run axe."""

from __future__ import annotations

import re
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Field
from forms.model import Artefact, Section
from forms.repeat import Repeat

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def new_case(page: Page) -> str:
    """A new case, made through the home page's button as a manager does; its URL."""
    page.goto("/")
    page.get_by_role("button", name="Create a case").click()
    page.get_by_label("First name").fill("Kayla")
    page.get_by_label("Last name").fill("Notreal")
    page.get_by_label("Kingston").check()
    page.get_by_role("button", name="Create the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kayla Notreal")
    return page.url


def open_form(page: Page, artefact: Artefact, case_url: str | None = None) -> None:
    """Start a new document of `artefact`: from the case at `case_url` (default: the fixture
    case), or from Reports; a case study from a new report's page ("Add a case study")."""
    if artefact.attached_to:
        from forms import ARTEFACTS

        open_form(page, ARTEFACTS[artefact.attached_to])
        page.get_by_role("button", name="Add a case study").click()
        page.wait_for_load_state("load")
        expect(page.get_by_role("heading", level=1)).to_have_text(artefact.title)
        return
    if artefact.per_case and case_url:
        page.goto(case_url)
    elif artefact.per_case:
        page.goto("/")
        page.get_by_role("link", name="Browser Fixture", exact=True).click()
    else:
        page.goto("/reports")
    page.get_by_role("button", name=f"Start the {artefact.title}").click()
    page.wait_for_load_state("load")
    if "/start/" in page.url:  # an earlier test left a draft of it: the page offering it
        page.get_by_role("button", name="Start a new one").click()
        page.wait_for_load_state("load")
    expect(page.get_by_role("heading", level=1)).to_have_text(artefact.title)


def document_url(page: Page) -> str:
    """The task list's address of the document the page is about."""
    found = re.search(r"(/documents/[\w-]{24})", page.url)
    assert found, page.url
    return found.group(1)


def open_section(page: Page, section: Section) -> None:
    """From anywhere in a document, its task list, then the section's link."""
    page.goto(document_url(page))
    page.get_by_role("link", name=section.title, exact=True).click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", level=1)).to_have_text(section.title)


def save_and_continue(page: Page) -> None:
    page.locator("form .govuk-button-group button[value=continue]").click()
    page.wait_for_load_state("load")


def submit(page: Page) -> None:
    """From anywhere in a document: "Check your answers", then submit the version."""
    page.goto(f"{document_url(page)}/check")
    page.get_by_role("button", name=re.compile(r"^Submit version \d+$")).click()
    page.wait_for_load_state("load")


def date_parts(iso: str) -> tuple[str, str, str]:
    year, month, day = iso.split("-")
    return day, month, year


def option_id(f: Choice, name: str, value: str) -> str:
    """GOV.UK radios and checkboxes: the first item's id is the field's, then `<name>-2`, ..."""
    index = [o.value for o in f.options].index(value)
    return name if index == 0 else f"{name}-{index + 1}"


def fill_field(page: Page, f: Field, value: Any, prefix: str = "") -> None:
    """Type, tick or pick one declared field's answer the way a person would."""
    name = f"{prefix}{f.name}"
    if value in (None, "", []):
        return
    if isinstance(f, Date):
        for part, typed in zip(("day", "month", "year"), date_parts(value), strict=True):
            page.fill(f"#{name}-{part}", typed)
    elif isinstance(f, MultiChoice):
        for ticked in value:
            if not page.locator(f"#{option_id(f, name, ticked)}").is_checked():  # prefilled?
                page.locator(f"label[for='{option_id(f, name, ticked)}']").click()
    elif isinstance(f, Choice):
        chosen = option_id(f, name, value)
        page.locator(f"label[for='{chosen}']").click()
        expect(page.locator(f"#{chosen}")).to_be_checked()
    else:
        page.fill(f"#{name}", str(value))


def fill_section(page: Page, artefact: Artefact, section: Section, answers: dict[str, Any]) -> None:
    """On a section's page: add the blocks its repeats need, then fill every field in order."""
    for f in section.walk():
        if isinstance(f, Repeat):
            for _ in range(len(answers.get(f.name) or []) - 1):
                blocks = page.locator(f"#{f.name}-blocks .app-repeat-entry").count()
                page.get_by_role("button", name=f.add_label).first.click()
                expect(page.locator(f"#{f.name}-blocks .app-repeat-entry")).to_have_count(
                    blocks + 1
                )
    for f in section.walk():
        if isinstance(f, Repeat):
            for index, item in enumerate(answers.get(f.name) or []):
                for inner in f.inner:
                    fill_field(page, inner, item.get(inner.name), f"{f.name}-{index}-")
        else:
            fill_field(page, f, answers.get(f.name))


def fill_answers(page: Page, artefact: Artefact, answers: dict[str, Any]) -> None:
    """Fill a whole answer set section by section from the task list, each saved with "Save
    and continue" (which must go on: no errors)."""
    for section in artefact.sections:
        open_section(page, section)
        fill_section(page, artefact, section, answers)
        save_and_continue(page)
        expect(page).not_to_have_title(re.compile(r"^Error: "))


def _govuk_conditional_reveal(node: dict[str, Any]) -> bool:
    """axe's aria-allowed-attr finding on a GOV.UK radio or checkbox that reveals a box.

    GOV.UK Frontend's script sets aria-expanded on such an input so that screen readers
    announce the box it opens; axe does not allow the attribute on role=radio or checkbox. GDS
    keep it on purpose (alphagov/govuk-frontend issue 979), so this one finding is set aside:
    any other attribute, element or rule still fails the test.
    """
    messages = [check["message"] for check in node.get("any", []) + node.get("all", [])]
    allowed = [
        f'ARIA attribute is not allowed: aria-expanded="{state}"' for state in ("false", "true")
    ]
    return (
        node["html"].startswith(
            ('<input class="govuk-radios__input"', '<input class="govuk-checkboxes__input"')
        )
        and "aria-controls=" in node["html"]
        and len(messages) == 1
        and messages[0] in allowed
    )


def assert_no_axe_violations(page: Page, what: str, *, landmarks: bool = False) -> None:
    """axe's WCAG rules find nothing; with `landmarks`, nor its best practices, whose `region`
    rule wants all content inside landmarks."""
    tags = [*AXE_TAGS, "best-practice"] if landmarks else AXE_TAGS
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    remaining = [
        (violation["id"], node["target"], node["html"])
        for violation in results.response["violations"]
        for node in violation["nodes"]
        if not (violation["id"] == "aria-allowed-attr" and _govuk_conditional_reveal(node))
    ]
    assert remaining == [], f"axe violations on {what}:\n{results.generate_report()}"


def tab_to(page: Page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user does."""
    for _ in range(limit):
        if page.evaluate("(s) => !!document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def key_in(page: Page, f: Field, answers: dict[str, Any], prefix: str = "") -> None:
    """Give one declared field's answer (from `answers`) with the keyboard alone, and then
    the follow-up boxes its choice reveals."""
    name, value = f"{prefix}{f.name}", answers.get(f.name)
    if value in (None, "", []):
        return
    if isinstance(f, Date):
        tab_to(page, f"#{name}-day")
        for typed in date_parts(value):
            page.keyboard.press("Control+A")
            page.keyboard.insert_text(typed)
            page.keyboard.press("Tab")
    elif isinstance(f, Choice):
        # Checkboxes are each a tab stop; a radio group is one (at the chosen radio, or the
        # first), and arrows move in it. An option's follow-up boxes come right after it.
        picked = [o for o in f.options if o.value in f.chosen(value)]
        for option in picked:
            target = f"#{option_id(f, name, option.value)}"
            if isinstance(f, MultiChoice):
                tab_to(page, target)
                if not page.locator(target).is_checked():
                    page.keyboard.press("Space")
            else:
                tab_to(page, f"input[name='{name}']")
                for _ in range(len(f.options)):
                    if page.evaluate("(s) => document.activeElement.matches(s)", target):
                        break
                    page.keyboard.press("ArrowDown")
                page.keyboard.press("Space")
            expect(page.locator(target)).to_be_checked()
            for revealed in option.reveal:
                key_in(page, revealed, answers, prefix)
    else:
        tab_to(page, f"#{name}")
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(str(value))


def key_in_section(page: Page, section: Section, answers: dict[str, Any]) -> None:
    """On a section's page, from its top: every answer with the keyboard alone, blocks added
    with "Add another" (Enter, focus then in the new block), then "Save and continue"."""
    for f in section.fields:
        if isinstance(f, Repeat):
            for index, item in enumerate(answers.get(f.name) or []):
                if index:
                    tab_to(page, f"button[name='add_{f.name}']")
                    page.keyboard.press("Enter")
                    first = f"#{f.name}-{index}-{f.inner[0].name}"
                    if isinstance(f.inner[0], Date):
                        first += "-day"
                    expect(page.locator(first)).to_be_focused()
                for inner in f.fields:
                    key_in(page, inner, item, f"{f.name}-{index}-")
        else:
            key_in(page, f, answers)
    tab_to(page, ".govuk-button-group button[value=continue]")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
