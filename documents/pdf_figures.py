"""The figures of a version in its PDF, after the answers: a heading per block, then its table,
or its chart (vector graphics, documents.charts) with what the chart needs to be read.

The figures are worked out by the service, never typed by a user; they are escaped all the
same, and never kept between renders (they describe a child).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from documents import charts
from documents.charts import LEGEND_SHARES, ORIENTATION, as_table, drawing, legend, worked_out
from documents.fonts import BOLD
from documents.pdf_grid import INK, LABEL_FILL, RULE
from documents.pdf_style import Heading, styles
from figures import Block, Figures

KEEP_WITH_HEADING = 4 * cm  # as for the answers' sections (documents.pdf)


def _cell(words: str, bold: bool = False) -> Paragraph:
    style = styles()["body"]
    return Paragraph(escape(words), style if not bold else style.clone("head", fontName=BOLD))


def table(
    head: list[str], rows: list[list[str]], width: float, shares: list[float] | None = None
) -> PdfTable:
    """A table ruled like the answers' grid: its head shaded and repeated on every page it
    runs onto, and no row split between pages."""
    made = PdfTable(
        [[_cell(h, bold=True) for h in head], *([_cell(c) for c in row] for row in rows)],
        colWidths=[width * share for share in (shares or charts.shares(head, rows, width))],
        repeatRows=1,
        splitByRow=1,
        splitInRow=0,
        hAlign="LEFT",
    )
    made.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return made


def _block(block: Block, width: float) -> list[Flowable]:
    """What is drawn under a block's heading."""
    if block["kind"] == "table":
        return [table(block["head"], block["rows"], width)]
    chart: list[Flowable] = [drawing(block, width), Spacer(0, 6)]
    shown = as_table(block)  # the chart's figures as a table too: nothing only in a picture,
    # unless a table block of the same figures is printed already
    figures = [] if block.get("same_as") else [table(shown["head"], shown["rows"], width)]
    if block["kind"] == "radar":
        # The star, its key and its legend on one page: a star split from its legend cannot
        # be read.
        levels = [list(row) for row in legend(block)]
        key = [Paragraph(escape(ORIENTATION), styles()["note"])]
        key.append(table(["Level", "What it means"], levels, width, LEGEND_SHARES))
        return [KeepTogether([*chart, *key]), Spacer(0, 10), *figures]
    return [KeepTogether(chart), *figures]


def figures_story(figures: Figures, width: float) -> list[Flowable]:
    """Each block under a heading of its title; when the figures were worked out, once."""
    style = styles()
    story: list[Flowable] = []
    for number, block in enumerate(figures["blocks"]):
        heading: list[Flowable] = [Heading(block["title"], style["h1"], level=0, remember=False)]
        if number == 0:
            heading.append(Paragraph(escape(worked_out(figures)), style["note"]))
        parts = _block(block, width)
        if block.get("note"):
            parts += [Spacer(0, 4), Paragraph(escape(block["note"]), style["note"])]
        # A heading never ends a page: a chart moves to the next page with it, and a table
        # starts where at least a few of its rows fit.
        first = (
            [KeepTogether([*heading, parts[0]])]
            if block["kind"] != "table"
            else [*heading, parts[0]]
        )
        story += [CondPageBreak(KEEP_WITH_HEADING), *first, *parts[1:]]
    return story
