"""Starting an artefact from a case fills in what the service already knows."""

from __future__ import annotations

import datetime as dt

import pytest
from flask.testing import FlaskClient

from forms import ARTEFACTS
from forms.case import CASE
from forms.kinds import Date, Field
from forms.prefill import CASE_DETAILS, USER_DETAILS
from models import User
from tests.conftest import sample_json
from tests.helpers import every_section, make_case, post_answers, start

DETAILS = {
    "forename": "Jasmine",
    "surname": "Testcase",
    "address": "1 Example Road\nKingston",
    "postcode": "KT1 1AA",
    "gender": "Female",
    "ethnicity": "White British",
    "case_reference": "PX-0001",
}
BORN = dt.date(2010, 3, 14)


def _age(today: dt.date) -> int:
    return today.year - BORN.year - ((today.month, today.day) < (BORN.month, BORN.day))


def _expected(source: str, manager: User) -> object:
    """What each source should give, worked out here from the test's own data."""
    kind, name = source.split(".")
    if kind == "user":
        return getattr(manager, name)
    if kind == "case":
        return {
            **DETAILS,
            "dob": BORN,
            "full_name": "Jasmine Testcase",
            "full_address": "1 Example Road\nKingston\nKT1 1AA",
            "age": _age(dt.date.today()),
        }[name]
    value = sample_json(kind)[name]
    return dt.date.fromisoformat(value) if isinstance(ARTEFACTS[kind].field(name), Date) else value


def _shown(html: object, f: Field) -> object:
    if isinstance(f, Date):
        parts = [html.xpath(f"//input[@name='{f.name}']/@value")[i] for i in range(3)]  # type: ignore[attr-defined]
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    values = html.xpath(f"//input[@name='{f.name}']/@value")  # type: ignore[attr-defined]
    if values:
        return values[0]
    return html.xpath(f"//textarea[@name='{f.name}']")[0].text  # type: ignore[attr-defined]


@pytest.mark.parametrize("slug", [a.slug for a in ARTEFACTS.values() if a.prefill], ids=str)
def test_starting_an_artefact_shows_what_the_case_knows(
    client: FlaskClient, manager: User, slug: str
) -> None:
    artefact = ARTEFACTS[slug]
    if artefact.per_case:
        case = make_case(client, **DETAILS, dob=["14", "3", "2010"])
        # Earlier forms in the case are sources too: submit the ones the declarations name.
        for source in ("cse_referral", "phoenix_referral"):
            post_answers(
                client,
                ARTEFACTS[source],
                sample_json(source),
                url=start(client, ARTEFACTS[source], case),
            )
        url = start(client, artefact, case)
    else:
        url = start(client, artefact)
    html = every_section(client, url, artefact)
    for name, sources in artefact.prefill.items():
        first = sources if isinstance(sources, str) else sources[0]
        want = _expected(first, manager)
        got = _shown(html, artefact.field(name))
        assert str(got) == str(want), (name, first)


def test_every_prefill_names_a_real_field_and_a_known_source_of_the_same_kind() -> None:
    for artefact in ARTEFACTS.values():
        for name, sources in artefact.prefill.items():
            target = artefact.field(name)  # KeyError if it names no field
            for source in (sources,) if isinstance(sources, str) else sources:
                kind, detail = source.split(".")
                if kind == "user":
                    assert detail in USER_DETAILS, source
                    continue
                if kind == "case":
                    assert detail in CASE_DETAILS, source
                    declared = {f.name: f for f in CASE.walk()}.get(detail)
                else:
                    assert ARTEFACTS[kind].per_case == artefact.per_case, source
                    declared = ARTEFACTS[kind].field(detail)
                if declared is not None:
                    assert isinstance(declared, Date) == isinstance(target, Date), (
                        artefact.slug,
                        name,
                        source,
                    )


def test_a_case_without_a_value_leaves_the_box_empty(client: FlaskClient) -> None:
    referral = ARTEFACTS["cse_referral"]
    url = start(client, referral, make_case(client))  # no date of birth
    html = every_section(client, url, referral)
    assert html.xpath("//input[@name='child_dob']/@value") == ["", "", ""]
    assert html.xpath("//input[@name='child_forename']/@value") == ["Testy"]
