"""Phoenix Project delivery plan (Appendix 3): the Phoenix worker's session plan for one young
person, ticked and dated as each topic is partly or fully covered.

Phoenix Project manual, "14. Appendix 3: Phoenix Project delivery plan" (cse-strategy.txt
L3852-4013); inventory artefact 6. The paper prints twenty session cells in five rows of four:
the first row headed "Establishing relationships and planning" (sessions 1-4, L3878), the others
"Topics to cover" (sessions 5-20, L3906). Here each row group is a repeating block numbered as on
paper, so only the sessions actually held are filled in and printed.
"""

from collections.abc import Mapping
from typing import Any

from forms.choices import Choice, MultiChoice, Option
from forms.kinds import Date, LongText, Number, Text
from forms.model import Artefact, Section
from forms.repeat import Repeat
from forms.rules import no_more_than

# "Between 8 and 20 sessions" (L3036); more only when agreed with the Associate Director of
# Safeguarding (L3095-3097), which the plan records with the date agreed. Inferred: 52 at
# most then, weekly contact (L2960) for a year.
USUAL_MOST = 20
AGREED_MOST = 52
FIRST_SESSIONS_HELD = 4  # sessions 1-4 establish the relationship (L3038-3039)
AGREED = (
    "then tick \u2018More than 20 sessions agreed with the Associate Director of"
    " Safeguarding\u2019 in the Client section and give the date agreed"
)

# The intervention menu of the manual (L3099-3174), headings as printed there; any topic may
# be typed. The outcome star is item 1 of the menu, used in sessions 1-4 and at the end (L3040).
TOPICS = (
    "Outcome star\u2122 (or equivalent)",
    "What is sexual exploitation?",
    "Who is at risk of sexual exploitation?",
    "Self-esteem, body image and sexuality",
    "Consent and healthy relationships",
    "Unhealthy or exploitative relationships",
    "Staying safe and minimising risks",
    "Sexual health and safe sex",
    "Grooming and befriending",
    "Mental health and wellbeing",
    "Internet safety and management of social networking",
)

TICK_AND_DATE = (
    "Please tick and date when each topic has been completed or partially completed. Please"
    " refer to notes for further details."
)
# The same instruction for the web, where there is nothing to tick.
DATE_AND_COVERED = (
    "Give the date of each session and its topic, and say whether the topic was partly or"
    " fully completed. Add any notes at the end."
)
FIRST_SESSIONS = (
    " Sessions one to four primarily focus on building rapport, developing a relationship and"
    " identifying key areas that need to be addressed. Fill in only the sessions held."
)


def _session_fields() -> tuple[Date | Text | Choice, ...]:
    """One session cell: "Session N Date:", "Topic", "Partly", "Fully"."""
    return (
        Date("session_date", "Date:", error_name="the date of the session"),
        Text(
            "topic",
            "Topic",
            suggestions=TOPICS,
            hint="Choose a topic from the intervention menu or type your own",
            error_name="the topic",
        ),
        # Inferred (inventory 6.8-6.9): the two printed ticks "Partly" and "Fully" are
        # alternatives, so one choice (or neither). No label is printed for the pair: it is
        # named by its two options.
        Choice(
            "covered",
            "Partly or fully",
            options=(Option("partly", "Partly"), Option("fully", "Fully")),
            inline=True,
            error_name="whether the topic was partly or fully covered",
        ),
    )


def _planned(data: Mapping[str, Any]) -> int:
    number = data.get("number_of_sessions")
    return number if isinstance(number, int) else 0  # not a number: its own check says so


def _held(data: Mapping[str, Any]) -> int:
    return len(data.get("relationship_sessions") or []) + len(data.get("topic_sessions") or [])


