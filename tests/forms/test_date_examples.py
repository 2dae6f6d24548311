"""A date's example fits what the date is: a date of birth for a birth date (a young person's,
14, in the middle of the Phoenix Project's 10 to 17), a recent date for an event, a date to come
for a date that may be in the future."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from forms import ARTEFACTS
from forms.case import CASE
from forms.kinds import YOUNG_PERSON_AGE, Date
from forms.model import Artefact
from forms.repeat import Repeat

EVERY_FORM = [*ARTEFACTS.values(), CASE]
BIRTH = re.compile(r"birth|\bD\.?O\.?B\b", re.IGNORECASE)


def dates(artefact: Artefact) -> list[Date]:
    found = []
    for f in artefact.walk():
        for each in f.inner if isinstance(f, Repeat) else [f]:
            if isinstance(each, Date):
                found.append(each)
    return found


@pytest.mark.parametrize("form", EVERY_FORM, ids=lambda a: a.slug)
def test_every_date_of_birth_has_a_date_of_birth_example(form: Artefact) -> None:
    for f in dates(form):
        is_birth = f.name.endswith("dob") or BIRTH.search(f.label) is not None
        assert (f.born_years_ago is not None) is is_birth, f.name


@pytest.mark.parametrize("form", EVERY_FORM, ids=lambda a: a.slug)
def test_no_example_contradicts_its_date(form: Artefact) -> None:
    for today in (dt.date(2026, 1, 10), dt.date(2026, 11, 2)):
        for f in dates(form):
            day, month, year = map(int, f.example(today).split())
            example = dt.date(year, month, day)
            if f.born_years_ago is not None:
                age = today.year - year - ((today.month, today.day) < (month, day))
                assert abs(age - f.born_years_ago) <= 1, f.name
            elif f.future_ok:
                assert today < example <= today + dt.timedelta(days=366), f.name
            else:
                assert today - dt.timedelta(days=366) <= example <= today, f.name
            assert f.problem(example) is None, f.name  # an example its own check accepts


def test_examples_for_a_young_person_an_event_and_a_date_to_come() -> None:
    birth = Date("dob", "DOB", born_years_ago=YOUNG_PERSON_AGE)
    event = Date("met", "Date of meeting")
    review = Date("review", "Date of review", future_ok=True)
    for today, expected in (
        (dt.date(2026, 1, 10), ("27 3 2012", "27 3 2025", "27 3 2026")),
        (dt.date(2026, 11, 2), ("27 3 2012", "27 3 2026", "27 3 2027")),
    ):
        assert (birth.example(today), event.example(today), review.example(today)) == expected
