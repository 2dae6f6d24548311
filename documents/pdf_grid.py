"""The label/answer grid of the PDF: plain text wrapped and drawn directly on the canvas.

User text is never parsed as markup: it is measured (documents.pdf_text) and drawn as literal
strings, so `<b>`, `&` or `<img src=...>` typed by a user cannot change the document. Wrapping
is linear in the length of the text and the grid splits between lines at a page end, so a
20,000-character answer costs milliseconds, not seconds (reportlab's Paragraph re-wraps the
rest of a long paragraph on every page, and its tables re-wrap every cell when they split).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from documents.fonts import BODY, BOLD, ITALIC
from documents.pdf_draw import GridText
from documents.pdf_text import INK, SIZE, Light, Line, Run, wrap
from documents.printed import NOT_ANSWERED
from forms.kinds import TICKED, UNTICKED

LEADING = 12.5
PAD_X, PAD_TOP, PAD_BOTTOM = 6.0, 4.0, 5.0
# A row shorter than this moves whole to the next page rather than split: a question's options
# and its answer stay together. A taller one (a long answer) must split somewhere.
SPLIT_ABOVE = 300.0
FULL_PAGE = 700.0  # the height of a page's frame is more (documents.pdf: about 716 points)
RULE = colors.HexColor("#b1b4b6")
LABEL_FILL = colors.HexColor("#f3f2f1")
_LABEL_FILL = f"{fp_str(LABEL_FILL.red, LABEL_FILL.green, LABEL_FILL.blue)} rg"
_BEFORE_BOX = re.compile(f"(?={UNTICKED})")


@dataclass
class Row:
    """One row of the grid: a label beside its answer, or a full-width label or answer."""

    label: list[Line]
    answer: list[Line]
    full_width: bool = False  # a long answer's label bar, or the long answer below it
    shaded: bool = False
    keep_with_next: bool = False
    # What the rest of the row is headed with on the next page when it has to split: its
    # label marked "(continued)" (for a long answer, the label bar above it).
    continued: list[Line] | None = None

    @cached_property  # asked for on every layout pass; the lines never change
    def height(self) -> float:
        return max(len(self.label), len(self.answer), 1) * LEADING + PAD_TOP + PAD_BOTTOM


class Grid(Flowable):
    """Rows of labels and answers, ruled like the paper form, splitting at page ends."""

    def __init__(self, rows: list[Row], label_width: float) -> None:
        super().__init__()
        self.rows, self.label_width = rows, label_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(row.height for row in self.rows)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        used, cut = 0.0, 0
        while cut < len(self.rows) and used + self.rows[cut].height <= available_height:
            used += self.rows[cut].height
            cut += 1
        if cut < len(self.rows):  # the row that does not fit
            lines = int((available_height - used - PAD_TOP - PAD_BOTTOM) // LEADING)
            row = self.rows[cut]
            # Only a row too tall to move whole is split between lines, its whole label on the
            # first page and the rest headed by its label "(continued)" on the next.
            too_tall = row.height > SPLIT_ABOVE
            if too_tall and len(row.label) <= lines < len(row.answer) and lines >= 2:
                first = replace(row, answer=row.answer[:lines], keep_with_next=False)
                rest = _continued(row, row.answer[lines:])
                return [
                    Grid([*self.rows[:cut], first], self.label_width),
                    Grid([*rest, *self.rows[cut + 1 :]], self.label_width),
                ]
        fits = cut
        if cut == len(self.rows) - 1 and cut >= 2 and self.rows[cut].height <= SPLIT_ABOVE:
            cut -= 1  # the last question does not start the next page alone
        while 0 < cut < len(self.rows) and self.rows[cut - 1].keep_with_next:
            cut -= 1  # a label never ends a page without its answer, nor a choice its "Other"
        if cut == 0 and available_height >= FULL_PAGE:
            cut = fits  # at the top of a page already: what cannot be kept together splits
        if cut == 0:
            return []
        return [Grid(self.rows[:cut], self.label_width), Grid(self.rows[cut:], self.label_width)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(RULE)
        text = GridText(canvas)
        text.setFont(BODY, SIZE)
        text.setFillColor(INK)
        top = self.height
        for row in self.rows:
            bottom = top - row.height
            split_at = self.width if row.full_width else self.label_width
            canvas.addLiteral(self._ruled(row, bottom, top, split_at))
            _draw_lines(text, row.label, PAD_X, top)
            _draw_lines(text, row.answer, split_at + PAD_X if not row.full_width else PAD_X, top)
            top = bottom
        canvas.drawText(text)

    def _ruled(self, row: Row, bottom: float, top: float, split_at: float) -> str:
        """A row's shading and rules, as the canvas's setFillColor, rect and line would write
        them (the fill is the default, even-odd); written in one go, as the canvas takes far
        longer to decide what to write than to write it."""
        ops = []
        if row.shaded or not row.full_width:
            ops += [_LABEL_FILL, f"n {fp_str(0, bottom, split_at, row.height)} re f*"]
        ops.append(f"n {fp_str(0, bottom, self.width, row.height)} re S")
        if not row.full_width:
            ops.append(f"n {fp_str(split_at, bottom)} m {fp_str(split_at, top)} l S")
        return "\n".join(ops)


def _continued(row: Row, answer: list[Line]) -> list[Row]:
    """The rows that carry on a split row on the next page, headed by its label "(continued)"."""
    heading = row.continued or row.label
    if row.full_width:  # a long answer below its label bar: the bar again, then the rest
        bar = Row(heading, [], full_width=True, shaded=True, keep_with_next=True)
        return [bar, replace(row, answer=answer)]
    return [replace(row, label=heading, answer=answer)]


def _draw_lines(text: GridText, lines: list[Line], x: float, top: float) -> None:
    for number, line in enumerate(lines):
        y = top - PAD_TOP - SIZE - number * LEADING
        for font, run, offset in line:
            text.run(font, run, x + offset, y)


@lru_cache(maxsize=1024)  # labels come from the declarations: a small, fixed set
def _declared_label_lines(text: str, width: float) -> list[Line]:
    return wrap(text, BOLD, width - 2 * PAD_X)


def label_lines(text: str, width: float, *, filled: bool = False) -> list[Line]:
    """A label wrapped in bold: kept between renders, unless its blank was `filled` from an
    answer (forms.printed: "Update from MASE meeting – 3 March 2027:"), as no answer is kept."""
    return wrap(text, BOLD, width - 2 * PAD_X) if filled else _declared_label_lines(text, width)


@lru_cache(maxsize=1024)  # prompts printed under labels come from the declarations too
def hint_lines(text: str, width: float) -> list[Line]:
    return answer_lines(text, width)


@lru_cache(maxsize=4096)  # the printed options of the declarations: a small, fixed set
def choice_lines(text: str, width: float) -> list[Line]:
    """A choice's options with every tick box empty, wrapped once per process.

    They are wrapped in bold, the wider face, so that whichever option is chosen (and printed
    in bold) the lines break in the same places; each option starts a run of its own (at its
    box), so that `ticked` can print it bold or light without measuring anything again.
    """
    lines = wrap(text, BOLD, width - 2 * PAD_X)
    return [tuple(piece for run in line for piece in _at_boxes(*run)) for line in lines]


def _at_boxes(font: str, text: str, x: float) -> Iterator[Run]:
    """A run cut where each option starts (at its empty box), each piece where it is drawn."""
    pieces = [p for p in _BEFORE_BOX.split(text) if p]
    for piece in pieces:
        yield font, piece, x
        x += stringWidth(piece, font, SIZE)


def ticked(lines: list[Line], ticks: Iterable[bool]) -> list[Line]:
    """Options' lines (`choice_lines`) with each empty box, in order, ticked or left empty:
    the chosen option's words in bold beside its ticked box, the others lighter (issue 12).
    A ticked box is as wide as an empty one (a test checks it), so the lines break where
    they did."""
    marks = iter(ticks)
    chosen = False
    out = []
    for line in lines:
        runs: list[Run] = []
        for font, text, x in line:
            if text[0] == UNTICKED:
                chosen = next(marks)
                text = (TICKED if chosen else UNTICKED) + text[1:]
            if chosen:
                runs.append((font, text, x))
            else:
                runs.append((Light(BODY if font == BOLD else font), text, x))
        out.append(tuple(runs))
    return out


def not_answered() -> list[Line]:
    """What an empty answer prints, lighter and in italics, so that a reader tells a question
    not answered from one not asked (issue 12)."""
    return [((Light(ITALIC), NOT_ANSWERED, 0.0),)]


def answer_lines(text: str, width: float) -> list[Line]:
    return wrap(text, BODY, width - 2 * PAD_X) if text else []
