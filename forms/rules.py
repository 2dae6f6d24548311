"""Cross-field rules, written once and checked by both the web form and the schema.

A rule is a callable taking the clean data of a whole artefact and returning (field path,
message) pairs. The builders below cover the rules the strategy states; each artefact's
declaration lists the rules it needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from forms.model import Problem

Rule = Callable[[Mapping[str, Any]], list[Problem]]


def _filled(value: Any) -> bool:
    return value not in (None, "", [])


def _reads(rule: Rule, names: Sequence[str], at: str) -> Rule:
    """Say which fields a rule reads and where its message sits: a section whose rule needs an
    answer from an earlier section cannot start before it is given (forms.tasks)."""
    rule.reads = tuple(names)  # type: ignore[attr-defined]
    rule.at = at  # type: ignore[attr-defined]
    return rule


def at_least_one(names: Sequence[str], message: str, *, must: str, at: str | None = None) -> Rule:
    """At least one of `names` must be answered; the message sits next to `at` (or the first).

    `must` says what is required, for the list of questions a user must answer.
    """

    def rule(data: Mapping[str, Any]) -> list[Problem]:
        if any(_filled(data.get(n)) for n in names):
            return []
        return [(at or names[0], message)]

    rule.must = must  # type: ignore[attr-defined]
    return _reads(rule, names, at or names[0])


def age_on(birth: str, on: str, *, minimum: int, below: int, message: str) -> Rule:
    """The person born on `birth` must be at least `minimum` and under `below` years old on `on`.

    Checked only when both dates are given and real; their own checks report otherwise.
    """

    def rule(data: Mapping[str, Any]) -> list[Problem]:
        born, day = data.get(birth), data.get(on)
        if not isinstance(born, dt.date) or not isinstance(day, dt.date):
            return []
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        return [] if minimum <= age < below else [(birth, message)]

    return _reads(rule, (birth, on), birth)


def not_before(earlier: str, later: str, message: str, *, within: str | None = None) -> Rule:
    """The date `later` must not be before the date `earlier`; the message sits on `later`.

    With `within`, `later` is a date in each block of that repeating block (a review date in
    each row of an action plan), checked against the one `earlier` date.
    """

    def rule(data: Mapping[str, Any]) -> list[Problem]:
        start = data.get(earlier)
        if not isinstance(start, dt.date):
            return []
        blocks = [("", data)] if within is None else _blocks(data, within)
        return [
            (f"{prefix}{later}", message)
            for prefix, block in blocks
            if isinstance(block.get(later), dt.date) and block[later] < start
        ]

    # A date in each block is the block's: its section is the repeat's.
    return _reads(rule, (earlier, within or later), within or later)


def _blocks(data: Mapping[str, Any], repeat: str) -> list[tuple[str, Mapping[str, Any]]]:
    """Each block of a repeating block, with the prefix of its fields' paths."""
    return [(f"{repeat}-{index}-", block) for index, block in enumerate(data.get(repeat) or [])]


def no_more_than(
    limit: int,
    count: Callable[[Mapping[str, Any]], int],
    message: str,
    *,
    at: str,
    unless: str,
) -> Rule:
    """What `count` counts in the answers must be no more than `limit` unless the box `unless`
    (a tick: a MultiChoice) is ticked; the message sits on `at`. It needs no earlier answer
    before its section can start: an unticked `unless` and nothing counted are answers too."""

    def rule(data: Mapping[str, Any]) -> list[Problem]:
        if _filled(data.get(unless)) or count(data) <= limit:
            return []
        return [(at, message)]

    return _reads(rule, (), at)
