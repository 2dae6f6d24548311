"""Every figure of the progress report of a quarter, from cases made with known answers
(tests/reports/scenario.py): inside the quarter, outside it, and on its first and last days."""

from __future__ import annotations

from figures import FEWER_THAN_5, Figures
from reports.disclosure import TOO_FEW_TO_SHOW, WITHHELD
from tests.reports.conftest import block

F5, W = FEWER_THAN_5, WITHHELD


def test_the_figures_say_when_they_were_worked_out(quarter: Figures) -> None:
    assert quarter["as_at"] == "2026-10-01T10:00:00+01:00"


def test_the_young_people_referred_and_the_interventions_ended(quarter: Figures) -> None:
    rows = block(quarter, "Referrals and interventions in the period")["rows"]
    assert rows == [
        ["Referred to the Phoenix Project, 1 July 2026 to 30 September 2026", "12"],
        ["Interventions ended, 1 July 2026 to 30 September 2026", "10"],
    ]


def test_age_at_referral(quarter: Figures) -> None:
    table = block(quarter, "Age at referral")
    assert table["kind"] == "table"
    assert table["rows"] == [
        ["10 to 13", "6"],
        ["14 to 15", F5],
        ["16 to 17", F5],
        ["Another age", "0"],
        ["Date of birth not given", F5],
        ["Total referred", "12"],
    ]
    chart = block(quarter, "Age at referral", "bars")
    assert chart["counts"] == [6, None, None, 0, None]
    assert chart["shown"] == ["6", F5, F5, "0", F5]


def test_borough_hides_the_larger_count_that_would_give_the_smaller_away(
    quarter: Figures,
) -> None:
    # Kingston 9, Richmond 3 of 12: printing 9 would give away Richmond's 3.
    assert block(quarter, "Residential location: borough")["rows"] == [
        ["Kingston", W],
        ["Richmond", F5],
        ["Not recorded", "0"],
        ["Total referred", "12"],
    ]


def test_postcode_districts_with_fewer_than_5_are_not_named(quarter: Figures) -> None:
    table = block(quarter, "Residential location: postcode district")
    assert table["rows"] == [
        ["KT1", "6"],
        ["Other districts", F5],  # TW9 (2) and KT2 (1)
        ["Postcode not given", F5],
        ["Total referred", "12"],
    ]
    assert "TW9" not in str(table) and "KT2" not in str(table)


def test_police_category_that_cannot_be_protected_is_withheld_whole(quarter: Figures) -> None:
    # 5 + 5 + 1 + 0 + 1 = 12: with the two "fewer than 5" and the total, any printing of
    # categories 1 and 2 would give away the two 1s.
    table = block(quarter, "Level of risk \u2013 identified police category")
    assert [row[1] for row in table["rows"]] == [W, W, W, W, W, "12"]
    assert table["note"].startswith(TOO_FEW_TO_SHOW)
    chart = block(quarter, "Police category at referral", "bars")
    assert chart["counts"] == [None] * 5


def test_presenting_issues(quarter: Figures) -> None:
    rows = dict(block(quarter, "Summary of presenting issues")["rows"])
    assert rows == {
        "Disclosure of sexual exploitation": W,  # 10 of 12: the other 2 would be given away
        "Victim of sexual assault": "0",
        "Alcohol or drug use": "0",
        "Eating disorder": "0",
        "Unexplained money or items": "0",
        "Information from peers": "0",
        "Incident or suspected incident of sexual exploitation": "0",
        "Concerns about relationship with older male or female": "0",
        "Gone missing": "7",
        "Breakdown in relationship with parents or carers": "0",
        "Observed in red light areas or venues of concern": "0",
        "Self-harm": F5,
        "International trafficking known or suspected": F5,
        "Internal trafficking known or suspected": "0",
        "Peers involved in exploitation known or suspected": "0",
        "Involvement in gun or knife crime": F5,
        "Involvement in drug dealing or drug running known or suspected": "0",
        "History of youth offending": F5,
    }


