"""What every page's template may use: the field kind of a declared field, an artefact's title,
dates and times as people in Kingston and Richmond read them, and a contact's duration and type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from flask import Flask

from clocks import LONDON, day_text, london_today
from contacts import duration_text, type_text
from forms import ARTEFACTS
from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Email, Field, LongText, Number, Phone
from forms.repeat import Repeat
from web import figures


def kind_of(f: object) -> str:
    """The name of the template macro that renders a declared field."""
    for kind, name in (
        (Repeat, "repeat"),
        (MultiChoice, "multichoice"),
        (Choice, "choice"),
        (Date, "date"),
        (Email, "email"),
        (Phone, "phone"),
        (Number, "number"),
        (LongText, "longtext"),
    ):
        if isinstance(f, kind):
            return name
    return "text"


def title_of(slug: str) -> str:
    return ARTEFACTS[slug].title


def when(moment: dt.datetime) -> str:
    """A moment as people in Kingston and Richmond read it: 3 March 2027, 14:05."""
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%B %Y}, {local:%H:%M}"


def saved_when(moment: dt.datetime) -> str:
    """When a draft was saved, in words: "at 14:05 today", "at 09:30 on 3 March 2027"."""
    local = moment.astimezone(LONDON)
    today = london_today()
    day = "today" if local.date() == today else f"on {local.day} {local:%B %Y}"
    return f"at {local:%H:%M} {day}"


def shown_answers(fields: Iterable[Field], data: Mapping[str, Any]) -> list[tuple[Field, str]]:
    """The answers a check-answers page shows, as (field, text): every field asked, with the
    follow-up boxes of the options chosen only."""
    rows: list[tuple[Field, str]] = []
    for f in fields:
        rows.append((f, f.summary(data.get(f.name))))
        if isinstance(f, Choice):
            chosen = f.chosen(data.get(f.name))
            for option in f.options:
                if option.value in chosen:
                    rows.extend(shown_answers(option.reveal, data))
    return rows


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def init_app(app: Flask) -> None:
    app.add_template_global(kind_of)
    app.add_template_global(shown_answers)
    for name in (title_of, when, long_date, saved_when, day_text, duration_text, type_text):
        app.add_template_filter(name)
    figures.init_app(app)
