"""The form page's field markup is exactly what govuk-frontend-wtf and govuk-frontend-jinja made.

`web/templates/fields.html` writes GOV.UK Frontend markup itself, because rendering each field
through a widget and the generic component macros was most of the page's time. The reference,
the old widget path, is kept here (`reference_fields.html`): every field of every artefact is
rendered both ways, in every state a page can show, and the two DOMs must be the same after
white space that a browser ignores is set aside. Two differences are meant: see `_unindented`
and `_ungrouped`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from flask import Flask, template_rendered
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict
from wtforms import StringField

from forms import ARTEFACTS
from forms.case import CASE
from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Field, LongText, Number, Text
from forms.model import Artefact
from forms.repeat import Repeat
from forms.web import GovDateField, as_formdata, bound_fields, check, form_class
from tests.conftest import sample
from tests.helpers import start

REFERENCE = Path(__file__).with_name("reference_fields.html")
HOSTILE = '<script>alert("Testy & \'Example\'")</script> &amp; \u00a0"quoted"\n  indented'
# Elements whose content is all text and inline elements: there, the spaces between the
# children are words' spaces ("Error: message") and must be kept.
INLINE = {"span", "a", "strong", "em", "b", "i", "abbr", "code", "br"}
PAGES = {**ARTEFACTS, CASE.slug: CASE}  # the case details page renders its fields the same way


def _one(value: Any, hostile: bool = False) -> list[str]:
    return [HOSTILE if hostile else value]


def _invalid(f: Field, hostile: bool) -> list[str]:
    """What a person might type in `f` that its declaration refuses (or, `hostile`, markup)."""
    if isinstance(f, Date):
        return ["<b>", "&amp;", '"'] if hostile else ["31", "2", "2026"]
    if isinstance(f, MultiChoice):
        return ["not-an-option", HOSTILE] if hostile else ["not-an-option"]
    if isinstance(f, Choice):
        return _one("not-an-option", hostile)
    if isinstance(f, LongText):
        return _one("x" * (f.max_length + 1), hostile)
    if isinstance(f, Text):
        return _one("two\nlines", hostile)  # one-line boxes refuse new lines
    if isinstance(f, Number):
        return _one("eight", hostile)
    raise AssertionError(f"no invalid answer for {type(f).__name__} {f.name}: add one")


def _typed(artefact: Artefact, hostile: bool) -> MultiDict:
    """A post with something wrong in every box, and two blocks of every repeating block."""
    posted: MultiDict = MultiDict()
    for f in artefact.walk():
        if isinstance(f, Repeat):
            for index in range(2):
                for inner in f.inner:
                    posted.setlist(f"{f.name}-{index}-{inner.name}", _invalid(inner, hostile))
        else:
            posted.setlist(f.name, _invalid(f, hostile))
    return posted


def _answers(artefact: Artefact) -> dict[str, Any]:
    if artefact is CASE:  # not an artefact: no sample file
        return {"forename": "Testy", "surname": "Example", "dob": dt.date(2011, 3, 27)}
    return sample(artefact)


STATES: dict[str, Callable[[Artefact], tuple[MultiDict | None, bool]]] = {
    # (what the page's form is made from, whether it was submitted and checked)
    "fresh": lambda a: (None, False),
    "fresh draft": lambda a: (MultiDict(), False),
    "sample": lambda a: (as_formdata(a, _answers(a)), False),
    "submitted empty": lambda a: (MultiDict(), True),
    "submitted invalid": lambda a: (_typed(a, hostile=False), True),
    "hostile draft": lambda a: (_typed(a, hostile=True), False),
    "submitted hostile": lambda a: (_typed(a, hostile=True), True),
}


def _form(artefact: Artefact, state: str) -> Any:
    formdata, submitted = STATES[state](artefact)
    form = form_class(artefact)(formdata=formdata, meta={"csrf": False})
    if submitted:
        check(artefact, form)
    return form


def _normal(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _unindented(value: str) -> str:
    """A box's value without spaces at the start of its lines.

    The reference indented every line but the first of a box revealed by a choice (the
    `indent` filter of govuk-frontend-jinja's macros reaches into values), so a multi-line
    answer there gained spaces each time the page was opened and saved. The page no longer
    does that: values are compared without those spaces, and
    `test_boxes_show_exactly_what_was_typed` checks the page's values exactly.
    """
    return re.sub(r"\n +", "\n", value)


def _ungrouped(html: str) -> str:
    """The page's markup without the headings of groups of options (an ethnic group's fieldset
    and legend) and the "or" after them, which the reference had no way to make; the options
    themselves must still be the reference's. tests/web/test_case_options.py checks those."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for group in root.xpath("//fieldset[contains(@class, 'app-option-group')]"):
        for legend in group.xpath("./legend"):
            legend.drop_tree()
        group.drop_tag()
    for divider in root.xpath("//div[@class='govuk-radios__divider']"):
        divider.drop_tree()
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def _canonical(html: str) -> list[str]:
    """The DOM of a fragment as lines: tag and attributes (as a dict), and text with runs of
    white space made one space. A textarea's text is its value: kept as it is."""
    lines: list[str] = []

    def walk(element: Any, depth: int) -> None:
        pad = "  " * depth
        attributes = dict(sorted(element.attrib.items()))
        if "value" in attributes:
            attributes["value"] = _unindented(attributes["value"])
        lines.append(f"{pad}<{element.tag} {attributes}>")
        if element.tag == "textarea":
            lines.append(f"{pad}  value {_unindented(element.text or '')!r}")
        elif _normal(element.text):
            lines.append(f"{pad}  text {_normal(element.text)!r}")
        if len(element) and all(child.tag in INLINE for child in element):
            lines.append(f"{pad}  reads {_normal(element.text_content())!r}")
        for child in element:
            walk(child, depth + 1)
            if _normal(child.tail):
                lines.append(f"{pad}  text {_normal(child.tail)!r}")

    for element in lxml.html.fragment_fromstring(html, create_parent="div"):
        walk(element, 0)
    return lines


