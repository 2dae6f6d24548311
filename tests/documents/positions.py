"""The printed lines of a PDF with their places on the page, from `pdftotext -bbox-layout`.

poppler groups words into lines and lines into blocks by where they are printed, so a table's
label cell and answer cell come out as separate lines even when they share a baseline: a
line's left edge says which column it is in. Coordinates are PDF points from the page's top
left.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

_NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    """One printed line: its words joined by single spaces, and its box."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    lines: tuple[Line, ...]  # top to bottom, then left to right

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _line(element: etree._Element) -> Line:
    words = [w.text or "" for w in element.iter(f"{_NS}word")]
    box = [float(element.get(k) or 0) for k in ("xMin", "yMin", "xMax", "yMax")]
    return Line(" ".join(words), *box)


def pages(pdf: bytes) -> list[Page]:
    """Every page of a PDF with its lines, read by poppler's pdftotext."""
    with tempfile.TemporaryDirectory(prefix="positions-") as temporary:
        path = Path(temporary) / "document.pdf"
        path.write_bytes(pdf)
        xhtml = subprocess.run(
            ["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
        ).stdout
    # poppler writes `&` in words unescaped in some versions; recover rather than fail.
    root = etree.fromstring(xhtml, etree.XMLParser(recover=True, huge_tree=True))
    found = []
    for number, page in enumerate(root.iter(f"{_NS}page"), start=1):
        lines = sorted(
            (_line(element) for element in page.iter(f"{_NS}line")),
            key=lambda line: (round(line.top), line.left),
        )
        found.append(
            Page(
                number, float(page.get("width") or 0), float(page.get("height") or 0), tuple(lines)
            )
        )
    return found


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Text with every run of white space (no-break spaces too) as one space, trimmed."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
