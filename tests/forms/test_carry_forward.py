"""Prefill: what a declaration's sources give, judged by the field they would fill."""

from __future__ import annotations

import datetime as dt

import pytest

from forms.carry import (
    concerns_in_words,
    first_session,
    joined,
    last_session,
    persons_in_words,
    reviews_in_words,
    sessions_held,
    ticks_when_yes,
    when_yes,
    yes_or_no,
)
from forms.choices import Choice, MultiChoice, Option, YesNo
from forms.kinds import Date, Field, LongText, Number, Text
from forms.model import Artefact, Section
from forms.prefill import From, Sources, known_values, prefilled

PICK = (Option("a", "A"), Option("b", "B"), Option("c", "C"))


def _artefact(*fields: Field, prefill: dict[str, Sources]) -> Artefact:
    return Artefact("example", "Example", "", (Section("Example", fields),), prefill=prefill)


def test_the_first_source_with_a_value_wins() -> None:
    artefact = _artefact(Text("name", "Name"), prefill={"name": ("x.name", "y.name")})
    assert prefilled(artefact, {"x.name": "", "y.name": "Yasmin"}) == {"name": "Yasmin"}
    assert prefilled(artefact, {"x.name": "Xena", "y.name": "Yasmin"}) == {"name": "Xena"}
    assert prefilled(artefact, {}) == {}


@pytest.mark.parametrize(
    ("field", "refused", "accepted"),
    [
        (Number("age", "Age", minimum=0, maximum=17), 18, 15),
        (Text("school", "School"), "Line one\nLine two", "Example Academy"),
        (Choice("pick", "Pick", options=PICK), "d", "b"),
        (Choice("pick", "Pick", options=PICK), ["a"], "a"),
        (MultiChoice("ticks", "Ticks", options=PICK), ["a", "d"], ["a"]),
        (Date("day", "Day"), dt.date.today() + dt.timedelta(days=1), dt.date(2026, 1, 5)),
        (Date("day", "Day"), "5 January 2026", dt.date(2026, 1, 5)),
    ],
    ids=["number out of range", "two lines", "no such option", "ticks", "ticks", "future", "text"],
)
def test_a_value_the_field_refuses_gives_way_to_the_next_source(
    field: Field, refused: object, accepted: object
) -> None:
    artefact = _artefact(field, prefill={field.name: ("x.value", "y.value")})
    assert prefilled(artefact, {"x.value": refused}) == {}
    assert prefilled(artefact, {"x.value": refused, "y.value": accepted}) == {field.name: accepted}


def test_a_mapping_maps_an_option_and_each_tick() -> None:
    artefact = _artefact(
        Choice("pick", "Pick", options=PICK),
        MultiChoice("ticks", "Ticks", options=PICK),
        prefill={
            "pick": From("x.pick", via={"one": "a", "two": "b"}),
            "ticks": From("x.ticks", via={"one": "a", "two": "b", "deux": "b"}),
        },
    )
    known = {"x.pick": "two", "x.ticks": ["two", "three", "deux", "one"]}
    assert prefilled(artefact, known) == {"pick": "b", "ticks": ["a", "b"]}
    assert prefilled(artefact, {"x.pick": "three", "x.ticks": ["three"]}) == {}


def test_a_mapping_maps_one_source() -> None:
    with pytest.raises(ValueError, match="one source"):
        From("x.a", "x.b", via={"a": "b"})


def test_a_function_gets_its_sources_values_in_order_and_is_not_asked_about_nothing() -> None:
    asked = []

    def both(first: object, second: object) -> str:
        asked.append((first, second))
        return f"{first} and {second}"

    artefact = _artefact(Text("pair", "Pair"), prefill={"pair": From("x.a", "y.b", via=both)})
    assert prefilled(artefact, {"y.b": "Bee"}) == {"pair": "None and Bee"}
    assert prefilled(artefact, {"x.a": "", "y.b": None}) == {}
    assert asked == [(None, "Bee")]


def test_a_follow_up_box_is_filled_only_under_its_option() -> None:
    artefact = _artefact(
        YesNo("school", "In school?", if_yes=(Text("school_name", "Name of school"),)),
        prefill={"school": "x.school", "school_name": "x.school_name"},
    )
    named = {"x.school_name": "Example Academy"}
    assert prefilled(artefact, named) == {}
    assert prefilled(artefact, {**named, "x.school": "no"}) == {"school": "no"}
    assert prefilled(artefact, {**named, "x.school": "yes"}) == {
        "school": "yes",
        "school_name": "Example Academy",
    }


def test_what_is_known_holds_today_and_each_artefacts_answers_whole_and_by_field() -> None:
    day = dt.date(2026, 11, 5)
    known = known_values(None, {"name": "Morgan"}, {"example": {"pick": "a"}}, day)
    assert known["today"] == day
    assert known["user.name"] == "Morgan"
    assert known["example"] == {"pick": "a"}
    assert known["example.pick"] == "a"


