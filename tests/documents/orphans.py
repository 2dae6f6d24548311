"""Checks of printed pages: no page opens with an answer whose question is on the page before,
and every page says whose and which version it is (issue 12, "How we will know").

Everything the checks know of a document comes from the declarations (forms.ARTEFACTS: the
title, sections' titles and printed descriptions, every label as printed, `Field.label_on_paper`,
the blocks' headings) and from its `documents.stamp.Stamp`, never from one renderer's layout, so
they hold for the PDF and for the Word file as LibreOffice prints it, whoever changes either.

"Starts with an answer" is worked out from positions. A page's content starts below its marking
(OFFICIAL-SENSITIVE, and whatever the stamp puts at the top). Its first row is the lines whose
tops are level with the first content line: a label cell and its answer cell start level. The
leftmost line of that row is what a reader meets first:
* a label or heading of the declaration (or the first words of one), or any line marked
  "(continued)", is fine: the reader knows the question;
* a line right of the label column is an answer beside no label;
* a line at the left that is no label or heading is an answer printed full width (a long
  answer under its label), or the end of a label whose start is on the page before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from documents.pdf import MARKING
from documents.stamp import Stamp
from forms.kinds import Field
from forms.model import Artefact
from forms.repeat import Repeat
from tests.documents.positions import Line, Page, squash

CONTINUED = "(continued)"
PAGE_NUMBER = re.compile(r"Page (\d+) of (\d+)")
LEVEL = 4.0  # points: lines whose tops are this close start one row
COLUMN = 24.0  # points right of the left edge: beyond it, a line is in an answer column
OVERLAP = 2.0  # points: lines overlapping more than this are printed over each other
EDGE = 0.25  # the marking bands: the top and bottom quarter of a page
_BREAKS = " /-–"  # a wrapped line of a label may end before one of these


def fields(artefact: Artefact) -> Iterator[Field]:
    """Every field printed, those inside repeating blocks too."""
    for f in artefact.walk():
        yield f
        if isinstance(f, Repeat):
            yield from f.inner


@dataclass(frozen=True)
class Headings:
    """What may open a page without leaving an answer behind: the declaration's labels,
    headings and printed instructions (squashed), and its blocks' numbered headings."""

    texts: frozenset[str]
    numbered: tuple[re.Pattern[str], ...]

    def starts(self, text: str) -> bool:
        """`text` is one of them, or a line of its start (a label wrapped over lines)."""
        text = squash(text)
        if not text:
            return False
        if any(pattern.fullmatch(text) for pattern in self.numbered):
            return True
        return any(
            known.startswith(text)
            and (len(known) == len(text) or known[len(text)] in _BREAKS or text[-1] in _BREAKS)
            for known in self.texts
        )

    def inside(self, text: str) -> bool:
        """`text` is part of one of them, but not its start: a label split over a page end."""
        text = squash(text)
        return len(text) > 3 and any(text in known for known in self.texts)


def headings(artefact: Artefact, stamp: Stamp) -> Headings:
    """The labels and headings of an artefact's documents, from its declaration."""
    texts = {artefact.title, *(label for label, _ in stamp.about)}
    for section in artefact.sections:
        texts |= {section.title, section.description_on_paper or "", section.description or ""}
    numbered = []
    for f in fields(artefact):
        texts |= {f.label_on_paper, f.label}
        if f.hint and f.print_hint:
            texts.add(f.hint)
        if isinstance(f, Repeat):
            numbered.append(re.compile(rf"{re.escape(f.item_label)} \d+"))
        if f.blank:  # a label an answer fills: "Update from MASE meeting – 12 November 2026:"
            words = re.escape(squash(f.label_on_paper))
            numbered.append(re.compile(words.replace(re.escape(f.blank.placeholder), ".+")))
    return Headings(frozenset(squash(t) for t in texts if t.strip()), tuple(numbered))


