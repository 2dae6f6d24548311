"""The interventions ended in the period, from their case closure summaries (Appendix 4): the
duration of intervention (L4126), sessions attended, engagement, reasons for closure, and
the outcomes - distance travelled (L4128), from the fourteen criteria scored on the Phoenix
referral and again at closure (L3040, L3072, L3091-3093).

*Inferred*: the paper asks these of the "referrals in period" (L4116), but a referral of the
period has rarely ended within it, so these figures are of the interventions that ended in it
(the step "Closed"), whenever they were referred.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence

from figures import SUPPRESS_BELOW, Block, shown
from forms.phoenix_case_closure import PHOENIX_CASE_CLOSURE
from forms.phoenix_referral import CRITERIA
from outcomes import CHANGES, Change
from reports import blocks
from reports.disclosure import protect
from reports.profile import _date
from reports.records import Ended

YOUNG_PEOPLE = "Young people"
TOTAL = "Total ended"
NOT_GIVEN = "Not given on the closure summary"
DURATIONS = (("Under 3 months", 0, 12), ("3 to 6 months", 13, 25), ("6 months or more", 26, None))
SESSIONS = (("None", 0, 0), ("1 to 5", 1, 5), ("6 to 10", 6, 10), ("11 to 20", 11, 20),
            ("More than 20", 21, None))  # fmt: skip


def _band(value: int, bands: Sequence[tuple[str, int, int | None]]) -> str:
    return next(
        label for label, low, high in bands if value >= low and (high is None or value <= high)
    )


def _weeks(e: Ended) -> int | None:
    start, end = _date(e.closure.get("start_date")), _date(e.closure.get("end_date"))
    return (end - start).days // 7 if start and end and end >= start else None


def _sessions(e: Ended) -> int | None:
    value = e.closure.get("sessions_attended")
    return value if isinstance(value, int) and value >= 0 else None


def _middle(values: list[int], unit: str, what: str) -> str:
    """The median, when there are at least 5 values (fewer would nearly give them away)."""
    if len(values) < SUPPRESS_BELOW:
        return f"The middle (median) {what} is not shown: fewer than 5 closure summaries give it."
    return f"The middle (median) {what} is {statistics.median_low(values)} {unit}."


def _spread(
    title: str,
    head: str,
    bands: Sequence[tuple[str, int, int | None]],
    values: list[int | None],
    note: str,
) -> Block:
    labels = [label for label, _, _ in bands] + [NOT_GIVEN]
    count = Counter(NOT_GIVEN if v is None else _band(v, bands) for v in values)
    table, _ = blocks.partition(
        title, (head, YOUNG_PEOPLE), labels, [count[x] for x in labels], TOTAL, note
    )
    return table


def duration(ended: Sequence[Ended]) -> list[Block]:
    weeks, sessions = [_weeks(e) for e in ended], [_sessions(e) for e in ended]
    return [
        _spread("Duration of intervention", "Duration", DURATIONS, weeks,
                "From the start date to the end date on the closure summary; a month is"
                " counted as about 4 weeks (3 months: 13 weeks). "
                + _middle([w for w in weeks if w is not None], "weeks", "duration")),
        _spread("Sessions attended", "Sessions", SESSIONS, sessions,
                "Number of sessions attended, on the closure summary. "
                + _middle([s for s in sessions if s is not None], "sessions",
                          "number of sessions")),
    ]  # fmt: skip


def _choice(ended: Sequence[Ended], name: str, title: str, head: str) -> tuple[Block, Block]:
    options = PHOENIX_CASE_CLOSURE.field(name).options  # type: ignore[attr-defined]
    values = [o.value for o in options]
    labels = [o.label for o in options] + [NOT_GIVEN]
    count = Counter(e.closure.get(name) for e in ended)
    counts = [count[v] for v in values] + [sum(n for v, n in count.items() if v not in values)]
    table, printed = blocks.partition(title, (head, YOUNG_PEOPLE), labels, counts, TOTAL)
    return table, blocks.bars(title, labels, counts, printed, table)


def engagement(ended: Sequence[Ended]) -> list[Block]:
    level = _choice(ended, "level_of_engagement", "Level of engagement", "Engagement")
    reason, _ = _choice(ended, "reason_for_closure", "Reasons for closure", "Reason")
    return [*level, reason]


NOT_SCORED = "Not scored"


def _overall(moves: dict[str, Change | None]) -> str:
    better = sum(1 for m in moves.values() if m == "improved")
    worse = sum(1 for m in moves.values() if m == "worse")
    if all(m is None for m in moves.values()):
        return NOT_SCORED
    return "Improved overall" if better > worse else "Worse overall" if worse > better else (
        "No change overall")  # fmt: skip


def distance(ended: Sequence[Ended]) -> list[Block]:
    """Per criterion, how many improved, stayed the same or got worse (outcomes.changes) from
    the referral's scoring to the closure's; and each young person's overall move."""
    moves = [e.changes for e in ended]
    head = ["Criterion", "Improved", "Same", "Worse", NOT_SCORED]
    rows = []
    for key, label, _ in CRITERIA:
        count = Counter(m[f"criterion_{key}"] for m in moves)
        rows.append([label, *protect([count[c] for c in (*CHANGES, None)])])
    table = blocks.table(
        "Outcomes \u2013 distance travelled, by criterion",
        head,
        rows,
        "From the level on the Phoenix referral to the level on the case closure summary (1"
        " least concern, 5 most): a lower level is an improvement. Not scored: either has no"
        " level (not answered, or Other). Each row counts every intervention ended"
        f" ({shown(len(ended))} in all).",
    )
    labels = ["Improved overall", "No change overall", "Worse overall", NOT_SCORED]
    overall_moves = Counter(_overall(m) for m in moves)
    counts = [overall_moves[x] for x in labels]
    overall, printed = blocks.partition(
        "Outcomes \u2013 distance travelled, overall",
        ("Overall move", YOUNG_PEOPLE),
        labels,
        counts,
        TOTAL,
        "Improved overall: more criteria improved than got worse.",
    )
    return [
        table,
        overall,
        blocks.bars("Distance travelled, overall", labels, counts, printed, overall),
    ]
