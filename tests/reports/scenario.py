"""A quarter of fictional Phoenix Project cases, each figure of its report known in advance.

Referred in the quarter (1 July to 30 September 2026): R1 to R12; R1 at 00:00 on its first
day, R12 at 23:30 on its last; R2 twice (counted once). Not in it: O1 at 23:30 on 30 June, O2
at 00:30 on 1 October (both on the other side of midnight in UTC too), O3 on 1 April (in the
year), Kx on 31 March (not in the year), K1 on 1 June.
Ended in the quarter: C1 (on 1 July) to C10 (on 30 September); not Cout (30 June), nor K1
(1 October).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clocks import LONDON
from figures import Context, Figures
from models import User
from reports import progress_figures
from tests.reports.cases import Cases

D = dt.date
START, END = D(2026, 7, 1), D(2026, 9, 30)
NOW = dt.datetime(2026, 10, 1, 10, 0, tzinfo=LONDON)  # Thursday 1 October 2026, 10:00
ANSWERS = {"period_start": START, "period_end": END, "current_capacity": 8}
CRITERIA_KEYS = (
    "carers", "feelings", "sexual_health", "drugs_alcohol", "abuse_awareness", "involvement",
    "safety_strategies", "risk_level", "risky_association", "accommodation", "support_access",
    "missing", "ete", "rights",
)  # fmt: skip
REFERRAL, CLOSURE = "phoenix_referral", "phoenix_case_closure"


def _born(age: int, on: dt.date, birthday_today: bool = False) -> str:
    """A date of birth making someone `age` on `on` (their birthday that day, or the day
    before)."""
    day = D(on.year - age, on.month, on.day)
    return (day if birthday_today else day - dt.timedelta(days=1)).isoformat()


def _london(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


# R1..R12: the day each was last sent, and their ages then (None: not known)
SENT = [START, D(2026, 8, 5), *(D(2026, 7, 10) + dt.timedelta(days=7 * i) for i in range(8)),
        D(2026, 9, 14), END]  # fmt: skip
AGES = [13, 12, 12, 13, 13, 10, 14, 14, 15, 15, None, None]


def _referral_answers(n: int) -> dict[str, Any]:
    """The Phoenix referral of R<n>."""
    day = SENT[n - 1]
    answers: dict[str, Any] = {"date_of_referral": day.isoformat()}
    if AGES[n - 1] is not None:
        answers["person_dob"] = _born(AGES[n - 1], day, birthday_today=n in (1, 7))
    answers["person_postcode"] = (
        "KT1 1EU" if n <= 6 else "TW9 1AA" if n <= 8 else "kt2 5ab" if n == 9 else None
    )
    if n <= 10:
        answers["police_category"] = "1" if n <= 5 else "2"
    indicators = [
        *(["disclosure"] if n <= 10 else []),
        *(["gone_missing"] if n <= 7 else []),
        *(["self_harm"] if n <= 3 else []),
    ]
    answers["risk_indicators"] = indicators
    answers["international_trafficking"] = {1: "known", 2: "suspected"}.get(n, "none")
    answers["internal_trafficking"] = "none"
    answers["gun_knife_crime"] = {4: "knife", 5: "both", 6: "none"}.get(n)
    answers["drug_dealing"] = "unknown" if n == 7 else None
    answers["youth_offending"] = "yes" if n == 8 else "no"
    return answers


def _referred(cases: Cases) -> None:
    for n in range(1, 13):
        sent_on = SENT[n - 1]
        case = cases.case("Kingston" if n <= 9 else "Richmond",
                          **({"dob": "2010-01-01"} if n == 11 else {}))  # fmt: skip
        answers = _referral_answers(n)
        if n == 3:  # the version sent says category 1; a later version, 3: the one sent counts
            sent = cases.version(case, REFERRAL, answers)
            cases.version(case, REFERRAL, {**answers, "police_category": "3"})
            details = {"version_id": sent.id, "form": REFERRAL, "version": 1}
        else:
            cases.version(case, REFERRAL, answers)
            details = None
        if n == 2:  # sent earlier in the quarter too, and acknowledged then
            cases.step(case, "phoenix_sent", D(2026, 7, 2))
            cases.step(case, "phoenix_acknowledged", D(2026, 7, 2))
        if n == 11:  # the category at referral (1 September), not the one decided after it
            cases.step(case, "strategy_meeting", D(2026, 9, 1), category="3")
            cases.step(case, "strategy_meeting", D(2026, 9, 20), category="1")
        moment = _london(END, 23, 30) if n == 12 else sent_on
        cases.step(case, "phoenix_sent", moment, details=details)
        if n <= 10:  # acknowledged the day it was sent
            cases.step(case, "phoenix_acknowledged", sent_on)
        if n <= 8:  # accepted the next day; first contact in time for R1 to R3 only
            cases.step(case, "phoenix_accepted", sent_on + dt.timedelta(days=1))
            late = 2 if n <= 3 else 10
            cases.step(case, "first_contact", sent_on + dt.timedelta(days=late))
        if n == 9:
            cases.step(case, "phoenix_declined", sent_on + dt.timedelta(days=1))


def _others(cases: Cases) -> None:
    o1 = cases.case()
    cases.step(o1, "phoenix_sent", _london(D(2026, 6, 30), 23, 30))
    o2 = cases.case()
    cases.step(o2, "phoenix_sent", _london(D(2026, 10, 1), 0, 30))
    cases.step(o2, "phoenix_accepted", D(2026, 10, 2))  # after the quarter: not open in it
    o3 = cases.case()
    cases.step(o3, "phoenix_sent", D(2026, 4, 1))
    kx = cases.case()  # accepted, and the case closed in September: not open at the end
    cases.step(kx, "phoenix_sent", D(2026, 3, 31))
    cases.step(kx, "phoenix_accepted", D(2026, 4, 2))
    kx.closed_at = dt.datetime(2026, 9, 15, 12, 0, tzinfo=dt.UTC)
    k1 = cases.case()  # open at the end of the quarter: closed the day after
    cases.step(k1, "phoenix_sent", D(2026, 6, 1))
    cases.step(k1, "phoenix_accepted", D(2026, 6, 2))
    cases.step(k1, "closed", D(2026, 10, 1))


WEEKS = [8, 10, 14, 16, 18, 20, 22, 30]
SESSIONS: list[int | None] = [0, 3, 6, 7, 8, 9, 10, 12, None]
ENGAGEMENT = ["full"] * 6 + ["partial", "partial", "poor"]
REASONS = ["outcomes_met"] * 6 + ["moved", "non_engagement", "other"]


def _closure_answers(n: int) -> dict[str, Any]:
    """The case closure summary of C<n> (n from 1 to 9)."""
    first = D(2026, 1, 10)
    answers: dict[str, Any] = {
        "sessions_attended": SESSIONS[n - 1],
        "level_of_engagement": ENGAGEMENT[n - 1],
        "reason_for_closure": REASONS[n - 1],
        "end_date": (first + dt.timedelta(weeks=WEEKS[n - 1] if n <= 8 else 3)).isoformat(),
    }
    if n <= 8:
        answers["start_date"] = first.isoformat()
        answers |= {f"criterion_{key}": "3" for key in CRITERIA_KEYS}
        answers["criterion_carers"] = "2" if n <= 6 else "4" if n == 7 else "5"
        answers["criterion_ete"] = "4" if n <= 5 else "3" if n <= 7 else "5"
        for key in ("abuse_awareness", "safety_strategies"):
            answers[f"criterion_{key}"] = "2" if n <= 5 else "3"
    else:  # C9: scored at closure only, its referral was not
        answers["other_reason"] = "A fictional reason"
        answers |= {f"criterion_{key}": "1" for key in CRITERIA_KEYS}
    return answers


def _ended(cases: Cases) -> None:
    closed_on = [START, *(D(2026, 7, 15) + dt.timedelta(days=7 * i) for i in range(8)), END]
    for n in range(1, 11):
        case = cases.case()
        cases.step(case, "phoenix_sent", D(2026, 1, 5))
        cases.step(case, "phoenix_accepted", D(2026, 1, 6))
        scored = {} if n == 9 else {f"criterion_{key}": "4" for key in CRITERIA_KEYS}
        cases.version(case, REFERRAL, {"date_of_referral": "2026-01-05", **scored})
        if n <= 9:
            cases.version(case, CLOSURE, _closure_answers(n))
        cases.step(case, "closed", closed_on[n - 1])
    out = cases.case()  # ended the day before the quarter
    cases.step(out, "phoenix_sent", D(2026, 1, 5))
    cases.step(out, "phoenix_accepted", D(2026, 1, 6))
    cases.version(out, REFERRAL, {f"criterion_{key}": "4" for key in CRITERIA_KEYS})
    cases.version(out, CLOSURE, {f"criterion_{key}": "1" for key in CRITERIA_KEYS})
    cases.step(out, "closed", _london(D(2026, 6, 30), 23, 0))


def build(user: User) -> Figures:
    cases = Cases(user)
    _referred(cases)
    _others(cases)
    _ended(cases)
    cases.done()
    return figures_now(user)


def figures_now(user: User, answers: dict[str, Any] | None = None) -> Figures:
    return progress_figures(Context(None, answers or ANSWERS, user, NOW))
