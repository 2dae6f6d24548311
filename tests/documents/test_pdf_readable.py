"""Answers a reader can trust in the PDF (issue 12): an empty answer reads "Not answered",
no title breaks inside a short bracketed part such as "(Appendix 3)", and the footer saying
whose page it is stays clear of the page number."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from documents.pdf import render_pdf
from documents.pdf_grid import _declared_label_lines
from documents.pdf_style import styles, text
from documents.printed import NOT_ANSWERED
from documents.stamp import Stamp
from forms import ARTEFACTS
from forms.choices import Choice
from forms.kinds import Date, Field, LongText, Number, Text
from forms.model import Artefact
from forms.repeat import Repeat
from tests.conftest import sample
from tests.helpers import pdf_body, pdf_pages, squash


def _top_level(artefact: Artefact) -> list[Field]:
    """The fields printed once each (not in a repeating block), in order."""
    return [f for s in artefact.sections for f in s.fields if not isinstance(f, Repeat)]


def _lines(artefact: Artefact, data: dict) -> list[str]:
    return [
        line.strip() for page in pdf_pages(render_pdf(artefact, data)) for line in page.splitlines()
    ]


LONG_DAY = dt.date(2027, 12, 30)
KINDS = (Text, LongText, Date, Number, Choice)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_an_empty_answer_reads_not_answered_in_its_place(kind: type) -> None:
    for artefact in ARTEFACTS.values():
        data = sample(artefact)
        # A field of the kind answered in the sample, that nothing else depends on being shown.
        found = [
            f
            for f in _top_level(artefact)
            if type(f) is kind and data.get(f.name) not in (None, "", []) and not _reveals(f)
        ]
        if found:
            break
    else:
        pytest.fail(f"no sample answers a {kind.__name__}")
    field = found[0]
    before = "\n".join(_lines(artefact, data))
    data[field.name] = None
    after = "\n".join(_lines(artefact, data))
    assert after.count(NOT_ANSWERED) == before.count(NOT_ANSWERED) + 1, field.name
    # In the answer's place: after the label, before the next question's label.
    label = squash(field.label_on_paper)
    start = squash(after).index(label) + len(label)
    answer = squash(after)[start:].split(NOT_ANSWERED)[0]
    if isinstance(field, Choice):  # its boxes are still printed, all empty, above the words
        assert answer.count("\u2610") == len(field.options) and "\u2612" not in answer
    else:
        assert answer.strip(" :") == "", answer


def _reveals(f: Field) -> bool:
    return isinstance(f, Choice) and any(o.reveal for o in f.options)


def test_a_blank_form_says_not_answered_for_every_answer() -> None:
    artefact = ARTEFACTS["cse_referral"]
    printed = " ".join(_lines(artefact, artefact.clean({})))
    assert printed.count(NOT_ANSWERED) >= len(_top_level(artefact))


@pytest.mark.parametrize("width", range(160, 480, 6))  # "(Appendix 3)" fits 160 points
def test_a_title_never_breaks_inside_its_bracketed_tail(width: int) -> None:
    title = text("Phoenix Project delivery plan (Appendix 3)", styles()["title"])
    title.wrap(width, 1000)
    lines = [" ".join(words) for _, words in title.blPara.lines]
    assert any("(Appendix\u00a03)" in line for line in lines), lines


def test_a_long_footer_never_runs_into_the_page_number() -> None:
    """Seen on the Phoenix referral: its long title ran under "Page 2 of 8"."""
    artefact = ARTEFACTS["phoenix_referral"]
    stamp = Stamp(artefact.title, 12, "KR-0042-LONGER", "Amira Fictional", None, LONG_DAY)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-"],
        input=render_pdf(artefact, sample(artefact), None, stamp),
        capture_output=True,
        check=True,
    ).stdout.decode()
    words = [
        (float(x0), float(x1), float(y0), word)
        for x0, y0, x1, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html
        )
    ]
    page = next(w for w in words if w[3] == "Page" and w[2] > 700)
    footer = [w for w in words if abs(w[2] - page[2]) < 2 and w[0] < page[0]]
    assert footer and footer[-1][3] == "2027"
    assert max(x1 for _, x1, _, _ in footer) < page[0] - 6


def test_a_label_filled_from_an_answer_is_not_kept_between_renders() -> None:
    """Labels of the declarations are wrapped once per process; a label whose blank an answer
    fills ("Update from MASE meeting – 3 March 2027:") is wrapped anew: no answer is kept."""
    summary = ARTEFACTS["mase_case_summary"]
    data = sample(summary)
    render_pdf(summary, data)
    kept = _declared_label_lines.cache_info().currsize
    for day in (dt.date(2027, 3, 3), dt.date(2027, 4, 7)):
        text = pdf_body(render_pdf(summary, {**data, "meeting_date": day}))
        assert f"Update from MASE meeting \u2013 {day.day} {day:%B %Y}:" in text
    assert _declared_label_lines.cache_info().currsize == kept
