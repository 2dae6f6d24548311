"""The task list of a long form: its sections as tasks, each with a status, all derived from
the declaration (GOV.UK Design System, "Complete multiple tasks").

No artefact declares its pages: each section is one page, and its status comes from what the
draft holds and from the declaration's checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from forms.model import Artefact, Problem, Section

NOT_STARTED = "Not yet started"
IN_PROGRESS = "In progress"
COMPLETED = "Completed"
CANNOT_START = "Cannot start yet"


def top_name(path: str) -> str:
    """The declared field a posted name or problem path belongs to: `persons-0-name` is in
    the `persons` block."""
    return path.partition("-")[0]


@cache
def names_in(section: Section) -> frozenset[str]:
    """The names posted by a section's page: its fields, follow-up boxes and blocks."""
    return frozenset(f.name for f in section.walk())


def number_of(artefact: Artefact, path: str) -> int:
    """The number (from 1) of the section that asks the field at `path`."""
    name = top_name(path)
    for number, section in enumerate(artefact.sections, start=1):
        if name in names_in(section):
            return number
    raise KeyError(path)


@dataclass(frozen=True)
class Task:
    number: int
    section: Section
    status: str
    problems: tuple[Problem, ...]
    waiting_for: tuple[str, ...] = ()  # what it cannot start without, as fields are called

    @property
    def may_start(self) -> bool:
        return self.status != CANNOT_START


def answered(pairs: Iterable[Sequence[str]]) -> frozenset[str]:
    """The declared fields with something typed or ticked in a draft's [name, value] pairs."""
    return frozenset(top_name(name) for name, value in pairs if value.strip())


def waiting_for(artefact: Artefact, number: int, given: frozenset[str]) -> tuple[str, ...]:
    """What section `number` cannot start without, as the fields are called: answers from
    earlier sections that a rule in it needs, not yet given. Nothing once it is started."""
    if given & names_in(artefact.sections[number - 1]):
        return ()
    waiting: list[str] = []
    for rule in artefact.rules:
        at = getattr(rule, "at", None)
        if at is None or number_of(artefact, at) != number:
            continue
        for read in rule.reads:
            called = artefact.field(read).called
            if number_of(artefact, read) < number and read not in given and called not in waiting:
                waiting.append(called)
    return tuple(waiting)


def tasks(artefact: Artefact, given: frozenset[str], problems: Sequence[Problem]) -> list[Task]:
    """Each section with its status: not yet started (nothing in it given), cannot start yet
    (a rule in it needs an earlier section's answer, not yet given), completed (it passes
    every check), or in progress."""
    found = []
    for number, section in enumerate(artefact.sections, start=1):
        own = tuple(p for p in problems if top_name(p[0]) in names_in(section))
        waiting = waiting_for(artefact, number, given)
        if given & names_in(section):
            status = IN_PROGRESS if own else COMPLETED
        else:
            status = CANNOT_START if waiting else NOT_STARTED
        found.append(Task(number, section, status, own, waiting))
    return found
