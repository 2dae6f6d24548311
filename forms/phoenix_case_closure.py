"""Phoenix Project case closure summary (Appendix 4): completed by the allocated worker at the
end of the intervention, and signed by the young person too.

Phoenix Project manual, "15. Appendix 4: Phoenix Project case closure summary"
(cse-strategy.txt L4016-4086); inventory artefact 7. The manual calls it "appendix 3" (L3091)
but prints it as Appendix 4. Labels are verbatim from the inventory; only the reasons for
closure "Out comes met" and "None engagement" are repaired, as the inventory repairs them.
"""

from forms.carry import first_session, joined, last_session, reviews_in_words, sessions_held
from forms.choices import Choice, Option, YesNo
from forms.criteria import from_last_scoring, scored_again
from forms.kinds import YOUNG_PERSON_AGE, Date, LongText, Number, Text
from forms.model import Artefact, Section
from forms.prefill import From
from forms.rules import not_before
from outcomes.closure import closure_figures

ARTEFACT = PHOENIX_CASE_CLOSURE = Artefact(
    slug="phoenix_case_closure",
    title="Phoenix Project case closure summary (Appendix 4)",
    summary="The allocated worker completes this at the end of the intervention, including the"
    " distance travelled for the young person.",
    source="Phoenix Project manual, Appendix 4, lines 4016-4086",
    inventory="7",
    audience="The Phoenix Project",
    order=4,
    sections=(
        # No heading is printed above the header boxes; "Young person" is inferred.
        Section(
            "Young person",
            (
                Text(
                    "young_person_name",
                    "Name of young person",
                    required=True,
                    error_name="the name of the young person",
                ),
                Text("case_no", "Case no.", error_name="the case number"),
                Date(
                    "dob",
                    "DOB",
                    born_years_ago=YOUNG_PERSON_AGE,
                    error_name="the young person's date of birth",
                ),
                LongText(
                    "address",
                    "Young person's address",
                    error_name="the young person's address",
                ),
                Text("allocated_worker", "Allocated worker"),
                # Inferred (inventory 7.6): the referrer, since the young person is asked above.
                Text(
                    "referee",
                    "Referee",
                    hint="The person and service that referred the young person",
                    error_name="the referee",
                ),
            ),
        ),
        Section(
            "Period of intervention",
            (
                Date("start_date", "Start date:", error_name="the start date of the intervention"),
                Date("end_date", "End date:", error_name="the end date of the intervention"),
            ),
        ),
        Section(
            "Engagement and closure",
            (
                Choice(
                    "level_of_engagement",
                    "Level of engagement",
                    options=(
                        Option("none", "No engagement"),
                        Option("poor", "Poor engagement"),
                        Option("partial", "Partial engagement"),
                        Option("full", "Full engagement"),
                    ),
                    error_name="the level of engagement",
                ),
                # No range is printed: from none to the 20 sessions of an intervention, or more
                # where agreed with the Associate Director (L3095-3097); 52 (weekly contact,
                # L2960, for a year) only catches a mistyped number.
                Number(
                    "sessions_attended",
                    "Number of sessions attended:",
                    minimum=0,
                    maximum=52,
                    error_name="the number of sessions attended",
                ),
                # Inferred (inventory 7.11): one reason, the options printed over three lines.
                Choice(
                    "reason_for_closure",
                    "Reasons for closure",
                    options=(
                        Option("outcomes_met", "Outcomes met"),
                        Option("moved", "Moved from borough"),
                        Option("non_engagement", "Non-engagement"),
                        Option("declined", "Young person declined"),
                        Option(
                            "other",
                            "Other",
                            # Inferred (inventory 7.12): no label is printed beside "Other". "Other"
                            # alone says nothing: its details are required when it is chosen.
                            reveal=(
                                Text(
                                    "other_reason",
                                    "Other – details",
                                    required=True,
                                    error_name="the other reason for closure",
                                ),
                            ),
                        ),
                    ),
                    error_name="the reason for closure",
                ),
            ),
        ),
        # Inferred (L3040, L3072, L3091-3093): the distance travelled is the referral's criteria
        # scored again at the end of the intervention. Required, as the summary "will include"
        # it; each starts as last scored, so that an unchanged one is one click. "Other" with
        # details answers one that cannot be scored (a young person no longer seen).
        scored_again(
            "Distance travelled at closure",
            "For each of the referral's criteria, select the statement which most accurately"
            " describes the young person's circumstances at the end of the intervention. Each"
            " starts as it was last scored: at the latest action plan review, or else at"
            " referral.",
            required=True,
        ),
        Section(
            "Summary",
            (
                LongText("issues", "Issues highlighted in referral"),
                LongText(
                    "progression",
                    "Progression and outcomes based on action plan",
                    # The manual's "distance travelled for the child" (L3091-3093) is scored in
                    # the section before and worked out from every scoring (figures): what it
                    # means for the young person is written here.
                    hint="Include what the distance travelled shows for the young person, from"
                    " the outcome star or equivalent reviewed at the end of the intervention.",
                    error_name="the progression and outcomes",
                ),
                LongText(
                    "recommendations",
                    "Recommendations or further steps (If applicable)",
                    error_name="the recommendations or further steps",
                ),
                LongText(
                    "exit_route",
                    "Exit route or support networks (if applicable)",
                    hint="For example Albany Outdoors, positive activities, Off the Record,"
                    " targeted services or the Youth Enquiry Service (local exit pathway).",
                    error_name="the exit route or support networks",
                ),
            ),
        ),
        Section(
            "Informing of case closure",
            (
                YesNo(
                    "young_person_informed",
                    "Has young person been informed of case closure",
                    labels=("YES", "NO"),
                    error_name="whether the young person has been informed of case closure",
                ),
                # Printed beside the question whatever the answer: not revealed by YES or NO.
                LongText(
                    "young_person_comments",
                    "Comments:",
                    hint="On informing the young person",
                    error_name="the comments on informing the young person",
                ),
                YesNo(
                    "lead_worker_informed",
                    "Has the lead worker been informed of case closure",
                    labels=("YES", "NO"),
                    error_name="whether the lead worker has been informed of case closure",
                ),
                LongText(
                    "lead_worker_comments",
                    "Comments:",
                    hint="On informing the lead worker",
                    error_name="the comments on informing the lead worker",
                ),
            ),
        ),
        Section(
            "Sign-off",
            (
                # Signatures on paper, no date printed: each person types their name.
                Text(
                    "staff_signed",
                    "Signed: Staff member",
                    hint="The staff member types their name to sign",
                    error_name="the staff member's signature",
                ),
                Text(
                    "young_person_signed",
                    "Young person",
                    hint="The young person types their name to sign",
                    error_name="the young person's signature",
                ),
            ),
            description="It is worth considering giving a copy of this form to the young person"
            " – this enables them to have a record of what was discussed and what you both"
            " agreed.",
            paper_description="It is worth considering giving a copy of this form to the young"
            " person – this enables them to have a record of what was discussed and what you"
            " both agreed \u2026.",  # L4085-4086, as printed
        ),
    ),
    rules=(
        not_before(
            "start_date",
            "end_date",
            "The end date of the intervention must be the same as or after the start date",
        ),
    ),
    # From the Phoenix referral, and from the delivery plan and action plan of the intervention.
    prefill={
        "young_person_name": ("phoenix_referral.person_name", "case.full_name"),
        "case_no": (
            "case.case_reference",
            "phoenix_delivery_plan.case_no",
            "phoenix_action_plan.case_number",
        ),
        "dob": ("phoenix_referral.person_dob", "case.dob"),
        "address": (
            "case.full_address",
            From(
                "phoenix_referral.person_address",
                "phoenix_referral.person_postcode",
                via=joined("\n"),
            ),
        ),
        "allocated_worker": "user.name",
        "referee": From(
            "phoenix_referral.referrer_name",
            "phoenix_referral.referring_service",
            via=joined(", "),
        ),
        # The sessions the delivery plan records as held, first to last.
        "start_date": From("phoenix_delivery_plan", via=first_session),
        "end_date": From("phoenix_delivery_plan", via=last_session),
        "sessions_attended": From("phoenix_delivery_plan", via=sessions_held),
        "issues": "phoenix_referral.summary_of_concerns",
        "progression": From("phoenix_action_plan.actions", via=reviews_in_words),
        # The criteria as last scored: the latest action plan's review, else the referral.
        **from_last_scoring(),
    },
    # The distance travelled as a table and an outcome star, from every scoring of the case.
    figures=closure_figures,
)
