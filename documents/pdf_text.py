"""Plain text for the PDF grid: wrapped and written as literal strings, never parsed as markup.

Wrapping is linear in the length of the text. Nothing here is kept between renders: the text
is a child's answers, and a measured word kept in a cache would keep the answer in the process.

Right-to-left text (issue 12): each typed line is a paragraph whose base direction is
left-to-right unless most of its letters are right-to-left (an English sentence that starts
with an Arabic name stays an English sentence). Arabic is shaped, wrapped in logical order,
and each wrapped line is then put in visual order (Unicode bidi, with that base direction).
The shaped glyphs (presentation forms, U+FB50-U+FEFF) are each written inside a marked-content
span whose /ActualText is the letter typed, so that copying or searching gives it back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from documents.fonts import runs

SIZE = 9.5
INK = colors.HexColor("#0b0c0c")
# Lighter, and still printed clearly (GOV.UK's secondary text colour): what was not chosen.
LIGHT_INK = colors.HexColor("#505a5f")
_INK_FILL = f"{fp_str(INK.red, INK.green, INK.blue)} rg"
_LIGHT_FILL = f"{fp_str(LIGHT_INK.red, LIGHT_INK.green, LIGHT_INK.blue)} rg"
BOM = b"\xfe\xff"  # a PDF text string in UTF-16BE starts with it
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Shaped Arabic: glyphs that stand for letters typed otherwise (documents.pdf_text docstring).
_SHAPED = re.compile("([\ufb50-\ufdff\ufe70-\ufefc])")
_TOKENS = re.compile(r"[^ ]+| +")  # words break at spaces only: never at a no-break space


class Light(str):
    """A font name whose runs are drawn in the lighter ink (LIGHT_INK): the options not chosen
    and "Not answered" (issue 12). It equals the plain name, so it selects the same font."""

    __slots__ = ()


Run = tuple[str, str, float]
Line = tuple[Run, ...]
"""A wrapped line: its runs of (font, text, x offset)."""


def _measured(text: str, font: str) -> list[Run]:
    """Runs of text in the font that can print them, each with its width."""
    if text.isascii():
        return [(font, text, stringWidth(text, font, SIZE))]
    return [(f or font, run, stringWidth(run, f or font, SIZE)) for f, run in runs(text)]


def _typed(line: str) -> str:
    """A typed line as printed: composed characters, tabs as spaces."""
    return unicodedata.normalize("NFC", line).replace("\t", "    ")


def mostly_right_to_left(paragraph: str) -> bool:
    """Whether more of a paragraph's letters are right-to-left (Arabic, Hebrew) than
    left-to-right: its base direction (issue 12), which python-bidi would otherwise take from
    its first letter, so that "مريم said ..." would be laid out as an Arabic sentence."""
    rtl = ltr = 0
    for char in paragraph:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl > ltr


def _wrap_bidi(
    source: str, font: str, width: float, known: dict[str, tuple[list[Run], float]]
) -> list[Line]:
    """A typed line holding right-to-left text: shaped, wrapped in the order typed, then each
    line put in visual order with the paragraph's base direction (right-aligned if RTL)."""
    rtl = mostly_right_to_left(source)
    lines = []
    for line in _wrap(arabic_reshaper.reshape(source), font, width, known):
        typed = "".join(text for _, text, _ in line)
        if not typed:
            lines.append(line)
            continue
        runs_ = _measured(get_display(typed, base_dir="R" if rtl else "L"), font)
        drawn = sum(w for *_, w in runs_)
        start = max(width - drawn, 0.0) if rtl else line[0][2]
        placed: list[Run] = []
        _place(placed, runs_, start)
        lines.append(_trimmed(placed))
    return lines


def _break_word(word: str, font: str, width: float) -> Iterator[str]:
    """A word wider than the column, cut into pieces that fit (a URL, a long code)."""
    piece = ""
    for char in word:
        if piece and sum(w for *_, w in _measured(piece + char, font)) > width:
            yield piece
            piece = ""
        piece += char
    if piece:
        yield piece


