"""Phoenix Project individual action plan and review (Appendix 2): the young person's action plan,
drawn up with the Phoenix worker and reviewed through the intervention.

Phoenix Project manual, "13. Appendix 2: Phoenix Project individual action plan and review"
(cse-strategy.txt L3812-3851); inventory artefact 5. The plan "will be drawn up at session five"
and "reviewed as part of the ongoing work with the young person" (L3046-3047). Each column head
of the action plan table prints a heading and a prompt: the heading is the label, the prompt its
printed hint. Both the young person and the practitioner sign it.
"""

from forms.criteria import from_last_scoring, scored_again
from forms.kinds import YOUNG_PERSON_AGE, Date, LongText, Number, Text
from forms.model import Artefact, Section
from forms.prefill import TODAY
from forms.repeat import Repeat
from forms.rules import not_before

AGREED = "I agree that this is an accurate record of our discussion"

_actions = Repeat(
    "actions",
    "Action plan",
    item_label="Action",
    add_label="Add another row",
    # Inferred (inventory 5.6): the column heads are read as one table; the number of rows is
    # not printed. At most 20, one a session (the intervention is up to 20 sessions, L3036).
    hint="One row for each concern. Add a row for each further concern.",
    fields=(
        LongText(
            "concern",
            "What's the concern?",
            hint="Based on the risks identified in referral and the growth explosion",
            print_hint=True,
            error_name="the concern",
        ),
        LongText(
            "action",
            "Action - what can we do?",
            hint="What will we do to reduce this concern? Think about what would support you to"
            " manage the risk, and make things feel better.",
            print_hint=True,
            error_name="the action",
        ),
        # Inferred (inventory 5.8): a column of its own rather than a third prompt of Action.
        LongText(
            "measure",
            "How will we measure if it's better?",
            error_name="how we will measure if it's better",
        ),
        Date("by_when", "By when", future_ok=True, error_name="the by when date"),
        Number(
            "session_number",
            "Session number",
            minimum=1,
            maximum=20,
            hint="The session, from 1 to 20, at which this will be done",
            error_name="the session number",
        ),
        LongText(
            "review",
            "Review- how is it going?",
            # Printed as one cell, verbatim (L3836-3839); the web shows the prompt as a hint.
            paper_label="Review- how is it going? Ongoing review throughout the programme What"
            " has made it feel better, what is different? What has worked to support you to"
            " make the progress?",
            hint="Ongoing review throughout the programme. What has made it feel better, what is"
            " different? What has worked to support you to make the progress?",
            error_name="the review",
        ),
        Date("date_of_review", "Date of review", future_ok=True, error_name="the date of review"),
    ),
)

ARTEFACT = PHOENIX_ACTION_PLAN = Artefact(
    slug="phoenix_action_plan",
    title="Phoenix Project individual action plan and review (Appendix 2)",
    summary="The Phoenix worker and the young person draw up the personalised action plan at"
    " session five, and review it as part of the ongoing work with the young person.",
    source="Phoenix Project manual, Appendix 2, lines 3812-3851",
    inventory="5",
    audience="The Phoenix Project",
    order=2,
    sections=(
        # No heading is printed above the header boxes; this one is inferred.
        Section(
            "Young person and practitioner",
            (
                Text(
                    "young_person_name",
                    "Name of young person",
                    required=True,
                    error_name="the name of the young person",
                ),
                Date(
                    "dob",
                    "DOB",
                    born_years_ago=YOUNG_PERSON_AGE,
                    error_name="the young person's date of birth",
                ),
                Text("case_number", "Case number", error_name="the case number"),
                Text(
                    "practitioner",
                    "Practitioner completing",
                    error_name="the name of the practitioner completing",
                ),
                Date("plan_date", "Date", error_name="the date of the action plan"),
            ),
        ),
        Section(
            "Action plan",
            (_actions,),
            description="When completing an action plan please consider exit routes and"
            " progression. This should form part of the review process",
            print_description=True,  # L3813
        ),
        # Inferred (L3040, L3046-3047, L3072): the outcome star "distance travelled tool" is
        # the referral's criteria scored again when the plan is reviewed; not required, as a
        # review may not score them again. Each version that has scores is one review
        # (outcomes.series).
        scored_again(
            "Distance travelled at this review",
            "If you scored the referral's criteria again at this review, select for each the"
            " statement which most accurately describes the young person's current"
            " circumstances. Each starts as it was last scored: at the last review, or else at"
            " referral.",
        ),
        Section(
            "Young person",
            (
                # Inferred (inventory 5.13): a signature on paper; the young person types their
                # name. The printed declaration above "Signed:" is its printed hint.
                Text(
                    "young_person_signed",
                    "Signed:",
                    hint=AGREED,
                    print_hint=True,
                    error_name="the young person's signature",
                ),
                Date(
                    "young_person_signed_date",
                    "Date:",
                    error_name="the date the young person signed",
                ),
            ),
            description="The young person types their name to sign.",
        ),
        Section(
            "Practitioner completing assessment",
            (
                Text(
                    "practitioner_signed",
                    "Signed:",
                    hint=AGREED,
                    print_hint=True,
                    error_name="the practitioner's signature",
                ),
                Date(
                    "practitioner_signed_date",
                    "Date:",
                    error_name="the date the practitioner signed",
                ),
            ),
            description="The practitioner completing the assessment types their name to sign.",
        ),
    ),
    rules=(
        # A plan is reviewed "as part of the ongoing work" after it is drawn up (L3046-3047).
        not_before(
            "plan_date",
            "date_of_review",
            "The date of review must be the same as or after the date of the action plan",
            within="actions",
        ),
    ),
    prefill={
        "young_person_name": ("phoenix_referral.person_name", "case.full_name"),
        "dob": ("phoenix_referral.person_dob", "case.dob"),
        "case_number": ("case.case_reference", "phoenix_delivery_plan.case_no"),
        "practitioner": "user.name",
        # The plan is dated the day it is drawn up with the young person (L3046). The two
        # signature dates are not filled in: each is the day that person signs.
        "plan_date": TODAY,
        # The criteria as last scored: this plan's latest version, else the referral.
        **from_last_scoring(),
    },
)
