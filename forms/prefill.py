"""What the service already knows, ready to fill an artefact's fields when it is started.

Each artefact declares its own `prefill`: field name -> source, or sources in order of
preference. A source is "case.<detail>" (forms.case, and the derived details below),
"user.<detail>" (the signed-in member of staff) or "<artefact slug>.<field>" (the latest
submitted version of that artefact in the same case).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from forms.case import CASE

USER_DETAILS = ("name", "job_title", "organisation", "phone", "email")
DERIVED_CASE_DETAILS = ("full_name", "full_address", "age")
CASE_DETAILS = tuple(f.name for f in CASE.walk()) + DERIVED_CASE_DETAILS


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def case_values(details: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """A case's clean details with the derived ones: full name, address with postcode, age."""
    values = dict(details)
    names = (details.get("forename"), details.get("surname"))
    values["full_name"] = " ".join(n for n in names if n) or None
    lines = (details.get("address"), details.get("postcode"))
    values["full_address"] = "\n".join(line for line in lines if line) or None
    born = details.get("dob")
    values["age"] = age_on(born, today) if isinstance(born, dt.date) else None
    return values


def known_values(
    case: Mapping[str, Any] | None,
    user: Mapping[str, Any],
    submitted: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """Every source a declaration may name, with its value: `case` as case_values gives it,
    `user` as USER_DETAILS, `submitted` the clean answers of each artefact's latest version."""
    known = {f"user.{name}": user.get(name) for name in USER_DETAILS}
    known.update({f"case.{name}": value for name, value in (case or {}).items()})
    for slug, answers in submitted.items():
        known.update({f"{slug}.{name}": value for name, value in answers.items()})
    return known


def prefilled(prefill: Mapping[str, str | tuple[str, ...]], known: Mapping[str, Any]) -> dict:
    """The answers a declaration's `prefill` gives from what is known: first known source wins."""
    answers = {}
    for name, sources in prefill.items():
        for source in (sources,) if isinstance(sources, str) else sources:
            if known.get(source) not in (None, "", []):
                answers[name] = known[source]
                break
    return answers
