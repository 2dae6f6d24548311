"""Distance travelled (issue 11): the referral's criteria scored again at an action-plan review
and at closure, each scoring prefilled from the last, and the closure's table and outcome star
worked out at submit and kept with the version. Only fictional data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from clocks import london_today
from forms import ARTEFACTS
from models import Submission, db
from outcomes.closure import distance_table
from outcomes.series import Scoring
from tests.conftest import sample_json
from tests.helpers import draft_of, make_case, pdf_body, squash, start, submit, word_text

REFERRAL = ARTEFACTS["phoenix_referral"]
PLAN = ARTEFACTS["phoenix_action_plan"]
CLOSURE = ARTEFACTS["phoenix_case_closure"]
CRITERIA = (
    "carers",
    "feelings",
    "sexual_health",
    "drugs_alcohol",
    "abuse_awareness",
    "involvement",
    "safety_strategies",
    "risk_level",
    "risky_association",
    "accommodation",
    "support_access",
    "missing",
    "ete",
    "rights",
)
# The three scorings, in the order above. "other" is answered with details; None: not scored.
AT_REFERRAL = ("4", "4", "3", "3", "5", "4", "4", "4", "5", "2", "3", "4", "other", "4")
AT_REVIEW = ("3", "4", "3", "2", "4", "3", "3", None, "4", "other", "2", "3", "2", "3")
AT_CLOSURE = ("2", "4", "4", "1", "3", "2", "2", "2", "3", "other", "3", "2", "2", "2")
ETE_AT_REFERRAL = "Fictional: on a part-time timetable while a school place is found."
HOME_AT_REVIEW = "Fictional: staying with her aunt for now; too early to say."


def scored(levels: tuple[str | None, ...], **details: str) -> dict[str, Any]:
    """The criteria answered `levels`, each "Other" with its `details` (none for the others)."""
    answers: dict[str, Any] = {}
    for key, answer in zip(CRITERIA, levels, strict=True):
        answers[f"criterion_{key}"] = answer
        answers[f"criterion_{key}_other"] = details.get(key)
    return answers


def criteria_in(url: str) -> dict[str, str | None]:
    """The criteria (and any "Other" details) a document's draft starts with."""
    draft = draft_of(url)
    names = [f"criterion_{k}" for k in CRITERIA] + [f"criterion_{k}_other" for k in CRITERIA]
    return {name: draft.get(name) or None for name in names}


def submit_referral(client: FlaskClient, case: str) -> None:
    data = {**sample_json(REFERRAL.slug), **scored(AT_REFERRAL, ete=ETE_AT_REFERRAL)}
    submit(client, REFERRAL, data, url=start(client, REFERRAL, case))


def plan_answers(levels: tuple[str | None, ...], *reviewed: str | None, **details: str) -> dict:
    """The sample action plan scored with `levels`, its two actions reviewed on `reviewed`."""
    plan = sample_json(PLAN.slug)
    for action, day in zip(plan["actions"], reviewed, strict=True):
        action["date_of_review"] = day
    return {**plan, **scored(levels, **details)}


def the_closure() -> Submission:
    return db.session.scalars(select(Submission).where(Submission.artefact == CLOSURE.slug)).one()


def test_a_review_starts_from_the_referral_and_the_closure_from_the_review(
    client: FlaskClient,
) -> None:
    case = make_case(client)
    submit_referral(client, case)
    # The first review starts from the referral, its "Other" details with it.
    first = start(client, PLAN, case)
    assert criteria_in(first) == scored(AT_REFERRAL, ete=ETE_AT_REFERRAL)
    reviewed = plan_answers(AT_REVIEW, "2026-11-25", "2027-03-12", accommodation=HOME_AT_REVIEW)
    submit(client, PLAN, reviewed, url=first)
    # Last scored at the review, else (risk level, not scored again) at referral; education
    # was scored at the review, so the referral's "Other" details do not come with it.
    last = {**scored(AT_REVIEW, accommodation=HOME_AT_REVIEW), "criterion_risk_level": "4"}
    assert criteria_in(start(client, CLOSURE, case)) == last
    assert criteria_in(start(client, PLAN, case)) == last  # the next review too


