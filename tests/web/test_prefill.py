"""Starting an artefact fills in what the service already knows: every declared prefill, each
of its sources, in the draft of the document started."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest
from flask.testing import FlaskClient
from sqlalchemy import update

from forms import ARTEFACTS
from forms.case import CASE
from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Field, LongText, Number, Text
from forms.model import Artefact
from forms.prefill import (
    CASE_DETAILS,
    TODAY,
    USER_DETAILS,
    From,
    accepts,
    names_read,
    prefilled,
    sources_of,
    value_of,
)
from forms.repeat import Repeat
from forms.web import as_formdata
from models import Document, User, db, now
from tests.conftest import sample_json
from tests.helpers import document_id, draft_of, make_case, start, submit
from tests.web.prefill_examples import (
    DERIVED,
    DETAILS,
    derived_key,
    every_source,
    everything_known,
    example,
    opening,
    source_id,
)

EVERY_SOURCE = list(every_source())
# What the derived case details and the user's details are, as fields.
_DERIVED_KINDS: dict[str, Field] = {
    "case.full_name": Text("full_name", "Full name"),
    "case.full_address": LongText("full_address", "Address"),
    "case.age": Number("age", "Age"),
    TODAY: Date("today", "Today"),
    **{f"user.{name}": Text(name, name) for name in USER_DETAILS},
}


def _source_field(read: str, artefact: Artefact) -> Field | None:
    """The field a source reads, checking that it names something the service knows for
    this artefact; None for a whole artefact's answers."""
    if read in _DERIVED_KINDS:
        return _DERIVED_KINDS[read]
    kind, _, detail = read.partition(".")
    if kind == "case":
        assert artefact.per_case and detail in CASE_DETAILS, read
        given = CASE.field(detail)
        # A choice of the case is given in words (forms.prefill.case_values).
        return Text(detail, given.label) if isinstance(given, Choice) else given
    assert ARTEFACTS[kind].per_case == artefact.per_case, read  # the same case, or none
    return ARTEFACTS[kind].field(detail) if detail else None


def _kind(f: Field) -> type[Field]:
    return next(k for k in (MultiChoice, Choice, Date, Number, Text) if isinstance(f, k))


def test_every_prefill_names_a_real_field_and_known_sources_of_its_kind() -> None:
    for artefact in ARTEFACTS.values():
        for name, declared in artefact.prefill.items():
            target = artefact.field(name)  # KeyError if it names no field
            assert not isinstance(target, Repeat), name  # not prefilled (forms.prefill)
            for source in sources_of(declared):
                read = [_source_field(r, artefact) for r in names_read(source)]
                if isinstance(source, From):
                    continue  # worked out: tested by example below
                given = read[0]
                assert given is not None, (artefact.slug, name, source)
                assert _kind(given) is _kind(target), (artefact.slug, name, source)
                # A box of several lines never fills a one-line box.
                assert not (isinstance(given, LongText) and type(target) is Text), source
                if isinstance(given, Choice):  # the same options, or a declared mapping
                    assert isinstance(target, Choice), source
                    assert {o.value for o in given.options} <= {o.value for o in target.options}


def test_every_mapping_of_option_values_maps_real_options() -> None:
    mappings = [
        (artefact, name, source)
        for artefact in ARTEFACTS.values()
        for name, declared in artefact.prefill.items()
        for source in sources_of(declared)
        if isinstance(source, From) and isinstance(source.via, Mapping)
    ]
    assert mappings
    for artefact, name, source in mappings:
        assert isinstance(source.via, Mapping)
        target = artefact.field(name)
        assert isinstance(target, Choice)
        assert set(source.via.values()) <= {o.value for o in target.options}, name
        given = _source_field(source.sources[0], artefact)
        # From the options of a choice, or from the words a text box suggests.
        offered = (
            {o.value for o in given.options}
            if isinstance(given, Choice)
            else set(getattr(given, "suggestions", ()))
        )
        assert set(source.via) <= offered, (name, source.sources)


def test_every_source_worked_out_from_others_has_an_example() -> None:
    derived = {
        derived_key(artefact.slug, name, source)
        for artefact in ARTEFACTS.values()
        for name, declared in artefact.prefill.items()
        for source in sources_of(declared)
        if isinstance(source, From)
    }
    assert derived == set(DERIVED)


@pytest.mark.parametrize("case", EVERY_SOURCE, ids=map(source_id, EVERY_SOURCE))
def test_what_each_source_gives_from_the_samples_is_accepted_by_its_field(
    case: tuple[str, str, int],
) -> None:
    slug, name, index = case
    artefact = ARTEFACTS[slug]
    source = sources_of(artefact.prefill[name])[index]
    value = value_of(source, everything_known(dt.date.today()))
    if isinstance(source, str):  # the samples give every plain source
        assert value not in (None, "", [])
    if value is not None:
        assert accepts(artefact.field(name), value), value


@pytest.mark.parametrize("case", EVERY_SOURCE, ids=map(source_id, EVERY_SOURCE))
def test_each_source_fills_its_field_when_it_alone_is_known(case: tuple[str, str, int]) -> None:
    """Only this source is known (with what opens a follow-up box): the field gets its value.
    The test below shows that a document started holds exactly what `prefilled` gives."""
    slug, name, index = case
    artefact = ARTEFACTS[slug]
    known, given = example(artefact, name, index)
    answers = prefilled(artefact, {**opening(artefact, name), **known})
    assert given not in (None, "", [])
    assert answers.get(name) == given


