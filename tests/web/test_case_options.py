"""A case's gender and ethnicity are chosen from options; other forms are given their words."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import update

from forms import ARTEFACTS
from forms.case import CASE
from forms.case_options import ETHNICITY, GENDER
from forms.choices import Choice
from forms.prefill import sources_of
from models import Case, db
from tests.helpers import draft_of, error_messages, make_case, page, start, token_on

# The 2021 Census ethnic groups of England and Wales (ONS, ethnic_group_tb): 19 in 5 groups.
ONS_2021 = {
    "Asian, Asian British or Asian Welsh": [
        "Indian",
        "Pakistani",
        "Bangladeshi",
        "Chinese",
        "Any other Asian background",
    ],
    "Black, Black British, Black Welsh, Caribbean or African": [
        "Caribbean",
        "African",
        "Any other Black, Black British or Caribbean background",
    ],
    "Mixed or Multiple ethnic groups": [
        "White and Black Caribbean",
        "White and Black African",
        "White and Asian",
        "Any other Mixed or Multiple ethnic background",
    ],
    "White": [
        "English, Welsh, Scottish, Northern Irish or British",
        "Irish",
        "Gypsy or Irish Traveller",
        "Roma",
        "Any other White background",
    ],
    "Other ethnic group": ["Arab", "Any other ethnic group"],
}
CARIBBEAN = "Black, Black British, Black Welsh, Caribbean or African: Caribbean"
# (artefact, field) filled from the case's gender or ethnicity.
FILLED = {
    (slug, name, source)
    for slug, artefact in ARTEFACTS.items()
    for name, declared in artefact.prefill.items()
    for source in sources_of(declared)
    if source in ("case.gender", "case.ethnicity")
}


def test_ethnicity_offers_the_2021_census_groups_then_prefer_not_to_say_and_not_known() -> None:
    runs = ETHNICITY.option_groups()
    assert {group: [o.label for _, o in options] for group, options in runs if group} == ONS_2021
    assert [group for group, _ in runs] == [*ONS_2021, None]
    assert [o.label for _, o in runs[-1][1]] == ["Prefer not to say", "Not known"]
    # Every "any other" option has a box to describe it, as the census's "write in".
    others = [o for o in ETHNICITY.options if o.label.startswith("Any other")]
    assert len(others) == 5 and all(len(o.reveal) == 1 for o in others)


def test_gender_offers_another_gender_with_a_box_to_describe_it() -> None:
    assert [o.label for o in GENDER.options] == [
        "Female",
        "Male",
        "Non-binary",
        "Another gender",
        "Prefer not to say",
        "Not known",
    ]
    assert [box.name for o in GENDER.options for box in o.reveal] == ["gender_description"]
    assert isinstance(CASE.field("gender"), Choice) and isinstance(CASE.field("ethnicity"), Choice)


def test_the_case_form_shows_the_groups_under_their_headings(client: FlaskClient) -> None:
    form = page(client.get("/cases/new"))
    groups = form.xpath("//fieldset[contains(@class, 'app-option-group')]")
    assert [g.xpath("normalize-space(legend)") for g in groups] == list(ONS_2021)
    indian = groups[0].xpath(".//input[@type='radio']")[0]
    assert (indian.get("name"), indian.get("value"), indian.get("id")) == (
        "ethnicity",
        "asian_indian",
        "ethnicity",  # the first option's id is the field's: the error summary links to it
    )
    radios = form.xpath("//input[@name='ethnicity']")
    assert len(radios) == len(ETHNICITY.options)
    assert form.xpath("//div[@class='govuk-radios__divider']/text()") == ["or"]


def test_an_ethnicity_not_offered_is_refused_with_a_message_naming_the_field(
    client: FlaskClient,
) -> None:
    data = {"forename": "Testy", "surname": "Example", "borough": "Kingston"}
    token = token_on(client, "/cases/new")
    response = client.post("/cases/new", data={**data, "ethnicity": "Polish", "csrf_token": token})
    assert response.status_code == 200
    assert "Select the ethnicity from the options given" in error_messages(response)


def test_the_case_page_shows_the_options_in_words(client: FlaskClient) -> None:
    case = make_case(
        client, gender="another", gender_description="Agender", ethnicity="black_caribbean"
    )
    shown = page(client.get(case)).xpath("string(//dl)")
    assert "Agender" in shown and CARIBBEAN in shown
    assert "black_caribbean" not in shown and "another" not in shown


def test_each_form_filled_from_the_case_gets_the_words_never_the_value(
    client: FlaskClient,
) -> None:
    assert {(slug, name) for slug, name, _ in FILLED} == {
        ("cse_referral", "child_gender"),
        ("cse_referral", "child_ethnicity"),
        ("mase_case_summary", "ethnicity"),
        ("phoenix_referral", "person_gender"),
        ("phoenix_referral", "ethnicity"),
        ("spotting_the_signs", "gender"),
        ("spotting_the_signs", "ethnicity"),
    }
    case = make_case(
        client,
        gender="non_binary",
        ethnicity="white_other",
        ethnicity_white_other="Polish",
    )
    words = {"case.gender": "Non-binary", "case.ethnicity": "White: Polish"}
    for slug in sorted({slug for slug, _, _ in FILLED}):
        draft = draft_of(start(client, ARTEFACTS[slug], case))
        for _, name, source in (f for f in FILLED if f[0] == slug):
            assert draft.getlist(name) == [words[source]], (slug, name)


def test_an_option_without_a_description_is_given_as_its_label(client: FlaskClient) -> None:
    case = make_case(client, gender="not_known", ethnicity="black_caribbean")
    draft = draft_of(start(client, ARTEFACTS["cse_referral"], case))
    assert (draft["child_gender"], draft["child_ethnicity"]) == ("Not known", CARIBBEAN)


def _typed_before(case_url: str, **typed: str) -> None:
    """The case as migration 0011 leaves one whose typed answers matched no option."""
    case_id = case_url.rsplit("/", 1)[1]
    found = db.session.get(Case, case_id)
    assert found is not None
    details = {**found.details, **typed}
    db.session.execute(update(Case).where(Case.id == case_id).values(details=details))
    db.session.commit()


def test_a_case_typed_before_the_options_asks_a_member_to_choose(client: FlaskClient) -> None:
    case = make_case(client, gender="female")
    _typed_before(case, ethnicity=None, ethnicity_as_typed="Polish <b>")
    shown = page(client.get(case))
    warnings = [
        w.xpath("normalize-space(.)") for w in shown.xpath("//*[contains(@class, 'app-to-choose')]")
    ]
    assert warnings == [
        "! Warning Choose the ethnicity: it was typed as ‘Polish <b>’."
        " Change the young person's details"
    ]
    assert "Choose the ethnicity" in page(client.get(f"{case}/details")).xpath("string(//main)")

    # Saving other details keeps what was typed; choosing the option ends the question.
    token = token_on(client, f"{case}/details")
    form = {"forename": "Testy", "surname": "Example", "borough": "Kingston", "gender": "female"}
    assert client.post(f"{case}/details", data={**form, "csrf_token": token}).status_code == 302
    assert "Choose the ethnicity" in page(client.get(case)).xpath("string(//main)")
    chosen = {**form, "ethnicity": "white_other", "ethnicity_white_other": "Polish"}
    assert client.post(f"{case}/details", data={**chosen, "csrf_token": token}).status_code == 302
    assert not page(client.get(case)).xpath("//*[contains(@class, 'app-to-choose')]")
    stored = db.session.get(Case, case.rsplit("/", 1)[1])
    assert stored is not None and stored.details["ethnicity_as_typed"] == "Polish <b>"
