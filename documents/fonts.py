"""The fonts embedded in PDFs, and which characters they can print.

DejaVu Sans (Debian fonts-dejavu-core) covers Latin, Greek, Cyrillic, Vietnamese, Hebrew and
Arabic; Symbola (Debian fonts-symbola) prints emoji and symbols DejaVu lacks. A character that
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
    "Symbola": Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
}
BODY, BOLD, FALLBACK = "DejaVuSans", "DejaVuSans-Bold", "Symbola"
_ALWAYS_PRINTABLE = frozenset("\t\n")


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
def register() -> dict[str, frozenset[int]]:
    """Register the fonts with reportlab once; return each font's character coverage."""
    coverage = {}
    for name, path in FONT_FILES.items():
        if not path.exists():
            raise RuntimeError(
                f"Font file {path} is missing: install the Debian package"
                " fonts-dejavu-core and fonts-symbola (make run does)"
            )
        font = ttfonts.TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
    return coverage


def runs(text: str) -> Iterator[tuple[str | None, str]]:
    """Split text into runs: (None, text) for the body font, (FALLBACK, text) where it is needed."""
    if text.isascii():  # the body font prints all of ASCII: the common case, made quick
        yield None, text
        return
    coverage = register()
    body, fallback = coverage[BODY], coverage[FALLBACK]
    current: str | None = None
    run: list[str] = []
    for char in text:
        font = FALLBACK if ord(char) not in body and ord(char) in fallback else None
        if font != current and run:
            yield current, "".join(run)
            run = []
        current = font
        run.append(char)
    if run:
        yield current, "".join(run)


def unprintable(text: str) -> list[str]:
    """The characters of `text` that no embedded font can print, as U+XXXX codes."""
    coverage = register()
    printable = coverage[BODY] | coverage[FALLBACK]
    return sorted(
        {f"U+{ord(c):04X}" for c in text if ord(c) not in printable and c not in _ALWAYS_PRINTABLE}
    )
