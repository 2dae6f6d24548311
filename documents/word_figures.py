"""The figures of a version in its Word file, after the answers, as in the PDF: a heading per
block, tables as Word tables, and charts as pictures of the PDF's drawings.

Every Word template gets them without a placeholder of its own: they are added at the end of
the rendered document's body, with python-docx (which docxtpl's own InlineImage calls). The
figures are worked out by the service, never typed; python-docx escapes them.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as WordTable

from documents import charts
from documents.charts import LEGEND_SHARES, ORIENTATION, as_table, drawing, legend, worked_out
from documents.charts.png import png
from figures import Bars, Figures, Radar

TEXT_WIDTH = 17 * 72 / 2.54 - 12  # the templates' A4 less 2 cm margins, as the PDF's frame
HEAD_FILL = "F3F2F1"


def _flag(parent: Any, tag: str) -> None:
    parent.append(OxmlElement(tag))


def _table(
    document: WordDocument,
    head: list[str],
    rows: list[list[str]],
    shares: list[float] | None = None,
) -> WordTable:
    """A Word table as wide as the text, its columns as in the PDF: its head row shaded, bold
    and repeated on every page the table runs onto, and no row split between pages."""
    table = document.add_table(rows=0, cols=len(head))
    table.autofit = False
    if "Table Grid" in [s.name for s in document.styles]:
        table.style = "Table Grid"
    widths = [Pt(TEXT_WIDTH * share) for share in shares or charts.shares(head, rows, TEXT_WIDTH)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for number, cells in enumerate([head, *rows]):
        row = table.add_row()
        properties = row._tr.get_or_add_trPr()
        _flag(properties, "w:cantSplit")
        if number == 0:
            _flag(properties, "w:tblHeader")
        for cell, words, width in zip(row.cells, cells, widths, strict=True):
            cell.width = width  # Word reads each cell's width, not the column's
            run = cell.paragraphs[0].add_run(words)
            if number == 0:
                run.bold = True
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:fill"), HEAD_FILL)
                cell._tc.get_or_add_tcPr().append(shading)
    document.add_paragraph()  # Word joins two tables that touch: keep them apart
    return table


def _chart(document: WordDocument, block: Radar | Bars) -> None:
    """The chart as a picture the size it has in the PDF, described for screen readers."""
    chart = drawing(block, TEXT_WIDTH)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(png(chart)), width=Pt(chart.width))
    kind = "Star chart" if block["kind"] == "radar" else "Bar chart"
    where = f"the table {block['same_as']}" if block.get("same_as") else "the table after it"
    described = f"{kind}: {block['title']}. Its figures are in {where}."
    shape._inline.docPr.set("descr", described)
    shape._inline.docPr.set("title", block["title"])


def _heading(document: WordDocument, title: str) -> None:
    if "Heading 1" in [s.name for s in document.styles]:
        document.add_heading(title, level=1)
    else:  # a template without Word's built-in headings
        paragraph = document.add_paragraph()
        paragraph.add_run(title).bold = True
        paragraph.paragraph_format.keep_with_next = True


def with_figures(blob: bytes, figures: Figures) -> bytes:
    """A rendered Word file (bytes) with the version's figures added after its answers."""
    document = Document(io.BytesIO(blob))
    for number, block in enumerate(figures["blocks"]):
        _heading(document, block["title"])
        if number == 0:
            document.add_paragraph(worked_out(figures))
        if block["kind"] == "table":
            _table(document, block["head"], block["rows"])
        else:
            _chart(document, block)
            if block["kind"] == "radar":
                document.add_paragraph(ORIENTATION).paragraph_format.keep_with_next = True
                levels = [list(row) for row in legend(block)]
                _table(document, ["Level", "What it means"], levels, LEGEND_SHARES)
            if not block.get("same_as"):  # the chart's figures as a table too, as in the PDF
                shown = as_table(block)
                _table(document, shown["head"], shown["rows"])
        if block.get("note"):
            document.add_paragraph(block["note"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
