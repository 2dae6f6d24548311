"""The look of the Word documents, declared once: page, font stack, sizes, colours and widths.

The colours, cell padding and column widths are the PDF's (documents.pdf_grid, documents.pdf),
converted to Word's units, so the two formats look alike; the base template
(tools.word_base), every artefact's template (tools.make_word_template) and the answers'
runs (documents.word) read them from here.
"""

from __future__ import annotations

from documents.pdf_grid import INK, LABEL_FILL, PAD_BOTTOM, PAD_TOP, PAD_X, RULE

TWIPS_PER_PT = 20
TWIPS_PER_CM = 567


def _hex(colour: object) -> str:
    """A reportlab colour as Word writes one: six upper-case hex digits."""
    return str(colour.hexval())[2:].upper()  # type: ignore[attr-defined]


# The council's font stack: Arial; where it is missing (LibreOffice on Linux) the font table
# names metric-compatible Liberation Sans, and fontconfig falls back to DejaVu Sans.
FONT = "Arial"
FONT_FALLBACKS = ("Liberation Sans", "DejaVu Sans")
LANGUAGE = "en-GB"

INK_HEX = _hex(INK)  # 0B0C0C
RULE_HEX = _hex(RULE)  # B1B4B6: light grey rules, not black
LABEL_FILL_HEX = _hex(LABEL_FILL)  # F3F2F1: label cells shaded
LIGHTER_HEX = "505A5F"  # options not chosen, "Not answered": GOV.UK secondary text (7:1)

# Half-points, as Word's w:sz.
BODY_SIZE = 20  # 10 pt
PROMPT_SIZE = 17
TITLE_SIZE = 40
HEADING1_SIZE = 28
HEADING2_SIZE = 23
MARKING_SIZE = 20  # OFFICIAL-SENSITIVE at the top and foot of every page: 10 pt, as the PDF
FOOTER_SIZE = 14  # 7 pt: the longest stamp fits one line beside the page number

# A4 portrait, 2 cm margins, as the PDF.
PAGE_WIDTH, PAGE_HEIGHT = round(21.0 * TWIPS_PER_CM), round(29.7 * TWIPS_PER_CM)
MARGIN = 2 * TWIPS_PER_CM
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN  # 9638 twips, 17 cm
LABEL_WIDTH = 6 * TWIPS_PER_CM  # the PDF's LABEL_WIDTH
ANSWER_WIDTH = TEXT_WIDTH - LABEL_WIDTH

# Cell padding, as the PDF's grid.
PAD_LEFT_RIGHT = round(PAD_X * TWIPS_PER_PT)
PAD_ABOVE = round(PAD_TOP * TWIPS_PER_PT)
PAD_BELOW = round(PAD_BOTTOM * TWIPS_PER_PT)
RULE_EIGHTHS = 4  # w:sz of a border in eighths of a point: half a point, as the PDF's lines

# Paragraph style ids of the base template (tools.word_base declares them).
TITLE, BOARD, HEADING1, HEADING2, NOTE = "Title", "Board", "Heading1", "Heading2", "Note"
LABEL, PROMPT, ANSWER, GAP = "Label", "Prompt", "Answer", "TableGap"
TABLE = "TableGrid"  # named "Table Grid", as the figures' tables (documents.word_figures) ask
