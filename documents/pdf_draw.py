"""Drawing the PDF grid's wrapped lines (documents.pdf_text) onto the canvas, in one text object.

The shaped Arabic glyphs (presentation forms, U+FB50-U+FEFF) are each written inside a
marked-content span whose /ActualText is the letter typed, so that copying or searching gives
it back (issue 12; poppler reads spans over whole words reversed, so one glyph a span).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from documents.pdf_text import INK, LIGHT_INK, SIZE, Light

_INK_FILL = f"{fp_str(INK.red, INK.green, INK.blue)} rg"
_LIGHT_FILL = f"{fp_str(LIGHT_INK.red, LIGHT_INK.green, LIGHT_INK.blue)} rg"
BOM = b"\xfe\xff"  # a PDF text string in UTF-16BE starts with it
# Shaped Arabic: glyphs that stand for letters typed otherwise (this module's docstring).
_SHAPED = re.compile("([\ufb50-\ufdff\ufe70-\ufefc])")


class GridText(PDFTextObject):
    """A text object that writes runs exactly as reportlab's `textOut` would, in less time.

    `textOut` measures each run to move a cursor the grid never uses (it places every run
    itself), and encodes the run into the font's subsets one character at a time. Printable
    ASCII always has its own codes in a font's first subset (reportlab's `asciiReadable`), so
    it is written as it is; any other character is given its code by reportlab the first time
    this text object meets it, and the run is then encoded all at once.
    """

    _curSubset: int  # noqa: N815 - reportlab's name: the subset last selected, -1 for none

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self._selections: dict[str, str] = {}  # font: how its first subset is selected
        self._codes: dict[str, dict[int, int]] = {}  # font: character: code, ASCII aside

    def run(self, font: str, text: str, x: float, y: float) -> None:
        self.setTextOrigin(x, y)
        if self._fontname != font:
            self.setFont(font, SIZE)
        light = type(font) is Light
        if light:
            self._code.append(_LIGHT_FILL)
        if text.isascii() or not _SHAPED.search(text):
            self._show(font, text)
        else:
            self._show_shaped(font, text)
        if light:
            self._code.append(_INK_FILL)

    def _show_shaped(self, font: str, text: str) -> None:
        """Shaped Arabic, each glyph in a span giving the letters it stands for (/ActualText).

        One glyph a span, never a word: pdftotext (poppler 22) puts a right-to-left word's
        characters in the order typed itself, and reversed a span holding a whole word typed
        in that order. A lam-alef ligature (one glyph, two letters) is given in the order
        poppler then reads correctly (alef first); a reader taking /ActualText literally gives
        those two letters swapped. pypdf (7.1) ignores /ActualText: it gives the shaped forms,
        which NFKC normalisation turns back into the letters typed (ligature included).
        """
        for piece in _SHAPED.split(text):
            if not piece:
                continue
            if len(piece) == 1 and _SHAPED.match(piece):
                letters = unicodedata.normalize("NFKC", piece)[::-1]
                actual = (BOM + letters.encode("utf-16-be")).hex().upper()
                self._code.append(f"/Span <</ActualText <{actual}>>> BDC")
                self._show(font, piece)
                self._code.append("EMC")
            else:
                self._show(font, piece)

    def _show(self, font: str, text: str) -> None:
        """Write a run at the current point, as textOut would (without moving a cursor)."""
        codes = self._in_first_subset(font, text)
        if codes is None:
            self._code.append(self._formatText(text))
            return
        if self._curSubset != 0:  # the font changed: select it again, as reportlab does
            self._code.append(self._selections.get(font) or self._select(font))
            self._curSubset = 0
        self._code.append(f"({escapePDF(codes)}) Tj")

    def _in_first_subset(self, font: str, text: str) -> str | None:
        """The run's codes, if all are in the font's first subset, as reportlab gives them."""
        if not _ascii_readable(font):
            return None
        if text.isascii() and text.isprintable():
            return text
        codes = self._codes.setdefault(font, {})
        new = [c for c in dict.fromkeys(text) if ord(c) not in codes and not _printable(c)]
        if new:
            # reportlab gives codes in the order characters first appear, as in the run.
            split = getFont(font).splitString("".join(new), self._canvas._doc)
            if len(split) != 1 or split[0][0] != 0:
                return None
            codes.update(zip(map(ord, new), split[0][1], strict=True))
        return text.translate(codes)

    def _select(self, font: str) -> str:
        ttf, doc = getFont(font), self._canvas._doc
        # Encoding sets up the font's codes in this document before it is first selected;
        # selecting first would give ASCII the font has no glyph for (DEL) codes of its own.
        ttf.splitString("", doc)
        subset = ttf.getSubsetInternalName(0, doc)
        selection = f"{subset} {fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
        self._selections[font] = selection
        return selection


def _printable(char: str) -> bool:
    return char.isascii() and char.isprintable()


@cache
def _ascii_readable(font: str) -> bool:
    """Whether the font's first subset holds printable ASCII as its own codes."""
    ttf = getFont(font)
    return bool(ttf._asciiReadable) and all(c in ttf.face.charToGlyph for c in range(32, 127))
