"""Plain text for the PDF grid: wrapped and written as literal strings, never parsed as markup.

Wrapping is linear in the length of the text. Nothing here is kept between renders: the text
is a child's answers, and a measured word kept in a cache would keep the answer in the process.

Right-to-left text (issue 12): each typed line is a paragraph whose base direction is
left-to-right unless most of its letters are right-to-left (an English sentence that starts
with an Arabic name stays an English sentence). Arabic is shaped, wrapped in logical order,
and each wrapped line is then put in visual order (Unicode bidi, with that base direction).
The lines are drawn by documents.pdf_draw.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import arabic_reshaper
from bidi import get_display
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from documents.fonts import runs

SIZE = 9.5
INK = colors.HexColor("#0b0c0c")
# Lighter, and still printed clearly (GOV.UK's secondary text colour): what was not chosen.
LIGHT_INK = colors.HexColor("#505a5f")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
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