@pytest.mark.parametrize(
    ("answer", "reading"),
    [
        ("Yes", "yes"),
        ("yes: stayed out overnight twice", "yes"),
        ("  YES, once", "yes"),
        ("No", "no"),
        ("No: he does not like condoms", "no"),
        ("Not sure", None),
        ("None known", None),
        ("Yesterday", None),
        ("Once, last year", None),
        ("", None),
        (None, None),
    ],
)
def test_yes_or_no_reads_the_first_word_only(answer: str | None, reading: str | None) -> None:
    assert yes_or_no(answer) == reading


def test_when_yes_and_ticks_when_yes_take_only_a_yes() -> None:
    looked_after = when_yes("looked_after")
    assert looked_after("Yes, with foster carers") == "looked_after"
    assert looked_after("No") is None
    ticks = ticks_when_yes({"x.missing": "gone_missing", "x.harm": "self_harm", "x.drugs": "drugs"})
    assert ticks.sources == ("x.missing", "x.harm", "x.drugs")
    assert ticks.via("Yes: twice", "No", "yes") == ["gone_missing", "drugs"]  # type: ignore[operator]
    assert ticks.via("No", None, "Not sure") is None  # type: ignore[operator]


def test_joined_leaves_out_what_is_not_given() -> None:
    assert joined(", ")("Amara Okafor", None, "Early Help Services") == (
        "Amara Okafor, Early Help Services"
    )
    assert joined(", ")(None, "") is None


PERSONS = [
    {
        "forename": "Dean",
        "surname": "Madeup",
        "alias": "D-Man",
        "dob": dt.date(2001, 1, 20),
        "relationship_to_victim": "Boyfriend",
    },
    {"forename": None, "surname": None, "alias": None, "dob": None, "gender": "Male"},
]


def test_persons_of_interest_read_one_a_line() -> None:
    assert persons_in_words(PERSONS) == (
        "Dean Madeup (alias D-Man), D.O.B 20 January 2001: Boyfriend\nName not known"
    )
    assert persons_in_words([]) is None


def test_the_cse_concerns_read_as_summary_safeguard_headings_and_persons() -> None:
    referral = {
        "concerns_summary": "Seen getting into cars.",
        "safeguard_absence": "Missing overnight twice.",
        "safeguard_gifts": "New phone.",
        "safeguard_family": None,
        "persons": PERSONS[:1],
    }
    assert concerns_in_words(referral) == (
        "Seen getting into cars.\n\n"
        "Absence, truancy and going missing: Missing overnight twice.\n"
        "Receipt of unexplained gifts or money: New phone.\n\n"
        "Persons of interest:\nDean Madeup (alias D-Man), D.O.B 20 January 2001: Boyfriend"
    )
    assert concerns_in_words({"safeguard_gifts": "New phone."}) == (
        "Receipt of unexplained gifts or money: New phone."
    )
    assert concerns_in_words({"persons": []}) is None


def test_the_delivery_plan_gives_the_sessions_held_first_to_last() -> None:
    plan = {
        "relationship_sessions": [
            {"session_date": dt.date(2026, 9, 9), "topic": "Outcome star"},
            {"session_date": dt.date(2026, 9, 2), "topic": "Introductions"},
        ],
        "topic_sessions": [
            {"session_date": dt.date(2026, 10, 14), "topic": "Consent"},
            {"session_date": None, "topic": "Grooming (not held yet)"},
        ],
    }
    assert first_session(plan) == dt.date(2026, 9, 2)
    assert last_session(plan) == dt.date(2026, 10, 14)
    assert sessions_held(plan) == 3
    empty = {"relationship_sessions": [], "topic_sessions": None}
    assert (first_session(empty), last_session(empty), sessions_held(empty)) == (None, None, None)


def test_the_action_plan_reviews_read_with_their_concerns() -> None:
    actions = [
        {"concern": "Going missing", "review": "No missing episodes since May"},
        {"concern": "Online contact", "review": None},
        {"concern": None, "review": "Attends college"},
    ]
    assert reviews_in_words(actions) == (
        "Concern: Going missing\nReview: No missing episodes since May\n\nReview: Attends college"
    )
    assert reviews_in_words([{"concern": "Online contact"}]) is None


def test_long_words_that_overflow_a_box_are_not_prefilled() -> None:
    artefact = _artefact(
        LongText("summary", "Summary", max_length=10),
        prefill={"summary": (From("x", via=lambda answers: answers["long"]), "x.short")},
    )
    known = {"x": {"long": "far too long for the box"}, "x.short": "Short"}
    assert prefilled(artefact, known) == {"summary": "Short"}
