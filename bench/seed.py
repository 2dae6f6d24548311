"""A database of many fictional cases for `python -m bench`'s My work measure (bench/mywork.py):
staff, cases with their members, and their pathway events along realistic step sequences over
the last two years, and three audit events a pathway event (`_audit_trail`), inserted in bulk;
then each case's stage and running clocks made from them by `flask refresh-pathway`, as after
an upgrade. Only fictional data ("Bench Case0001").
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from typing import Any

from flask import Flask
from sqlalchemy import func, insert, select

from clocks import LONDON, london_today
from models import AuditEvent, Case, CaseMember, CaseStage, ClockDue, PathwayEvent, User, db, new_id

# The pathway as most cases walk it; a case has gone some way along it (PROGRESS).
PATHWAY = (
    "spa_referral",
    "spa_acknowledged",
    "spa_decision",
    "strategy_meeting",
    "mase_list",
    "phoenix_sent",
    "phoenix_acknowledged",
    "phoenix_accepted",
    "first_contact",
    "initial_meeting",
    "closed",
)
# How many cases (in 100) have gone how many steps along it: weighted towards the steps that
# leave clocks running (the decision, each step after the referral to the Phoenix Project).
PROGRESS = (5, 5, 12, 6, 6, 12, 8, 10, 8, 10, 18)
# The steps taken again as a case goes on: review strategy meetings, the case listed at MASE.
REVIEWS = ("strategy_meeting", "mase_list")
SPA_STEPS = frozenset({"spa_acknowledged", "spa_decision", "strategy_meeting", "mase_list"})
PHOENIX_STEPS = frozenset(PATHWAY[6:]) | {"phoenix_declined"}
AGENCIES = ("Children's Social Care", "Police", "Health", "Education", "Youth Services")
PRACTITIONERS = 20  # referrers and lead professionals, in turn
NO_PASSWORD = "!bench: signs in without a password"  # not an argon2 hash: never matches


@dataclass(frozen=True)
class Scale:
    cases: int
    events: int  # at least one a case: each was referred to SPA

    def __post_init__(self) -> None:
        if not 0 < self.cases <= self.events:
            raise ValueError(f"{self.events} events cannot make {self.cases} cases")


FULL, QUICK = Scale(10_000, 100_000), Scale(1_000, 10_000)


@dataclass(frozen=True)
class Seeded:
    """What was made, and how long it took."""

    users: dict[str, str]  # who (referrer, spa_kingston, phoenix, manager, ...): their id
    cases: int
    events: int
    members: int
    insert_s: float  # staff, cases, members and events, in bulk
    refresh_s: float  # `flask refresh-pathway`: every case's stage and running clocks
    dues: int  # clocks running
    overdue: int  # ... of which past their day


def _staff() -> list[dict[str, Any]]:
    """The practitioners (referrers and lead professionals in turn), SPA of each borough, the
    Phoenix Project and a manager; each with the key the bench knows them by."""
    people: list[tuple[str, str, str | None]] = [
        (f"{role}{n:02d}", role, None)
        for n in range(1, PRACTITIONERS + 1)
        for role in (("referrer", "lead_professional")[n % 2],)
    ]
    people += [
        ("spa_kingston", "spa", "Kingston"),
        ("spa_richmond", "spa", "Richmond"),
        ("phoenix", "phoenix", None),
        ("manager", "manager", None),
    ]
    return [
        {
            "key": key,
            "id": new_id(),
            "email": f"bench.{key.replace('_', '.')}@example.org",
            "password_hash": NO_PASSWORD,
            "role": role,
            "name": f"Bench {key.replace('_', ' ').title()}",
            "borough": borough,
        }
        for key, role, borough in people
    ]


def _sequences(rng: random.Random, scale: Scale) -> list[list[str]]:
    """Each case's steps, `scale.events` in all: a way along the pathway (a few referrals
    declined by the Phoenix Project), and reviews after the first strategy meeting."""
    cases = []
    for _ in range(scale.cases):
        reached = rng.choices(range(1, len(PATHWAY) + 1), weights=PROGRESS)[0]
        steps = list(PATHWAY[:reached])
        if reached >= 7 and rng.random() < 0.1:
            steps = [*PATHWAY[:6], "phoenix_declined"]
        cases.append(steps)
    missing = scale.events - sum(len(s) for s in cases)
    reviewed = [s for s in cases if "strategy_meeting" in s] or cases
    for _ in range(max(0, missing)):  # a review more on a case chosen at random
        steps = rng.choice(reviewed)
        at = steps.index("strategy_meeting") + 1 if "strategy_meeting" in steps else len(steps)
        steps.insert(at, REVIEWS[sum(1 for s in steps if s in REVIEWS) % 2])
    while missing < 0:  # a small scale: fewer steps along the pathway (never none)
        max(cases, key=len).pop()
        missing += 1
    return cases


def _days(rng: random.Random, steps: list[str], today: dt.date) -> list[dt.date]:
    """The London day of each step: the last one within the last two years (one case in ten in
    the last week), the others a few days apart, reviews a few weeks apart."""
    back = rng.randint(0, 6) if rng.random() < 0.1 else rng.randint(7, 700)
    gaps = [rng.randint(14, 35) if s in REVIEWS and i > 4 else rng.randint(0, 3)
            for i, s in enumerate(steps)]  # fmt: skip
    day, days = today - dt.timedelta(days=back), []
    for gap in reversed(gaps):
        days.append(day)
        day -= dt.timedelta(days=gap)
    return days[::-1]


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), LONDON).astimezone(dt.UTC)


def rows(scale: Scale, seed: int = 2026) -> dict[str, list[dict[str, Any]]]:
    """Every row to insert, by table: the same steps and days before today for a given scale
    and seed (the ids are new each time)."""
    rng, today = random.Random(seed), london_today()
    staff = _staff()
    ids = {p["key"]: p["id"] for p in staff}
    practitioners = [p["id"] for p in staff[:PRACTITIONERS]]
    cases, members, events = [], [], []
    for number, steps in enumerate(_sequences(rng, scale), start=1):
        case_id, borough = new_id(), ("Kingston", "Richmond")[number % 2]
        creator = practitioners[number % PRACTITIONERS]
        people = {creator}
        if number % 2:
            people.add(practitioners[(number * 7 + 3) % PRACTITIONERS])
        if number % 50 == 0:
            people.add(ids["manager"])
        spa = ids[f"spa_{borough.lower()}"]
        days = _days(rng, steps, today)
        category = rng.choice(("below", "1", "1", "2", "2", "3"))
        for order, (step, day) in enumerate(zip(steps, days, strict=True)):
            happened = _start_of(day)
            if step == "strategy_meeting" and rng.random() < 0.3:
                category = rng.choice(("1", "2", "3"))
            details: dict[str, Any] | None = None
            if step == "spa_referral":
                details = {"borough": borough}
            elif step == "strategy_meeting":
                details = {"agencies": rng.sample(AGENCIES, 3)}
            events.append(
                {
                    "case_id": case_id,
                    "step": step,
                    "category": category if step in ("spa_decision", "strategy_meeting") else None,
                    "happened_at": happened,
                    "recorded_by": ids["phoenix"]
                    if step in PHOENIX_STEPS
                    else spa
                    if step in SPA_STEPS
                    else creator,
                    "recorded_at": happened + dt.timedelta(hours=9, minutes=order),
                    "details": details,
                }
            )
        closed = steps[-1] == "closed" and number % 2 == 0
        surname = f"Case{number:04d}"
        cases.append(
            {
                "id": case_id,
                "details": {"forename": "Bench", "surname": surname, "borough": borough},
                "created_by": creator,
                "created_at": _start_of(days[0]) - dt.timedelta(days=1),
                "closed_at": _start_of(days[-1]) + dt.timedelta(days=1) if closed else None,
            }
        )
        members += [{"case_id": case_id, "user_id": user_id} for user_id in sorted(people)]
    trail = _audit_trail(rng, [p["id"] for p in staff], [c["id"] for c in cases], scale)
    return {"users": staff, "cases": cases, "members": members, "events": events, "audit": trail}


# What the audit trail records most (web.access.audit, audit/actions.py), roughly as often.
AUDITED = (("view case", 50), ("view", 20), ("save draft", 15), ("download PDF", 8),
           ("download Word", 2), ("submit", 3), ("sign in", 2))  # fmt: skip
AUDIT_PER_EVENT = 3  # a case is looked at, saved and downloaded many times a pathway step


def _audit_trail(
    rng: random.Random, staff: list[str], cases: list[str], scale: Scale
) -> list[dict[str, Any]]:
    """Two years of the audit trail, and one account's 40 downloads in the last hour: the
    manager's My work counts them for its bulk-download alert (audit/queries.py)."""
    moment = dt.datetime.now(dt.UTC)
    actions, weights = zip(*AUDITED, strict=True)
    trail = [
        {
            "at": moment - dt.timedelta(seconds=rng.randrange(730 * 86400)),
            "user_id": rng.choice(staff),
            "action": action,
            "case_id": rng.choice(cases),
        }
        for action in rng.choices(actions, weights, k=scale.events * AUDIT_PER_EVENT)
    ]
    trail += [
        {"at": moment - dt.timedelta(minutes=minute), "user_id": staff[0],
         "action": "download PDF", "case_id": cases[minute % len(cases)]}
        for minute in range(40)
    ]  # fmt: skip
    return trail