def test_the_closure_figures_are_worked_out_at_submit_and_kept_with_the_version(
    client: FlaskClient,
) -> None:
    case = make_case(client)
    submit_referral(client, case)
    plan = plan_answers(AT_REVIEW, "2026-11-25", "2027-03-12", accommodation=HOME_AT_REVIEW)
    submit(client, PLAN, plan, url=start(client, PLAN, case))
    home = "Fictional: still with her aunt."
    closure = {**sample_json(CLOSURE.slug), **scored(AT_CLOSURE, accommodation=home)}
    submit(client, CLOSURE, closure, url=start(client, CLOSURE, case))

    figures = the_closure().figures
    assert figures is not None
    table, star = figures["blocks"]
    assert table["head"] == [
        "Criterion",
        "At referral",
        "Review 1 (12 March 2027)",
        "At closure",
        "Change",
    ]
    assert table["rows"] == [
        ["Relationship with main carer/s", "4", "3", "2", "Improved"],
        ["Ability to express feelings", "4", "4", "4", "Same"],
        ["Sexual health", "3", "3", "4", "Worse"],
        ["Drugs or alcohol use", "3", "2", "1", "Improved"],
        ["Ability to identify abusive or exploitative behaviour", "5", "4", "3", "Improved"],
        ["Involvement in sexual exploitation", "4", "3", "2", "Improved"],
        ["Ability to describe safety strategies", "4", "3", "2", "Improved"],
        ["Level of risk or harm", "4", "Not scored", "2", "Improved"],
        ["Association with risky adults or peers", "5", "4", "3", "Improved"],
        ["Accommodation", "2", "Other", "Other", "Not scored"],
        ["Access to support services", "3", "2", "3", "Same"],
        ["Missing", "4", "3", "2", "Improved"],
        ["Education, training and employment", "Other", "2", "2", "Not scored"],
        ["Rights and risk awareness (sexual)", "4", "3", "2", "Improved"],
        ["All criteria", "", "", "", "9 improved, 2 same, 1 worse, 2 not scored"],
    ]
    assert star["kind"] == "radar"
    assert star["axes"] == [row[0] for row in table["rows"][:-1]]
    assert len(star["levels"]) == 5
    assert "least concern" in star["levels"][0] and "most concern" in star["levels"][4]
    assert star["series"] == [
        {"name": "At referral", "values": [4, 4, 3, 3, 5, 4, 4, 4, 5, 2, 3, 4, None, 4]},
        {
            "name": "Review 1 (12 March 2027)",
            "values": [3, 4, 3, 2, 4, 3, 3, None, 4, None, 2, 3, 2, 3],
        },
        {"name": "At closure", "values": [2, 4, 4, 1, 3, 2, 2, 2, 3, None, 3, 2, 2, 2]},
    ]
    # Nothing typed is in the figures: only levels, labels and the dates of review.
    text = repr(figures)
    for typed in (HOME_AT_REVIEW, home, ETE_AT_REFERRAL, "Kayla"):
        assert typed not in text


