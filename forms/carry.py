"""How one artefact's answers read in another's boxes: the transforms that prefill declarations
name (forms.prefill.From), where the two forms ask for the same thing differently.

Each returns None when there is nothing to carry: the box is then left for the user.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from forms.cse_referral import SAFEGUARD
from forms.prefill import From

_YES_OR_NO = re.compile(r"\s*(yes|no)\b", re.IGNORECASE)


def yes_or_no(answer: Any) -> str | None:
    """ "yes" or "no" from a box answered in words that start with Yes or No ("Yes: twice last
    month", "No"), as the Spotting the Signs boxes ask (their hints say so); else None."""
    found = _YES_OR_NO.match(answer) if isinstance(answer, str) else None
    return found.group(1).lower() if found else None


def when_yes(value: str) -> Callable[[Any], str | None]:
    """`value` when a box's answer starts with Yes: a "no" does not say which other option."""
    return lambda answer: value if yes_or_no(answer) == "yes" else None


def ticks_when_yes(ticks: Mapping[str, str]) -> From:
    """Tick-any options from boxes answered in words: {source: option ticked when it says yes}."""
    options = tuple(ticks.values())

    def ticked(*answers: Any) -> list[str] | None:
        chosen = [o for o, a in zip(options, answers, strict=True) if yes_or_no(a) == "yes"]
        return list(dict.fromkeys(chosen)) or None

    return From(*ticks, via=ticked)


def joined(separator: str) -> Callable[..., str | None]:
    """The answers given, in order, joined by `separator`."""
    return lambda *answers: separator.join(str(a) for a in answers if a) or None


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def persons_in_words(persons: Any) -> str | None:
    """The CSE referral's persons of interest, one a line: name, alias, D.O.B, relationship."""
    lines = []
    for person in persons or []:
        names = (person.get("forename"), person.get("surname"))
        line = " ".join(n for n in names if n) or "Name not known"
        if person.get("alias"):
            line += f" (alias {person['alias']})"
        if isinstance(person.get("dob"), dt.date):
            line += f", D.O.B {_day(person['dob'])}"
        if person.get("relationship_to_victim"):
            line += f": {person['relationship_to_victim']}"
        lines.append(line)
    return "\n".join(lines) or None


def concerns_in_words(referral: Mapping[str, Any]) -> str | None:
    """The CSE referral's concerns as one text: its summary, each SAFEGUARD heading answered
    (the referral may give its concerns under those alone) and the persons of interest."""
    headed = [
        f"{heading}: {referral[f'safeguard_{key}']}"
        for key, heading, _ in SAFEGUARD
        if referral.get(f"safeguard_{key}")
    ]
    persons = persons_in_words(referral.get("persons"))
    paragraphs = (
        referral.get("concerns_summary"),
        "\n".join(headed),
        f"Persons of interest:\n{persons}" if persons else None,
    )
    return "\n\n".join(p for p in paragraphs if p) or None


def _sessions_held(plan: Mapping[str, Any]) -> list[dt.date]:
    """The dates of a delivery plan's sessions: only sessions held are dated (L3870-3871)."""
    sessions = [*(plan.get("relationship_sessions") or []), *(plan.get("topic_sessions") or [])]
    return [s["session_date"] for s in sessions if isinstance(s.get("session_date"), dt.date)]


def first_session(plan: Mapping[str, Any]) -> dt.date | None:
    """The start of the intervention: the delivery plan's first session."""
    return min(_sessions_held(plan), default=None)


def last_session(plan: Mapping[str, Any]) -> dt.date | None:
    """The end of the intervention: the delivery plan's last session."""
    return max(_sessions_held(plan), default=None)


def sessions_held(plan: Mapping[str, Any]) -> int | None:
    """How many sessions the delivery plan records as held: the sessions attended."""
    return len(_sessions_held(plan)) or None


def reviews_in_words(actions: Any) -> str | None:
    """Each reviewed row of the action plan: its concern and how it is going."""
    blocks = [
        f"Concern: {row['concern']}\nReview: {row['review']}"
        if row.get("concern")
        else f"Review: {row['review']}"
        for row in actions or []
        if row.get("review")
    ]
    return "\n\n".join(blocks) or None
