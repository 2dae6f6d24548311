"""The charts of a version's figures, drawn once as reportlab Drawings for the PDF, Word and web."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing

from documents.charts.bars import bars_drawing
from documents.charts.radar import radar_drawing
from documents.fonts import register
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


def shares(columns: int) -> list[float]:
    """How a table's width is shared among its columns, in the PDF and in Word alike: the
    first (what a row is about) wider than the columns of figures."""
    if columns == 1:
        return [1.0]
    first = 0.6 if columns == 2 else 0.4
    return [first] + [(1 - first) / (columns - 1)] * (columns - 1)


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
