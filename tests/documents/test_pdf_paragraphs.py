"""The declaration's paragraphs in the PDF (titles, headings, printed instructions), whose
lines are broken once per width, behave as reportlab's own at a page end."""

from __future__ import annotations

import io

from reportlab.platypus import SimpleDocTemplate

from documents.pdf_style import styles as _styles
from documents.pdf_style import text as _text
from tests.helpers import pdf_pages

INSTRUCTIONS = " ".join(f"Instruction{n:03d}" for n in range(400))


def test_long_printed_instructions_run_on_over_the_next_pages() -> None:
    out = io.BytesIO()
    SimpleDocTemplate(out).build([_text(INSTRUCTIONS, _styles()["note"])])
    pages = pdf_pages(out.getvalue())
    assert len(pages) >= 2
    words = " ".join(pages).split()
    assert words == INSTRUCTIONS.split()


def test_a_paragraph_that_cannot_split_is_laid_out_again_where_it_moves() -> None:
    paragraph = _text("Three short lines " * 12, _styles()["note"])
    width, height = paragraph.wrap(150, 1000)
    assert paragraph.split(150, 10) == []  # no room for two lines: reportlab drops them
    assert paragraph.wrap(150, 1000) == (width, height)
    assert paragraph.blPara.lines  # broken again, so it can be drawn on the next page
