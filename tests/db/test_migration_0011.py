"""Migration 0011 turns the gender and ethnicity typed on cases into options, on SQLite and
PostgreSQL: what plainly says an option becomes it; anything else is kept as typed, with no
option chosen, for a member to choose (the case page asks)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask_migrate import downgrade, upgrade
from sqlalchemy import insert

from forms.case_options import AS_TYPED, ETHNICITY, GENDER
from models import Case, User, db, new_id, now
from serving.schema import migrations
from tests.conftest import make_app

# typed -> (option chosen, kept as typed)
GENDERS = {
    "F": ("female", None),
    " girl ": ("female", None),
    "FEMALE": ("female", None),
    "m": ("male", None),
    "Boy": ("male", None),
    "Non binary": ("non_binary", None),
    "unknown": ("not_known", None),
    "Trans boy, he/him": (None, "Trans boy, he/him"),
    "F/M?": (None, "F/M?"),
}
ETHNICITIES = {
    "White British": ("white_british", None),
    "white - british": ("white_british", None),
    "Irish": ("white_irish", None),
    "Black Caribbean": ("black_caribbean", None),
    "White & Black Caribbean": ("mixed_white_black_caribbean", None),
    "White and Asian": ("mixed_white_asian", None),
    "Mixed: White and Black African": ("mixed_white_black_african", None),
    "Asian, Asian British or Asian Welsh: Pakistani": ("asian_pakistani", None),
    "gypsy or irish traveller": ("white_gypsy_traveller", None),
    "Not known": ("not_known", None),
    "Prefer not to say": ("prefer_not_to_say", None),
    "British": (None, "British"),
    "White Polish": (None, "White Polish"),
    "Mixed": (None, "Mixed"),
}


@pytest.fixture
def before_0011(database_url: str) -> Iterator[Flask]:
    """The app on a database brought to revision 0010, before the options."""
    app = make_app(database_url)
    with app.app_context():
        migrations(app)
        upgrade(revision="0010")
        yield app
        db.session.remove()
        db.engine.dispose()


def _old_user() -> str:
    """An account as the schema of 0010 has it (the model's newer columns are not there yet);
    its id."""
    user_id = new_id()
    db.session.execute(
        insert(User.__table__).values(
            id=user_id,
            email=f"{user_id}@example.org",
            password_hash="",
            role="referrer",
            active=True,
            created_at=now(),
            name="",
            job_title="",
            organisation="",
            phone="",
        )
    )
    return user_id


def _cases(pairs: list[tuple[Any, Any]]) -> list[str]:
    """Cases typed with (gender, ethnicity) each, as before 0011; their ids."""
    user_id = _old_user()
    made = []
    for gender, ethnicity in pairs:
        details = {"forename": "Testy", "surname": "Example", "borough": "Kingston"}
        details |= {"gender": gender, "ethnicity": ethnicity}
        case = Case(details=details, created_by=user_id)
        db.session.add(case)
        made.append(case)
    db.session.commit()
    return [c.id for c in made]


def _details(case_id: str) -> dict[str, Any]:
    db.session.expire_all()
    case = db.session.get(Case, case_id)
    assert case is not None
    return case.details


def test_typed_answers_become_options_or_are_kept_for_review(before_0011: Flask) -> None:
    typed = list(zip(GENDERS, ETHNICITIES, strict=False))
    typed += [("F", e) for e in list(ETHNICITIES)[len(GENDERS) :]]
    ids = _cases(typed)
    upgrade()
    for case_id, (gender, ethnicity) in zip(ids, typed, strict=True):
        details = _details(case_id)
        for name, said, expected in (
            ("gender", gender, GENDERS[gender]),
            ("ethnicity", ethnicity, ETHNICITIES[ethnicity]),
        ):
            assert (details[name], details.get(AS_TYPED[name])) == expected, said
        assert details["forename"] == "Testy"  # the rest as it was


def test_every_option_label_and_value_is_recognised(before_0011: Flask) -> None:
    pairs = [(o.label, None) for o in GENDER.options] + [(o.value, None) for o in GENDER.options]
    pairs += [(None, o.label) for o in ETHNICITY.options if not o.group]
    pairs += [(None, f"{o.group}: {o.label}") for o in ETHNICITY.options if o.group]
    pairs += [(None, o.value) for o in ETHNICITY.options]
    ids = _cases(pairs)
    upgrade()
    options = {o.label: o.value for o in (*GENDER.options, *ETHNICITY.options)}
    options |= {f"{o.group}: {o.label}": o.value for o in ETHNICITY.options if o.group}
    options |= {o.value: o.value for o in (*GENDER.options, *ETHNICITY.options)}
    for case_id, (gender, ethnicity) in zip(ids, pairs, strict=True):
        details = _details(case_id)
        name, said = ("gender", gender) if gender else ("ethnicity", ethnicity)
        assert details[name] == options[said], said
        assert not details.get(AS_TYPED[name])


def test_a_case_without_them_is_left_as_it_was(before_0011: Flask) -> None:
    (blank,) = _cases([("", "  ")])
    absent = Case(details={"forename": "Testy", "surname": "Example"}, created_by=_old_user())
    db.session.add(absent)
    db.session.commit()
    upgrade()
    assert _details(absent.id) == {"forename": "Testy", "surname": "Example"}
    details = _details(blank)
    assert (details["gender"], details["ethnicity"]) == (None, None)
    assert not set(AS_TYPED.values()) & set(details)


def test_downgrade_gives_back_the_words(before_0011: Flask) -> None:
    chosen, kept = _cases([("girl", "Irish"), ("F/M?", "White Polish")])
    upgrade()
    downgrade(revision="0010")
    assert {k: _details(chosen)[k] for k in ("gender", "ethnicity")} == {
        "gender": "Female",
        "ethnicity": "Irish",
    }
    details = _details(kept)
    assert (details["gender"], details["ethnicity"]) == ("F/M?", "White Polish")
    assert not set(AS_TYPED.values()) & set(details)
