"""Phoenix Project referral validation: each rule's message next to the right field, nothing
stored."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from forms.phoenix_referral import PHOENIX_REFERRAL
from tests.conftest import sample_json
from tests.helpers import FormCheck, problems_shown, stored

FORM = FormCheck(PHOENIX_REFERRAL)
answers, refused, accepted = FORM.answers, FORM.refused, FORM.accepted


AGE_MESSAGE = (
    "The person referred must be aged 10 to 17 on the date of referral: the Phoenix Project"
    " accepts referrals for children or young people aged 10 to 17 years"
)


def test_empty_form_lists_every_required_answer(client: FlaskClient) -> None:
    inline, summary = problems_shown(client, PHOENIX_REFERRAL, {})
    expected = {
        "date_of_referral-day": "Enter the date of referral",
        "referrer_name": "Enter the name of the referrer",
        "person_name": "Enter the name of the person referred",
        "person_dob-day": "Enter the date of birth of the person referred",
    }
    for field_id, message in expected.items():
        assert inline[field_id] == message, field_id
    # "Check your answers" lists them in page order, each linking to its input.
    assert summary == [(message, field_id) for field_id, message in expected.items()]
    assert stored() == 0


def test_the_sample_is_accepted(client: FlaskClient) -> None:
    accepted(client, answers())


@pytest.mark.parametrize(
    "dob",
    [
        "2016-11-04",  # one day short of 10 on the date of referral
        "2008-11-03",  # 18 on the date of referral
        "2026-11-04",  # born after the referral
    ],
)
def test_young_person_must_be_10_to_17_on_the_date_of_referral(
    client: FlaskClient, dob: str
) -> None:
    refused(
        client,
        answers(person_dob=dob, date_of_referral="2026-11-03"),
        "person_dob-day",
        AGE_MESSAGE,
    )


@pytest.mark.parametrize(
    "dob",
    [
        "2016-11-03",  # 10 on the day of referral
        "2008-11-04",  # one day short of 18
    ],
)
def test_ages_10_and_17_are_accepted(client: FlaskClient, dob: str) -> None:
    accepted(client, answers(person_dob=dob, date_of_referral="2026-11-03"))


def test_none_in_parenthood_status_excludes_the_others(client: FlaskClient) -> None:
    refused(
        client,
        answers(parenthood_status=["pregnant", "none"]),
        "parenthood_status",
        "Select \u2018None\u2019 on its own, or the other options, not both",
    )


def test_several_parenthood_statuses_are_accepted(client: FlaskClient) -> None:
    accepted(client, answers(parenthood_status=["parent", "pregnant"]))


def test_older_male_or_female_needs_the_indicator_ticked(client: FlaskClient) -> None:
    indicators = [i for i in sample_json("phoenix_referral")["risk_indicators"]]
    indicators.remove("older_person")
    refused(
        client,
        answers(risk_indicators=indicators, older_person_sex="female"),
        "risk_indicators",
        "You gave 'Older male or female' but did not select 'Concerns about relationship"
        " with older male or female' for the risk indicators. Select"
        " 'Concerns about relationship with older male or female', or"
        " delete what you wrote there",
    )


def test_violence_rows_need_experience_of_violence(client: FlaskClient) -> None:
    refused(
        client,
        answers(violence="no"),
        "violence",
        "You gave 'Domestic abuse' but did not select 'YES' for whether the young person has"
        " experience of violence. Select 'YES', or delete what you wrote there",
    )


def test_other_details_need_other_ticked(client: FlaskClient) -> None:
    refused(
        client,
        answers(criterion_missing="3"),
        "criterion_missing",
        "You gave details but did not select 'Other – please give details' for the statement"
        " that fits \u2018Missing\u2019. Select 'Other – please give details', or delete what"
        " you wrote there",
    )


def test_referrer_email_must_be_an_email(client: FlaskClient) -> None:
    refused(
        client,
        answers(referrer_email="amara at example"),
        "referrer_email",
        "Enter the referrer's email address in the correct format, like name@example.gov.uk",
    )


def test_phone_numbers_must_be_uk_numbers(client: FlaskClient) -> None:
    refused(
        client,
        answers(parent_phone="12345"),
        "parent_phone",
        "Enter the parent or carer phone number as a UK telephone number, like 020 8547 5008",
    )


def test_postcode_must_be_a_postcode(client: FlaskClient) -> None:
    refused(
        client,
        answers(person_postcode="Sampleton"),
        "person_postcode",
        "Enter the postcode of the person referred as a UK postcode, like KT1 1EU",
    )


@pytest.mark.parametrize("key", ["carers", "rights"])
def test_other_chosen_needs_its_details(client: FlaskClient, key: str) -> None:
    label = PHOENIX_REFERRAL.field(f"criterion_{key}").label
    refused(
        client,
        answers(**{f"criterion_{key}": "other", f"criterion_{key}_other": None}),
        f"criterion_{key}_other",
        f"Enter the other details for \u2018{label}\u2019",
    )


def test_other_details_are_not_asked_without_other(client: FlaskClient) -> None:
    accepted(client, answers(criterion_carers="2", criterion_carers_other=None))
    assert not any("other details" in item for item in PHOENIX_REFERRAL.must_answer)
