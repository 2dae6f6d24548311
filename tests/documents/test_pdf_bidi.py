"""Mixed Arabic and English in the PDF (issue 12): each typed line keeps a left-to-right base
direction unless it is mostly right-to-left, and the text extracted is the text typed."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from documents.fonts import BODY, register
from documents.pdf import render_pdf
from documents.pdf_text import mostly_right_to_left, wrap
from forms import ARTEFACTS
from forms.kinds import LongText
from tests.conftest import sample

ENGLISH_FIRST_NAMED = "مريم said (in Arabic) that Trần Văn Đức saw it at 4pm, with سلمى أحمد."
ARABIC_WITH_ENGLISH = "قالت مريم إنها رأت Ali في المدرسة يوم الاثنين مع صديقتها سلمى"
LIGATURE = "سلام"  # lam-alef: one glyph for two letters


def _shaped(arabic: str) -> str:
    """How a word of Arabic is drawn: its shaped (presentation) forms, right to left."""
    return "".join(reversed([unicodedata.normalize("NFKC", c) for c in arabic]))


def _drawn(line: tuple) -> str:
    return "".join(text for _, text, _ in line)


def _letters(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    ("paragraph", "rtl"),
    [(ENGLISH_FIRST_NAMED, False), (ARABIC_WITH_ENGLISH, True), ("Ali", False), ("", False)],
)
def test_a_paragraph_is_right_to_left_only_when_mostly_so(paragraph: str, rtl: bool) -> None:
    assert mostly_right_to_left(paragraph) is rtl


def test_an_english_paragraph_starting_with_an_arabic_name_reads_left_to_right() -> None:
    register()
    (line,) = wrap(ENGLISH_FIRST_NAMED, BODY, 600.0)
    drawn = _letters(_drawn(line))
    # The name on the left, the English in the order typed, the full stop at the end; the
    # two Arabic words of the second name right to left (the first typed on the right).
    assert drawn.startswith(_shaped("مريم") + " said (in Arabic) that Trần Văn Đức saw it")
    assert drawn.endswith(f"with {_shaped('أحمد')} {_shaped('سلمى')}.")
    assert line[0][2] == 0.0  # starts at the left edge


def test_a_mostly_arabic_paragraph_reads_right_to_left_from_the_right_edge() -> None:
    register()
    width = 150.0
    lines = wrap(ARABIC_WITH_ENGLISH, BODY, width)
    assert len(lines) >= 2
    first = _letters(_drawn(lines[0]))
    # The first line holds the first words typed, the first of them rightmost.
    assert first.endswith(_shaped("قالت")) and _shaped("صديقتها") not in first
    assert _shaped("سلمى") in _letters(_drawn(lines[-1]))
    for line in lines:
        *_, (font, text, x) = line
        assert x + stringWidth(text, font, 9.5) == pytest.approx(width, abs=0.01)


def _extracted(paragraph: str, *mode: str) -> str:
    artefact = ARTEFACTS["cse_referral"]
    data = sample(artefact)
    box = next(f for f in artefact.walk() if isinstance(f, LongText) and f.name in data)
    data[box.name] = paragraph
    text = subprocess.run(
        ["pdftotext", *mode, "-enc", "UTF-8", "-", "-"],
        input=render_pdf(artefact, data),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return "".join(c for c in text if c not in "\u202a\u202b\u202c")  # bidi marks


def test_pdftotext_gives_the_arabic_letters_typed_in_order() -> None:
    """Each shaped glyph carries /ActualText: no presentation forms come out, and the words
    typed are found (a search for a typed name finds it), the lam-alef ligature included."""
    typed = f"{ENGLISH_FIRST_NAMED}\n{ARABIC_WITH_ENGLISH} {LIGATURE}"
    raw = _extracted(typed, "-raw")  # in the order drawn: words as typed, left to right
    assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in raw)
    assert "مريم said (in Arabic) that Trần Văn Đức saw it at 4pm, with" in raw
    for word in [*ARABIC_WITH_ENGLISH.split(), LIGATURE]:
        assert word in raw.split(), word
    # In reading order poppler puts a run of Arabic words in the order typed; of a line
    # mostly Arabic with English inside it gives the words, not their order (its own bidi).
    assert "with سلمى أحمد." in _extracted(typed)
