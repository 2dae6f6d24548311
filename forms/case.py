"""The case details form: one young person, typed once and prefilled into every artefact.

Not a paper artefact (it defines CASE, not ARTEFACT), so it has no documents; it is declared
with the same field kinds, so the same web form, checks and schema serve it.

The borough says which council's Single Point of Access takes the referral (cse-strategy.txt
L209-215: SPA@kingston.gov.uk or SPA@richmond.gov.uk). It is kept with the other details (the
case's JSON `details`), so cases made before it was asked simply lack it: the case page then
asks for it.

Gender and ethnicity are options (forms.case_options); a case typed before they were is
asked again (migration 0011).
"""

from accounts import BOROUGHS
from forms.case_options import ETHNICITY, GENDER
from forms.choices import Choice, Option
from forms.kinds import YOUNG_PERSON_AGE, Date, LongText, Postcode, Text
from forms.model import Artefact, Section

CASE = Artefact(
    slug="case",
    title="Young person's details",
    summary="Type these once: every form you start for this young person is filled in with them.",
    sections=(
        Section(
            "Young person",
            (
                Text("forename", "First name", required=True, error_name="the first name"),
                Text("surname", "Last name", required=True, error_name="the last name"),
                Date(
                    "dob",
                    "Date of birth",
                    # The example comes after this hint, from born_years_ago (forms.kinds.Date).
                    hint="Leave it blank if you do not know it yet.",
                    born_years_ago=YOUNG_PERSON_AGE,
                    error_name="the date of birth",
                ),
                LongText("address", "Address", hint="Where the young person lives now."),
                Postcode("postcode", "Postcode"),
                GENDER,
                ETHNICITY,
                Text(
                    "case_reference",
                    "Case reference",
                    hint="The number your service gives this young person, for example the"
                    " Phoenix Project case number.",
                ),
                # L209-215: "To make a referral contact: ... SPA@richmond.gov.uk or
                # SPA@kingston.gov.uk".
                Choice(
                    "borough",
                    "Borough",
                    hint="The council whose Single Point of Access (SPA) takes referrals about"
                    " this young person.",
                    required=True,
                    error_name="the borough",
                    inline=True,
                    options=tuple(Option(b, b) for b in BOROUGHS),
                ),
            ),
        ),
    ),
)
