"""Pieces of WordprocessingML from which tools.make_word_template writes a template's body:
paragraphs in the base template's named styles, and tables whose grid and cells agree.

Every table's grid (w:tblGrid's w:gridCol) gives the same widths as its cells (w:tcW), with a
fixed layout, so Word and LibreOffice draw the same columns (issue 12: the old templates said
50/50 in the grid and 35/65 in the cells). Text is escaped; docxtpl tags are plain text here.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from documents import word_style as s


def run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(style: str, text: str = "", keep_next: bool = False) -> str:
    """A paragraph of `text` in the named `style`; `keep_next` keeps it on the page of what
    follows it (a row of a table: keeps the row with the next)."""
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{run(text) if text else ""}</w:p>'


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl tag (`{%p for ... %}`), which docxtpl removes."""
    return f"<w:p>{run(text)}</w:p>"


def cell(width: int, paragraphs: Iterable[str], shaded: bool = False, span: int = 1) -> str:
    fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{s.LABEL_FILL_HEX}"/>' if shaded else ""
    spans = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{spans}{fill}</w:tcPr>'
    return f"<w:tc>{props}{''.join(paragraphs)}</w:tc>"


def row(cells: Iterable[str], can_split: bool = False, header: bool = False) -> str:
    """A table row. Rows never split between pages unless they hold a long answer
    (`can_split`): a short answer stays beside its label. A `header` row is repeated at the
    top of every page its table runs onto."""
    props = ("" if can_split else "<w:cantSplit/>") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def table(widths: list[int], rows: Iterable[str]) -> str:
    """A table as wide as the text, its grid the cells' widths, followed by the hairline
    paragraph that keeps Word from joining it to a table after it."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{s.TABLE}"/><w:tblW w:w="{sum(widths)}" '
        'w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" '
        'w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
        f'w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
        + paragraph(s.GAP)
    )
