"""The case closure's figures: the distance travelled for the young person, from referral through
each action-plan review to closure, as a table and as an outcome star (L3040, L3072, L3091-3093).

Only level numbers are printed, never the "Other" details or anything else typed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from clocks import LONDON
from figures import Context, Figures, Radar, Series, Table
from forms.phoenix_referral import CRITERIA
from outcomes import KEYS, Change, change, level
from outcomes.series import Scoring, scorings

LABELS = tuple(label for _key, label, _statements in CRITERIA)
CHANGE = "Change"
CHANGE_WORDS: dict[Change | None, str] = {
    "improved": "Improved",
    "same": "Same",
    "worse": "Worse",
    None: "Not scored",
}
OTHER, NOT_SCORED = "Other", "Not scored"
TITLE = "Distance travelled"

# The legend of the five levels: each criterion prints its own five statements, "tick one box
# which most accurately describes the young person's current circumstances" (L3579-3581), in
# order from least to most concern (inventory 4.54-4.67); the level is the statement's place.
LEVELS = [
    "The first statement printed for the criterion (least concern)",
    "The second statement printed",
    "The third statement printed",
    "The fourth statement printed",
    "The fifth statement printed (most concern)",
]
LEVELS_NOTE = (
    "Each criterion is scored with the statement which most accurately describes the young"
    " person's current circumstances, as on the Phoenix Project referral: level 1 is the first"
    " statement printed for that criterion (least concern), level 5 the last (most concern)."
    " A lower level at closure than at referral is an improvement. Other: answered with details"
    " instead of a statement, so not scored."
)
# The chart draws level 1 on the outer ring, as outcome stars are read (documents.charts).
STAR_NOTE = (
    "One spoke for each criterion of the referral, level 1 (least concern) on the outer ring and"
    " level 5 (most concern) nearest the centre: a larger shape is less concern. A criterion"
    " answered Other, or not scored, has no point. The table of distance travelled gives the"
    " same levels."
)


def cell(answer: Any) -> str:
    """A criterion's answer as the table prints it: its level, "Other" or "Not scored"."""
    found = level(answer)
    if found is not None:
        return str(found)
    return OTHER if answer == "other" else NOT_SCORED


def changes_of(series: Sequence[Scoring]) -> list[Change | None]:
    """Each criterion's change from the first scoring (at referral) to the last (at closure)."""
    first, last = series[0].answers, series[-1].answers
    return [change(first.get(key), last.get(key)) for key in KEYS]


def totals(moved: Sequence[Change | None]) -> str:
    """ "6 improved, 5 same, 1 worse, 2 not scored": how many criteria moved each way."""
    counted = Counter(moved)
    words = [f"{counted[c]} {CHANGE_WORDS[c].lower()}" for c in ("improved", "same", "worse")]
    return ", ".join([*words, f"{counted[None]} not scored"])


def distance_table(series: Sequence[Scoring]) -> Table:
    """One row a criterion: its level at each scoring and its change; then the totals."""
    moved = changes_of(series)
    rows = [
        [label, *(cell(s.answers.get(key)) for s in series), CHANGE_WORDS[way]]
        for label, key, way in zip(LABELS, KEYS, moved, strict=True)
    ]
    rows.append(["All criteria", *("" for _ in series), totals(moved)])
    return {
        "kind": "table",
        "title": TITLE,
        "head": ["Criterion", *(s.name for s in series), CHANGE],
        "rows": rows,
        "note": LEVELS_NOTE,
    }


def outcome_star(series: Sequence[Scoring]) -> Radar:
    """The same levels as a radar chart: one spoke a criterion, one line a scoring."""
    lines: list[Series] = [
        {"name": s.name, "values": [level(s.answers.get(key)) for key in KEYS]} for s in series
    ]
    return {
        "kind": "radar",
        "title": "Outcome star: distance travelled",
        "axes": list(LABELS),
        "levels": list(LEVELS),
        "series": lines,
        "note": STAR_NOTE,
        "same_as": TITLE,
    }


def closure_figures(context: Context) -> Figures:
    """The figures of a case closure summary as it is submitted: the case's referral and
    reviews from its records, the closure's own scores from the answers submitted."""
    series = scorings(context.case, context.answers)
    return {
        "as_at": context.now.astimezone(LONDON).isoformat(),
        "blocks": [distance_table(series), outcome_star(series)],
    }
