"""4. Performance update (L4135) and the measurable outputs or outcomes (L3265-3290): the
caseload against the capacity of 20 at any one time (L2962-2964), the referrals of the year
against up to 25 a year (L2843), and each target met, of those it can be judged on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clocks import WorkingDayCalendar, due_date, london_date
from figures import Block, shown
from forms.phoenix_progress_report import MAX_CASES
from outcomes import level
from pathway.steps import STEPS
from reports import blocks
from reports.disclosure import percent, protect
from reports.period import Period
from reports.records import Ended, Recorded, Referred

MAX_A_YEAR = 25  # "managing up to 25 cases a year across AfC" (L2843)


def performance(caseload: int, capacity: Any, year: Period, referred_in_year: int) -> list[Block]:
    """The caseload at the end of the period and the referrals of the year, each against its
    limit. Whether it is within the limit is said only when the count is printed: "within
    a capacity of 3" would narrow a count printed "fewer than 5"."""

    def verdict(count: int, limit: int) -> str:
        if shown(count) != str(count):
            return "-"
        return "Within" if count <= limit else f"Over by {count - limit}"

    rows = [
        ["Cases open to the Phoenix Project at the end of the period", shown(caseload),
         f"{MAX_CASES} at any one time (L2962-2964)", verdict(caseload, MAX_CASES)],
    ]  # fmt: skip
    if isinstance(capacity, int):
        rows.append(["The same, against the current capacity given in this report",
                     shown(caseload), str(capacity), verdict(caseload, capacity)])  # fmt: skip
    rows.append(
        [f"Young people referred in the year to date ({year.words()})", shown(referred_in_year),
         f"up to {MAX_A_YEAR} a year (L2843)", verdict(referred_in_year, MAX_A_YEAR)]
    )  # fmt: skip
    return [
        blocks.table(
            "Current capacity and current caseload",
            ["", "Number", "Capacity", "Within capacity?"],
            rows,
            "Open: accepted, and neither declined nor closed since, by the end of the period."
            " The year runs from 1 April (Inferred: the financial year).",
        )
    ]


@dataclass(frozen=True)
class Judged:
    """How many a target was met for, of those it can be judged on."""

    met: int
    of: int


def _first_after(steps: Sequence[Recorded], after: int, keys: frozenset[str]) -> Recorded | None:
    """The first of these steps after the step at `after` (steps in order)."""
    return next((s for s in steps[after + 1 :] if s.step in keys), None)


def _clock(
    referred: Sequence[Referred],
    steps: Mapping[str, Sequence[Recorded]],
    clock: str,
    calendar: WorkingDayCalendar,
    now: dt.datetime,
    only_accepted: bool = False,
) -> Judged:
    """A referral's clock met on time (clocks.CLOCKS): judged once met, or once its due day
    has passed; a referral still within its time is not judged yet. With `only_accepted`,
    only the referrals accepted since (first contact is for accepted referrals, L3271)."""
    meeting = frozenset(s.key for s in STEPS.values() if clock in (*s.meets, *s.stops))
    met = of = 0
    for r in referred:
        mine = steps.get(r.case_id, ())
        sendings = [i for i, s in enumerate(mine) if s.step == "phoenix_sent" and s.day == r.day]
        if not sendings:
            continue
        sent = sendings[-1]  # the latest that day: steps are in order
        if only_accepted and _first_after(mine, sent, frozenset({"phoenix_accepted"})) is None:
            continue
        due = due_date(clock, mine[sent].happened_at, calendar).date
        answer = _first_after(mine, sent, meeting)
        if answer is not None and answer.day <= due:
            met, of = met + (clock in STEPS[answer.step].meets), of + 1
        elif london_date(now) > due:
            of += 1
    return Judged(met, of)


def _participants(ended: Sequence[Ended], judge: Callable[[Ended], bool | None]) -> Judged:
    verdicts = [v for v in (judge(e) for e in ended) if v is not None]
    return Judged(sum(verdicts), len(verdicts))


def _improved(key: str, also_same: bool = False) -> Callable[[Ended], bool | None]:
    def judge(e: Ended) -> bool | None:
        moved = e.changes[f"criterion_{key}"]
        return None if moved is None else moved == "improved" or (also_same and moved == "same")

    return judge


def _identifies_abuse(e: Ended) -> bool | None:
    levels = [
        level(e.closure.get(f"criterion_{k}")) for k in ("abuse_awareness", "safety_strategies")
    ]
    return None if None in levels else all(x is not None and x <= 2 for x in levels)


def _progressed(e: Ended) -> bool | None:
    moves = e.changes.values()
    return None if all(m is None for m in moves) else any(m == "improved" for m in moves)


def outcome_targets(
    referred: Sequence[Referred],
    steps: Mapping[str, Sequence[Any]],
    ended: Sequence[Ended],
    calendar: WorkingDayCalendar,
    now: dt.datetime,
) -> list[Block]:
    """Each measurable output or outcome (L3265-3290) with how it is measured here."""
    judged = (
        ("Referrals will be acknowledged within one working day", "100%",
         "Referrals sent in the period: acknowledged, accepted or declined by the next working"
         " day (the acknowledgement clock)",
         _clock(referred, steps, "phoenix_acknowledgement", calendar, now)),
        ("Accepted referrals will receive first contact within two working days", "100%",
         "Referrals sent in the period and accepted: first contact recorded within two working"
         " days of the referral being sent (the first contact clock)",
         _clock(referred, steps, "phoenix_first_contact", calendar, now, only_accepted=True)),
        ("Participants will be able to demonstrate improved awareness and knowledge of services"
         " available to offer further support", "90%",
         "Inferred: \u2018Access to support services\u2019 improved from referral to closure",
         _participants(ended, _improved("support_access"))),
        ("Participants will be able to identify abusive and exploitative behaviour, and be"
         " equipped with techniques to protect themselves from future situations", "75%",
         "Inferred: at closure, \u2018Ability to identify abusive or exploitative behaviour\u2019"
         " and \u2018Ability to describe safety strategies\u2019 both at level 1 or 2",
         _participants(ended, _identifies_abuse)),
        ("Participants will be able to identify positive progression", "75%",
         "Inferred: at least one criterion improved from referral to closure",
         _participants(ended, _progressed)),
        ("Participants will maintain or improve attendance at school, college or training",
         "50%",
         "Inferred: \u2018Education, training and employment\u2019 the same or improved",
         _participants(ended, _improved("ete", also_same=True))),
        ("Participants experience an enhancement of the parent or carer relationship or a"
         " reduction in family conflict", "50%",
         "Inferred: \u2018Relationship with main carer/s\u2019 improved",
         _participants(ended, _improved("carers"))),
    )  # fmt: skip
    rows = []
    for action, target, measured, j in judged:
        met = protect([j.met, j.of - j.met])[0]
        of = shown(j.of)
        rows.append([action, target, measured, met, of, percent(j.met, j.of, met, of)])
    return [
        blocks.table(
            "Measurable outputs or outcomes",
            ["Action", "Target", "Measured by", "Met", "Of", "Result"],
            rows,
            "Participants: the interventions ended in the period whose criteria were scored on"
            " the referral and at closure. A referral still within its time is not counted"
            " yet. Met is withheld where those not met are fewer than 5.",
        )
    ]
