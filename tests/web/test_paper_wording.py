"""Paper instructions stay on paper: the web never shows "(delete as appropriate)", "form
below", "tick", a line to write on or a "[date]" to fill in, while the Word and PDF documents
keep every printed label and instruction verbatim (`paper_label`, `paper_description`)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from flask.testing import FlaskClient

from documents.pdf import render_pdf
from documents.word import render_word
from forms import ARTEFACTS
from forms.case import CASE
from forms.choices import Choice
from forms.model import Artefact
from forms.repeat import Repeat
from tests.conftest import sample, sample_json
from tests.helpers import (
    every_section,
    pdf_pages,
    squash,
    start,
    submit,
    visible_text,
    word_text,
)

# Wording that only makes sense on paper.
PAPER_ONLY = re.compile(
    r"delete as appropriate|form below|\btick|_{3,}|\[date\]|refer to notes|please attach"
    r"|overleaf|\bcircle\b|^Printed:?$",
    re.IGNORECASE,
)


def web_words(artefact: Artefact) -> Iterator[tuple[str, str]]:
    """(where, text) for everything the web shows of a declaration."""
    for section in artefact.sections:
        yield f"{section.title} (section)", section.description or ""
    for f in artefact.walk():
        for each in [f, *(f.inner if isinstance(f, Repeat) else [])]:
            yield each.name, each.label
            yield f"{each.name} (hint)", each.hint or ""
            for option in each.options if isinstance(each, Choice) else ():
                yield f"{each.name}={option.value}", option.label
                yield f"{each.name}={option.value} (hint)", option.hint or ""


def paper_words(artefact: Artefact, data: Mapping[str, Any] | None = None) -> Iterator[str]:
    """Every printed wording that the web words differently; with answers `data`, labels as
    printed with them (blanks filled)."""
    for section in artefact.sections:
        if section.paper_description:
            yield section.paper_description
    for f in artefact.walk():
        for each in [f, *(f.inner if isinstance(f, Repeat) else [])]:
            if each.paper_label and each.printed_in is None:
                yield each.label_on_paper if data is None else each.printed_label(data)
            for option in each.options if isinstance(each, Choice) else ():
                if option.paper_label:
                    yield option.paper_label


@pytest.mark.parametrize("form", [*ARTEFACTS.values(), CASE], ids=lambda a: a.slug)
def test_no_declaration_words_the_web_for_paper(form: Artefact) -> None:
    found = [(where, text) for where, text in web_words(form) if PAPER_ONLY.search(text)]
    assert found == []


def test_the_paper_wordings_found_are_declared() -> None:
    """The ones this service had: if one goes, this test says so."""
    declared = {a.slug: list(paper_words(a)) for a in ARTEFACTS.values()}
    everything = " ".join(w for words in declared.values() for w in words)
    for printed in (
        "Concerns about relationship with older male or female (delete as appropriate)",
        "please tick one box which most accurately describes",
        "Please tick and date when each topic has been completed",
        "Please refer to notes for further details",
        "Safeguarding Lead by __________________ (date)",
        "Printed:",
        "Update from MASE meeting \u2013 [date]:",
        "NB: Please attach any relevant information",
    ):
        assert printed in everything, printed


def test_the_form_and_answers_pages_show_no_paper_instructions(
    client: FlaskClient, artefact: Artefact
) -> None:
    form = every_section(client, start(client, artefact), artefact).text_content()
    answers = visible_text(client.get(submit(client, artefact, sample_json(artefact.slug))))
    for shown in (form, answers):
        lines = [line.strip() for line in shown.splitlines()]
        assert [line for line in lines if PAPER_ONLY.search(line)] == []


def test_the_documents_print_the_paper_wording_verbatim(artefact: Artefact) -> None:
    """Both documents print each paper wording, its blanks filled by the answers
    (forms.printed)."""
    data = sample(artefact)
    word = squash(word_text(render_word(artefact, data)))
    pdf = squash(" ".join(pdf_pages(render_pdf(artefact, data))))
    for printed in paper_words(artefact, data):
        assert squash(printed) in word, printed
        assert squash(printed) in pdf, printed


def test_the_referral_page_asks_the_web_question_where_paper_says_delete(
    client: FlaskClient,
) -> None:
    referral = ARTEFACTS["phoenix_referral"]
    html = every_section(client, start(client, referral), referral)
    (box,) = html.xpath("//input[@name='risk_indicators'][@value='older_person']/@id")
    (label,) = html.xpath(f"//label[@for='{box}']")
    assert squash(label.text_content()) == "Concerns about relationship with older male or female"
    legend = html.xpath("//input[@name='older_person_sex']/ancestor::fieldset[1]/legend")[0]
    assert squash(legend.text_content()) == "Older male or female"
