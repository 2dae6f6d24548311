"""MASE meeting case summary page: one page per child in the MASE meeting papers.

MASE meeting pack, pages "New Case N Name", "Existing Case N Name:" and "Existing Cases out of
Borough N Name" (cse-strategy.txt L1058-1322); inventory B2. The three printed variants differ
only in "Other agencies actively involved in managing risk of CSE" (out of borough, L1244) and
"Impact of MASE plan so far" (existing cases, L1182, L1274, L1322): one form, the variant chosen
first, which reveals the boxes its page prints. The police risk categories (L288-317) are
worded as on the MASE Referral Information.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from forms.carry import persons_in_words
from forms.choices import Choice, Option
from forms.kinds import YOUNG_PERSON_AGE, Blank, Date, LongText, Number, Text
from forms.mase_referral import CATEGORY_1, CATEGORY_2, CATEGORY_3
from forms.model import Artefact, Problem, Section
from forms.prefill import From
from forms.repeat import Repeat
from forms.rules import not_before

NEW, EXISTING, OUT_OF_BOROUGH = "new", "existing", "out_of_borough"


# A follow-up box is revealed by one option only (web/templates/fields.html), so each existing
# variant has its own impact box: `impact` on the Existing Case page, `impact_out_of_borough`
# on the out of borough one. The Word template prints whichever is given, in the one place.
def _impact(name: str) -> LongText:
    """ "Impact of MASE plan so far", printed after the actions on both existing cases' pages
    (L1182, L1274, L1322)."""
    return LongText(
        name, "Impact of MASE plan so far", error_name="the impact of the MASE plan so far"
    )


def _age_matches_dob(data: Mapping[str, Any]) -> list[Problem]:
    """The age is derived from the DOB (inventory B2.3 suggestion): on the meeting's date."""
    born, age, day = data.get("dob"), data.get("age"), data.get("meeting_date")
    if not (isinstance(born, dt.date) and isinstance(age, int) and isinstance(day, dt.date)):
        return []
    actual = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if actual == age:
        return []
    return [
        (
            "age",
            f"Age does not match the DOB: the child was {actual} on the date of the MASE"
            " meeting. Correct the age or the DOB",
        )
    ]


