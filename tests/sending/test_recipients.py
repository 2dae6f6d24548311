"""Who receives each form: the strategy's addresses by default, the borough's SPA and Associate
Director, and recipients the strategy does not name refused until an administrator sets them."""

from __future__ import annotations

import pytest

from sending.recipients import ROUTES, NotConfiguredError, recipients, settings


@pytest.mark.parametrize(
    ("slug", "borough", "label", "to"),
    [
        ("cse_referral", "Kingston", "Send to SPA (Kingston)", ["SPA@kingston.gov.uk"]),
        ("cse_referral", "Richmond", "Send to SPA (Richmond)", ["SPA@richmond.gov.uk"]),
    ],
)
def test_a_referral_goes_to_its_boroughs_spa(slug: str, borough: str, label: str, to: list) -> None:
    assert ROUTES[slug].label(borough) == label
    assert recipients(slug, borough).addresses({}) == (to, [])


def test_mase_business_support_is_refused_until_its_address_is_set() -> None:
    assert ROUTES["mase_referral"].label("Kingston") == "Send to MASE business support"
    with pytest.raises(NotConfiguredError, match="must set MASE_BUSINESS_SUPPORT_EMAIL"):
        recipients("mase_referral", "Kingston").addresses({})
    sending = {"MASE_BUSINESS_SUPPORT_EMAIL": "mase.support@example.org"}
    assert recipients("mase_referral", "Kingston").addresses(sending) == (
        ["mase.support@example.org"],
        [],
    )


@pytest.mark.parametrize("borough", ["Kingston", "Richmond"])
def test_the_phoenix_project_is_copied_to_the_boroughs_associate_director(borough: str) -> None:
    assert ROUTES["phoenix_referral"].label(borough) == "Send to the Phoenix Project"
    setting = f"ASSOCIATE_DIRECTOR_{borough.upper()}_EMAIL"
    with pytest.raises(NotConfiguredError, match=f"must set {setting}"):
        recipients("phoenix_referral", borough).addresses({})
    sending = {setting: f"ad.{borough.lower()}@example.org"}
    assert recipients("phoenix_referral", borough).addresses(sending) == (
        ["csereferrals@achievingforchildren.org.uk"],
        [f"ad.{borough.lower()}@example.org"],
    )


def test_a_setting_replaces_the_strategys_address() -> None:
    sending = {"SPA_KINGSTON_EMAIL": "spa.test@example.org"}
    assert recipients("cse_referral", "Kingston").addresses(sending) == (
        ["spa.test@example.org"],
        [],
    )


def test_a_case_without_a_borough_cannot_be_sent() -> None:
    with pytest.raises(NotConfiguredError, match="Set the case's borough first"):
        recipients("cse_referral", "")


def test_only_the_sending_settings_are_read_from_the_environment() -> None:
    environ = {
        "SPA_KINGSTON_EMAIL": "a@example.org",
        "PHOENIX_PDF_PASSWORD": "agreed-fictional",
        "SPA_RICHMOND_EMAIL": "",
        "SECRET_KEY": "not a sending setting",
    }
    assert settings(environ) == {
        "SPA_KINGSTON_EMAIL": "a@example.org",
        "PHOENIX_PDF_PASSWORD": "agreed-fictional",
    }


def test_an_address_that_is_no_address_is_refused_naming_the_setting() -> None:
    sending = {"MASE_BUSINESS_SUPPORT_EMAIL": "CHANGE-ME"}
    with pytest.raises(NotConfiguredError, match="must correct MASE_BUSINESS_SUPPORT_EMAIL"):
        recipients("mase_referral", "Richmond").addresses(sending)