def test_each_scored_version_of_an_action_plan_is_a_review_by_its_date(
    client: FlaskClient,
) -> None:
    """Reviews in date order: the latest date of review, else the day it was submitted. A plan
    not scored is not a review; the same scores on the same day are one review."""
    case = make_case(client)
    later = plan_answers(AT_REVIEW, "2026-11-25", "2027-06-01", accommodation=HOME_AT_REVIEW)
    submit(client, PLAN, later, url=start(client, PLAN, case))
    undated = plan_answers(AT_CLOSURE, None, None, accommodation=HOME_AT_REVIEW)
    submit(client, PLAN, undated, url=start(client, PLAN, case))
    submit(client, PLAN, undated, url=start(client, PLAN, case))  # a second copy: one review
    not_scored = plan_answers((None,) * len(CRITERIA), "2027-07-01", None)
    submit(client, PLAN, not_scored, url=start(client, PLAN, case))
    closure = {**sample_json(CLOSURE.slug), **scored(AT_CLOSURE, accommodation="Fictional.")}
    submit(client, CLOSURE, closure, url=start(client, CLOSURE, case))

    table, star = the_closure().figures["blocks"]
    today = london_today()
    reviews = [f"Review 1 ({today.day} {today:%B %Y})", "Review 2 (1 June 2027)"]
    assert table["head"] == ["Criterion", "At referral", *reviews, "At closure", "Change"]
    assert [s["name"] for s in star["series"]] == ["At referral", *reviews, "At closure"]
    # No referral in this case: nothing changed from a scoring that was never made.
    carers = ["Relationship with main carer/s", "Not scored", "2", "3", "2", "Not scored"]
    assert table["rows"][0] == carers
    assert table["rows"][-1][-1] == "0 improved, 0 same, 0 worse, 14 not scored"
    assert star["series"][0]["values"] == [None] * len(CRITERIA)


def test_other_is_not_scored_and_the_change_runs_from_referral_to_closure() -> None:
    referral = scored(("1", "2", "3", "other", "5", "1", "1", "1", "1", "1", "1", "1", "1", "1"))
    review = scored(("5",) * len(CRITERIA))  # in between: not what the change compares
    closure = scored(("1", "1", "4", "2", "other", None, "1", "1", "1", "1", "1", "1", "1", "2"))
    table = distance_table(
        [Scoring("At referral", referral), Scoring("R", review), Scoring("At closure", closure)]
    )
    changes = [row[-1] for row in table["rows"][:-1]]
    assert changes[:6] == ["Same", "Improved", "Worse", "Not scored", "Not scored", "Not scored"]
    assert changes[-1] == "Worse"
    assert [row[1] for row in table["rows"][3:6]] == ["Other", "5", "1"]
    assert [row[3] for row in table["rows"][3:6]] == ["2", "Other", "Not scored"]
    totals = ["All criteria", "", "", "", "1 improved, 8 same, 2 worse, 3 not scored"]
    assert table["rows"][-1] == totals


def test_the_dates_are_read_as_dates_whatever_the_order_of_the_actions() -> None:
    """The latest date of review is the latest day, not the last row's."""
    from outcomes.series import reviewed_on

    stored = plan_answers(AT_REVIEW, "2027-03-12", "2026-11-25")
    version = Submission(answers=stored, created_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert reviewed_on(version) == dt.date(2027, 3, 12)


def test_the_closure_pdf_and_word_show_the_table_and_the_star_of_three_scorings(
    client: FlaskClient, tmp_path: Any
) -> None:
    """Scored at referral, one review and closure: both downloads print every row of the
    distance-travelled table and the star's title, key and legend, from the stored figures."""
    case = make_case(client)
    submit_referral(client, case)
    plan = plan_answers(AT_REVIEW, "2026-11-25", "2027-03-12", accommodation=HOME_AT_REVIEW)
    submit(client, PLAN, plan, url=start(client, PLAN, case))
    closure = {**sample_json(CLOSURE.slug), **scored(AT_CLOSURE, accommodation="Fictional.")}
    submit(client, CLOSURE, closure, url=start(client, CLOSURE, case))
    version = the_closure()
    assert version.figures is not None
    table, star = version.figures["blocks"]
    pdf = client.get(f"/versions/{version.id}/document.pdf").data
    word = client.get(f"/versions/{version.id}/document.docx").data
    (tmp_path / "closure.pdf").write_bytes(pdf)  # to look at: pytest --basetemp
    (tmp_path / "closure.docx").write_bytes(word)
    printed = {"PDF": squash(pdf_body(pdf)), "Word": squash(word_text(word))}
    for kind, text in printed.items():
        for row in table["rows"]:
            assert squash(" ".join(c for c in row if c)) in text, (kind, row)
        for words in (star["title"], *star["levels"], *(s["name"] for s in star["series"])):
            assert squash(words) in text, (kind, words)
    assert star["series"][1]["name"] == "Review 1 (12 March 2027)"
