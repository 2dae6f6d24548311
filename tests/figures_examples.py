"""Fictional figures of every kind of block, as a figures function would work them out: for
the tests of how they are drawn in the documents and on the pages."""

from __future__ import annotations

import datetime as dt

from figures import Bars, Context, Figures, Radar, Table
from forms.phoenix_referral import CRITERIA

AXES = [label for _key, label, _statements in CRITERIA]
LEVELS = ["Least concern", "Some concern", "Moderate concern", "Serious concern", "Most concern"]
# Review 1 has no level for the fifth criterion, closure none for the fifth and sixth.
REFERRAL = [5, 4, 5, 4, 5, 5, 4, 5, 5, 3, 4, 5, 4, 5]
REVIEW: list[int | None] = [4, 3, 4, 3, None, 4, 3, 4, 4, 3, 3, 4, 3, 4]
CLOSURE: list[int | None] = [2, 2, 3, 2, None, None, 2, 2, 3, 2, 2, 2, 2, 3]

TABLE: Table = {
    "kind": "table",
    "title": "Distance travelled by criterion",
    "head": ["Criterion", "At referral", "At closure", "Change"],
    "rows": [
        ["Relationship with main carer/s", "5", "2", "Improved (tableCellA)"],
        ["Missing", "5", "No level", "Not scored (tableCellB)"],
    ],
    "note": "Levels from 1 (least concern) to 5 (most concern) (noteOfTheTable).",
}
RADAR: Radar = {
    "kind": "radar",
    "title": "Distance travelled star",
    "axes": AXES,
    "levels": LEVELS,
    "series": [
        {"name": "Referral (seriesOne)", "values": list(REFERRAL)},
        {"name": "Review 1 (seriesTwo)", "values": REVIEW},
        {"name": "Closure (seriesThree)", "values": CLOSURE},
    ],
}
BARS: Bars = {
    "kind": "bars",
    "title": "Referrals by source",
    "labels": ["Police (barLabelA)", "Schools (barLabelB)", "Health (barLabelC)", "Nobody"],
    "counts": [23, None, 9, 0],
    "shown": ["23", "fewer than 5", "9", "0"],
    "note": "Counts from 1 to 4 are shown as fewer than 5 (noteOfTheBars).",
}
AS_AT = "2026-12-01T14:05:00+00:00"
AS_AT_SHOWN = "figures as at 14:05 on 1 December 2026"


def example(as_at: str = AS_AT) -> Figures:
    return {"as_at": as_at, "blocks": [TABLE, RADAR, BARS]}


def from_context(context: Context) -> Figures:
    """A figures function for an artefact that declares none: the examples, as at now."""
    return example(context.now.astimezone(dt.UTC).isoformat())


def every_cell() -> list[str]:
    """Every text the tables hold, head and rows."""
    return [*TABLE["head"], *(cell for row in TABLE["rows"] for cell in row)]
