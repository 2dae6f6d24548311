"""Referral form: Phoenix Project – tackling child sexual exploitation (Appendix 1).

Strategy document, Phoenix Project manual, "12. Appendix 1" (cse-strategy.txt L3366-3811);
inventory artefact 4. The referrer completes it once MASE agrees a referral to the project
(L2865-2867), for a young person aged 10 to 17 (L1333-1334). Labels and option labels are
verbatim from the inventory; the printed typo "ECHP" is kept (the fixed label is not printed).
"""

from forms.carry import concerns_in_words, ticks_when_yes, when_yes, yes_or_no
from forms.choices import Choice, MultiChoice, Option, YesNo
from forms.kinds import YOUNG_PERSON_AGE, Date, Email, LongText, Phone, Postcode, Text
from forms.model import Artefact, Section
from forms.prefill import TODAY, From
from forms.rules import age_on

YES_NO = ("YES", "NO")
YES_NO_LOWER = ("YES", "No")
KNOWN_SUSPECTED = (
    Option("known", "Known"),
    Option("suspected", "Suspected"),
    Option("none", "None"),
    Option("unknown", "Unknown"),
)


def _known_suspected(name: str, label: str, called: str) -> Choice:
    return Choice(name, label, options=KNOWN_SUSPECTED, inline=True, error_name=called)


# Canonical wording of the police risk categories (inventory, "Police risk categories").
CATEGORY_1 = (
    "A vulnerable child or young person, where there are concerns they are being targeted and"
    " groomed and where any CSE warning signs have been identified. However, at this stage there"
    " is no evidence of any offences."
)
CATEGORY_2 = (
    "Evidence a child or young person is being targeted for opportunistic abuse through the"
    " exchange of sex for drugs, perceived affection, sense of belonging, accommodation"
    " (overnight stays), money and goods etc. This will also include a child or young person"
    " being sexually exploited through the use of technology and without the child or young"
    " person receiving any reward i.e. the exchange of indecent images on-line. The likelihood"
    " of coercions and control is significant."
)
CATEGORY_3 = (
    "A child or young person whose sexual exploitation is habitual, self denied and where"
    " coercion/ control is implicit. This is often carried out by multiple perpetrators."
)

OLDER_PERSON = "older_person"
OLDER_PERSON_LABEL = "Concerns about relationship with older male or female"
# On paper the reader deletes "male" or "female"; on the web they choose (older_person_sex).
DELETE_AS_APPROPRIATE = " (delete as appropriate)"
RISK_INDICATORS = (
    ("disclosure", "Disclosure of sexual exploitation"),
    ("sexual_assault", "Victim of sexual assault"),
    ("alcohol_drugs", "Alcohol or drug use"),
    ("eating_disorder", "Eating disorder"),
    ("money_items", "Unexplained money or items"),
    ("peers_information", "Information from peers"),
    ("incident", "Incident or suspected incident of sexual exploitation"),
    (OLDER_PERSON, OLDER_PERSON_LABEL),
    ("gone_missing", "Gone missing"),
    ("breakdown", "Breakdown in relationship with parents or carers"),
    ("red_light", "Observed in red light areas or venues of concern"),
    ("self_harm", "Self-harm"),
)

VIOLENCE = (
    ("violence_domestic_abuse", "Domestic abuse"),
    ("violence_sexual_abuse", "Sexual abuse"),
    ("violence_family", "Physical violence from family"),
    ("violence_partner", "Physical violence from partner"),
    ("violence_towards_others", "Violence towards others"),
    ("violence_peers", "Violent peers"),
    ("violence_stranger", "Stranger violence"),
)

