"""CSE Referral Form: replaces the Word form practitioners send to SPA.

Strategy document section 2, "Referral pathways, referrals forms and meetings" (cse-strategy.txt
L454-571); inventory artefact 1. The SAFEGUARD headings and their indicator text come from the
practice guidance (L2605-2650). Labels are verbatim from the inventory; only the typo "FamIly"
is fixed.
"""

from forms.choices import YesNo
from forms.kinds import YOUNG_PERSON_AGE, Date, Email, Join, LongText, Phone, Text
from forms.model import Artefact, Section
from forms.prefill import TODAY
from forms.repeat import Repeat
from forms.rules import age_on, at_least_one

# Labels of the child and person-of-concern blocks that print the same on both.
_SAME_IN_BOTH = dict(
    alias="Alias",
    address_1="Address 1: Family",
    address_2="Address 2 (if different from address 1)",
    gender="Gender",
    sexual_orientation="Sexual orientation",
    language="Language spoken",
    ethnicity="Ethnicity",
    religion="Religion",
    disability="Disability/LD/SEN",
    # Inferred (inventory 1.19, 1.36): probably yes/no with details on paper; the form leaves a
    # box, so a text box keeps whatever the practitioner knows ("Yes - linked to ...").
    gang_affiliated="Gang affiliated",
    lead_practitioner="Lead Practitioner",
    social_worker="Social worker",
)
_ADDRESSES = ("address_1", "address_2")


def _person_fields(prefix: str, who: str) -> tuple[Text, ...]:
    """The boxes printed alike in the child block and the person-of-concern block."""
    return tuple(
        (LongText if key in _ADDRESSES else Text)(
            f"{prefix}{key}", label, error_name=f"the {who}'s {label.split(' (')[0].lower()}"
        )
        for key, label in _SAME_IN_BOTH.items()
    )


_CHILD = _person_fields("child_", "child")
_PERSON = _person_fields("", "person")
_BEFORE_DOB = 5  # alias, both addresses, gender and sexual orientation come before D.O.B


SAFEGUARD = (
    (
        "sexual_identity",
        "Sexual identity, wellbeing and choice",
        "Sexually transmitted infections (particularly repeat infections); pregnancy; terminations;"
        " changing or out of character sexual behaviour; exploring sexual relationships in an"
        " unsafe context or environment; unable to disclose sexual orientation and fearful of"
        " societal responses.",
    ),
    (
        "absence",
        "Absence, truancy and going missing",
        "Truancy from school, including during the school day; missing from home or care, and"
        " repeat incidents; travelling outside borough/town when missing; unexplained absences.",
    ),
    (
        "family",
        "Family and home",
        "Sexual, physical, emotional abuse and neglect; risks of forced marriage or so called"
        " honour based violence; female genital mutilation; domestic violence; substance misuse;"
        " parental mental health concerns; bereavement; parental and sibling criminality;"
        " experiences of homelessness or sofa surfing; living in care or temporary accommodation;"
        " immigration status.",
    ),
    (
        "emotional_health",
        "Emotional and physical health",
        "Suicidal thoughts, plans and attempts; self-harm; low self-esteem/confidence/worth;"
        " learning difficulties; changing emotional wellbeing and signs of poor mental health;"
        " unexplained injuries and changes in physical appearance.",
    ),
    (
        "gangs",
        "Gangs, Groups, Age Gaps and Crime",
        "Involvement in gangs or gang affected family, peers or siblings; concerns of abusive peer"
        " groups; involvement with older individuals or groups, lacking friends in the same age"
        " groups; older 'boyfriends'; sudden changes in peer groups; bullying, both on and off"
        " line; friends of young people experiencing CSE.",
    ),
    (
        "technology",
        "Use of technology and sexual bullying",
        "Sexting, both sending and receiving; being listed on social network pages in relation to"
        " sexual activity and, or named in videos; secretive use of the internet/phones/social"
        " networking sites; sudden behaviour changes when using the phone or internet; control via"
        " phone or internet; multiple or secretive social networking profiles.",
    ),
    (
        "substances",
        "Alcohol and substances",
        "Reliance on and changing use of substances, both legal and illegal.",
    ),
    (
        "gifts",
        "Receipt of unexplained gifts or money",
        "Unexplained money, mobile phones; phone credit, items, clothes, money; new nails; travel"
        " in taxis; gifts where payment is required at a later date; worries about having debts",
    ),
    (
        "distrust",
        "Distrust of authority figures",
        "Resistance to communicating with parents, carers, teachers, social services, health,"
        " police and others.",
    ),
)
CONCERN_FIELDS = ("concerns_summary", *(f"safeguard_{key}" for key, _, _ in SAFEGUARD))

