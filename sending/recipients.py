"""Who receives each form the strategy says to send, declared once.

Addresses are configuration, with the strategy's own as defaults. The strategy names no address
for MASE business support or the Associate Directors of Safeguarding: those are settings with no
default, and sending to them is refused until they are set (`NotConfiguredError` names the setting).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from email_validator import EmailNotValidError, validate_email

BOROUGHS = ("Kingston", "Richmond")


class NotConfiguredError(Exception):
    """A recipient the form must go to has no address yet: the message names the setting."""


@dataclass(frozen=True)
class Team:
    """A team that receives a form: its address (a setting, with the strategy's address as the
    default where it gives one) and the agreed PDF password's setting."""

    key: str
    name: str
    setting: str
    default: str | None
    lines: tuple[int, ...]

    @property
    def password_setting(self) -> str:
        return f"{self.setting.removesuffix('_EMAIL')}_PDF_PASSWORD"


def _teams(*teams: Team) -> dict[str, Team]:
    return {t.key: t for t in teams}


TEAMS = _teams(
    # L209-213: "To make a referral contact: Children's Safeguarding Single Point of Access (SPA)
    # Team SPA@richmond.gov.uk or SPA@kingston.gov.uk".
    Team("spa_kingston", "SPA (Kingston)", "SPA_KINGSTON_EMAIL", "SPA@kingston.gov.uk", (211, 213)),
    Team("spa_richmond", "SPA (Richmond)", "SPA_RICHMOND_EMAIL", "SPA@richmond.gov.uk", (211, 213)),
    # L273-275: "MASE referral form to be completed by lead professional and sent to MASE
    # business support." No address is given.
    Team("mase", "MASE business support", "MASE_BUSINESS_SUPPORT_EMAIL", None, (273, 275)),
    # L2875-2877, L3803-3805: "Please send your completed referral form to:
    # csereferrals@achievingforchildren.org.uk and be copied to the relevant Associate Director
    # of Safeguarding."
    Team(
        "phoenix",
        "the Phoenix Project",
        "PHOENIX_EMAIL",
        "csereferrals@achievingforchildren.org.uk",
        (2875, 2877, 3803, 3805),
    ),
    # "The relevant" Associate Director: the case's borough's. No address is given.
    Team(
        "ad_kingston",
        "the Associate Director of Safeguarding (Kingston)",
        "ASSOCIATE_DIRECTOR_KINGSTON_EMAIL",
        None,
        (2877, 3805),
    ),
    Team(
        "ad_richmond",
        "the Associate Director of Safeguarding (Richmond)",
        "ASSOCIATE_DIRECTOR_RICHMOND_EMAIL",
        None,
        (2877, 3805),
    ),
)


@dataclass(frozen=True)
class Route:
    """Where a submitted form goes: to one team, copied to others; `{borough}` in a key is the
    case's borough, lower case."""

    to: str
    cc: tuple[str, ...] = ()

    def label(self, borough: str) -> str:
        """The button's words: "Send to SPA (Kingston)"."""
        return f"Send to {team(self.to, borough).name}"


# Which forms are sent, and where (issue 10; the strategy's lines are on each team).
ROUTES: dict[str, Route] = {
    "cse_referral": Route("spa_{borough}"),
    "mase_referral": Route("mase"),
    "phoenix_referral": Route("phoenix", cc=("ad_{borough}",)),
}


def team(key: str, borough: str) -> Team:
    if borough not in BOROUGHS:
        raise NotConfiguredError("Set the case's borough first: Kingston or Richmond")
    return TEAMS[key.format(borough=borough.lower())]


def settings(environ: Mapping[str, str]) -> dict[str, str]:
    """The sending settings given in `environ`: each team's address and agreed PDF password."""
    names = [name for t in TEAMS.values() for name in (t.setting, t.password_setting)]
    return {name: environ[name] for name in names if environ.get(name)}


def address(t: Team, sending: Mapping[str, Any]) -> str:
    """The team's address: its setting (in `sending`, app.config["SENDING"]), or the
    strategy's; refused when neither says."""
    found = sending.get(t.setting) or t.default
    if not found:
        raise NotConfiguredError(
            f"No address is set for {t.name}: an administrator must set {t.setting}"
        )
    try:
        return validate_email(str(found), check_deliverability=False).normalized
    except EmailNotValidError:
        raise NotConfiguredError(
            f"The address set for {t.name} is not an email address: an administrator must "
            f"correct {t.setting}"
        ) from None


@dataclass(frozen=True)
class Recipients:
    to: tuple[Team, ...]
    cc: tuple[Team, ...]

    def addresses(self, sending: Mapping[str, Any]) -> tuple[list[str], list[str]]:
        return [address(t, sending) for t in self.to], [address(t, sending) for t in self.cc]


def recipients(artefact_slug: str, borough: str) -> Recipients:
    """Who receives the form `artefact_slug` of a case in `borough`."""
    route = ROUTES[artefact_slug]
    return Recipients(
        to=(team(route.to, borough),), cc=tuple(team(key, borough) for key in route.cc)
    )
