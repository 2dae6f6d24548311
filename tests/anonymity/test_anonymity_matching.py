"""Finding a known detail in text: whole words, any case, accents ignored, dates in their
common written forms, postcodes with or without their space; short and common words never."""

from __future__ import annotations

import pytest

from anonymity import Known, findings_in
from anonymity.sources import SOURCES
from forms import ARTEFACTS
from forms.case import CASE


def _known(**details: str) -> Known:
    known = Known()
    for kind, value in details.items():
        known.add(kind.replace("_", " "), value)
    return known


def _found(text: str, known: Known) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in findings_in([("box", text)], known)]


NAMES = _known(a_young_persons_name="Zoë Ashworth-Brightley")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Zoë came to every session.", "Zoë"),
        ("ZOE came to every session.", "ZOE"),
        ("zoe came to every session.", "zoe"),
        ("Zoe's plan changed.", "Zoe"),
        ("The Brightley family moved.", "Brightley"),
        ("Miss ASHWORTH attended.", "ASHWORTH"),
    ],
)
def test_a_name_is_found_in_any_case_with_or_without_accents(text: str, found: str) -> None:
    assert _found(text, NAMES) == [("a young persons name", found)]


def test_a_name_inside_another_word_is_not_found() -> None:
    assert _found("Zoetrope, Ashworthy and Brightleys are other words.", NAMES) == []


def test_short_and_common_words_of_a_name_are_not_looked_for() -> None:
    known = _known(a_young_persons_name="Jo Young", a_school="Riverbank High School")
    text = "The young person, Jo's friend, went to school: a high point."
    assert _found(text, known) == []
    assert _found("She left Riverbank.", known) == [("a school", "Riverbank")]


@pytest.mark.parametrize(
    "written",
    [
        "3 March 2011",
        "3rd March 2011",
        "3rd of March, 2011",
        "03 Mar 2011",
        "March 3, 2011",
        "03/03/2011",
        "3/3/2011",
        "3/3/11",
        "3.3.11",
        "03-03-2011",
        "2011-03-03",
    ],
)
def test_a_date_of_birth_is_found_however_it_is_written(written: str) -> None:
    known = _known(a_date_of_birth="2011-03-03")
    assert _found(f"Born on {written}, they", known) == [("a date of birth", written)]


def test_another_date_is_not_a_date_of_birth() -> None:
    known = _known(a_date_of_birth="2011-03-03")
    assert _found("Seen on 3 March 2012, 4/3/2011 and 13/3/11; aged 15.", known) == []


@pytest.mark.parametrize("written", ["KT1 9ZZ", "kt19zz", "Kt1  9zz", "KT19ZZ"])
def test_a_postcode_is_found_with_or_without_its_space(written: str) -> None:
    known = _known(a_postcode="KT1 9ZZ")
    assert _found(f"Lives at {written} still.", known) == [("a postcode", written)]


def test_the_outward_code_alone_is_not_a_postcode() -> None:
    assert _found("Lives in KT1, near the station.", _known(a_postcode="KT1 9ZZ")) == []


def test_each_detail_is_named_once_a_box_in_the_order_of_the_boxes() -> None:
    known = _known(a_young_persons_name="Kayleigh", a_family_members_name="Morgan")
    boxes = [("first", "Kayleigh and kayleigh"), ("second", "Morgan, then Kayleigh")]
    found = [(f.name, f.kind, f.text) for f in findings_in(boxes, known)]
    assert found == [
        ("first", "a young persons name", "Kayleigh"),
        ("second", "a family members name", "Morgan"),
        ("second", "a young persons name", "Kayleigh"),
    ]


@pytest.mark.parametrize(("form", "name", "kind"), SOURCES)
def test_every_source_of_details_is_a_declared_field(form: str, name: str, kind: str) -> None:
    artefact = CASE if form == "case" else ARTEFACTS[form]
    assert artefact.field(name).name == name
