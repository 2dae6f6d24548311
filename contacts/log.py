"""The contact log read back: the total time of a case's contacts, and the text to paste into
the system of record, Liquid Logic or QES (L4144-4148)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

from clocks import day_text
from contacts.form import CONTACT, CONTACT_TYPES


class Recorded(Protocol):
    """A contact as recorded (models.Contact)."""

    @property
    def contact_on(self) -> dt.date: ...
    @property
    def minutes(self) -> int: ...
    @property
    def contact_type(self) -> str: ...
    @property
    def contact_type_other(self) -> str | None: ...
    @property
    def nature(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def consent(self) -> str | None: ...


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def duration_text(minutes: int) -> str:
    """A duration as people say it: "45 minutes", "1 hour", "3 hours 45 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = [_count(hours, "hour")] if hours else []
    if rest or not hours:
        parts.append(_count(rest, "minute"))
    return " ".join(parts)


def total_text(contacts: Iterable[Recorded]) -> str:
    """ "Total: 3 hours 45 minutes over 5 contacts"."""
    minutes = [c.minutes for c in contacts]
    return f"Total: {duration_text(sum(minutes))} over {_count(len(minutes), 'contact')}"


def type_text(contact: Recorded) -> str:
    """The type of intervention in words: the option's, or what was typed for Other."""
    if contact.contact_type == "other" and contact.contact_type_other:
        return contact.contact_type_other
    return CONTACT_TYPES.get(contact.contact_type, contact.contact_type)


def may_copy(contact: Recorded) -> bool:
    """Whether the contact goes into the text for Liquid Logic or QES: not when the young person
    said No to information being recorded there (L2982). *Inferred*: an unanswered consent is
    copied, as the strategy expects all contact to be recorded there (L2960-2962)."""
    return contact.consent != "no"


def copy_text(contacts: Iterable[Recorded]) -> str:
    """The contacts as plain text, oldest first (the order a case record is read in), each with
    its date, duration, type, nature and summary under the declaration's labels.

    Nothing else: never the case notes (L4159-4160), and never who the young person is (the
    system of record knows the case it is pasted into). The caller leaves out the contacts that
    may not be copied (`may_copy`)."""
    labels = {f.name: f.label for f in CONTACT.walk()}
    blocks = []
    for c in sorted(contacts, key=lambda c: c.contact_on):
        lines = [
            f"{labels['contact_on']}: {day_text(c.contact_on)}",
            f"Duration of intervention: {duration_text(c.minutes)}",
            f"{labels['contact_type']}: {type_text(c)}",
            f"{labels['contact_nature']}: {c.nature}",
            f"{labels['contact_summary']}: {c.summary}",
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