def _marks(line: Line, stamp: Stamp) -> bool:
    """A line of the page's marking: OFFICIAL-SENSITIVE, the stamp, the page number."""
    return (
        line.text == MARKING
        or bool(PAGE_NUMBER.search(line.text))
        or f"version {stamp.version}" in line.text
    )


def body(page: Page, stamp: Stamp) -> list[Line]:
    """The page's lines below the marking at its top and above the marking at its foot."""
    marks = [line for line in page.lines if _marks(line, stamp)]
    top = max((m.bottom for m in marks if m.bottom < page.height * EDGE), default=0.0)
    foot = min((m.top for m in marks if m.top > page.height * (1 - EDGE)), default=page.height)
    return [line for line in page.lines if line.top > top and line.bottom < foot]


def left_edge(pages: Iterable[Page], stamp: Stamp, known: Headings) -> float:
    """Where the document's labels most often start: the left edge of its label column."""
    counts = Counter(
        round(line.left) for page in pages for line in body(page, stamp) if known.starts(line.text)
    )
    return float(counts.most_common(1)[0][0]) if counts else 0.0


def orphan(page: Page, stamp: Stamp, known: Headings, left: float) -> str | None:
    """What is wrong with how `page` starts, if it starts with an answer; None if it does not."""
    lines = body(page, stamp)
    if not lines:
        return None
    first_top = min(line.top for line in lines)
    first = min((line for line in lines if line.top - first_top < LEVEL), key=lambda x: x.left)
    if CONTINUED in first.text or known.starts(first.text):
        return None
    if first.left > left + COLUMN:
        what = "an answer beside no label (in the answer column)"
    elif known.inside(first.text):
        what = "the end of a label whose start is on the page before"
    else:
        what = "text that is no label or heading of the form (an answer, full width)"
    return (
        f"page {page.number} starts with {what}, not marked {CONTINUED!r}: "
        f"{first.text[:80]!r} at x={first.left:.0f} (labels start at x={left:.0f})"
    )


def orphans(pages: list[Page], artefact: Artefact, stamp: Stamp) -> list[str]:
    """Every page after the first that opens with an answer whose label is on the page before."""
    known = headings(artefact, stamp)
    left = left_edge(pages, stamp, known)
    return [found for page in pages[1:] if (found := orphan(page, stamp, known, left))]


def overprinted(pages: list[Page]) -> list[str]:
    """Every page with two lines printed over each other (a long footer running into the page
    number): level lines whose boxes overlap by more than OVERLAP."""
    problems = []
    for page in pages:
        for one, other in zip(page.lines, page.lines[1:], strict=False):
            level = abs(one.top - other.top) < LEVEL
            if level and one.right - other.left > OVERLAP and other.right > one.left:
                problems.append(
                    f"page {page.number} prints {other.text[:40]!r} over {one.text[-40:]!r}"
                )
                break
    return problems


def unmarked(pages: list[Page], stamp: Stamp) -> list[str]:
    """Every page that does not name the case (when there is one) and the version, whose
    number is not its place in the document ("Page N of M"), or that is not marked
    OFFICIAL-SENSITIVE at its top and at its foot."""
    problems = []
    for page in pages:
        text = squash(page.text)
        lines = [line for line in page.lines if line.text.strip()]
        if not (lines and lines[0].text == MARKING and lines[-1].text == MARKING):
            ends = (lines[0].text, lines[-1].text) if lines else ()
            problems.append(f"page {page.number} is not marked at top and foot: {ends!r}")
        wanted = [f"version {stamp.version}", f"Page {page.number} of {len(pages)}"]
        if stamp.reference:
            wanted.insert(0, stamp.reference)
        missing = [w for w in wanted if w not in text]
        if missing:
            foot = " | ".join(line.text for line in page.lines[-3:])
            problems.append(f"page {page.number} lacks {missing}; its last lines: {foot!r}")
    return problems