def _insert(model: Any, table_rows: list[dict[str, Any]], batch: int = 5000) -> None:
    """Core inserts, many rows a statement: the ORM's bulk insert would split the rows into
    a statement per run of rows with the same columns left NULL (one per few events)."""
    for start in range(0, len(table_rows), batch):
        db.session.execute(insert(model.__table__), table_rows[start : start + batch])


def seed(app: Flask, scale: Scale) -> Seeded:
    """Fill the app's empty database (at the newest schema) at `scale`."""
    made = rows(scale)
    started = time.perf_counter()
    with app.app_context():
        for model, name in (
            (User, "users"),  # without the key the bench knows them by
            (Case, "cases"),
            (CaseMember, "members"),
            (PathwayEvent, "events"),
            (AuditEvent, "audit"),
        ):
            _insert(model, [{k: v for k, v in r.items() if k != "key"} for r in made[name]])
        db.session.commit()
    inserted = time.perf_counter()
    result = app.test_cli_runner().invoke(args=["refresh-pathway"])
    assert result.exit_code == 0, result.output
    refreshed = time.perf_counter()
    with app.app_context():
        if db.engine.dialect.name == "postgresql":  # as autovacuum would soon after
            with db.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
        assert db.session.scalar(select(func.count()).select_from(CaseStage)) == scale.cases
        dues = db.session.scalar(select(func.count()).select_from(ClockDue)) or 0
        overdue = db.session.scalar(
            select(func.count()).select_from(ClockDue).where(ClockDue.due_on < london_today())
        )
        db.session.remove()
    return Seeded(
        users={p["key"]: p["id"] for p in made["users"]},
        cases=len(made["cases"]),
        events=len(made["events"]),
        members=len(made["members"]),
        insert_s=inserted - started,
        refresh_s=refreshed - inserted,
        dues=dues,
        overdue=overdue or 0,
    )