# The fourteen criteria (4.54-4.67), each with its five statements in printed order, level 1
# (least concern) to level 5 (most concern).
CRITERIA = (
    (
        "carers",
        "Relationship with main carer/s",
        (
            "Significant understanding and good communication, strong attachment and few arguments",
            "Carers have some empathy and there are times when they communicate well",
            "Some attachment to carers, rarely express feelings to carers",
            "Does not communicate well with carers and has frequent arguments",
            "Does not appear to be a bond with carer/s. Young person talks about running away",
        ),
    ),
    (
        "feelings",
        "Ability to express feelings",
        (
            "Communicates easily and appropriately with others about their problems and feelings",
            "Communicates problems and feelings, sometimes inappropriately or with difficulty",
            "Attempts to discuss problems and feelings, occasionally resorts to acting them out",
            "Sometimes discusses feelings or problems but often acts them out",
            "Does not know how to discuss feelings or problems, always acts them out",
        ),
    ),
    (
        "sexual_health",
        "Sexual health",
        (
            "Takes good care of their sexual health and is fully aware of the risks",
            "Takes some measures to protect their sexual health and displays a reasonable"
            " awareness of risks",
            "Is beginning to take steps to protect their sexual health and displays a growing"
            " awareness of the risks",
            "Takes no action to protect their sexual health and displays a limited awareness of"
            " the risks",
            "Takes no action to protect their sexual health and displays no awareness of the risks",
        ),
    ),
    (
        "drugs_alcohol",
        "Drugs or alcohol use",
        (
            "No drug use or limited alcohol use, does not appear to impact on daily life,"
            " drug/alcohol use is responsible",
            "Does not appear to be dependent on drugs/alcohol, but drug/alcohol use leads to risky"
            " situations or drug/alcohol use is increasing",
            "Regular drug/alcohol use acknowledged, may escalate e.g. occasional binge use",
            "Behaviour indicates suspected drug or alcohol dependency",
            "Clear evidence of problematic drug or alcohol use, appears dependent",
        ),
    ),
    (
        "abuse_awareness",
        "Ability to identify abusive or exploitative behaviour",
        (
            "Good understanding of abusive or exploitative behaviour, makes positive choices",
            "Reasonable understanding of abusive or exploitative behaviour, applies this to self",
            "Some understanding of abusive or exploitative behaviour, fails to apply to self",
            "Limited understanding of abusive or exploitative behaviour",
            "No understanding of abusive or exploitative behaviour or sense of how they should be"
            " treated",
        ),
    ),
    (
        "involvement",
        "Involvement in sexual exploitation",
        (
            "Minimal risk",
            "Early intervention and preventative education needed to address potential risk",
            "Concerns are not immediate, but some behaviour in young person's life put them at"
            " risk",
            "Young person's lifestyle places them at a high risk",
            "Has disclosed sexual exploitation or there is clear evidence to indicate this",
        ),
    ),
    (
        "safety_strategies",
        "Ability to describe safety strategies",
        (
            "Confidently describes and practices safety strategies",
            "Describes and usually practices safety strategies",
            "Some awareness of safety strategies but occasionally places self at risk",
            "Some awareness of safety strategies but often places self at risk",
            "No awareness of safety strategies and regularly places self in risky situations",
        ),
    ),
    (
        "risk_level",
        "Level of risk or harm",
        (
            "Minimal risk",
            "Low risk level and few risk indicators",
            "Medium risk due to regular occurrence of risky behaviours",
            "High risk, regular occurrence of several risk indicators",
            "High risk, several indicators present at all times",
        ),
    ),
    (
        "risky_association",
        "Association with risky adults or peers",
        (
            "No known contact with risky adults/peers",
            "Minimal/infrequent contact with risky adults/peers",
            "Some contact with risky adults/peers, some recognition of risks",
            "Regular contact with risky adults/peers, despite recognising risks",
            "Frequently associating with risky adults/peers, does not acknowledge risks",
        ),
    ),
    (
        "accommodation",
        "Accommodation",
        (
            "Young person is satisfied with accommodation and it meets their needs",
            "Accommodation meets most needs and is relatively settled. Some concerns about long"
            " term stability",
            "Unstable or unsuitable accommodation. Young person is not satisfied where they are"
            " living",
            "In temporary accommodation, considered unsuitable",
            "Homeless – can include staying with friends or in hostels",
        ),
    ),
    (
        "support_access",
        "Access to support services",
        (
            "Family or young person is fully supported, appropriate to their level of need",
            "Family or young person are willing to engage and receiving some support; some unmet"
            " needs",
            "Some barriers to accessing full support, may include lack of awareness or willingness",
            "Significant barriers to accessing full support, may include lack of awareness or"
            " willingness",
            "No access to support, would need significant help to access services",
        ),
    ),
    (
        # Levels 3 and 4 overlap as printed (exactly 3 times a month is in neither): verbatim.
        "missing",
        "Missing",
        (
            "No missing episodes",
            "Stays out late, but not overnight and whereabouts is usually known",
            "Goes missing, but less than 3 times per month",
            "Goes missing for less than 24 hours each time, but more than 3 times per month",
            "Frequent (more than 3 times per month) and prolonged (more than 24 hours) missing"
            " episodes",
        ),
    ),
    (
        "ete",
        "Education, training and employment",
        (
            "Engaged in full time education, training or employment",
            "Engaged in full time education or employment, irregular attendance",
            "Engaged in part time education or employment, irregular attendance",
            "Not engaged in education, training or employment, but interested in accessing",
            "Not engaged in education, training or employment, with no interest in re-engaging",
        ),
    ),
    (
        "rights",
        "Rights and risk awareness (sexual)",
        (
            "Clear sense of rights, can recognise risk in own life and potential exploitation",
            "Recognises own rights and risk but own behaviour does not always reflect this",
            "Shows limited understanding of risks and rights",
            "Shows limited understanding of risks and rights for others, but not self",
            "No sense of rights, or of how they are entitled to be treated",
        ),
    ),
)
OTHER = "Other – please give details"


