"""PDF output: one generic reportlab renderer that walks any artefact's declaration.

Every page is marked OFFICIAL-SENSITIVE at the top and bottom and numbered "Page N of M". The
document's metadata carries the artefact's title and language, never a child's name. User text
is drawn as literal text, never parsed as markup (documents.pdf_grid); right-to-left scripts
are shaped and put in visual order, and the embedded fonts (documents.fonts) cover Latin, Greek,
Cyrillic, Vietnamese, Arabic and emoji.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
)

from documents import pdf_output  # noqa: F401 - on import, makes reportlab write out faster
from documents.fonts import BODY as FONT
from documents.fonts import BOLD
from documents.pdf_figures import figures_story
from documents.pdf_grid import (
    Grid,
    Line,
    Row,
    answer_lines,
    choice_lines,
    hint_lines,
    label_lines,
    not_answered,
    ticked,
)
from documents.pdf_style import Heading, styles, text
from documents.stamp import Stamp
from figures import Figures
from forms import ARTEFACTS
from forms.choices import Choice
from forms.kinds import UNTICKED, Field, LongText
from forms.model import Artefact
from forms.printed import printed_questions, repeat_heading
from forms.repeat import Repeat

MARKING = "OFFICIAL-SENSITIVE"
PUBLISHER = "Kingston & Richmond CSE forms"
MARGIN = 2 * cm
LABEL_WIDTH = 6 * cm
KEEP_WITH_HEADING = 4 * cm  # a heading starts a new page rather than end one alone
HEADING_ROOM = 1.5 * cm  # a repeat's paper label ("Actions from [date]:") above its first block
SHORT_SECTION = 9 * cm
FOOTER_GAP = 12  # points between a page's footer and its number
INK = colors.HexColor("#0b0c0c")
RULE = colors.HexColor("#b1b4b6")
LABEL_FILL = colors.HexColor("#f3f2f1")


@cache
def _declared_labels() -> frozenset[str]:
    """Every label the declarations print: any other was filled in from an answer."""
    fields = [f for a in ARTEFACTS.values() for f in a.walk()]
    fields += [
        g for f in fields if isinstance(f, Repeat) for inner in f.inner for g in inner.walk()
    ]
    return frozenset(f.label_on_paper for f in fields)


def _label(f: Field, width: float) -> list[Line]:
    """The label, in bold, with the prompt printed under it on paper (not web-only help)."""
    prompt = hint_lines(f.hint, width) if f.print_hint and f.hint else []
    filled = f.label_on_paper not in _declared_labels()
    return label_lines(f.label_on_paper, width, filled=filled) + prompt


def _options(f: Choice, value: Any, width: float) -> list[Line]:
    """Every option with its tick box, the chosen ones ticked. What is kept between renders
    is the options wrapped with every box empty: the declaration's, never an answer."""
    empty = f.display(None)
    if empty.count(UNTICKED) != len(f.options):  # a box in an option's own label
        return answer_lines(f.display(value), width)
    chosen = f.chosen(value)
    lines = ticked(choice_lines(empty, width), [o.value in chosen for o in f.options])
    # Nothing chosen: the empty boxes, as on paper, and a word that it was not answered.
    return lines if chosen else lines + not_answered()


def _continued(f: Field, width: float) -> list[Line]:
    """The label heading the rest of an answer split over a page end."""
    filled = f.label_on_paper not in _declared_labels()
    return label_lines(f"{f.label_on_paper} (continued)", width, filled=filled)


def _rows(f: Field, value: Any, width: float) -> list[Row]:
    """Short answers beside their labels; each long answer below its label, full width."""
    if isinstance(f, LongText):
        lines = answer_lines(f.display(value), width) or not_answered()
        return [
            Row(_label(f, width), [], full_width=True, shaded=True, keep_with_next=True),
            Row([], lines, full_width=True, continued=_continued(f, width)),
        ]
    if isinstance(f, Choice):
        answer = _options(f, value, width - LABEL_WIDTH)
    else:
        answer = answer_lines(f.display(value), width - LABEL_WIDTH) or not_answered()
    return [Row(_label(f, LABEL_WIDTH), answer, continued=_continued(f, LABEL_WIDTH))]


def _grid(questions: list[list[tuple[Field, Any]]], width: float) -> Grid:
    """Each question's rows: its own, then those of the follow-up boxes its answer shows
    ("Other – please give details"), kept on its page."""
    grid: list[Row] = []
    for question in questions:
        rows = [row for f, value in question for row in _rows(f, value, width)]
        for row in rows[:-1]:
            row.keep_with_next = True
        grid += rows
    return Grid(grid, LABEL_WIDTH)


def _about(stamp: Stamp, width: float) -> list[Flowable]:
    """Who the document is about, as the paper forms open: a grid like the answers'."""
    rows = [
        Row(label_lines(label, LABEL_WIDTH), answer_lines(value, width - LABEL_WIDTH))
        for label, value in stamp.about
    ]
    return [Grid(rows, LABEL_WIDTH)] if rows else []


