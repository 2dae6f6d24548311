"""SPOTTING THE SIGNS: CHILD SEXUAL EXPLOITATION: the questionnaire a practitioner goes through
with a young person, then the practitioner's own analysis and the Fraser Guidelines.

Strategy document section 3, Practice Guidance, straight after the SAFEGUARD signs page
(cse-strategy.txt L2651-2814), adapted from the BASHH/Brook proforma; inventory artefact 3.
Where several questions share a printed line they are split, one box each, as the inventory
splits them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms.choices import YesNo
from forms.kinds import Blank, Date, LongText, Number, Text
from forms.model import Artefact, Problem, Section
from forms.rules import Rule

# Inferred (inventory 3.13-3.18): only an answer space is printed; a box keeps "No", or "Yes"
# with whatever detail the young person gives.
_YES_OR_NO_WITH_DETAILS = "Yes or no, with any details."

# Inferred (inventory 3.48-3.52): as above, for the practitioner's own judgement.
_EVIDENCE = "Yes or no, with the evidence."


def _twelve_months_covers_three(data: Mapping[str, Any]) -> list[Problem]:
    """The past 12 months include the past three months."""
    three, twelve = data.get("partners_three_months"), data.get("partners_twelve_months")
    if isinstance(three, int) and isinstance(twelve, int) and twelve < three:
        return [
            (
                "partners_twelve_months",
                "The number of people in the past 12 months must be at least the number in the"
                " past three months",
            )
        ]
    return []


_RULES: tuple[Rule, ...] = (_twelve_months_covers_three,)

ARTEFACT = SPOTTING_THE_SIGNS = Artefact(
    slug="spotting_the_signs",
    title="SPOTTING THE SIGNS: CHILD SEXUAL EXPLOITATION",
    summary="A practitioner goes through these questions with a young person to spot the signs"
    " of child sexual exploitation, then discusses any risks found with their CSE or"
    " Safeguarding Lead.",
    source="Strategy section 3, Practice Guidance, lines 2651-2814",
    inventory="3",
    audience="Practitioners making a referral",
    order=1,
    sections=(
        # No heading is printed above the visit details; "Visit and young person" is inferred.
        Section(
            "Visit and young person",
            (
                Number(
                    "visit_number",
                    "Visit number:",
                    required=True,
                    # Number needs both bounds for its message ("between 1 and 0" otherwise).
                    minimum=1,
                    maximum=999,
                    error_name="the visit number",
                ),
                # Inferred (inventory 3.2): only an answer space is printed; yes/no.
                YesNo(
                    "confidentiality",
                    "Confidentiality discussed and understood:",
                    required=True,
                    error_name="whether confidentiality was discussed and understood",
                ),
                # Child sexual exploitation is defined for those under 18 (L90).
                Number(
                    "age",
                    "Age:",
                    minimum=0,
                    maximum=17,
                    hint="The young person's age in years.",
                    error_name="the young person's age",
                ),
                Text("gender", "Gender:", error_name="the young person's gender"),
                Text("ethnicity", "Ethnicity:", error_name="the young person's ethnicity"),
            ),
        ),
        Section(
            "Education",
            (
                Text(
                    "attends_education",
                    "Do you attend school/ education other than school/pupil referral unit/"
                    " college/training/ employment?",
                    error_name="what the young person attends",
                ),
                Text(
                    "attends_regularly",
                    "Do you attend regularly?",
                    error_name="whether the young person attends regularly",
                ),
                Text(
                    "enjoys_it",
                    "Do you enjoy it?",
                    error_name="whether the young person enjoys it",
                ),
                Text(
                    "someone_to_talk_to_there",
                    "Is there anyone there who you can talk to?",
                    error_name="whether there is anyone there to talk to",
                ),
            ),
        ),
        Section(
            "Family Relationships",
            (
                Text("lives_with", "Who do you live with?", error_name="who they live with"),
                Text(
                    "things_at_home",
                    "How are things at home?",
                    error_name="how things are at home",
                ),
                Text(
                    "talk_at_home",
                    "Do you feel like you can talk to someone at home about sex and relationships?",
                    error_name="whether they can talk to someone at home",
                ),
                *(
                    Text(name, label, hint=_YES_OR_NO_WITH_DETAILS)
                    for name, label in (
                        ("young_carer", "Young carer:"),
                        ("looked_after", "Looked after child:"),
                        ("homeless", "Homeless:"),
                        ("runaway", "Runaway:"),
                        ("bereavement", "Family bereavement:"),
                        ("disability", "Learning or physical disability:"),
                    )
                ),
                LongText(
                    "other_agencies",
                    "Are you involved with any other agencies or professionals such as social"
                    " workers or mental health services?",
                    hint="Name each agency or professional. Leave this empty if there are none.",
                    error_name="the other agencies or professionals",
                ),
                # Inferred (inventory 3.20): yes/no. It is for when an agency is named above,
                # but a text box cannot reveal a question, and a chosen radio cannot be
                # cleared, so the hint says when to answer rather than a rule refusing it.
                YesNo(
                    "contact_agencies",
                    "If so, would you be happy for us to contact them if we feel we need to?",
                    hint="Answer only if you named an agency or professional above.",
                    error_name="whether we may contact the other agencies",
                ),
            ),
        ),
        Section(
            "Friendships",
            (
                Text(
                    "friends_own_age",
                    "Do you have friends your own age who you can talk to?",
                    error_name="whether they have friends their own age",
                ),
                Text(
                    "friends_know_partner",
                    "Do your friends like and know the person you have sex with (if you are"
                    " involved with or having sex with anyone)?",
                    error_name="whether their friends like and know the person",
                ),
            ),
        ),
        Section(
            "Relationships",
            (
                # Inferred (inventory 3.23): yes/no; the next two questions branch on it.
                YesNo(
                    "sexual_contact",
                    "Are you having sexual contact with anyone?",
                    error_name="whether the young person is having sexual contact with anyone",
                    no_first=True,
                    if_no=(
                        Text(
                            "last_sexual_contact",
                            "(If no) When was the last time you did?",
                            error_name="when the last time was",
                        ),
                    ),
                    if_yes=(
                        Text(
                            "happy_with_partner",
                            "(If yes) Are you happy with the person you're going out with/the"
                            " person you have sex with?",
                            error_name="whether they are happy with the person",
                        ),
                    ),
                ),
                # A number would refuse "don't know" (inventory 3.26 suggestion): a text box.
                Text(
                    "partner_age",
                    "How old is the person you are having sex with?",
                    error_name="how old the person is",
                ),
                Number(
                    "partners_three_months",
                    "How many people have you had sexual contact with in the past three months?",
                    minimum=0,
                    maximum=999,
                    error_name="the number of people in the past three months",
                ),
                Number(
                    "partners_twelve_months",
                    "In the past 12 months?",
                    minimum=0,
                    maximum=999,
                    error_name="the number of people in the past 12 months",
                ),
                Text(
                    "time_together",
                    "Where do you spend time together?",
                    error_name="where they spend time together",
                ),
                Text(
                    "where_met",
                    "Where did you meet the person you have sex with?",
                    error_name="where they met the person",
                ),
            ),
        ),
        Section(
            "Consent",
            (
                Text(
                    "made_scared",
                    "Have you ever been made to feel scared or uncomfortable by the person/s you"
                    " have been having sexual contact with?",
                    error_name="whether they have been made to feel scared or uncomfortable",
                ),
                Text(
                    "made_to_do",
                    "Have you ever been made to do something sexual that you didn't want to do,"
                    " or been intimidated?",
                    error_name="whether they have been made to do something sexual",
                ),
                Text(
                    "could_say_no",
                    "Do you feel you could say no to sex?",
                    error_name="whether they could say no to sex",
                ),
                Text(
                    "given_something",
                    "Has anyone ever given you something like gifts, money, drugs, alcohol or"
                    " protection for sex?",
                    error_name="whether anyone has given them something for sex",
                ),
                Text("where_sex", "Where do you have sex?", error_name="where they have sex"),
                Text(
                    "who_else_there",
                    "Who else is or was there when you have sex (or any other form of sexual"
                    " contact)?",
                    error_name="who else is or was there",
                ),
            ),
        ),
        Section(
            "Sexual Health",
            (
                Text(
                    "contraception",
                    "What contraception do you use?",
                    error_name="what contraception they use",
                ),
                Text(
                    "talk_contraception",
                    "Do you feel like you can talk to the person you have sex with about using"
                    " condoms or other forms of contraception?",
                    error_name="whether they can talk about contraception",
                ),
                # Inferred (inventory 3.39, 3.40): yes/no.
                YesNo(
                    "sti_test",
                    "Have you ever had an STI test?",
                    error_name="whether the young person has ever had an STI test",
                ),
                YesNo(
                    "sti",
                    "Have you ever had an STI?",
                    error_name="whether the young person has ever had an STI",
                    if_yes=(
                        Text(
                            "sti_details",
                            "If yes, which, and how many times?",
                            error_name="which STIs, and how many times",
                        ),
                    ),
                ),
                Text(
                    "drugs_alcohol",
                    "Do you ever use drugs and/or alcohol?",
                    error_name="whether they use drugs or alcohol",
                ),
                Text(
                    "drugs_before_sex",
                    "Do you often drink or take drugs before having sex?",
                    error_name="whether they drink or take drugs before sex",
                ),
            ),
        ),
        # No heading is printed over these four (inventory 3.44-3.47, after the page break at
        # L2763). "Emotional health and use of technology" is inferred from their subjects,
        # in the words of the SAFEGUARD headings (L2625, L2636).
        Section(
            "Emotional health and use of technology",
            (
                Text(
                    "feeling_down",
                    "Do you suffer from feeling down/depression?",
                    error_name="whether they suffer from feeling down",
                ),
                Text(
                    "self_harm",
                    "Have you ever tried to hurt yourself or self-harm?",
                    error_name="whether they have tried to hurt themselves",
                ),
                Text(
                    "sexual_messages",
                    "Have you ever been involved in sending or receiving messages of a sexual"
                    " nature?",
                    error_name="whether they have sent or received sexual messages",
                ),
                Text(
                    "sexual_pictures",
                    "Does anyone have pictures of you of a sexual nature?",
                    error_name="whether anyone has sexual pictures of them",
                ),
            ),
        ),
        Section(
            "Professional analysis",
            (
                *(
                    Text(name, label, hint=_EVIDENCE, error_name=called)
                    for name, label, called in (
                        ("coercion", "Coercion:", "coercion"),
                        (
                            "overt_aggression",
                            "Overt aggression (physical or verbal):",
                            "overt aggression",
                        ),
                        (
                            "suspicion_of_cse",
                            "Suspicion of sexual exploitation/grooming:",
                            "suspicion of sexual exploitation or grooming",
                        ),
                        ("sexual_abuse", "Sexual abuse:", "sexual abuse"),
                        ("power_imbalance", "Power imbalance:", "power imbalance"),
                    )
                ),
                LongText(
                    "other_vulnerabilities",
                    "Other vulnerabilities (please give details):",
                    error_name="other vulnerabilities",
                ),
                # The blank "__________________ (date)" of the printed sentence is this date:
                # a date to come.
                Date(
                    "discuss_with_lead_by",
                    "If you have identified risks or concerns please discuss with your CSE or"
                    " Safeguarding Lead by this date and follow your own child protection policy"
                    " and procedure.",
                    paper_label="If you have identified risks or concerns please discuss with"
                    " your CSE or Safeguarding Lead by __________________ (date) and follow your"
                    " own child protection policy and procedure.",
                    blank=Blank("__________________ (date)"),
                    hint="The date by which you will discuss the risks or concerns with your CSE"
                    " or Safeguarding Lead.",
                    future_ok=True,
                    error_name="the date to discuss with your CSE or Safeguarding Lead",
                ),
                LongText(
                    "additional_information",
                    "Any additional information:",
                    error_name="any additional information",
                ),
            ),
            description="Is there evidence of any of these within their relationship?",
            print_description=True,  # L2779
        ),
        # No heading is printed (inventory calls it "Sign-off"); "Signed: Printed:" share one line
        # (L2793) and no date is printed.
        Section(
            "Sign-off",
            (
                Text(
                    "signed",
                    "Signed:",
                    required=True,
                    hint="Type your name: it stands for your signature.",
                    error_name="your signature",
                ),
                Text(
                    "printed_name",
                    "Full name",
                    paper_label="Printed:",
                    required=True,
                    hint="Your full name, as you would print it.",
                    error_name="your full name",
                ),
            ),
        ),
        Section(
            "Fraser Guidelines",
            tuple(
                YesNo(name, label, error_name=f"whether {called}")
                for name, label, called in (
                    (
                        "fraser_understands",
                        "The young person understands the health professional's advice.",
                        "the young person understands the advice",
                    ),
                    (
                        "fraser_parents",
                        "The young person is aware that the health professional cannot inform"
                        " his/her parents that he/she is seeking sexual health advice without"
                        " consent, nor persuade the young person to inform his/her parents.",
                        "the young person is aware that their parents cannot be told",
                    ),
                    (
                        "fraser_intercourse",
                        "The young person is very likely to begin having, or continue to have,"
                        " intercourse with or without contraceptive/sexual health treatment.",
                        "the young person is very likely to have intercourse",
                    ),
                    (
                        "fraser_health",
                        "Unless he/she receives contraceptive advice or treatment the young"
                        " person's physical or mental health, or both, are likely to suffer.",
                        "the young person's health is likely to suffer without advice or treatment",
                    ),
                    (
                        "fraser_best_interests",
                        "The young person's best interests require the health professional to"
                        " give contraceptive advice, treatment, or both without parental consent.",
                        "the young person's best interests require advice without parental consent",
                    ),
                )
            ),
            description="For a health professional giving contraceptive or sexual health advice"
            " or treatment to a young person under 16 without parental consent.",
        ),
    ),
    rules=_RULES,
    prefill={
        "age": "case.age",
        "gender": "case.gender",
        "ethnicity": "case.ethnicity",
        "printed_name": "user.name",
    },
)
