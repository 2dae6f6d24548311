"""Figures worked out from the service's records when a version is submitted: kept with that
version, so that it never changes when cases change later, and drawn alike on the page, in the
PDF and in the Word file.

An artefact that has figures declares `figures=`, a function of a `Context` returning
`Figures`: plain JSON (stored in `submissions.figures`), a list of blocks, each a table, a
radar ("star") chart or a bar chart. The documents draw the blocks; they never compute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict

from clocks import LONDON

if TYPE_CHECKING:
    from models import Case, User

# Safeguarding statistics never print a count from 1 to 4: it could identify a child.
SUPPRESS_BELOW = 5
FEWER_THAN_5 = "fewer than 5"


class Table(TypedDict):
    """A table: its head and rows as the text printed in each cell."""

    kind: Literal["table"]
    title: str
    head: list[str]
    rows: list[list[str]]
    note: NotRequired[str]


class Series(TypedDict):
    """One line of a radar chart (referral, a review, closure): a level per axis, or None."""

    name: str
    values: list[int | None]


class Radar(TypedDict):
    """A radar ("star") chart: one spoke per axis, a ring per level, level 1 the outermost
    (documents.charts.ORIENTATION says why)."""

    kind: Literal["radar"]
    title: str
    axes: list[str]
    levels: list[str]  # the legend: what each level means, level 1 first
    series: list[Series]
    note: NotRequired[str]
    # The title of a Table block of the same figures beside it: the documents then print no
    # second table of them under the chart (the page keeps its accessible table).
    same_as: NotRequired[str]


class Bars(TypedDict):
    """A bar chart of counts. A suppressed count is None, and `shown` says what is printed."""

    kind: Literal["bars"]
    title: str
    labels: list[str]
    counts: list[int | None]
    shown: list[str]
    note: NotRequired[str]
    same_as: NotRequired[str]  # as for Radar


Block = Table | Radar | Bars


class Figures(TypedDict):
    """What is stored with a version: when the figures were worked out, and the blocks."""

    as_at: str  # ISO 8601, London time
    blocks: list[Block]


@dataclass(frozen=True)
class Context:
    """What a figures function may read: the case (None for a report), the version's clean
    answers, who submits it, and the moment."""

    case: Case | None
    answers: Mapping[str, Any]
    user: User
    now: dt.datetime


def shown(count: int) -> str:
    """A count as printed: "fewer than 5" from 1 to 4, so that no child can be identified."""
    return FEWER_THAN_5 if 0 < count < SUPPRESS_BELOW else str(count)


def suppressed(count: int) -> int | None:
    """A count as a chart draws it: None (no bar) where it is printed "fewer than 5"."""
    return None if 0 < count < SUPPRESS_BELOW else count


def as_at(figures: Figures) -> str:
    """ "figures as at 14:05 on 1 December 2026", in London time."""
    when = dt.datetime.fromisoformat(figures["as_at"]).astimezone(LONDON)
    return f"figures as at {when:%H:%M} on {when.day} {when:%B %Y}"
