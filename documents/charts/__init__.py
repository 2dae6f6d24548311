"""The charts of a version's figures, drawn once as reportlab Drawings for the PDF, Word and web."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from documents.charts.bars import bars_drawing
from documents.charts.radar import radar_drawing
from documents.fonts import BODY, BOLD, register
from figures import Bars, Figures, Radar, Table, as_at

NO_LEVEL = "No level"
# Which way the radar reads, said beside every radar's legend (documents.charts.radar draws
# level 1 on the outer ring). Outcome stars are read "further out is better", and a radar's
# level 1 is least concern (outcomes.level: 1 least concern, 5 most concern), so the shape
# grows as concern falls. Inferred: the strategy does not say how the star is drawn.
ORIENTATION = "Level 1 is drawn furthest from the centre: further from the centre is less concern."


def drawing(block: Radar | Bars, width: float) -> Drawing:
    """The chart of a radar or bar block, `width` points wide (the PDF's text width)."""
    register()
    return radar_drawing(block, width) if block["kind"] == "radar" else bars_drawing(block, width)


def as_table(block: Radar | Bars) -> Table:
    """A chart's figures as a table, so that nothing is only in a picture: a radar's level
    per axis and series, or each bar's number as printed."""
    if block["kind"] == "radar":
        return {
            "kind": "table",
            "title": block["title"],
            "head": [block["title"], *(s["name"] for s in block["series"])],
            "rows": [
                [axis, *(_level(s["values"], i) for s in block["series"])]
                for i, axis in enumerate(block["axes"])
            ],
        }
    return {
        "kind": "table",
        "title": block["title"],
        "head": [block["title"], "Number"],
        "rows": [[lb, shown] for lb, shown in zip(block["labels"], block["shown"], strict=True)],
    }


def shares(head: list[str], rows: list[list[str]], width: float) -> list[float]:
    """How a table `width` points wide is shared among its columns, in the PDF and in Word
    alike. Each column first gets room for its longest word (bold in the head), so that no
    word is broken; what is left goes to the columns whose text wraps, by how much more they
    hold, up to WIDE points of text a column."""
    register()
    size, pad = CELL_SIZE, CELL_PADDING

    def measure(words: str, bold: bool) -> float:
        return stringWidth(words, BOLD if bold else BODY, size)

    columns = range(len(head))
    floor = [
        pad
        + max(
            measure(word, number == 0)
            for number, row in enumerate([head, *rows])
            for word in (row[c].split() or [""])
        )
        for c in columns
    ]
    whole = [
        pad + min(WIDE, max(measure(row[c], n == 0) for n, row in enumerate([head, *rows])))
        for c in columns
    ]
    spare = width - sum(floor)
    more = [max(0.0, w - f) for w, f in zip(whole, floor, strict=True)]
    if spare <= 0 or not sum(more):
        given = floor if spare <= 0 else [f + spare / len(head) for f in floor]
    else:
        given = [f + spare * m / sum(more) for f, m in zip(floor, more, strict=True)]
        if sum(whole) <= width:  # everything fits on one line: share what is left evenly
            given = [w + (width - sum(whole)) / len(head) for w in whole]
    return [g / sum(given) for g in given]


CELL_SIZE, CELL_PADDING = 9.5, 12.0  # points: the body text of a cell, its padding left and right
WIDE = 220.0  # points of text: a column holding more wraps, as wide as the others allow


LEGEND_SHARES = [0.15, 0.85]  # a radar's legend: the level's number, then its words


def legend(radar: Radar) -> list[tuple[str, str]]:
    """A radar's levels as (number, words), level 1 first."""
    return [(str(number), words) for number, words in enumerate(radar["levels"], start=1)]


def _level(values: list[int | None], index: int) -> str:
    value = values[index] if index < len(values) else None
    return NO_LEVEL if value is None else str(value)


def worked_out(figures: Figures) -> str:
    """The line said once above a version's figures: when they were worked out."""
    return (
        f"Worked out from the service's records when this version was submitted: {as_at(figures)}."
    )