def test_duration_of_intervention_and_its_median(quarter: Figures) -> None:
    table = block(quarter, "Duration of intervention")
    assert table["rows"] == [
        ["Under 3 months", F5],
        ["3 to 6 months", "5"],
        ["6 months or more", F5],
        ["Not given on the closure summary", F5],
        ["Total ended", "10"],
    ]
    assert "The middle (median) duration is 16 weeks." in table["note"]


def test_sessions_attended_and_its_median(quarter: Figures) -> None:
    table = block(quarter, "Sessions attended")
    assert table["rows"] == [
        ["None", F5],
        ["1 to 5", F5],
        ["6 to 10", "5"],
        ["11 to 20", F5],
        ["More than 20", "0"],
        ["Not given on the closure summary", F5],
        ["Total ended", "10"],
    ]
    assert "The middle (median) number of sessions is 7 sessions." in table["note"]


def test_level_of_engagement(quarter: Figures) -> None:
    table = block(quarter, "Level of engagement")
    chart = block(quarter, "Level of engagement", "bars")
    assert table["rows"] == [
        ["No engagement", "0"],
        ["Poor engagement", F5],
        ["Partial engagement", F5],
        ["Full engagement", "6"],
        ["Not given on the closure summary", F5],
        ["Total ended", "10"],
    ]
    assert chart["counts"] == [0, None, None, 6, None]


def test_reasons_for_closure(quarter: Figures) -> None:
    # Four 1s add up to the 4 left of 10 by the 6: the 6 is withheld.
    assert block(quarter, "Reasons for closure")["rows"] == [
        ["Outcomes met", W],
        ["Moved from borough", F5],
        ["Non-engagement", F5],
        ["Young person declined", "0"],
        ["Other", F5],
        ["Not given on the closure summary", F5],
        ["Total ended", "10"],
    ]


def test_distance_travelled_by_criterion(quarter: Figures) -> None:
    table = block(quarter, "Outcomes \u2013 distance travelled, by criterion")
    assert table["head"] == ["Criterion", "Improved", "Same", "Worse", "Not scored"]
    rows = {row[0]: row[1:] for row in table["rows"]}
    assert len(rows) == 14
    assert rows.pop("Relationship with main carer/s") == ["6", F5, F5, F5]
    assert rows.pop("Education, training and employment") == [F5, "5", F5, F5]
    for label, row in rows.items():  # 8 improved, 2 not scored: the 8 would give the 2 away
        assert row == [W, "0", "0", F5], label


def test_distance_travelled_overall(quarter: Figures) -> None:
    table = block(quarter, "Outcomes \u2013 distance travelled, overall")
    assert table["rows"] == [
        ["Improved overall", W],
        ["No change overall", "0"],
        ["Worse overall", "0"],
        ["Not scored", F5],
        ["Total ended", "10"],
    ]


def test_caseload_against_20_and_referrals_of_the_year_against_25(quarter: Figures) -> None:
    assert block(quarter, "Current capacity and current caseload")["rows"] == [
        ["Cases open to the Phoenix Project at the end of the period", "9",
         "20 at any one time (L2962-2964)", "Within"],
        ["The same, against the current capacity given in this report", "9", "8", "Over by 1"],
        ["Young people referred in the year to date (1 April 2026 to 30 September 2026)", "15",
         "up to 25 a year (L2843)", "Within"],
    ]  # fmt: skip


def test_outcome_targets(quarter: Figures) -> None:
    table = block(quarter, "Measurable outputs or outcomes")
    assert table["head"] == ["Action", "Target", "Measured by", "Met", "Of", "Result"]
    got = [(row[0].split(" ")[0:3], row[1], row[3], row[4], row[5]) for row in table["rows"]]
    assert got == [
        (["Referrals", "will", "be"], "100%", W, "11", W),  # 10 of 11: the 1 not met hidden
        (["Accepted", "referrals", "will"], "100%", F5, "8", W),  # 3 of 8
        (["Participants", "will", "be"], "90%", "8", "8", "100%"),
        (["Participants", "will", "be"], "75%", W, "9", W),  # 6 of 9
        (["Participants", "will", "be"], "75%", "8", "8", "100%"),
        (["Participants", "will", "maintain"], "50%", W, "8", W),  # 7 of 8
        (["Participants", "experience", "an"], "50%", W, "8", W),  # 6 of 8
    ]