def _sources_in_a_case() -> list[str]:
    """The artefacts of a case that some declaration takes from."""
    read = {
        r.partition(".")[0]
        for artefact in ARTEFACTS.values()
        for declared in artefact.prefill.values()
        for source in sources_of(declared)
        for r in names_read(source)
    }
    return [slug for slug, a in ARTEFACTS.items() if slug in read and a.per_case]


def _day(when: dt.date) -> list[str]:
    return [str(when.day), str(when.month), str(when.year)]


def test_starting_each_artefact_fills_what_the_case_user_and_earlier_forms_say(
    client: FlaskClient, manager: User
) -> None:
    case = make_case(client, **DETAILS, dob=["14", "3", "2010"])
    submitted = _sources_in_a_case()
    for slug in submitted:
        artefact = ARTEFACTS[slug]
        submit(client, artefact, sample_json(slug), url=start(client, artefact, case))
    today = dt.date.today()
    user = {name: getattr(manager, name) for name in USER_DETAILS}
    drafts = {}
    for artefact in (a for a in ARTEFACTS.values() if a.prefill):
        if artefact.per_case:
            known = everything_known(today, user, submitted)
            drafts[artefact.slug] = draft_of(start(client, artefact, case))
        else:
            known = {"today": today, **{f"user.{n}": v for n, v in user.items()}}
            drafts[artefact.slug] = draft_of(start(client, artefact))
        want = as_formdata(artefact, prefilled(artefact, known))
        got = drafts[artefact.slug]
        given = {n for n, v in want.items(multi=True) if v}
        assert {n for n, v in got.items(multi=True) if v} == given, artefact.slug
        for name in given:
            assert got.getlist(name) == want.getlist(name), (artefact.slug, name)
    # What a person would check, from the samples, the case and the user.
    referral, mase, closure = (
        drafts["phoenix_referral"],
        drafts["mase_case_summary"],
        drafts["phoenix_case_closure"],
    )
    assert drafts["cse_referral"].getlist("date_of_referral") == _day(today)
    assert drafts["phoenix_progress_report"].getlist("report_date") == _day(today)
    assert referral.getlist("date_of_referral") == _day(today)
    assert referral["referrer_name"] == "Morgan Testmanager"
    assert referral["language"] == "English and Polish"
    assert referral["police_category"] == "2"  # the MASE page's, before the MASE referral's
    assert referral["care_status"] == "looked_after"  # the MASE page's "Looked after child"
    assert referral.getlist("risk_indicators") == ["incident", "gone_missing"]
    assert (referral["disabilities"], referral.get("disability_details")) == ("no", None)
    assert referral["summary_of_concerns"].startswith("Fictional sample. Jasmine has been seen")
    assert "Persons of interest:\nDean Madeup (alias D-Man)" in referral["summary_of_concerns"]
    assert (mase["case_variant"], mase["risk_rating"]) == ("out_of_borough", "2")
    assert mase["offender"] == "Fictional male known as 'Dee', about 24; CRIS opened."
    assert drafts["mase_referral"]["substance_use"] == (
        "Smelled of cannabis on return from missing episodes."
    )
    assert closure.getlist("start_date") == ["2", "9", "2026"]
    assert closure.getlist("end_date") == ["4", "11", "2026"]
    assert closure["sessions_attended"] == "7"
    assert closure["referee"] == "Amara Okafor, Early Help Services"
    assert closure["case_no"] == "PX-0001"


def test_a_new_mase_page_carries_the_page_last_submitted_in_the_case(
    client: FlaskClient,
) -> None:
    summary = ARTEFACTS["mase_case_summary"]
    case = make_case(client)
    sample = {**sample_json(summary.slug), "other_agencies": None}
    sample = {**sample, "impact": "Fictional impact so far", "impact_out_of_borough": None}
    october = {**sample, "case_variant": "new", "risk_rating": "1", "impact": None}
    october_url = start(client, summary, case)
    submit(client, summary, october, url=october_url)
    november = {**sample, "case_variant": "existing", "risk_rating": "3", "school": "Example High"}
    submit(client, summary, november, url=start(client, summary, case))
    # October's page is changed since (a draft saved), after November's was submitted: its
    # submitted version is still the older one.
    db.session.execute(
        update(Document).where(Document.id == document_id(october_url)).values(updated_at=now())
    )
    db.session.commit()
    december = draft_of(start(client, summary, case))
    assert december["case_variant"] == "existing"
    assert (december["risk_rating"], december["school"]) == ("3", "Example High")
    assert "impact" not in december  # written again for each meeting
    assert december.get("meeting_date") in (None, "")  # each meeting's own
    assert "decision" not in december


def test_a_first_mase_page_says_nothing_of_the_variant(client: FlaskClient) -> None:
    december = draft_of(start(client, ARTEFACTS["mase_case_summary"], make_case(client)))
    assert "case_variant" not in december
    assert december["name"] == "Testy Example"


def test_a_case_without_a_value_leaves_the_box_empty(client: FlaskClient) -> None:
    draft = draft_of(start(client, ARTEFACTS["cse_referral"], make_case(client)))  # no D.O.B
    assert draft.getlist("child_dob") == ["", "", ""]
    assert draft.getlist("child_forename") == ["Testy"]