def criterion(
    key: str, label: str, statements: tuple[str, ...], *, required: bool = False
) -> Choice:
    """One criterion: tick the statement that fits best, or Other with details. The action
    plan's reviews and the case closure score the same criteria again with it (forms.criteria),
    under the same name and option values, so that the scorings compare (outcomes)."""
    called = f"the statement that fits \u2018{label}\u2019"
    return Choice(
        f"criterion_{key}",
        label,
        required=required,
        error_name=called,
        options=(
            *(Option(str(level), text) for level, text in enumerate(statements, start=1)),
            # Inferred (inventory 4.54-4.67): ticking "Other" opens a box for the details, which
            # "please give details" asks for: required when Other is chosen (forms.model).
            Option(
                "other",
                OTHER,
                reveal=(
                    LongText(
                        f"criterion_{key}_other",
                        OTHER,
                        required=True,
                        error_name=f"the other details for \u2018{label}\u2019",
                    ),
                ),
            ),
        ),
    )


ARTEFACT = PHOENIX_REFERRAL = Artefact(
    slug="phoenix_referral",
    title="Referral form: Phoenix Project – tackling child sexual exploitation",
    summary="The referring practitioner or lead professional completes this when MASE agrees a"
    " referral to the Phoenix Project, for a young person aged 10 to 17, and sends it to the"
    " project's CSE referrals inbox, copied to the relevant Associate Director of Safeguarding.",
    source="Phoenix Project manual, Appendix 1, lines 3366-3811",
    inventory="4",
    audience="The Phoenix Project",
    order=1,
    sections=(
        # No heading is printed above the referrer's details; "Referrer" is inferred.
        Section(
            "Referrer",
            (
                Date(
                    "date_of_referral",
                    "Date of referral",
                    required=True,
                    error_name="the date of referral",
                ),
                # Suggestion (inventory 4.2): the four accepted sources are offered as the user
                # types, but any service is accepted (the Assistant Director may refer, L2898).
                Text(
                    "referring_service",
                    "Referring service",
                    hint="For example Early Help Services, Social Care, Education or SPA",
                    suggestions=("Early Help Services", "Social Care", "Education", "SPA"),
                    error_name="the referring service",
                ),
                Text(
                    "referrer_name",
                    "Name of referrer",
                    required=True,
                    error_name="the name of the referrer",
                ),
                Phone(
                    "referrer_phone", "Telephone no.", error_name="the referrer's telephone number"
                ),
                Email("referrer_email", "Email", error_name="the referrer's email address"),
                LongText("referrer_address", "Address", error_name="the referrer's address"),
                Postcode("referrer_postcode", "Postcode", error_name="the referrer's postcode"),
            ),
        ),
        Section(
            "Person referred",
            (
                Text(
                    "person_name",
                    "Name of person referred",
                    required=True,
                    error_name="the name of the person referred",
                ),
                Date(
                    "person_dob",
                    "Date of birth",
                    required=True,
                    hint="The Phoenix Project works with young people aged 10 to 17.",
                    born_years_ago=YOUNG_PERSON_AGE,
                    error_name="the date of birth of the person referred",
                ),
                Text("person_gender", "Gender", error_name="the gender of the person referred"),
                LongText(
                    "person_address", "Address", error_name="the address of the person referred"
                ),
                Postcode(
                    "person_postcode",
                    "Postcode",
                    error_name="the postcode of the person referred",
                ),
                YesNo(
                    "contact_at_address",
                    "Can person be contacted at this address",
                    labels=YES_NO,
                    error_name="whether the person can be contacted at this address",
                ),
                Phone(
                    "person_phone",
                    "Telephone number",
                    error_name="the telephone number of the person referred",
                ),
                Choice(
                    "number_for",
                    "Is this number for...",
                    inline=True,
                    error_name="whose telephone number it is",
                    options=(
                        Option("young_person", "Young person"),
                        Option("parent_or_carer", "Parent or carer"),
                    ),
                ),
                Choice(
                    "care_status",
                    "Is the young person…",
                    error_name="whether the young person is at home or looked after",
                    options=(
                        Option("home_no_care", "At home – no experience of care"),
                        Option("home_previous_care", "At home – previous experience of care"),
                        Option("looked_after", "Current looked after child"),
                    ),
                ),
                LongText(
                    "care_details",
                    "Please provide further details",
                    hint="About where the young person lives and any experience of care.",
                    error_name="the further details of where the young person lives",
                ),
                Text("ethnicity", "Ethnicity"),
                Text("religion", "Religion"),
                Text("language", "First language or preferred language"),
                YesNo(
                    "interpreter",
                    "Interpreter Required",
                    labels=YES_NO_LOWER,
                    error_name="whether an interpreter is required",
                ),
            ),
        ),
        Section(
            "Parent or carer",
            (
                Text(
                    "parent_name",
                    "Name of parent or carer",
                    error_name="the name of the parent or carer",
                ),
                Phone(
                    "parent_phone",
                    "Parent or carer phone number",
                    error_name="the parent or carer phone number",
                ),
                YesNo(
                    "parent_aware",
                    "Is the parent or carer aware of the referral?",
                    labels=YES_NO,
                    error_name="whether the parent or carer is aware of the referral",
                ),
                YesNo(
                    "lives_with_parent",
                    "Does young person live with this parent or carer",
                    labels=YES_NO,
                    error_name="whether the young person lives with this parent or carer",
                ),
            ),
        ),
        Section(
            "Needs",
            (
                YesNo(
                    "disabilities",
                    "Physical or learning disabilities:",
                    labels=YES_NO_LOWER,
                    error_name="whether the young person has physical or learning disabilities",
                    # Suggestion (inventory 4.27): the details box opens under YES.
                    if_yes=(
                        LongText(
                            "disability_details",
                            "Please provide details",
                            error_name="the details of the physical or learning disabilities",
                        ),
                    ),
                ),
            ),
        ),
        Section(
            "Education",
            (
                YesNo(
                    "in_education",
                    "Is the young person in education",
                    labels=YES_NO_LOWER,
                    error_name="whether the young person is in education",
                    # Suggestion (inventory 4.29): the establishment box opens under YES.
                    if_yes=(
                        Text(
                            "education_establishment",
                            "Name of educational establishment",
                            error_name="the name of the educational establishment",
                        ),
                    ),
                ),
                YesNo(
                    "sen_statement",
                    "Statement of SEN or ECHP",
                    labels=YES_NO_LOWER,
                    hint="A statement of special educational needs or an Education, Health and"
                    " Care Plan (EHCP).",
                    error_name="whether the young person has a statement of SEN or an EHCP",
                ),
            ),
        ),
        Section(
            "Child protection",
            (
                # Inferred (inventory 4.31-4.32): one status, then the plan's category.
                Choice(
                    "cp_status",
                    "Child protection registration status/ plan",
                    inline=True,
                    error_name="the child protection registration status or plan",
                    options=(
                        Option("current", "Current"),
                        Option("historic", "Historic"),
                        Option("none", "None"),
                    ),
                ),
                # Shown for Current or Historic on paper, but a box can be revealed by only one
                # option: a plain tick-any after the status. No label is printed for it.
                MultiChoice(
                    "cp_category",
                    "Category of plan",
                    paper_label="(category of plan)",
                    hint="If Current or Historic: select all that apply.",
                    error_name="the category of the child protection plan",
                    options=(
                        Option("physical", "Physical Abuse"),
                        Option("sexual", "Sexual Abuse"),
                        Option("emotional", "Emotional Abuse"),
                        Option("neglect", "Neglect"),
                    ),
                ),
            ),
        ),
        Section(
            "Risk indicators",
            (
                MultiChoice(
                    "risk_indicators",
                    "Please indicate whether you believe the following risk indicators to be"
                    " present:",
                    hint="Select all that apply.",
                    error_name="the risk indicators",
                    options=tuple(
                        Option(
                            value,
                            label,
                            paper_label=label + DELETE_AS_APPROPRIATE
                            if value == OLDER_PERSON
                            else None,
                            # Inferred (inventory 4.41): "delete as appropriate" becomes a
                            # choice of male or female, shown when this indicator is ticked.
                            reveal=(
                                Choice(
                                    "older_person_sex",
                                    "Older male or female",
                                    paper_label="(older male or female)",
                                    inline=True,
                                    error_name="whether the older person is male or female",
                                    options=(Option("male", "male"), Option("female", "female")),
                                ),
                            )
                            if value == OLDER_PERSON
                            else (),
                        )
                        for value, label in RISK_INDICATORS
                    ),
                ),
            ),
        ),
        Section(
            "Known / suspected",
            (
                _known_suspected(
                    "international_trafficking",
                    "International trafficking",
                    "whether international trafficking is known or suspected",
                ),
                _known_suspected(
                    "internal_trafficking",
                    "Internal trafficking",
                    "whether internal trafficking is known or suspected",
                ),
                # Inferred (inventory 4.48): tick all that apply; "None" excludes the others.
                MultiChoice(
                    "parenthood_status",
                    "Parenthood Status",
                    hint="Select all that apply, or None.",
                    error_name="the parenthood status",
                    exclusive=("none",),
                    options=(
                        Option("parent", "Parent"),
                        Option("pregnant", "Pregnant"),
                        Option("miscarriage", "Recent miscarriage"),
                        Option("termination", "Recent termination"),
                        Option("none", "None"),
                    ),
                ),
                _known_suspected(
                    "peers_exploitation",
                    "Peers involved in exploitation",
                    "whether peers involved in exploitation are known or suspected",
                ),
                Choice(
                    "gun_knife_crime",
                    "Involvement in gun or knife crime",
                    inline=True,
                    error_name="the involvement in gun or knife crime",
                    options=(
                        Option("gun", "Gun"),
                        Option("knife", "Knife"),
                        Option("both", "Both"),
                        Option("none", "None"),
                        Option("unknown", "Unknown"),
                    ),
                ),
                _known_suspected(
                    "drug_dealing",
                    "Involvement in drug dealing or drug running",
                    "whether involvement in drug dealing or drug running is known or suspected",
                ),
                Choice(
                    "youth_offending",
                    "History of youth offending",
                    inline=True,
                    error_name="whether there is a history of youth offending",
                    options=(
                        Option("yes", "YES"),
                        Option("no", "NO"),
                        Option("unknown", "Unknown"),
                    ),
                ),
            ),
        ),
        Section(
            "Experience of violence",
            (
                YesNo(
                    "violence",
                    "Experience of violence",
                    labels=YES_NO_LOWER,
                    hint="If YES, select Current, Historic or both for each kind of violence.",
                    error_name="whether the young person has experience of violence",
                    # Inferred (inventory 4.53a-g): both Current and Historic may be ticked.
                    if_yes=tuple(
                        MultiChoice(
                            name,
                            label,
                            inline=True,
                            error_name=f"whether {label.lower()} is current or historic",
                            options=(
                                Option("current", "Current"),
                                Option("historic", "Historic"),
                            ),
                        )
                        for name, label in VIOLENCE
                    ),
                ),
            ),
        ),
        Section(
            "Criteria",
            tuple(criterion(*scored) for scored in CRITERIA),
            description="For each of the following criteria, select the statement which most"
            " accurately describes the young person's current circumstances.",
            paper_description="For each of the following criteria please tick one box which most"
            " accurately describes the young person's current circumstances",
        ),
        Section(
            "Summary of concerns",
            (
                LongText(
                    "summary_of_concerns",
                    "Summary of concerns",
                    error_name="the summary of concerns",
                ),
            ),
            description="Please note referrals should be made after or concurrently to a"
            " referral to Mase. Send the completed referral form to the Phoenix Project CSE"
            " referrals inbox and copy it to the relevant Associate Director of Safeguarding.",
            # As printed (L3801-3805).
            paper_description="Please note referrals should be made after or concurrently to a"
            " referral to Mase. Please send your completed referral form to:"
            " csereferrals@achievingforchildren.org.uk and be copied to the relevant Associate"
            " Director of Safeguarding.",
        ),
        Section(
            "Office use only",
            (
                # Inferred (inventory 4.69): no options printed; MASE's police categories.
                Choice(
                    "police_category",
                    "Police risk category",
                    hint="Filled in by the Phoenix Project, not by the referrer.",
                    error_name="the police risk category",
                    options=(
                        Option("1", "Category 1 (at risk)", hint=CATEGORY_1),
                        Option("2", "Category 2 (medium risk)", hint=CATEGORY_2),
                        Option("3", "Category 3 (high risk)", hint=CATEGORY_3),
                    ),
                ),
            ),
        ),
    ),
    rules=(
        age_on(
            "person_dob",
            "date_of_referral",
            minimum=10,
            below=18,
            message="The person referred must be aged 10 to 17 on the date of referral: the"
            " Phoenix Project accepts referrals for children or young people aged 10 to 17 years",
        ),
    ),
    # What the case's earlier forms know: the CSE referral, the MASE referral information and
    # MASE case summary (the referral follows MASE, L2865-2869), and Spotting the Signs.
    prefill={
        # The referral is dated the day it is made and sent (L3374, L3803).
        "date_of_referral": TODAY,
        "referring_service": "user.organisation",
        "referrer_name": "user.name",
        "referrer_phone": "user.phone",
        "referrer_email": "user.email",
        "person_name": "case.full_name",
        "person_dob": ("case.dob", "cse_referral.child_dob"),
        "person_gender": ("case.gender", "cse_referral.child_gender", "spotting_the_signs.gender"),
        "person_address": ("case.address", "cse_referral.child_address_1"),
        "person_postcode": "case.postcode",
        # The MASE page's status words (its suggestions) and the young person's own answer; a
        # "no" cannot say which of the two "At home" options it is.
        "care_status": (
            From("mase_case_summary.status", via={"Looked after child": "looked_after"}),
            From("spotting_the_signs.looked_after", via=when_yes("looked_after")),
        ),
        "ethnicity": (
            "case.ethnicity",
            "cse_referral.child_ethnicity",
            "spotting_the_signs.ethnicity",
        ),
        "religion": "cse_referral.child_religion",
        "language": "cse_referral.child_language",
        # Spotting the Signs asks "Learning or physical disability:" for yes or no with details.
        "disabilities": From("spotting_the_signs.disability", via=yes_or_no),
        "disability_details": "cse_referral.child_disability",  # only under YES
        # "Do you attend school/ education ...?" answered yes or no: the young person's own word.
        "in_education": From("spotting_the_signs.attends_education", via=yes_or_no),
        "education_establishment": ("mase_case_summary.school", "cse_referral.child_education"),
        "cp_status": From("mase_case_summary.status", via={"Child protection plan": "current"}),
        # Indicators the young person or the practitioner answered yes to in Spotting the Signs.
        "risk_indicators": ticks_when_yes(
            {
                "spotting_the_signs.runaway": "gone_missing",
                "spotting_the_signs.self_harm": "self_harm",
                "spotting_the_signs.drugs_alcohol": "alcohol_drugs",
                "spotting_the_signs.suspicion_of_cse": "incident",
            }
        ),
        "summary_of_concerns": (
            From("cse_referral", via=concerns_in_words),
            "cse_referral.concerns_summary",  # if the whole would be too long for the box
        ),
        # The category MASE uses now (its latest page), else the strategy meeting's (L879).
        "police_category": ("mase_case_summary.risk_rating", "mase_referral.police_category"),
    },
    # Filled in by the referring practitioner after MASE agrees (L2865-2867), whose case
    # "MUST have an allocated, named, lead professional" (L1333-1335); the Phoenix Project
    # receives and reads it (L3803-3805), as SPA does the CSE referral.
    started_by=frozenset({"referrer", "lead_professional", "manager"}),
)
