"""The period whose contacts the copy page gives (web/contacts.py): two dates typed as day,
month and year, declared with the field kinds so that the same date input, parsing and
messages serve it ("The start of the period must be a real date")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from forms.kinds import Date
from forms.model import Artefact, Section
from forms.rules import not_before


@dataclass(frozen=True)
class PeriodBound(Date):
    """A bound of the period: it may be to come (the end of this month), but the example is a
    recent date, as the contacts asked for are past ones."""

    future_ok: bool = True

    def example(self, today: dt.date | None = None) -> str:
        return Date.example(replace(self, future_ok=False), today)


PERIOD = Artefact(
    slug="contacts_period",
    title="Which period?",
    summary="The contacts to copy: those from one day to another, or every one.",
    audience="The Phoenix Project",
    sections=(
        Section(
            "Which period?",
            (
                PeriodBound("from", "From", error_name="the start of the period"),
                PeriodBound("to", "To", error_name="the end of the period"),
            ),
            description="Leave both empty for every contact.",
        ),
    ),
    rules=(
        not_before("from", "to", "The end of the period must be the same as or after its start"),
    ),
)
