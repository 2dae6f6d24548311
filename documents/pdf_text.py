"""Plain text wrapped for the PDF grid: measured as literal strings, never parsed as markup.

Wrapping is linear in the length of the text. Nothing here is cached: the text is a child's
answers, and a measured word kept between renders would keep the answer in the process.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from documents.fonts import runs

SIZE = 9.5
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_TOKENS = re.compile(r"[^ ]+| +")  # words break at spaces only: never at a no-break space

Run = tuple[str, str, float]
Line = tuple[Run, ...]
"""A wrapped line: its runs of (font, text, x offset)."""


def _measured(text: str, font: str) -> list[Run]:
    """Runs of text in the font that can print them, each with its width."""
    if text.isascii():
        return [(font, text, stringWidth(text, font, SIZE))]
    return [(f or font, run, stringWidth(run, f or font, SIZE)) for f, run in runs(text)]


def _visual(line: str) -> str:
    """A line as drawn: composed characters, tabs as spaces, right-to-left runs shaped."""
    line = unicodedata.normalize("NFC", line).replace("\t", "    ")
    if _RTL.search(line):
        line = get_display(arabic_reshaper.reshape(line))
    return line


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
    for source in text.split("\n"):
        visual = _visual(source)
        lines += (
            _wrap_ascii(visual, font, width) if visual.isascii() else _wrap(visual, font, width)
        )
    return lines


def _wrap(source: str, font: str, width: float) -> list[Line]:
    """One typed line wrapped, in as many fonts as its characters need."""
    lines: list[Line] = []
    line: list[Run] = []
    x = 0.0
    for index, token in enumerate(_TOKENS.findall(source)):
        measured = _measured(token, font)
        token_width = sum(w for *_, w in measured)
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


def _wrap_ascii(source: str, font: str, width: float) -> list[Line]:
    """`_wrap` for a line of ASCII, which one font prints: the same lines, in far less time.

    Every token is then one run, and a finished line one run, so the line is kept as its
    tokens and where its first starts; widths add up in the same order as in `_wrap`.
    """
    lines: list[Line] = []
    tokens: list[str] = []
    start = x = 0.0
    measure = getFont(font).stringWidth  # what stringWidth calls, without looking it up
    for index, token in enumerate(_TOKENS.findall(source)):
        token_width = measure(token, SIZE)
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