ARTEFACT = MASE_CASE_SUMMARY = Artefact(
    slug="mase_case_summary",
    title="MASE meeting case summary page",
    summary="One page for each child on the MASE meeting's list, circulated to those attending"
    " before the meeting, with the update, decision and actions from the meeting.",
    source="MASE meeting pack, lines 1058-1322",
    inventory="B2",
    audience="Lead professionals and the MASE meeting",
    order=2,
    sections=(
        # No heading is printed above the child's details; "Case" is inferred.
        Section(
            "Case",
            (
                # Inferred (inventory B2.1): the page title names the variant, "New Case 1
                # Name"; one choice. The case's number in the pack comes from the meeting index.
                Choice(
                    "case_variant",
                    "Case",
                    required=True,
                    hint="The page this is in the MASE meeting papers.",
                    error_name="whether this is a new case, an existing case or an existing case"
                    " out of borough",
                    options=(
                        Option(NEW, "New Case", hint="Referred to MASE since the last meeting."),
                        Option(
                            EXISTING,
                            "Existing Case",
                            hint="Discussed at an earlier MASE meeting.",
                            reveal=(_impact("impact"),),
                        ),
                        # Inventory B2.12, B2.23: printed on this page only, after Lead
                        # Professional and after the actions.
                        Option(
                            OUT_OF_BOROUGH,
                            "Existing Cases out of Borough",
                            hint="An existing case where the child is out of borough.",
                            reveal=(
                                LongText(
                                    "other_agencies",
                                    "Other agencies actively involved in managing risk of CSE",
                                    error_name="the other agencies actively involved",
                                ),
                                _impact("impact_out_of_borough"),
                            ),
                        ),
                    ),
                ),
                Text(
                    "name",
                    "Name",
                    required=True,
                    hint="The child's name, as on the list of children to be discussed.",
                    error_name="the child's name",
                ),
                Date(
                    "dob",
                    "DOB:",
                    born_years_ago=YOUNG_PERSON_AGE,
                    error_name="the child's date of birth",
                ),
                # Inferred (inventory B2.3): a number; checked against the DOB (rule below).
                Number(
                    "age",
                    "Age:",
                    minimum=0,
                    maximum=17,
                    hint="The child's age on the date of the MASE meeting. MASE is for children"
                    " and young people under 18.",
                    error_name="the child's age",
                ),
                # Inferred options (inventory B2.4): the police categories, as MASE uses the
                # categories allocated at strategy meetings (L879). Short labels, so that the
                # three tick boxes print on one line; the definitions are the options' hints.
                Choice(
                    "risk_rating",
                    "Category/Risk rating:",
                    error_name="the category/risk rating",
                    hint="The police category allocated at the strategy meeting.",
                    options=(
                        Option("1", "Category 1", hint=CATEGORY_1),
                        Option("2", "Category 2", hint=CATEGORY_2),
                        Option("3", "Category 3", hint=CATEGORY_3),
                    ),
                ),
                Text("school", "School:", error_name="the child's school"),
                Date("date_of_referral", "Date of referral:", error_name="the date of referral"),
                Text(
                    "current_location",
                    "Current location:",
                    hint="Where the child is living or staying now.",
                    error_name="the child's current location",
                ),
                # Inferred (inventory B2.8): no options printed; common answers are suggested
                # and any text is accepted.
                Text(
                    "status",
                    "Status:",
                    suggestions=(
                        "Child in need",
                        "Child protection plan",
                        "Looked after child",
                        "Early help",
                        "Care leaver",
                    ),
                    error_name="the child's status",
                ),
                Text("ethnicity", "Ethnicity:", error_name="the child's ethnicity"),
                Text("referring_agency", "Referring Agency:", error_name="the referring agency"),
                Text(
                    "lead_professional",
                    "Lead Professional:",
                    error_name="the lead professional",
                ),
            ),
        ),
        Section(
            "Update from MASE meeting",
            (
                # "[date]" is a placeholder for the meeting's date (inventory B2.13): the date
                # is printed there, in the label of the update's box, and not in a row of its
                # own; the same date fills "Actions from [date]:" below (inferred).
                Date(
                    "meeting_date",
                    "Date of the MASE meeting",
                    hint="The update and the actions below are from this meeting.",
                    error_name="the date of the MASE meeting",
                    printed_in="meeting_update",
                ),
                LongText(
                    "meeting_update",
                    "Update from MASE meeting",
                    paper_label="Update from MASE meeting \u2013 [date]:",
                    blank=Blank("[date]", "meeting_date"),
                    error_name="the update from the MASE meeting",
                ),
                # Inferred (inventory B2.14-B2.17): four rows of one grid under the update.
                LongText("victim", "Victim", error_name="the update on the victim"),
                LongText("offender", "Offender", error_name="the update on the offender"),
                LongText("location", "Location", error_name="the update on the location"),
                LongText("themes", "Themes", error_name="the themes"),
                LongText(
                    "case_overview",
                    "Further information regarding Case Overview",
                    error_name="the further information regarding case overview",
                ),
                LongText(
                    "intervention",
                    "Intervention / Disruption",
                    error_name="the intervention or disruption",
                ),
            ),
        ),
        Section(
            "Decision",
            (
                # Options from the question's wording (inventory B2.20).
                Choice(
                    "decision",
                    "Continue to monitor or discharge from MASE?",
                    inline=True,
                    error_name="whether to continue to monitor or discharge from MASE",
                    options=(
                        Option("continue", "Continue to monitor"),
                        Option("discharge", "Discharge from MASE"),
                    ),
                ),
                LongText(
                    "rationale",
                    "Rationale \u2013",
                    error_name="the rationale",
                ),
            ),
        ),
        Section(
            "Actions",
            (
                Repeat(
                    "actions",
                    "Actions from the MASE meeting",
                    paper_label="Actions from [date]:",
                    blank=Blank("[date]", "meeting_date"),
                    hint="The actions from the MASE meeting whose date is given above, each with"
                    " its owner and an update.",
                    item_label="Action",
                    add_label="Add another action",
                    fields=(
                        LongText("action", "Action(s)", error_name="the action"),
                        Text("owner", "Owner", error_name="the owner of the action"),
                        LongText("progress", "Update", error_name="the update on the action"),
                    ),
                ),
            ),
        ),
    ),
    rules=(
        _age_matches_dob,
        not_before(
            "date_of_referral",
            "meeting_date",
            "The date of the MASE meeting must be the same as or after the date of referral",
        ),
        not_before(
            "dob",
            "date_of_referral",
            "The date of referral must be the same as or after the child's date of birth",
        ),
    ),
    # MASE meets monthly (L701) and a child's page is written again for each meeting: the
    # previous page of the case ("mase_case_summary.<field>", its latest submitted version)
    # carries what stands from month to month; a first page takes from the referrals. Not
    # carried: the meeting's date, update, decision, rationale and actions ("Actions from
    # [date]" are that meeting's own).
    prefill={
        # After its first meeting a new case is an existing case (L1058, L1140).
        "case_variant": From(
            "mase_case_summary.case_variant",
            via={NEW: EXISTING, EXISTING: EXISTING, OUT_OF_BOROUGH: OUT_OF_BOROUGH},
        ),
        "name": "case.full_name",
        "dob": ("case.dob", "mase_case_summary.dob", "cse_referral.child_dob"),
        "age": "case.age",
        "risk_rating": ("mase_case_summary.risk_rating", "mase_referral.police_category"),
        "school": ("mase_case_summary.school", "cse_referral.child_education"),
        "date_of_referral": (
            "mase_case_summary.date_of_referral",
            "cse_referral.date_of_referral",
        ),
        "current_location": "mase_case_summary.current_location",
        "status": ("mase_case_summary.status", "cse_referral.child_case_status"),
        "ethnicity": (
            "case.ethnicity",
            "mase_case_summary.ethnicity",
            "cse_referral.child_ethnicity",
        ),
        "referring_agency": ("mase_case_summary.referring_agency", "cse_referral.referrer_agency"),
        "lead_professional": (
            "mase_case_summary.lead_professional",
            "cse_referral.child_lead_practitioner",
        ),
        # The victim, offender, location and themes of the case stand until updated.
        "victim": "mase_case_summary.victim",
        "offender": (
            "mase_case_summary.offender",
            From("cse_referral.persons", via=persons_in_words),
        ),
        "location": ("mase_case_summary.location", "cse_referral.additional_locations"),
        "themes": "mase_case_summary.themes",
        "case_overview": "mase_case_summary.case_overview",
        "intervention": "mase_case_summary.intervention",
        # Not carried: "Other agencies…" and "Impact of MASE plan so far", which a variant
        # of the "Case" question reveals: they are written again for each meeting's page.
    },
)
