"""What each source of each declared prefill should give, worked out here from the test's own
data: the case and user below, today, the sample answers, and for every source worked out
from others (forms.prefill.From) an example written out by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from forms import ARTEFACTS
from forms.choices import Choice
from forms.model import Artefact
from forms.phoenix_referral import CRITERIA
from forms.prefill import From, Source, case_values, known_values, sources_of
from schemas import schema_for
from tests.conftest import sample_json

DETAILS = {
    "forename": "Jasmine",
    "surname": "Testcase",
    "address": "1 Example Road\nKingston",
    "postcode": "KT1 1AA",
    "gender": "female",
    "ethnicity": "white_british",
    "case_reference": "PX-0001",
}
BORN = dt.date(2010, 3, 14)
USER = {
    "name": "Morgan Testmanager",
    "job_title": "Test job title",
    "organisation": "Test Agency",
    "phone": "020 8547 5000",
    "email": "morgan.testmanager@example.org",
}

_PERSON = {
    "forename": "Dean",
    "surname": "Madeup",
    "alias": "D-Man",
    "dob": dt.date(2001, 1, 20),
    "relationship_to_victim": "Boyfriend",
}
_SESSIONS = {
    "relationship_sessions": [
        {"session_date": dt.date(2026, 9, 9), "topic": "Outcome star", "covered": "fully"},
        {"session_date": dt.date(2026, 9, 2), "topic": "Introductions", "covered": "fully"},
    ],
    "topic_sessions": [
        {"session_date": dt.date(2026, 10, 14), "topic": "Consent", "covered": "partly"},
        {"session_date": None, "topic": "Grooming and befriending", "covered": None},
    ],
}

# (artefact, field, the From's first source) -> (what is known, what the field is given).
DERIVED: dict[tuple[str, str, str], tuple[dict[str, Any], Any]] = {
    ("phoenix_referral", "care_status", "mase_case_summary.status"): (
        {"mase_case_summary.status": "Looked after child"},
        "looked_after",
    ),
    ("phoenix_referral", "care_status", "spotting_the_signs.looked_after"): (
        {"spotting_the_signs.looked_after": "Yes: with foster carers since May"},
        "looked_after",
    ),
    ("phoenix_referral", "disabilities", "spotting_the_signs.disability"): (
        {"spotting_the_signs.disability": "Yes, dyslexia"},
        "yes",
    ),
    ("phoenix_referral", "in_education", "spotting_the_signs.attends_education"): (
        {"spotting_the_signs.attends_education": "Yes: Year 10 at Sampletown Academy"},
        "yes",
    ),
    ("phoenix_referral", "cp_status", "mase_case_summary.status"): (
        {"mase_case_summary.status": "Child protection plan"},
        "current",
    ),
    ("phoenix_referral", "risk_indicators", "spotting_the_signs.runaway"): (
        {
            "spotting_the_signs.runaway": "Yes: stayed out overnight twice",
            "spotting_the_signs.self_harm": "Once, last year",
            "spotting_the_signs.drugs_alcohol": "Yes, cannabis at weekends",
            "spotting_the_signs.suspicion_of_cse": "No",
        },
        ["alcohol_drugs", "gone_missing"],  # in the order the form prints them
    ),
    ("phoenix_referral", "summary_of_concerns", "cse_referral"): (
        {
            "cse_referral": {
                "concerns_summary": "Seen getting into cars after school.",
                "safeguard_gifts": "New phone and nails.",
                "persons": [_PERSON],
            }
        },
        "Seen getting into cars after school.\n\n"
        "Receipt of unexplained gifts or money: New phone and nails.\n\n"
        "Persons of interest:\nDean Madeup (alias D-Man), D.O.B 20 January 2001: Boyfriend",
    ),
    ("mase_case_summary", "case_variant", "mase_case_summary.case_variant"): (
        {"mase_case_summary.case_variant": "new"},
        "existing",
    ),
    ("mase_case_summary", "offender", "cse_referral.persons"): (
        {"cse_referral.persons": [_PERSON]},
        "Dean Madeup (alias D-Man), D.O.B 20 January 2001: Boyfriend",
    ),
    ("phoenix_case_closure", "address", "phoenix_referral.person_address"): (
        {
            "phoenix_referral.person_address": "Flat 4\n7 Example Road",
            "phoenix_referral.person_postcode": "TW9 9ZZ",
        },
        "Flat 4\n7 Example Road\nTW9 9ZZ",
    ),
    ("phoenix_case_closure", "referee", "phoenix_referral.referrer_name"): (
        {
            "phoenix_referral.referrer_name": "Amara Okafor",
            "phoenix_referral.referring_service": "Early Help Services",
        },
        "Amara Okafor, Early Help Services",
    ),
    ("phoenix_case_closure", "start_date", "phoenix_delivery_plan"): (
        {"phoenix_delivery_plan": _SESSIONS},
        dt.date(2026, 9, 2),
    ),
    ("phoenix_case_closure", "end_date", "phoenix_delivery_plan"): (
        {"phoenix_delivery_plan": _SESSIONS},
        dt.date(2026, 10, 14),
    ),
    ("phoenix_case_closure", "sessions_attended", "phoenix_delivery_plan"): (
        {"phoenix_delivery_plan": _SESSIONS},
        3,  # the session not yet dated was not held
    ),
    ("phoenix_case_closure", "progression", "phoenix_action_plan.actions"): (
        {
            "phoenix_action_plan.actions": [
                {"concern": "Going missing", "review": "No missing episodes since May."},
                {"concern": "Online contact", "review": None},
            ]
        },
        "Concern: Going missing\nReview: No missing episodes since May.",
    ),
}

# The "Other" details of each criterion come from the scoring whose answer is carried: the
# latest action plan's when it scored the criterion (as Other), not the referral's.
DERIVED.update(
    {
        (slug, f"criterion_{key}_other", "phoenix_action_plan"): (
            {
                "phoenix_action_plan": {
                    f"criterion_{key}": "other",
                    f"criterion_{key}_other": f"Fictional review details of {key}",
                },
                "phoenix_referral": {
                    f"criterion_{key}": "other",
                    f"criterion_{key}_other": f"Fictional referral details of {key}",
                },
            },
            f"Fictional review details of {key}",
        )
        for slug in ("phoenix_action_plan", "phoenix_case_closure")
        for key, _label, _statements in CRITERIA
    }
)


def every_source() -> Iterator[tuple[str, str, int]]:
    """(artefact, field, index of the source among the field's) for every declared prefill."""
    for artefact in ARTEFACTS.values():
        for name, declared in artefact.prefill.items():
            for index in range(len(sources_of(declared))):
                yield artefact.slug, name, index


def source_id(case: tuple[str, str, int]) -> str:
    slug, name, index = case
    source = sources_of(ARTEFACTS[slug].prefill[name])[index]
    return f"{slug}.{name}<-{source.sources[0] if isinstance(source, From) else source}"


def derived_key(slug: str, name: str, source: From) -> tuple[str, str, str]:
    return slug, name, source.sources[0]


@cache
def samples() -> dict[str, dict[str, Any]]:
    """The clean sample answers of every artefact."""
    return {slug: schema_for(a).load(sample_json(slug)) for slug, a in ARTEFACTS.items()}


def everything_known(
    today: dt.date, user: Mapping[str, Any] = USER, submitted: Iterable[str] | None = None
) -> dict[str, Any]:
    """What the service would know in the case above with the samples of `submitted` (all
    of them unless told) submitted in it, `user` signed in."""
    answers = samples() if submitted is None else {s: samples()[s] for s in submitted}
    return known_values(case_values({**DETAILS, "dob": BORN}, today), user, answers, today)


def example(artefact: Artefact, name: str, index: int) -> tuple[dict[str, Any], Any]:
    """What is known, alone, for one source of a field's prefill, and what the field is then
    given: the plain sources read the test's data, the others their written example."""
    source: Source = sources_of(artefact.prefill[name])[index]
    if isinstance(source, From):
        return DERIVED[derived_key(artefact.slug, name, source)]
    value = everything_known(dt.date.today())[source]
    return {source: value}, value


def opening(artefact: Artefact, name: str) -> dict[str, Any]:
    """What must be known too for a follow-up box to be prefilled: a source of the question it
    follows up that gives the option revealing it (nothing for a box that follows nothing)."""
    for f in artefact.walk():
        if not isinstance(f, Choice):
            continue
        for option in f.options:
            if any(r.name == name for box in option.reveal for r in box.walk()):
                for index in range(len(sources_of(artefact.prefill.get(f.name, ())))):
                    known, given = example(artefact, f.name, index)
                    if option.value in f.chosen(given):
                        return {**known, **opening(artefact, f.name)}
                raise AssertionError(f"no prefill of {f.name} opens {name}")
    return {}
