"""PDF output: one generic reportlab renderer that walks any artefact's declaration.

Every page is marked OFFICIAL-SENSITIVE at the top and bottom and numbered "Page N of M". The
document's metadata carries the artefact's title and language, never a child's name. User text
is escaped before reportlab's Paragraph parses it, right-to-left scripts are shaped and put in
visual order, and the embedded font (DejaVu Sans) covers Latin, Greek, Cyrillic, Vietnamese and
Arabic.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from documents.fonts import BODY as FONT
from documents.fonts import BOLD, register, runs
from forms.kinds import Artefact, Field, LongText, Repeat

MARKING = "OFFICIAL-SENSITIVE"
PUBLISHER = "Kingston & Richmond CSE forms"
MARGIN = 2 * cm
LABEL_WIDTH = 6 * cm
INK = colors.HexColor("#0b0c0c")
RULE = colors.HexColor("#b1b4b6")
LABEL_FILL = colors.HexColor("#f3f2f1")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": body,
        "label": ParagraphStyle("label", parent=body, fontName=BOLD),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=20, leading=25, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        ),
        # Long answers stand below their label in a box of their own: a Paragraph outside a
        # table splits across pages in linear time, a table cell re-wraps on every split.
        "box": ParagraphStyle(
            "box",
            parent=body,
            borderWidth=0.5,
            borderColor=RULE,
            borderPadding=(5, 6, 6, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=5,
            spaceAfter=12,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
    }


def pdf_text(text: str) -> str:
    """User text as Paragraph markup: escaped, lines kept, right-to-left runs in visual order,
    and characters the body font lacks (emoji) set in the fallback font."""
    lines = []
    for line in unicodedata.normalize("NFC", text).split("\n"):
        if _RTL.search(line):
            line = get_display(arabic_reshaper.reshape(line))
        marked = []
        for font, run in runs(line):
            run = escape(run).replace("\t", "\u00a0" * 4).replace("  ", " \u00a0")
            marked.append(f'<font name="{font}">{run}</font>' if font else run)
        lines.append("".join(marked))
    return "<br/>".join(lines)


class _Heading(Paragraph):
    """A heading that is also a bookmark, so the bookmark always opens the heading's page."""

    def __init__(self, title: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(escape(title), style)
        self.title, self.level = title, level

    def draw(self) -> None:
        key = f"b{id(self)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.title, key, level=self.level, closed=True)
        super().draw()


def _answer(f: Field, value: Any) -> Paragraph | Spacer:
    shown = f.display(value)
    if not shown:  # an unanswered box stays blank space, as on paper
        return Spacer(1, 12)
    return Paragraph(pdf_text(shown), _styles()["body"])


def _grid(table: Table) -> Table:
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5),  # else Table sets Helvetica per cell
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _table(cells: list[list[Flowable]], width: float) -> Table:
    # Short answers are short, but a row may still need to split at a page end.
    return Table(cells, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], splitInRow=1)


def _rows(rows: list[tuple[Field, Any]], width: float) -> list[Flowable]:
    """Short answers as label/answer rows of one table; each long answer boxed below its label."""
    styles = _styles()
    out: list[Flowable] = []
    short: list[list[Flowable]] = []
    for f, value in rows:
        label = Paragraph(escape(f.label), styles["label"])
        if not isinstance(f, LongText):
            short.append([label, _answer(f, value)])
            continue
        if short:
            out.append(_grid(_table(short, width)))
            short = []
        shown = f.display(value)
        answer = pdf_text(shown) if shown else "<br/><br/>"
        heading = _grid(Table([[label]], colWidths=[width], spaceBefore=6))
        heading.keepWithNext = 1  # a label never ends a page without its answer
        out += [heading, Paragraph(answer, styles["box"])]
    if short:
        out.append(_grid(_table(short, width)))
    return out


def _story(artefact: Artefact, data: Mapping[str, Any], width: float) -> list[Flowable]:
    styles = _styles()
    story: list[Flowable] = [
        Paragraph(escape(artefact.title), styles["title"]),
        Paragraph("Kingston &amp; Richmond Local Safeguarding Children Board", styles["body"]),
    ]
    for section in artefact.sections:
        story.append(_Heading(section.title, styles["h1"], level=0))
        for part in section.parts():
            if not isinstance(part, Repeat):
                story += _rows([(f, data.get(f.name)) for p in part for f in p.walk()], width)
                continue
            for number, item in enumerate(data.get(part.name) or [{}], start=1):
                heading = f"{part.item_label} {number}"
                story.append(_Heading(heading, styles["h2"], level=1))
                story += _rows(
                    [(f, item.get(f.name)) for p in part.fields for f in p.walk()], width
                )
    return story


def _marked_canvas(title: str, generated: str) -> type[Canvas]:
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
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key, kwargs in self._bookmarks:
                    super().bookmarkPage(key, **kwargs)
                self._mark(number, len(self._pages))
                super().showPage()
            super().save()

        def _mark(self, number: int, total: int) -> None:
            page_width, page_height = A4
            self.setFillColor(INK)
            self.setFont(BOLD, 10)
            self.drawCentredString(page_width / 2, page_height - 1.2 * cm, MARKING)
            self.drawCentredString(page_width / 2, 0.9 * cm, MARKING)
            self.setFont(FONT, 8)
            self.drawString(MARGIN + 6, 1.4 * cm, f"{title} \u2013 generated {generated}")
            self.drawRightString(page_width - MARGIN - 6, 1.4 * cm, f"Page {number} of {total}")

    return MarkedCanvas


def render_pdf(artefact: Artefact, data: Mapping[str, Any]) -> bytes:
    """The completed PDF (bytes) for clean answers."""
    _styles()
    out = io.BytesIO()
    today = dt.date.today()
    generated = f"{today.day} {today:%B %Y}"
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
    frame_padding = 6  # SimpleDocTemplate's frame pads each side by 6 pt
    doc.build(
        _story(artefact, data, doc.width - 2 * frame_padding),
        canvasmaker=_marked_canvas(artefact.title, generated),
    )
    return out.getvalue()