_person_of_interest = Repeat(
    "persons",
    "Offender/Suspect/Person of Concern",
    item_label="Person of interest",
    add_label="Add another person of interest",
    # Printed once on paper; the guidance expects networks of persons of interest (L285),
    # so the block repeats.
    hint="Give each offender, suspect or person of concern you know of. Leave the block empty"
    " if there is nobody to name.",
    fields=(
        Text("forename", "Forename", error_name="the person's forename"),
        Text("surname", "Surname", error_name="the person's surname"),
        *_PERSON[:_BEFORE_DOB],
        # Inferred: an adult's date in the example, as the person of concern is often older
        # ("relationship with older male or female", L3474), though a peer may be named too.
        Date("dob", "D.O.B", born_years_ago=25, error_name="the person's date of birth"),
        *_PERSON[_BEFORE_DOB:],
        Text("gp", "GP", error_name="the person's GP"),
        Text("other_professional", "Other professional involved"),
        Text("education", "Education Status/school College"),
        Text("case_status", "Case status", error_name="the person's case status"),
        LongText("offending_history", "Offending history"),
        LongText("police_involvement", "YOS /Police involvement"),
        Text(
            "relationship_to_victim",
            "Relationship of Person of Interest to victim e.g. boyfriend, pimp, associate",
            error_name="the relationship of the person of interest to the victim",
        ),
    ),
)

