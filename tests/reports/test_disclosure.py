"""No count from 1 to 4 is printed, nor one that the total and the other rows give away."""

from __future__ import annotations

import itertools

import pytest

from figures import FEWER_THAN_5, shown
from reports.disclosure import WITHHELD, percent, protect

F5, W = FEWER_THAN_5, WITHHELD


@pytest.mark.parametrize(
    ("counts", "printed"),
    [
        ([0, 0], ["0", "0"]),
        ([7, 5, 0], ["7", "5", "0"]),
        ([4], [F5]),  # the total itself is printed "fewer than 5"
        ([2, 1], [F5, F5]),  # a total below 5 gives neither away: 1 or 2, 1 to 3
        ([1, 1, 1, 1], [W, W, W, W]),  # four rows of at least 1 in a total below 5: all 1s
        ([9, 3], [W, F5]),  # 12 - 9 would give the 3 away
        ([9, 3, 6], ["9", F5, W]),  # the smallest other row is withheld, the 9 printed
        ([6, 1, 1, 2], ["6", F5, F5, F5]),  # 4 left, three rows of 1 to 4: no single answer
        ([6, 1, 1, 0, 1, 1], [W, F5, F5, "0", F5, F5]),  # four 1s making the 4 left
        ([5, 5, 1, 0, 1], [W, W, W, W, W]),  # 5 + 5 + 1 + 1: only a whole table hides it
        ([1, 5], [W, W]),  # 1 and at least 5 of 6
        ([2, 10], [F5, W]),
        ([4, 4], [W, W]),  # 8 can only be 4 and 4
    ],
)
def test_protect(counts: list[int], printed: list[str]) -> None:
    assert protect(counts) == printed


def _reads(text: str, whole_table_withheld: bool) -> range:
    """What a reader knows of a row from what is printed."""
    if text == F5:
        return range(1, 5)
    if text == W:
        return range(0 if whole_table_withheld else 5, 16)
    return range(int(text), int(text) + 1)


def test_no_printed_table_gives_a_count_below_5_away() -> None:
    """Every table of three rows of up to 15 young people in all: from its rows and its total
    as printed, each row printed "fewer than 5" can still be at least two numbers."""
    for a, b, c in itertools.product(range(16), repeat=3):
        if a + b + c > 15:
            continue
        printed = protect([a, b, c])
        total = shown(a + b + c)
        every = all(text == W for text in printed)
        known = [_reads(text, every) for text in printed]
        alike = [
            rows
            for rows in itertools.product(*known)
            if shown(sum(rows)) == total and (total == F5 or sum(rows) == a + b + c)
        ]
        for row, text in enumerate(printed):
            if text == F5:
                assert len({rows[row] for rows in alike}) > 1, ((a, b, c), printed)


def test_percent_only_of_counts_printed() -> None:
    assert percent(8, 8, "8", "8") == "100%"
    assert percent(2, 3, "2", "3") == "67%"
    assert percent(3, 8, F5, "8") == WITHHELD
    assert percent(7, 8, W, "8") == WITHHELD
    assert percent(0, 0, "0", "0") == "-"