def wrap(text: str, font: str, width: float) -> list[Line]:
    """Text wrapped to `width` points; typed line breaks and indents are kept."""
    lines: list[Line] = []
    # The widths of this text's words, which repeat; dropped once the text is wrapped.
    widths: dict[str, float] = {}
    measured: dict[str, tuple[list[Run], float]] = {}
    for source in text.split("\n"):
        if source.isascii():
            lines += _wrap_ascii(source.replace("\t", "    "), font, width, widths)
            continue
        source = _typed(source)
        if _RTL.search(source):
            lines += _wrap_bidi(source, font, width, measured)
        else:
            lines += _wrap(source, font, width, measured)
    return lines


def _wrap(
    source: str, font: str, width: float, known: dict[str, tuple[list[Run], float]]
) -> list[Line]:
    """One typed line wrapped, in as many fonts as its characters need."""
    lines: list[Line] = []
    line: list[Run] = []
    x = 0.0
    for index, token in enumerate(_TOKENS.findall(source)):
        if token not in known:
            token_runs = _measured(token, font)
            known[token] = (token_runs, sum(w for *_, w in token_runs))
        measured, token_width = known[token]
        if token.isspace():
            if index == 0:  # an indent typed at the start of a line
                x = min(token_width, width / 2)
            elif line:
                x = _place(line, measured, x)
            continue
        if x + token_width > width:
            if line:
                lines.append(_trimmed(line))
                line = []
            x = 0.0
        pieces = [token] if token_width <= width else list(_break_word(token, font, width))
        for number, piece in enumerate(pieces):
            if number:
                lines.append(_trimmed(line))
                line, x = [], 0.0
            x = _place(line, measured if len(pieces) == 1 else _measured(piece, font), x)
    lines.append(_trimmed(line))
    return lines


def _wrap_ascii(source: str, font: str, width: float, widths: dict[str, float]) -> list[Line]:
    """`_wrap` for a line of ASCII, which one font prints: the same lines, in far less time.

    Every token is then one run, and a finished line one run, so the line is kept as its
    tokens and where its first starts; widths add up in the same order as in `_wrap`.
    """
    lines: list[Line] = []
    tokens: list[str] = []
    start = x = 0.0
    measure = getFont(font).stringWidth  # what stringWidth calls, without looking it up
    for index, token in enumerate(_TOKENS.findall(source)):
        token_width = widths.get(token)
        if token_width is None:
            token_width = widths[token] = measure(token, SIZE)
        if token.isspace():
            if index == 0:  # an indent typed at the start of a line
                x = min(token_width, width / 2)
            elif tokens:
                tokens.append(token)
                x += token_width
            continue
        if x + token_width > width:
            if tokens:
                lines.append(_joined(font, tokens, start))
                tokens = []
            x = 0.0
        pieces = [token] if token_width <= width else list(_break_word(token, font, width))
        for number, piece in enumerate(pieces):
            if number:
                lines.append(_joined(font, tokens, start))
                tokens, x = [], 0.0
            if not tokens:
                start = x
            tokens.append(piece)
            x += token_width if len(pieces) == 1 else measure(piece, SIZE)
    lines.append(_joined(font, tokens, start))
    return lines


def _joined(font: str, tokens: list[str], start: float) -> Line:
    """A finished line of one font: trailing space dropped, drawn as one run."""
    while tokens and tokens[-1].isspace():
        tokens = tokens[:-1]
    return ((font, "".join(tokens), start),) if tokens else ()


def _place(line: list[Run], measured: list[Run], x: float) -> float:
    """Add measured runs to a line at `x`; return where the next run starts."""
    for font, text, run_width in measured:
        line.append((font, text, x))
        x += run_width
    return x


def _trimmed(runs_: list[Run]) -> Line:
    """A finished line: trailing space dropped, neighbouring runs in one font drawn as one."""
    while runs_ and runs_[-1][1].isspace():
        runs_ = runs_[:-1]
    merged: list[Run] = []
    for font, text, offset in runs_:
        if merged and merged[-1][0] == font:
            merged[-1] = (font, merged[-1][1] + text, merged[-1][2])
        else:
            merged.append((font, text, offset))
    return tuple(merged)


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