def _story(
    artefact: Artefact, data: Mapping[str, Any], width: float, stamp: Stamp
) -> list[Flowable]:
    style = styles()
    story: list[Flowable] = [
        text(artefact.title, style["title"]),
        text("Kingston & Richmond Local Safeguarding Children Board", style["note"]),
        *_about(stamp, width),
    ]
    for section in artefact.sections:
        block: list[Flowable] = [Heading(section.title, style["h1"], level=0)]
        if section.description_on_paper:  # printed instructions, as on the paper form
            block.append(text(section.description_on_paper, style["note"]))
        for part in section.parts():
            # What is printed, as apart from what the web says: forms.printed (issue 12).
            if not isinstance(part, Repeat):
                block.append(_grid(printed_questions(part, data), width))
                continue
            if heading := repeat_heading(part, data):  # kept with the first block's heading
                block += [
                    CondPageBreak(KEEP_WITH_HEADING + HEADING_ROOM),
                    Heading(heading, style["h2"], level=1, remember=False),
                ]
            for number, item in enumerate(data.get(part.name) or [{}], start=part.first_number):
                block += [
                    CondPageBreak(KEEP_WITH_HEADING),
                    Heading(f"{part.item_label} {number}", style["h2"], level=1),
                    _grid(printed_questions(part.fields, item), width),
                ]
        story += [CondPageBreak(KEEP_WITH_HEADING), *_kept_together_if_short(block, width)]
    return story


def _kept_together_if_short(block: list[Flowable], width: float) -> list[Flowable]:
    """A short section (a third of a page or less) starts a new page rather than split, so a
    block such as the Fraser Guidelines reads as one table; a longer one splits as it must."""
    height = sum(flowable.wrap(width, SHORT_SECTION)[1] for flowable in block)
    return [KeepTogether(block)] if height <= SHORT_SECTION else block


def _marked_canvas(footer: str) -> type[Canvas]:
    class MarkedCanvas(Canvas):
        """Defers each page so that every page can say "Page N of M" and carry the marking."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._bookmarks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # noqa: N802 - reportlab's name
            # A bookmark points at the page being emitted: keep it until the page really is.
            self._bookmarks.append((key, kwargs))

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._bookmarks = []
            self._startPage()

        def save(self) -> None:
            self.write(1, len(self._pages))

        def write(self, first: int, total: int) -> None:
            """Write the pages out, numbered from `first` of `total` (a pack's pages run on)."""
            for number, state in enumerate(self._pages, start=first):
                self.__dict__.update(state)
                for key, kwargs in self._bookmarks:
                    super().bookmarkPage(key, **kwargs)
                self._mark(number, total)
                super().showPage()
            super().save()

        def _mark(self, number: int, total: int) -> None:
            page_width, page_height = A4
            self.setFillColor(INK)
            self.setFont(BOLD, 10)
            self.drawCentredString(page_width / 2, page_height - 1.2 * cm, MARKING)
            self.drawCentredString(page_width / 2, 0.9 * cm, MARKING)
            numbered = f"Page {number} of {total}"
            room = page_width - 2 * (MARGIN + 6) - stringWidth(numbered, FONT, 8) - FOOTER_GAP
            # A long form's title would run into the page number: its footer is set smaller.
            size = min(8.0, 8.0 * room / stringWidth(footer, FONT, 8))
            self.setFont(FONT, size)
            self.drawString(MARGIN + 6, 1.4 * cm, footer)
            self.setFont(FONT, 8)
            self.drawRightString(page_width - MARGIN - 6, 1.4 * cm, numbered)

    return MarkedCanvas


class LaidOut:
    """A PDF whose pages are laid out and not yet written: `pages` of them, numbered when
    written, so that the parts of a pack (documents.pack) number their pages on."""

    def __init__(self, canvas: Any, out: io.BytesIO) -> None:
        self._canvas, self._out = canvas, out

    @property
    def pages(self) -> int:
        return len(self._canvas._pages)

    def written(self, first: int = 1, total: int | None = None) -> bytes:
        """The PDF (bytes), its pages numbered "Page N of `total`" from N = `first`."""
        self._canvas.write(first, total or self.pages)
        return self._out.getvalue()


def lay_out(
    artefact: Artefact,
    data: Mapping[str, Any],
    figures: Figures | None = None,
    stamp: Stamp | None = None,
) -> LaidOut:
    """The pages of a completed PDF for clean answers, and the version's figures after them;
    `stamp` says whose and which version it is, at its start and in every page's footer."""
    stamp = stamp or Stamp(artefact.title, 1)
    styles()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=artefact.title,  # metadata is plain text: never a name from the answers
        author=PUBLISHER,
        subject=f"{artefact.title} ({MARKING})",
        creator=PUBLISHER,
        lang="en-GB",
        displayDocTitle=True,
        initialFontName=FONT,
    )
    doc._doSave = 0  # reportlab's switch: the pages are written by LaidOut.written
    width = doc.width - 6 * 2  # SimpleDocTemplate's frame pads each side by 6 pt
    story = _story(artefact, data, width, stamp)
    if figures and figures["blocks"]:
        story += figures_story(figures, width)
    doc.build(story, canvasmaker=_marked_canvas(stamp.footer))
    return LaidOut(doc.canv, out)


def render_pdf(
    artefact: Artefact,
    data: Mapping[str, Any],
    figures: Figures | None = None,
    stamp: Stamp | None = None,
) -> bytes:
    """The completed PDF (bytes) for clean answers, and the version's figures after them;
    `stamp` says whose and which version it is, at its start and in every page's footer."""
    return lay_out(artefact, data, figures, stamp).written()
