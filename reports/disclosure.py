"""No count from 1 to 4, nor one that can be worked out from what else is printed.

Each table of the report is a partition of a total that the report prints too (the young
people referred in the period, the interventions ended in it): every young person is in exactly
one row. Printing the other rows and the total would give away a row printed "fewer than 5"
(10 referred, 7 in Kingston, Richmond "fewer than 5": Richmond is 3). So:

1. a count from 1 to 4 is printed "fewer than 5" (figures.shown): primary suppression;
2. while a row printed "fewer than 5" can still be worked out exactly from the total and the
   rows printed, the smallest other row above 0 is "withheld" too: secondary suppression;
3. if that is not enough (every row above 0 is hidden and they still add up to one answer:
   five young people in five age bands, one each), the whole table is withheld.

What a reader knows is modelled as ranges: a row "fewer than 5" is 1 to 4, a row "withheld"
is 5 up to the total, the total is exact (or 1 to 4 when it is printed "fewer than 5"). A row
is given away when its range, given the others, holds one number only.

A "yes or no" figure (the referrals with a given risk indicator) is the partition of the
total into those with it and those without: 27 of 30 would give away that 3 have not.
"""

from __future__ import annotations

from collections.abc import Sequence

from figures import FEWER_THAN_5, SUPPRESS_BELOW, shown

WITHHELD = "withheld"
TOO_FEW_TO_SHOW = (
    "Withheld: the counts are too small to show without letting someone work out a count below 5."
)


def _small(count: int) -> bool:
    return 0 < count < SUPPRESS_BELOW


def _given_away(counts: Sequence[int], small: set[int], withheld: set[int]) -> bool:
    """Whether a row printed "fewer than 5" can be worked out from the rest."""
    total = sum(counts)
    low_total, high_total = (total, total) if total >= SUPPRESS_BELOW else (1, SUPPRESS_BELOW - 1)
    hidden = small | withheld
    printed = sum(c for i, c in enumerate(counts) if i not in hidden)
    ranges = {
        i: (1, SUPPRESS_BELOW - 1) if i in small else (SUPPRESS_BELOW, high_total) for i in hidden
    }
    for i in small:
        others_low = sum(lo for j, (lo, _) in ranges.items() if j != i)
        others_high = sum(hi for j, (_, hi) in ranges.items() if j != i)
        low = max(ranges[i][0], low_total - printed - others_high)
        high = min(ranges[i][1], high_total - printed - others_low)
        if low >= high:
            return True
    return False


def protect(counts: Sequence[int]) -> list[str]:
    """The rows of a partition as printed: the count, "fewer than 5", or "withheld"."""
    small = {i for i, c in enumerate(counts) if _small(c)}
    withheld: set[int] = set()
    while small and _given_away(counts, small, withheld):
        others = [i for i, c in enumerate(counts) if c > 0 and i not in small | withheld]
        if not others:
            return [WITHHELD] * len(counts)
        withheld.add(min(others, key=lambda i: (counts[i], i)))
    return [
        FEWER_THAN_5 if i in small else WITHHELD if i in withheld else str(c)
        for i, c in enumerate(counts)
    ]


def chart_counts(counts: Sequence[int], printed: Sequence[str]) -> list[int | None]:
    """What a bar chart draws: a bar for each count printed as it is, none for the others."""
    return [c if text == str(c) else None for c, text in zip(counts, printed, strict=True)]


def percent(part: int, whole: int, printed_part: str, printed_whole: str) -> str:
    """A percentage, only when both counts are printed as they are (otherwise it would give
    back a count hidden); "-" when there is nothing to divide."""
    if whole == 0:
        return "-"
    if printed_part != str(part) or printed_whole != str(whole):
        return WITHHELD
    return f"{round(100 * part / whole)}%"


__all__ = ["TOO_FEW_TO_SHOW", "WITHHELD", "chart_counts", "percent", "protect", "shown"]