ARTEFACT = CSE_REFERRAL = Artefact(
    slug="cse_referral",
    title="CSE Referral Form",
    summary="Any practitioner concerned about child sexual exploitation completes this and sends"
    " it to the Single Point of Access (SPA).",
    source="Strategy section 2, lines 454-571",
    inventory="1",
    sections=(
        # No heading is printed above the referrer's details; "Referrer" is inferred.
        Section(
            "Referrer",
            (
                Text(
                    "referrer_name",
                    "Name of Referrer",
                    required=True,
                    error_name="the name of the referrer",
                ),
                Text(
                    "referrer_agency", "Agency", required=True, error_name="the referrer's agency"
                ),
                Text("referrer_role", "Role", required=True, error_name="the referrer's role"),
                # Printed as one box "Email/ telephone number"; split so that each can be
                # checked (inventory 1.4 suggestion). At least one is required (rule below).
                Email(
                    "referrer_email",
                    "Email",
                    hint="Printed on the paper form as"
                    " \u201cEmail/ telephone number\u201d. Give an email address, a telephone"
                    " number or both.",
                    error_name="the referrer's email address",
                    # Printed again as the paper's one box (issue 12).
                    paper_label="Email/ telephone number",
                    joins=Join("referrer_phone", " / ", missing=None),
                ),
                Phone(
                    "referrer_phone",
                    "Telephone number",
                    error_name="the referrer's telephone number",
                    printed_in="referrer_email",
                ),
                Date(
                    "date_of_assessment", "Date of assessment", error_name="the date of assessment"
                ),
                Date(
                    "date_of_referral",
                    "Date of referral to SPA",
                    required=True,
                    error_name="the date of referral to SPA",
                ),
            ),
        ),
        Section(
            "Child",
            (
                Text(
                    "child_forename", "Forename", required=True, error_name="the child's forename"
                ),
                Text("child_surname", "Surname", required=True, error_name="the child's surname"),
                *_CHILD[:_BEFORE_DOB],
                Date(
                    "child_dob",
                    "D.O.B",
                    required=True,
                    born_years_ago=YOUNG_PERSON_AGE,
                    error_name="the child's date of birth",
                ),
                *_CHILD[_BEFORE_DOB:],
                Text(
                    "child_education",
                    "Education status/school/college",
                    error_name="the child's education status",
                ),
                Text("child_case_status", "Case status", error_name="the child's case status"),
            ),
        ),
        Section("Offender/Suspect/Person of Concern", (_person_of_interest,)),
        Section(
            "Locations of Interest",
            (
                LongText("victim_address", "Victim address"),
                LongText("offender_address", "Offender Address"),
                LongText(
                    "additional_locations",
                    "Additional locations of interest (e.g. Youth Clubs, Parks, Taxi Ranks,"
                    " Food outlets)",
                    error_name="the additional locations of interest",
                ),
            ),
        ),
        Section(
            "Details of current CSE Concerns",
            (
                LongText(
                    "concerns_summary",
                    "Details of current CSE Concerns (Use SAFEGUARD mnemonic \u2013see practice"
                    " guidance)",
                    hint="A summary of the concerns. Use the SAFEGUARD headings below for the"
                    " detail: fill in those that apply.",
                    error_name="the details of current CSE concerns",
                ),
                *(
                    LongText(f"safeguard_{key}", heading, hint=indicators)
                    for key, heading, indicators in SAFEGUARD
                ),
            ),
        ),
        Section(
            "Consultation, strategy meeting and MASE",
            (
                YesNo(
                    "consultation",
                    "Referred to CSE vulnerability & emerging themes consultation?",
                    error_name="whether the case was referred to consultation",
                    # Printed last on paper (L571); it belongs here (inventory 1.51).
                    if_yes=(
                        LongText(
                            "consultation_outcome", "If yes details of outcome of discussion:"
                        ),
                    ),
                ),
                YesNo(
                    "strategy_meeting",
                    "Strategy Meeting?",
                    error_name="whether there was a strategy meeting",
                    if_yes=(
                        LongText(
                            "strategy_meeting_summary", "Summary & actions from Strategy Meeting"
                        ),
                    ),
                ),
                YesNo(
                    "mase_referral",
                    "Referral to MASE?",
                    # Printed: "If yes MASE Referral Information form below to be completed by
                    # lead professional" (L562). Here the MASE Referral Information is started
                    # from this referral once it is submitted (Continues, forms.mase_referral).
                    hint="If yes, the lead professional completes the MASE Referral Information:"
                    " it can be started from this referral once you submit it.",
                    error_name="whether the case is referred to MASE",
                ),
                YesNo(
                    "pre_mase",
                    "Pre-MASE meeting? (See guidance & CSE referral flow chart)",
                    error_name="whether there was a pre-MASE meeting",
                    if_yes=(
                        LongText(
                            "pre_mase_summary", "If yes summary and actions from PRE MASE meeting"
                        ),
                    ),
                ),
            ),
        ),
    ),
    rules=(
        at_least_one(
            ("referrer_email", "referrer_phone"),
            "Enter an email address or a telephone number for the referrer",
            must="an email address or a telephone number for the referrer",
        ),
        age_on(
            "child_dob",
            "date_of_referral",
            minimum=0,
            below=18,
            message="The child must be under 18 on the date of referral to SPA: child sexual"
            " exploitation is defined for children and young people under 18",
        ),
        at_least_one(
            CONCERN_FIELDS,
            "Enter the details of current CSE concerns, in the summary or under at least one"
            " SAFEGUARD heading",
            must="the details of current CSE concerns, in the summary or under a SAFEGUARD heading",
        ),
    ),
    prefill={
        "referrer_name": "user.name",
        "referrer_agency": "user.organisation",
        "referrer_role": "user.job_title",
        "referrer_email": "user.email",
        "referrer_phone": "user.phone",
        # The form is sent to SPA when it is completed (L205, L211-215): the day it is made.
        # Not the date of assessment, which came before.
        "date_of_referral": TODAY,
        "child_forename": "case.forename",
        "child_surname": "case.surname",
        "child_address_1": "case.full_address",
        "child_gender": "case.gender",
        "child_dob": "case.dob",
        "child_ethnicity": "case.ethnicity",
    },
)
