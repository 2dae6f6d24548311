"""The report's tables and bar charts (figures.Table, figures.Bars), every count protected."""

from __future__ import annotations

from collections.abc import Sequence

from figures import Bars, Table, shown
from reports.disclosure import TOO_FEW_TO_SHOW, WITHHELD, chart_counts, protect


def _note(printed: Sequence[str], note: str | None) -> str | None:
    if printed and all(text == WITHHELD for text in printed):
        return f"{TOO_FEW_TO_SHOW} {note}" if note else TOO_FEW_TO_SHOW
    return note


def _table(title: str, head: list[str], rows: list[list[str]], note: str | None) -> Table:
    table: Table = {"kind": "table", "title": title, "head": head, "rows": rows}
    if note:
        table["note"] = note
    return table


def partition(
    title: str,
    head: tuple[str, str],
    labels: Sequence[str],
    counts: Sequence[int],
    total: str,
    note: str | None = None,
) -> tuple[Table, list[str]]:
    """A table of how a total divides (every young person in one row), with its total; and
    the rows as printed, for a chart of the same."""
    printed = protect(counts)
    rows = [[label, text] for label, text in zip(labels, printed, strict=True)]
    rows.append([total, shown(sum(counts))])
    return _table(title, list(head), rows, _note(printed, note)), printed


def table(title: str, head: list[str], rows: list[list[str]], note: str | None = None) -> Table:
    return _table(title, head, rows, note)


def bars(
    title: str, labels: Sequence[str], counts: Sequence[int], printed: Sequence[str], of: Table
) -> Bars:
    """A bar chart of the rows of the table `of`: no bar where the table prints no number.
    The documents print no second table under it (figures.Bars.same_as)."""
    chart: Bars = {
        "kind": "bars",
        "title": title,
        "labels": list(labels),
        "counts": chart_counts(counts, printed),
        "shown": list(printed),
        "same_as": of["title"],
    }
    if any(text != str(count) for count, text in zip(counts, printed, strict=True)):
        chart["note"] = 'No bar is drawn for a count printed "fewer than 5" or "withheld".'
    return chart
