"""What every page's template may use: the field kind of a declared field, an artefact's title,
and dates and times as people in Kingston and Richmond read them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import Flask

from forms import ARTEFACTS
from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Email, LongText, Number, Phone
from forms.repeat import Repeat

LONDON = ZoneInfo("Europe/London")


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


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def init_app(app: Flask) -> None:
    app.add_template_global(kind_of)
    for name in (title_of, when, long_date):
        app.add_template_filter(name)
