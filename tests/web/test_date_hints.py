"""Each date's hint gives one example that fits it: a young person's date of birth, a recent
date for an event (never a newborn's birthday for a child of 10 to 17). The rule itself, on
fixed days, is in tests/forms/test_date_examples.py."""

from __future__ import annotations

import datetime as dt

import lxml.html
from flask.testing import FlaskClient

from forms import ARTEFACTS
from tests.helpers import every_section, page, squash, start


def _example(html: lxml.html.HtmlElement, id_: str) -> tuple[str, dt.date]:
    """A date's hint, and the date it gives as its one example."""
    hint = squash(html.xpath(f"//div[@id='{id_}-hint']")[0].text_content())
    assert hint.count("For example") == 1, hint
    day, month, year = map(int, hint.rsplit("For example, ", 1)[1].split())
    return hint, dt.date(year, month, day)


def test_the_new_case_date_of_birth_hint_gives_one_example(client: FlaskClient) -> None:
    hint, example = _example(page(client.get("/cases/new")), "dob")
    assert hint.startswith("Leave it blank if you do not know it yet. For example, ")
    assert example.year == dt.date.today().year - 14


def test_a_referral_gives_a_birth_date_and_an_event_date_as_examples(client: FlaskClient) -> None:
    referral = ARTEFACTS["cse_referral"]
    html = every_section(client, start(client, referral), referral)
    assert _example(html, "child_dob")[1].year == dt.date.today().year - 14
    referred = _example(html, "date_of_referral")[1]
    assert dt.date.today() - dt.timedelta(days=366) <= referred <= dt.date.today()
