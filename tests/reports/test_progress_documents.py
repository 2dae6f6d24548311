"""The progress report's figures of a quarter in its PDF and Word files: every title, every
cell of every table and every bar's printed value, read back as text (issue 11)."""

from __future__ import annotations

from pathlib import Path

from documents.pdf import render_pdf
from documents.word import render_word
from figures import Figures, as_at
from forms import ARTEFACTS
from tests.conftest import sample
from tests.helpers import pdf_body, squash, word_text

REPORT = ARTEFACTS["phoenix_progress_report"]


def _printed(figures: Figures) -> list[str]:
    """What a reader must find: each block's title and every figure it prints."""
    words = [as_at(figures)]
    for block in figures["blocks"]:
        words.append(block["title"])
        if block["kind"] == "table":
            words += [cell for row in block["rows"] for cell in row if cell]
            words += block["head"]
        elif block["kind"] == "bars":
            # A chart of a table's rows: the table gives its figures (in Word the chart is a
            # picture); its title says which table that is.
            assert block.get("same_as") in [b["title"] for b in figures["blocks"]]
            words += block["shown"]
    return words


def test_every_figure_of_the_quarter_is_in_the_pdf_and_the_word_file(
    quarter: Figures, tmp_path: Path
) -> None:
    data = sample(REPORT)
    pdf, word = render_pdf(REPORT, data, quarter), render_word(REPORT, data, quarter)
    (tmp_path / "report.pdf").write_bytes(pdf)  # to look at: pytest --basetemp
    (tmp_path / "report.docx").write_bytes(word)
    for kind, text in (("PDF", squash(pdf_body(pdf))), ("Word", squash(word_text(word)))):
        for words in _printed(quarter):
            assert squash(words) in text, (kind, words)