@pytest.fixture
def renderers(app: Flask) -> tuple[Any, Any]:
    """render_field as the page has it, and as the reference has it."""
    page = app.jinja_env.get_template("fields.html").module
    reference = app.jinja_env.from_string(REFERENCE.read_text(encoding="utf-8")).module
    return page.render_field, reference.render_field


def _fields(artefact: Artefact) -> Iterator[Field]:
    for section in artefact.sections:
        yield from section.fields


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("slug", sorted(PAGES))
def test_field_markup_is_the_reference_markup(
    app: Flask, renderers: tuple[Any, Any], slug: str, state: str
) -> None:
    artefact = PAGES[slug]
    page, reference = renderers
    with app.test_request_context():
        form = _form(artefact, state)
        for f in _fields(artefact):
            made = _canonical(_ungrouped(str(page(f, form))))
            assert made == _canonical(str(reference(f, form))), f"{slug} {state}: {f.name}"


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_the_error_states_show_an_error_on_every_box(app: Flask, slug: str) -> None:
    """The states above really show every field kind with its error, repeats included."""
    artefact = PAGES[slug]
    with app.test_request_context():
        form = _form(artefact, "submitted invalid")
        leaves = list(bound_fields(form))
        assert [b.name for b in leaves if not b.errors and b.name != "csrf_token"] == []
        repeats = [f for f in artefact.walk() if isinstance(f, Repeat)]
        assert all(len(form[f.name].entries) == 2 for f in repeats)


@pytest.mark.parametrize("state", ["sample", "hostile draft", "submitted hostile"])
@pytest.mark.parametrize("slug", sorted(PAGES))
def test_boxes_show_exactly_what_was_typed(
    app: Flask, renderers: tuple[Any, Any], slug: str, state: str
) -> None:
    artefact = PAGES[slug]
    page, _ = renderers
    with app.test_request_context():
        form = _form(artefact, state)
        html = "".join(str(page(f, form)) for f in _fields(artefact))
        shown = lxml.html.fragment_fromstring(html, create_parent="div")
        for bound in bound_fields(form):
            if isinstance(bound, GovDateField):
                expected = bound.raw_data
            elif isinstance(bound, StringField):  # text boxes and textareas
                expected = [bound._value()]
            else:
                continue
            values = shown.xpath(f"//input[@name='{bound.name}']/@value") or [
                box.text or "" for box in shown.xpath(f"//textarea[@name='{bound.name}']")
            ]
            assert values == expected, bound.name


def test_the_form_page_renders_its_fields_without_other_templates(
    app: Flask, client: FlaskClient, artefact: Artefact
) -> None:
    """Each field is written by fields.html itself, not by a template of its own per field
    (which made the page of a long form slow)."""
    url = f"{start(client, artefact)}/sections/{_longest(artefact)}"
    rendered: list[str] = []

    def record(sender: Flask, template: Any, context: dict[str, Any], **extra: Any) -> None:
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        response = client.get(url)
    assert response.status_code == 200
    assert rendered == ["section.html"]


def _longest(artefact: Artefact) -> int:
    """The number of the section with the most fields."""
    sizes = [len(list(section.walk())) for section in artefact.sections]
    return sizes.index(max(sizes)) + 1
