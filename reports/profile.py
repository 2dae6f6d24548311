"""2. Referrals: profile of referrals in period (L4116-4124): age, residential location, level
of risk and the presenting issues of the young people referred in the period."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from accounts import BOROUGHS
from figures import SUPPRESS_BELOW, Block, shown
from forms.phoenix_referral import RISK_INDICATORS
from pathway.steps import BELOW_THRESHOLD, CATEGORIES
from reports import blocks
from reports.disclosure import protect
from reports.records import Referred

YOUNG_PEOPLE = "Young people"
# *Inferred*: the paper asks for ages; single years would nearly all print "fewer than 5" at
# 25 referrals a year, so the project's ages 10 to 17 (L1333-1334) are grouped.
AGE_BANDS = (("10 to 13", 10, 13), ("14 to 15", 14, 15), ("16 to 17", 16, 17))
NOT_GIVEN = "Not given"


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _age_band(r: Referred) -> str:
    born = _date(r.answers.get("person_dob")) or _date(r.details.get("dob"))
    if born is None:
        return "Date of birth not given"
    age = age_on(born, r.day)
    return next((band for band, low, high in AGE_BANDS if low <= age <= high), "Another age")


def ages(referred: Sequence[Referred]) -> list[Block]:
    labels = [band for band, _, _ in AGE_BANDS] + ["Another age", "Date of birth not given"]
    count = Counter(_age_band(r) for r in referred)
    counts = [count[label] for label in labels]
    table, printed = blocks.partition(
        "Age at referral",
        ("Age", YOUNG_PEOPLE),
        labels,
        counts,
        "Total referred",
        "Age on the day the referral was sent, from the date of birth on the Phoenix"
        " referral (else the case's).",
    )
    return [table, blocks.bars("Age at referral", labels, counts, printed, table)]


def district(postcode: Any) -> str | None:
    """A postcode's district (its outward code): "KT1" of "KT1 1EU"."""
    text = "".join(str(postcode or "").upper().split())
    return text[:-3] if len(text) > 3 else None


def location(referred: Sequence[Referred], by_borough: Mapping[str | None, int]) -> list[Block]:
    labels = [*BOROUGHS, "Not recorded"]
    counts = [by_borough.get(b, 0) for b in BOROUGHS]
    counts.append(sum(n for b, n in by_borough.items() if b not in BOROUGHS))
    borough, _ = blocks.partition(
        "Residential location: borough",
        ("Borough", YOUNG_PEOPLE),
        labels,
        counts,
        "Total referred",
        "The borough whose Single Point of Access the referral went to, else the case's own.",
    )
    found = Counter(
        district(r.answers.get("person_postcode") or r.details.get("postcode")) for r in referred
    )
    named = sorted(
        (d for d, n in found.items() if d and n >= SUPPRESS_BELOW), key=lambda d: (-found[d], d)
    )
    other = sum(n for d, n in found.items() if d and d not in named)
    districts, _ = blocks.partition(
        "Residential location: postcode district",
        ("Postcode district", YOUNG_PEOPLE),
        [*named, "Other districts", "Postcode not given"],
        [*(found[d] for d in named), other, found[None]],
        "Total referred",
        "Districts with fewer than 5 young people are not named: they are counted together"
        " under Other districts.",
    )
    return [borough, districts]


def _category(r: Referred, steps: Sequence[Any]) -> str | None:
    """The police category on the referral (office use), else the latest decided on the
    pathway up to the day of the referral."""
    if r.answers.get("police_category") in CATEGORIES:
        return str(r.answers["police_category"])
    decided = [s for s in steps if s.category and s.day <= r.day]  # steps are in order
    return decided[-1].category if decided else None


def risk(referred: Sequence[Referred], steps: Mapping[str, Sequence[Any]]) -> list[Block]:
    keys = ["1", "2", "3", BELOW_THRESHOLD]
    labels = [CATEGORIES[k] for k in keys] + ["Not recorded"]
    count = Counter(_category(r, steps.get(r.case_id, ())) for r in referred)
    counts = [count[k] for k in keys] + [sum(n for k, n in count.items() if k not in keys)]
    table, printed = blocks.partition(
        "Level of risk \u2013 identified police category",
        ("Police category", YOUNG_PEOPLE),
        labels,
        counts,
        "Total referred",
        "The category on the Phoenix referral (office use only), else the latest decided on"
        " the pathway by the day of the referral.",
    )
    short = ["Category 1", "Category 2", "Category 3", "Below category 1", "Not recorded"]
    return [table, blocks.bars("Police category at referral", short, counts, printed, table)]


KNOWN_OR_SUSPECTED = ("known", "suspected")


def _ticked(value: str) -> Callable[[Mapping[str, Any]], bool]:
    return lambda a: value in (a.get("risk_indicators") or [])


def _among(name: str, values: tuple[str, ...]) -> Callable[[Mapping[str, Any]], bool]:
    return lambda a: a.get(name) in values


ISSUES: tuple[tuple[str, Callable[[Mapping[str, Any]], bool]], ...] = (
    *((label, _ticked(value)) for value, label in RISK_INDICATORS),
    ("International trafficking known or suspected", _among("international_trafficking",
                                                            KNOWN_OR_SUSPECTED)),
    ("Internal trafficking known or suspected", _among("internal_trafficking",
                                                      KNOWN_OR_SUSPECTED)),
    ("Peers involved in exploitation known or suspected", _among("peers_exploitation",
                                                                KNOWN_OR_SUSPECTED)),
    ("Involvement in gun or knife crime", _among("gun_knife_crime", ("gun", "knife", "both"))),
    ("Involvement in drug dealing or drug running known or suspected", _among("drug_dealing",
                                                                             KNOWN_OR_SUSPECTED)),
    ("History of youth offending", _among("youth_offending", ("yes",))),
)  # fmt: skip


def issues(referred: Sequence[Referred]) -> list[Block]:
    """Each presenting issue on the Phoenix referral: how many young people have it."""
    rows = []
    for label, has in ISSUES:
        with_it = sum(1 for r in referred if has(r.answers))
        rows.append([label, protect([with_it, len(referred) - with_it])[0]])
    return [
        blocks.table(
            "Summary of presenting issues",
            ["Presenting issue on the Phoenix referral", YOUNG_PEOPLE],
            rows,
            f"Out of the {shown(len(referred))} young people referred; one may have"
            " several. A count is withheld where those without the issue are fewer than 5.",
        )
    ]
