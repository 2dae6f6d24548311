"""The fonts embedded in PDFs, and which characters they can print.

DejaVu Sans (Debian fonts-dejavu-core) covers Latin, Greek, Cyrillic, Vietnamese, Hebrew and
Arabic; Symbola (Debian fonts-symbola) prints emoji and symbols DejaVu lacks, and WenQuanYi Zen
Hei (Debian fonts-wqy-zenhei) Chinese, Japanese kana and Korean Hangul. A character that
no font here can print is refused at validation (`unprintable`), so nothing typed is silently
dropped from a PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts

FONT_FILES = {
    "DejaVuSans": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "DejaVuSans-Bold": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    "DejaVuSans-Oblique": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"),
    "Symbola": Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    "WenQuanYiZenHei": Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
}
BODY, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"  # only for the documents' own words: "Not answered" (issue 12)
# Tried in order for a character the body font lacks: emoji and symbols, then Chinese,
# Japanese kana and Korean Hangul (names written in them are common in the two boroughs).
FALLBACKS = ("Symbola", "WenQuanYiZenHei")
_ALWAYS_PRINTABLE = frozenset(ord(c) for c in "\t\n")


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 pairs.

    reportlab writes them as five hex digits, which readers cut short: copying or searching
    the PDF then finds the wrong character (U+1F600 became U+1F60).
    """

    def pair(match: re.Match[str]) -> str:
        code = int(match.group(2), 16) - 0x10000
        high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
        return f"{match.group(1)} <{high:04X}{low:04X}>"

    cmap = _REPORTLAB_TO_UNICODE(fontname, subset)
    return re.sub(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", pair, cmap, flags=re.MULTILINE)


_REPORTLAB_TO_UNICODE = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def _load(name: str) -> frozenset[int]:
    """Register one font with reportlab (once); return the characters it covers."""
    path = FONT_FILES[name]
    if not path.exists():
        raise RuntimeError(
            f"Font file {path} is missing: install the Debian packages fonts-dejavu-core,"
            " fonts-symbola and fonts-wqy-zenhei (make run does)"
        )
    font = ttfonts.TTFont(name, str(path))  # a .ttc's first face is its sans-serif
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def register() -> None:
    """Register the fonts every document uses. The fallbacks are loaded only when a text
    first needs them: Symbola costs every process about 8 MB, and the Chinese, Japanese and
    Korean font about 38 MB."""
    for name in (BODY, BOLD, ITALIC):
        _load(name)
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


def _font_for(code: int) -> str | None:
    """None for the body font, else the first fallback that prints the character; "" if none."""
    if code in _load(BODY) or code in _ALWAYS_PRINTABLE:
        return None
    return next((name for name in FALLBACKS if code in _load(name)), "")


def runs(text: str) -> Iterator[tuple[str | None, str]]:
    """Split text into runs: (None, text) in the body font, (name, text) in a fallback font."""
    if text.isascii():  # the body font prints all of ASCII: the common case, made quick
        yield None, text
        return
    current: str | None = None
    run: list[str] = []
    for char in text:
        font = _font_for(ord(char)) or None
        if font != current and run:
            yield current, "".join(run)
            run = []
        current = font
        run.append(char)
    if run:
        yield current, "".join(run)


def unprintable(text: str) -> list[str]:
    """The characters of `text` that no embedded font can print, as U+XXXX codes."""
    if text.isascii():
        return []
    return sorted({f"U+{ord(c):04X}" for c in set(text) if _font_for(ord(c)) == ""})
