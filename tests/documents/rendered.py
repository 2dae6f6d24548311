"""Every artefact's documents as a reader gets them on paper, made once per test session.

Two answer sets per artefact: the shipped sample, and every field at its limit
(bench.answers.maximal). Each as the PDF the service makes, and as its Word file printed to PDF
by LibreOffice (tests.libreoffice), all the Word files of a set converted together. Every
document carries one fixed stamp (a case reference on case documents, version 2, a fixed day),
so that what the pages show does not change from day to day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from bench.answers import complete, maximal
from documents.render import render
from documents.stamp import Stamp
from forms import ARTEFACTS
from forms.model import Artefact
from tests.documents.positions import Page, pages
from tests.libreoffice import to_pdf

# LibreOffice 7.4 (Debian 12) lays out a Word file of more than about 220 pages wrongly: in
# the MASE case summary with 20 actions of 20,000 characters each (238 pages), pages 225-228
# lose their table's frame and its repeated header row; with 16 actions (about 190 pages)
# every page is right, in Word's file as in the PDF (measured 2 December 2026). The page
# checks print at most this many blocks of a repeat, every field still at its limit.
BLOCKS = 16


def _maximal(artefact: Artefact) -> dict[str, Any]:
    data = maximal(artefact)
    return {k: v[:BLOCKS] if isinstance(v, list) and v and isinstance(v[0], dict) else v
            for k, v in data.items()}  # fmt: skip


# The shipped sample is what tests.conftest.sample loads (the same file, the same schema).
ANSWERS: dict[str, Callable[[Artefact], dict[str, Any]]] = {
    "sample": complete,
    "maximal": _maximal,
}
KINDS = ("pdf", "word")  # the PDF made by the service; the Word file as LibreOffice prints it
REFERENCE = "KR-2027-0042"
VERSION = 2
DAY = dt.date(2027, 3, 3)


def stamp(artefact: Artefact) -> Stamp:
    """The fixed stamp of an artefact's test documents: a fictional child and case reference on
    case documents; none on a document about no case (a progress report), as the service does."""
    if not artefact.per_case:
        return Stamp(artefact.title, VERSION, generated=DAY)
    return Stamp(
        artefact.title,
        VERSION,
        REFERENCE,
        child="Amira Fictional",
        born=dt.date(2011, 5, 4),
        generated=DAY,
    )


class Rendered:
    """The documents, made when first asked for and kept: a PDF per (artefact, answers), the
    Word files of an answer set converted by one LibreOffice run on first asking."""

    def __init__(self) -> None:
        self._answers: dict[tuple[str, str], dict[str, Any]] = {}
        self._pdf: dict[tuple[str, str], bytes] = {}
        self._word: dict[str, dict[str, bytes]] = {}

    def answers(self, slug: str, answers: str) -> dict[str, Any]:
        key = (slug, answers)
        if key not in self._answers:
            self._answers[key] = ANSWERS[answers](ARTEFACTS[slug])
        return self._answers[key]

    def printed(self, slug: str, answers: str, kind: str) -> bytes:
        """The PDF of `kind` ("pdf": the service's; "word": LibreOffice's print of the Word)."""
        if kind == "pdf":
            if (slug, answers) not in self._pdf:
                artefact = ARTEFACTS[slug]
                data = self.answers(slug, answers)
                self._pdf[slug, answers] = render("pdf", artefact, data, None, stamp(artefact))
            return self._pdf[slug, answers]
        if answers not in self._word:
            words = {
                name: render("docx", a, self.answers(name, answers), None, stamp(a))
                for name, a in ARTEFACTS.items()
            }
            self._word[answers] = to_pdf(words)
        return self._word[answers][slug]

    def pages(self, slug: str, answers: str, kind: str) -> list[Page]:
        """The printed lines of each page (not kept: thousands of pages of lines weigh
        hundreds of megabytes, and each test reads them once)."""
        return pages(self.printed(slug, answers, kind))
