"""Wrapping of answers in the PDF grid: every word kept, in order, and no line too wide."""

from __future__ import annotations

import io
import re

import pytest
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from documents.fonts import BODY, BOLD, FALLBACKS, register
from documents.pdf import _options
from documents.pdf_draw import GridText
from documents.pdf_grid import PAD_X, SIZE, wrap
from documents.pdf_text import Light, Line
from documents.printed import NOT_ANSWERED
from forms.choices import Choice, MultiChoice, Option
from forms.kinds import TICKED, UNTICKED
from forms.model import Artefact
from tests.helpers import squash

TEXTS = [
    "A short answer",
    "Fictional narrative sentence, repeated. " * 40,
    "Averyverylongwordwithoutanyspaces" * 12 + " then words",
    "First line\n\n\tIndented third line\n   three spaces",
    "Łukasz Wójcik 😀 👍 Nguyễn Thị Minh " * 8,
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_wrapping_keeps_every_character_and_fits_the_column(text: str) -> None:
    register()
    width = 200.0
    lines = wrap(text, BODY, width)
    for line in lines:
        end = max((x + stringWidth(t, f, SIZE) for f, t, x in line), default=0.0)
        assert end <= width + 0.01
    drawn = "".join(t for line in lines for _, t, _ in line)
    assert drawn.replace(" ", "") == text.replace("\t", "").replace("\n", "").replace(" ", "")
    assert len(lines) >= text.count("\n") + 1


def test_an_indent_typed_at_a_line_start_is_kept() -> None:
    register()
    (line,) = wrap("\tIndented", BODY, 200.0)
    assert line[0][2] == pytest.approx(stringWidth("    ", BODY, SIZE))


def _drawn(lines: list[Line]) -> list[str]:
    return ["".join(text for _, text, _ in line) for line in lines]


def test_ticked_options_break_as_the_ticked_text_would(artefact: Artefact) -> None:
    """Options are wrapped once with every box empty (in bold, the wider face), then ticked:
    for every choice of the declaration, each option ticked alone and all ticked give the
    words of the text itself, the chosen in bold, the others lighter, none past the column."""
    register()
    width = 300.0
    for f in (f for f in artefact.walk() if isinstance(f, Choice)):
        if f.display(None).count(UNTICKED) != len(f.options):
            continue  # a box in an option's own label: printed as text
        values = [o.value for o in f.options]
        if isinstance(f, MultiChoice):
            answers: list[object] = [values, *([v] for v in values)]
        else:
            answers = list(values)
        for value in answers:
            lines = _options(f, value, width)
            assert squash(" ".join(_drawn(lines))) == squash(f.display(value)), f.name
            chosen = [o.label_on_paper for o in f.options if o.value in f.chosen(value)]
            bold = squash(" ".join(t for line in lines for font, t, _ in line if font == BOLD))
            light = [t for line in lines for font, t, _ in line if isinstance(font, Light)]
            assert bold == squash("   ".join(f"{TICKED} {label}" for label in chosen)), f.name
            assert all(TICKED not in t for t in light) and (light or len(chosen) == len(values))
            for line in lines:
                end = max(x + stringWidth(t, BOLD, SIZE) for _, t, x in line)
                assert end <= width - 2 * PAD_X + 0.01, f.name


def test_a_choice_not_answered_keeps_its_boxes_and_says_so() -> None:
    register()
    choice = Choice("police", "Category", options=(Option("1", "One"), Option("2", "Two")))
    lines = _drawn(_options(choice, None, 300.0))
    assert lines[0].count(UNTICKED) == 2
    assert lines[-1] == NOT_ANSWERED
    assert NOT_ANSWERED not in _drawn(_options(choice, "2", 300.0))


def test_short_options_on_one_line_never_break_inside() -> None:
    """Issue 12: "Police category 3" and "Partial engagement" wrapped in the middle."""
    register()
    labels = ("Police category 1", "Police category 2", "Police category 3")
    choice = Choice("c", "Category", options=tuple(Option(n, n) for n in labels))
    for width in range(120, 420, 7):
        drawn = _drawn(_options(choice, labels[2], float(width)))
        options = [squash(o) for line in drawn for o in re.split(f"[{UNTICKED}{TICKED}]", line)]
        assert [o for o in options if o] == list(labels), width


RUNS = [
    (BODY, "Plain ASCII, (brackets) and \\ back\\slashes"),
    (BOLD, "A label"),
    (BODY, "Łukasz Wójcik ☐\u00a0Yes   ☒\u00a0No"),
    (FALLBACKS[0], "😀 👍"),
    (BODY, "DEL \x7f and a character with no glyph \u0378"),
    (BODY, "".join(chr(c) for c in range(0x100, 0x250))),  # past the first subset
    (BOLD, "Another label – with a dash"),
    (BODY, "Łukasz again, and plain text"),
]


def test_grid_text_is_written_exactly_as_reportlab_writes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The grid's text object skips work, never changes what is written: the same runs give
    the same file as reportlab's own setTextOrigin, setFont and textOut."""
    register()
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date or random id in the files
    files = []
    for writer in ("reportlab", "grid"):
        canvas = Canvas(io.BytesIO(), initialFontName=BODY)
        text = canvas.beginText() if writer == "reportlab" else GridText(canvas)
        text.setFont(BODY, SIZE)
        for number, (font, run) in enumerate(RUNS * 2):
            x, y = 10.0 + number, 800.0 - 12.5 * number
            if isinstance(text, GridText):
                text.run(font, run, x, y)
                continue
            text.setTextOrigin(x, y)
            if font != text._fontname:
                text.setFont(font, SIZE)
            text.textOut(run)
        canvas.drawText(text)
        canvas.showPage()
        files.append(canvas.getpdfdata())
    assert files[0] == files[1]
