"""Fictional Phoenix Project cases for the progress report benchmark (bench/report_figures.py):
each referred to the project on a day of the last two years, with its Phoenix referral (ages,
postcodes, police category, risk indicators, the fourteen criteria scored), its steps
(acknowledged, accepted or declined, first contact) and, for most, its closure with a case
closure summary scored again. Only fictional data ("Bench Report00001"); the same rows for a
given number of cases, seed and day (the ids are new each time).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bench.seed import _insert, _start_of
from clocks import london_today
from forms.phoenix_referral import CRITERIA, RISK_INDICATORS
from models import Case, Document, PathwayEvent, Submission, User, db, new_id

FULL_CASES, QUICK_CASES = 10_000, 1_000
DAYS_BACK = 730
DISTRICTS = ("KT1", "KT2", "KT3", "KT5", "KT6", "TW1", "TW2", "TW9", "TW10", "TW11", "TW12")
KEYS = [f"criterion_{key}" for key, _, _ in CRITERIA]
INDICATORS = [value for value, _ in RISK_INDICATORS]
NO_PASSWORD = "!bench: signs in without a password"


def _referral(rng: random.Random, sent: dt.date) -> dict[str, Any]:
    age = rng.randint(10, 17)
    return {
        "date_of_referral": sent.isoformat(),
        "person_name": "Bench Young Person",
        "person_dob": (sent - dt.timedelta(days=365 * age + rng.randint(1, 360))).isoformat(),
        "person_postcode": f"{rng.choice(DISTRICTS)} {rng.randint(1, 9)}AB",
        "police_category": rng.choice(("1", "1", "2", "2", "3", None)),
        "risk_indicators": rng.sample(INDICATORS, rng.randint(0, 4)),
        "international_trafficking": rng.choice(("known", "suspected", "none", "unknown")),
        "internal_trafficking": rng.choice(("known", "suspected", "none", "unknown")),
        "gun_knife_crime": rng.choice(("gun", "knife", "both", "none", "unknown")),
        "summary_of_concerns": "Fictional concerns for the benchmark. " * 20,
        **{key: str(rng.randint(2, 5)) for key in KEYS},
    }


def _closure(
    rng: random.Random, start: dt.date, end: dt.date, referral: dict[str, Any]
) -> dict[str, Any]:
    return {
        "young_person_name": "Bench Young Person",
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "level_of_engagement": rng.choice(("none", "poor", "partial", "full", "full")),
        "sessions_attended": rng.randint(0, 24),
        "reason_for_closure": rng.choice(
            ("outcomes_met", "outcomes_met", "moved", "non_engagement", "declined")
        ),
        "progression": "Fictional progression for the benchmark. " * 20,
        **{key: str(max(1, int(referral[key]) - rng.randint(-1, 2))) for key in KEYS},
    }


def rows(cases: int, seed: int = 2026) -> dict[str, list[dict[str, Any]]]:
    """Every row to insert, by table."""
    rng, today = random.Random(seed), london_today()
    user = new_id()
    made: dict[str, list[dict[str, Any]]] = {
        "users": [
            {
                "id": user,
                "email": "bench.report.phoenix@example.org",
                "password_hash": NO_PASSWORD,
                "role": "phoenix",
                "name": "Bench Phoenix",
            }
        ],
        "cases": [],
        "stages": [],
        "documents": [],
        "submissions": [],
        "events": [],
    }

    def event(case_id: str, step: str, day: dt.date, details: Any = None) -> None:
        at = _start_of(day) + dt.timedelta(hours=rng.randint(9, 17))
        made["events"].append(
            {
                "case_id": case_id,
                "step": step,
                "happened_at": at,
                "recorded_by": user,
                "recorded_at": at,
                "details": details,
            }
        )

    def version(case_id: str, artefact: str, answers: dict[str, Any], day: dt.date) -> str:
        doc, version_id = new_id(), new_id()
        at = _start_of(day) + dt.timedelta(hours=8)
        made["documents"].append(
            {
                "id": doc,
                "case_id": case_id,
                "artefact": artefact,
                "draft": None,
                "created_by": user,
                "updated_by": user,
                "created_at": at,
                "updated_at": at,
            }
        )
        made["submissions"].append(
            {
                "id": version_id,
                "artefact": artefact,
                "answers": answers,
                "document_id": doc,
                "number": 1,
                "submitted_by": user,
                "created_at": at,
            }
        )
        return version_id

    for number in range(1, cases + 1):
        case_id, sent = new_id(), today - dt.timedelta(days=rng.randint(0, DAYS_BACK))
        referral = _referral(rng, sent)
        made["cases"].append(
            {
                "id": case_id,
                "created_by": user,
                "created_at": _start_of(sent),
                "details": {
                    "forename": "Bench",
                    "surname": f"Report{number:05d}",
                    "borough": ("Kingston", "Richmond")[number % 2],
                },
            }
        )
        # Its stage as `flask refresh-pathway` would make it: its borough, for the report.
        made["stages"].append(
            {
                "case_id": case_id,
                "borough": ("Kingston", "Richmond")[number % 2],
                "to_phoenix_on": sent,
            }
        )
        sent_version = version(case_id, "phoenix_referral", referral, sent)
        event(
            case_id,
            "phoenix_sent",
            sent,
            {"version_id": sent_version, "version": 1, "form": "phoenix_referral"},
        )
        answered = sent + dt.timedelta(days=rng.choice((0, 1, 1, 3)))
        if rng.random() < 0.1:
            event(case_id, "phoenix_declined", answered)
            continue
        event(case_id, "phoenix_accepted", answered)
        event(case_id, "first_contact", answered + dt.timedelta(days=rng.randint(0, 4)))
        ended = answered + dt.timedelta(days=rng.randint(30, 300))
        if ended < today and rng.random() < 0.8:
            event(case_id, "closed", ended)
            closure = _closure(rng, answered, ended, referral)
            version(case_id, "phoenix_case_closure", closure, ended)
    return made


def seed(cases: int) -> dict[str, int]:
    """Fill the app's empty database (newest schema), in the app context; what was made."""
    made = rows(cases)
    for model, name in (
        (User, "users"),
        (Case, "cases"),
        (Document, "documents"),
        (Submission, "submissions"),
        (PathwayEvent, "events"),
    ):
        _insert(model, made[name])
    db.session.commit()
    return {name: len(table) for name, table in made.items()}
