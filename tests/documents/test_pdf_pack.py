"""The referral pack as one PDF (documents.pack): its pages numbered on from part to part,
each part keeping its title, its footer and its bookmarks (issue 12)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from documents.pack import render_pack
from documents.pdf import render_pdf
from documents.stamp import Stamp
from forms import ARTEFACTS
from tests.conftest import sample
from tests.helpers import pdf_pages

REFERRAL, MASE = ARTEFACTS["cse_referral"], ARTEFACTS["mase_referral"]
DAY = dt.date(2027, 3, 3)


def _stamp(title: str, version: int) -> Stamp:
    return Stamp(title, version, "KR-0042", "Amira Fictional", dt.date(2012, 5, 1), DAY)


def _parts() -> list[tuple]:
    return [
        (REFERRAL, sample(REFERRAL), None, _stamp(REFERRAL.title, 2)),
        (MASE, sample(MASE), None, _stamp(MASE.title, 1)),
    ]


def test_the_packs_pages_are_numbered_on_from_part_to_part() -> None:
    parts = _parts()
    alone = [len(pdf_pages(render_pdf(*part))) for part in parts]
    pages = pdf_pages(render_pack(parts, "Referral pack"))
    assert len(pages) == sum(alone) and alone[1] >= 1
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text, number
    # Each part's pages keep that part's footer: its form and version.
    for number, text in enumerate(pages, start=1):
        part = REFERRAL if number <= alone[0] else MASE
        version = 2 if part is REFERRAL else 1
        assert f"{part.title} – case KR-0042 – version {version} – 3 March 2027" in text


def test_each_part_keeps_its_title_and_bookmarks() -> None:
    parts = _parts()
    reader = PdfReader(io.BytesIO(render_pack(parts, "Referral pack")))
    top = [e for e in reader.outline if not isinstance(e, list)]
    assert [e.title for e in top] == [REFERRAL.title, MASE.title]
    nested = [e for e in reader.outline if isinstance(e, list)]
    assert [e.title for e in nested[1] if not isinstance(e, list)][:1] == [MASE.sections[0].title]
    referral_pages = len(PdfReader(io.BytesIO(render_pdf(*parts[0]))).pages)
    assert reader.get_destination_page_number(top[1]) == referral_pages
    pages = pdf_pages(render_pack(parts, "Referral pack"))
    assert MASE.title in pages[referral_pages]
