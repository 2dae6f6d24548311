"""MASE Referral Information: the lead professional's part of the CSE referral, for MASE.

Strategy document section 2 (cse-strategy.txt L572-641), printed straight after the CSE
Referral Form and opened by its "Referral to MASE? Yes" (L558-562); inventory artefact 2. Each
row prints a heading and a prompt: the heading is the label, the prompt its hint.
"""

from forms.choices import Choice, Option
from forms.kinds import LongText, Text
from forms.model import Artefact, Continues, Section

# Canonical wording of the police risk categories (inventory, "Police risk categories").
CATEGORY_1 = (
    "At risk. A vulnerable child or young person, where there are concerns they are being"
    " targeted and groomed and where any CSE warning signs have been identified. However, at"
    " this stage there is no evidence of any offences."
)
CATEGORY_2 = (
    "Medium risk. Evidence a child or young person is being targeted for opportunistic abuse"
    " through the exchange of sex for drugs, perceived affection, sense of belonging,"
    " accommodation (overnight stays), money and goods etc. This will also include a child or"
    " young person being sexually exploited through the use of technology and without the child"
    " or young person receiving any reward i.e. the exchange of indecent images on-line. The"
    " likelihood of coercions and control is significant."
)
CATEGORY_3 = (
    "High risk. A child or young person whose sexual exploitation is habitual, self denied and"
    " where coercion/ control is implicit. This is often carried out by multiple perpetrators."
)

_BOXES = (
    (
        "missing_episodes",
        "Missing Episodes",
        "Pattern of missing details- dates, times , whereabouts located",
    ),
    ("missing_from_school", "Missing or Absent From School", "Dates"),
    ("a_and_e", "A & E attendance", "Hospital name, attendance dates and information"),
    ("cross_border", "Cross Border Issues", "List local authorities and any concerns"),
    ("substance_use", "Substance Use", "Summarise usage and substance type"),
    ("internet_use", "Risky Internet Use", "Website and platform used"),
    ("trafficking", "Trafficking", "Summarise concerns and whether NRM has been completed"),
    (
        "sexual_health",
        "Sexual Health Concerns",
        "Summarise known or suspected concerns & engagement with health services",
    ),
    ("county_lines", "County Lines", "Locations and times"),
    ("radicalisation", "Radicalisation", "Summarise concerns and referrals to Prevent"),
    (
        "familial_link",
        "Sibling or Familial CSE Link",
        "Identify if family members are linked to exploitative network and how",
    ),
    ("harmful_behaviour", "Sexually Harmful Behaviour", "Summarise concerns / incidents"),
)

ARTEFACT = MASE_REFERRAL = Artefact(
    slug="mase_referral",
    title="MASE Referral Information",
    summary="The lead professional completes this when the strategy meeting puts the case at"
    " police category 1 or above, and sends it to MASE business support.",
    source="Strategy section 2, lines 572-641",
    inventory="2",
    audience="Lead professionals and the MASE meeting",
    order=1,
    # On paper one form: the referral's "Referral to MASE? Yes" opens this part (L558-562).
    continues=Continues("cse_referral", "mase_referral", "yes", pack_title="Referral pack"),
    sections=(
        Section(
            "MASE Referral Information (to be completed by lead professional)",
            (
                *(
                    LongText(name, label, hint=prompt, print_hint=True)
                    for name, label, prompt in _BOXES
                ),
                # Inferred (inventory 2.13): no kind printed; a box keeps whatever is known,
                # "Yes, issued ..." or "No".
                Text(
                    "cawn_police_flag",
                    "CAWN Police Flag",
                    hint="Child Abduction Warning Notice: say whether one is flagged, and"
                    " against whom",
                ),
                LongText(
                    "additional_intelligence",
                    "Additional Intelligence",
                    hint="e.g. Vehicle Registration/Oyster card details",
                    print_hint=True,
                ),
                # Inferred (inventory 2.15): the three categories are printed on one line with
                # no label: one choice, each category's definition as its hint.
                Choice(
                    "police_category",
                    "Police category",
                    required=True,
                    error_name="the police category decided at the strategy meeting",
                    hint="The category of CSE risk decided at the strategy meeting.",
                    options=(
                        Option("1", "Police category 1", hint=CATEGORY_1),
                        Option("2", "Police category 2", hint=CATEGORY_2),
                        Option("3", "Police category 3", hint=CATEGORY_3),
                    ),
                ),
            ),
        ),
    ),
    # The CSE referral it continues has said some of this under its SAFEGUARD headings
    # (L2613-2615, L2636-2642): a start for the lead professional's fuller account.
    prefill={
        "missing_episodes": "cse_referral.safeguard_absence",
        "internet_use": "cse_referral.safeguard_technology",
        "substance_use": "cse_referral.safeguard_substances",
    },
)
