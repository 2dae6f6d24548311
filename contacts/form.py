"""The quick form of the contact log: one contact of the Phoenix worker with a young person.

Phoenix Project manual, "19. Appendix 7: Recording protocol" (cse-strategy.txt L4142-4160);
inventory B5 (../shared/spec/artefacts.md). "The worker will be expected to have weekly contact
with allocated cases and all contact will be appropriately recorded on QES or Liquid Logic (see
Appendix 7)" (L2960-2962). Declared with the artefacts' field kinds so that the same web form and
checks serve it, but it is not a paper artefact (it defines CONTACT, not ARTEFACT): a contact is
a row of the log (models.Contact), never a document.

Recording one takes under 30 seconds: the date is today unless changed, and only the date, the
duration, the type, the nature and the summary are required.
"""

from __future__ import annotations

from typing import Any

from forms.choices import Choice, Option, YesNo
from forms.kinds import Date, LongText, Number, Text
from forms.model import Artefact, Section

# Who keeps the log and reads it, case notes included: the worker (L4159-4160: "case notes will
# be maintained by the CSE worker") and managers, who see every case.
KEEPERS = frozenset({"phoenix", "manager"})

# L4154: "the type of intervention: telephone call, letter, home visit, etc."; "etc." is an
# Other option with its own box (inventory B5.3).
CONTACT_TYPES: dict[str, str] = {
    "telephone_call": "Telephone call",
    "letter": "Letter",
    "home_visit": "Home visit",
    "other": "Other",
}
# A contact lasts at most a day: anything longer is a typing error.
LONGEST_MINUTES = 24 * 60


class Minutes(Number):
    """A duration in whole minutes: the message says so, with an hour as the example (a
    session is "one hour long", L3861)."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, int):
            return f"{self.Called} must be a whole number of minutes, like 60"
        return super().problem(value)


CONTACT = Artefact(
    slug="contact",
    title="Record a contact",
    summary="One contact with the young person, for the Phoenix Project's contact log.",
    source="Phoenix Project manual, Appendix 7, lines 4142-4160",
    inventory="B5",
    audience="The Phoenix Project",
    started_by=KEEPERS,
    sections=(
        Section(
            "Record a contact",
            (
                # B5.1 and B5.2, L4152: "the date and duration of intervention", one printed
                # line asked as two questions.
                Date(
                    "contact_on",
                    "Date of intervention",
                    paper_label="the date and duration of intervention",
                    required=True,
                    error_name="the date of the intervention",
                ),
                Minutes(
                    "contact_minutes",
                    "Duration of intervention, in minutes",
                    paper_label="the date and duration of intervention",
                    hint="For example, 60 for an hour.",
                    required=True,
                    error_name="the duration of the intervention",
                    minimum=1,
                    maximum=LONGEST_MINUTES,
                ),
                # B5.3, L4154 (the printed options, with "etc." as Other).
                Choice(
                    "contact_type",
                    "Type of intervention",
                    paper_label="the type of intervention: telephone call, letter, home visit,"
                    " etc.",
                    required=True,
                    error_name="the type of intervention",
                    options=tuple(
                        Option(
                            value,
                            label,
                            reveal=(
                                Text(
                                    "contact_type_other",
                                    "What type of intervention?",
                                    required=True,
                                    error_name="the type of intervention",
                                ),
                            )
                            if value == "other"
                            else (),
                        )
                        for value, label in CONTACT_TYPES.items()
                    ),
                ),
                # B5.4, L4156-4157: kept general; the printed words are its hint.
                LongText(
                    "contact_nature",
                    "Nature of intervention",
                    paper_label="nature of intervention",
                    hint="This will detail areas discussed, but will not provide specific"
                    " information, ie discussion about sexual health.",
                    print_hint=True,
                    required=True,
                    error_name="the nature of the intervention",
                    max_length=2_000,
                ),
                # B5.5, L3330-3332: "the worker will record a brief summary of the intervention".
                LongText(
                    "contact_summary",
                    "Brief summary of the intervention",
                    required=True,
                    error_name="a brief summary of the intervention",
                    max_length=4_000,
                ),
                # B5.6, L4159-4160: "case notes will be maintained by the CSE worker and will be
                # securely stored inline with data protection requirements." Only the Phoenix
                # Project and managers see them; they are never copied or printed.
                LongText(
                    "contact_notes",
                    "Case notes (optional)",
                    paper_label="case notes",
                    hint="Only the Phoenix Project and managers can see these. They are never"
                    " copied into Liquid Logic or QES, printed or emailed.",
                    error_name="the case notes",
                ),
                # B5.8, L2982: "The young person will be asked to consent to information being
                # recorded on QES and Liquid Logic." *Inferred*: nothing is printed for it, so it
                # is asked as a question about this contact, optional (it may have been asked
                # once, earlier). A contact answered No is left out of the copy text (contacts.log).
                YesNo(
                    "contact_consent",
                    "Did the young person consent to information being recorded on QES and"
                    " Liquid Logic? (optional)",
                    error_name="whether the young person consented",
                ),
                # B5.7 (which system, Liquid Logic or QES, L4144-4148) is not asked: it depends
                # on whether the case is open on Liquid Logic, not on the contact.
            ),
        ),
    ),
)