ARTEFACT = PHOENIX_DELIVERY_PLAN = Artefact(
    slug="phoenix_delivery_plan",
    title="Phoenix Project delivery plan (Appendix 3)",
    summary="The Phoenix worker plans the one-to-one sessions (between eight and 20, each one"
    " hour long) and records each topic as it is partly or fully completed.",
    source="Phoenix Project manual, Appendix 3, lines 3852-4013",
    inventory="6",
    audience="The Phoenix Project",
    order=3,
    sections=(
        # No heading is printed above the header boxes; "Client" is inferred.
        Section(
            "Client",
            (
                Text("client_name", "Client Name", required=True, error_name="the client's name"),
                # Between 8 and 20 as a rule (L3036), about 4 for a step-down from MASE (L2871)
                # and more than 20 when agreed with the Associate Director (L3095-3097): a hard
                # 8-20 would refuse real plans, so 1 to 52 (weekly contact, L2960, for a year),
                # more than 20 only when the agreement is ticked (the rules below).
                Number(
                    "number_of_sessions",
                    "No. of intervention sessions:",
                    hint="Each session is one hour long",
                    print_hint=True,
                    minimum=1,
                    maximum=AGREED_MOST,
                    error_name="the number of intervention sessions",
                ),
                # Not printed on the paper: where the manual's agreement to more than 20
                # sessions (L3095-3097) is recorded.
                MultiChoice(
                    "more_sessions",
                    "More than 20 sessions",
                    hint="For a high level case, more sessions may be agreed with the Associate"
                    " Director of Safeguarding, and reviewed with them.",
                    error_name="whether more than 20 sessions were agreed",
                    options=(
                        Option(
                            "agreed",
                            "More than 20 sessions agreed with the Associate Director of"
                            " Safeguarding",
                            reveal=(
                                Date(
                                    "more_sessions_agreed_on",
                                    "Date agreed",
                                    required=True,
                                    error_name="the date more than 20 sessions were agreed",
                                ),
                            ),
                        ),
                    ),
                ),
                Text("case_no", "Case no.", error_name="the case number"),
                Date(
                    "growth_explosion_completed",
                    "Date growth explosion completed",
                    error_name="the date the growth explosion was completed",
                ),
                Date(
                    "growth_explosion_reviewed",
                    "Date growth explosion reviewed",
                    error_name="the date the growth explosion was reviewed",
                ),
            ),
            description="This session plan is formulated based on need identified and is a working"
            " document to compliment goals identified on the personal action plan, progress will"
            " be regularly reviewed. The intervention is between eight and 20 sessions; about"
            " four for a step-down from MASE; more than 20 only where agreed with the Associate"
            " Director of Safeguarding.",
            # The printed instruction alone (L3866-3868); the rest is the manual's, for the web.
            paper_description="This session plan is formulated based on need identified and is a"
            " working document to compliment goals identified on the personal action plan,"
            " progress will be regularly reviewed.",
        ),
        Section(
            "Establishing relationships and planning",
            (
                Repeat(
                    "relationship_sessions",
                    "Establishing relationships and planning",
                    item_label="Session",
                    add_label="Add another session",
                    max_items=4,
                    first_number=1,
                    fields=_session_fields(),
                ),
            ),
            # The printed instruction (L3870-3871), then, on the web only, what the manual says
            # of these sessions (L3038-3039).
            description=DATE_AND_COVERED + FIRST_SESSIONS,
            paper_description=TICK_AND_DATE,
        ),
        Section(
            "Topics to cover",
            (
                Repeat(
                    "topic_sessions",
                    "Topics to cover",
                    item_label="Session",
                    add_label="Add another session",
                    # Sessions 5 to 20 on paper; to 52 when more were agreed (the rules below).
                    max_items=AGREED_MOST - FIRST_SESSIONS_HELD,
                    first_number=FIRST_SESSIONS_HELD + 1,
                    fields=_session_fields(),
                ),
            ),
            # What the manual says of these sessions (L3049-3050).
            description="Sessions five onwards consist of a mixture of activities and issue-based"
            " work focused on the identified assessment needs. Fill in only the sessions held.",
        ),
        # *(suggestion)* (inventory 6): the paper refers to notes but prints no box for them.
        # One notes box for the plan; its label is the printed reference to it.
        Section(
            "Notes",
            (
                LongText(
                    "notes",
                    "Notes",
                    paper_label="Please refer to notes for further details",
                    hint="Notes on the sessions, for example why a topic was only partly"
                    " completed, or what was agreed to cover next.",
                    error_name="the notes",
                ),
            ),
        ),
    ),
    rules=(
        no_more_than(
            USUAL_MOST,
            _planned,
            "The number of intervention sessions must be 20 or fewer, unless more were agreed"
            f" with the Associate Director of Safeguarding: {AGREED}",
            at="number_of_sessions",
            unless="more_sessions",
        ),
        no_more_than(
            USUAL_MOST,
            _held,
            "Give 20 sessions or fewer, unless more were agreed with the Associate Director of"
            f" Safeguarding: {AGREED}",
            at="topic_sessions",
            unless="more_sessions",
        ),
    ),
    prefill={
        "client_name": ("phoenix_referral.person_name", "case.full_name"),
        "case_no": ("case.case_reference", "phoenix_action_plan.case_number"),
    },
)
