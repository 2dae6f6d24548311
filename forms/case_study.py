"""Case study (Appendix 5): an anonymised account of one young person's time with the Phoenix
Project, attached to the project's progress report.

Phoenix Project manual, "17. Appendix 5: Case study" (cse-strategy.txt L4087-4105); inventory
B1. The progress report asks for a "minimum of one case study to be attached" (L4141) and the
manual says "anonymised case studies will be produced at part of the quarterly report"
(L2976-2978). Where a printed label carries a prompt in brackets, the label is the heading and
the prompt its printed hint, as on the MASE Referral Information.
"""

from forms.kinds import LongText
from forms.model import Artefact, Section

# Case studies are anonymised (L2976-2978): the first box says so before anyone starts typing.
ANONYMISED = (
    "Case studies are anonymised: do not give the young person's real name or anything that"
    " identifies them (address, school, date of birth, family or staff names). Call them"
    " \u201cthe young person\u201d or use an invented first name."
)

ARTEFACT = CASE_STUDY = Artefact(
    slug="case_study",
    title="Case study (Appendix 5)",
    summary="The Phoenix Project worker writes an anonymised case study of one young person, to"
    " attach to the quarterly progress report (at least one each report).",
    source="Phoenix Project manual, Appendix 5, lines 4087-4105",
    inventory="B1",
    audience="The Phoenix Project",
    order=5,
    # Attached to the progress report, never held by a young person's case (L2976-2978, L4141).
    per_case=False,
    attached_to="phoenix_progress_report",
    anonymised=True,
    sections=(
        Section(
            "Case study",
            (
                LongText(
                    "young_person_outline",
                    "Brief outline of young person, presenting issues, etc",
                    required=True,
                    hint=ANONYMISED,
                    error_name="a brief outline of the young person and presenting issues",
                ),
                LongText(
                    "action_plan_outline",
                    "Brief outline of action plan",
                    error_name="a brief outline of the action plan",
                ),
                LongText(
                    "involvement",
                    "Description of young person's involvement since attending project",
                    hint="consider their starting points, personal development and engagement",
                    paper_label="Description of young person's involvement since attending"
                    " project (consider their starting points, personal development and"
                    " engagement)",
                    error_name="the description of the young person's involvement",
                ),
                LongText(
                    "outcomes",
                    "What were the outcomes for the young person",
                    hint="how have they progressed, what have they achieved through involvement"
                    " in your organisation",
                    paper_label="What were the outcomes for the young person (how have they"
                    " progressed, what have they achieved through involvement in your"
                    " organisation)",
                    error_name="the outcomes for the young person",
                ),
                LongText(
                    "other_information",
                    "Any other relevant information",
                    error_name="any other relevant information",
                ),
                # Printed as an attachment (inventory B1.6); the service stores no files, so
                # the box lists what is attached and the files go with the case study.
                LongText(
                    "attachments",
                    "Information attached in support of this case study",
                    paper_label="NB: Please attach any relevant information in support of this"
                    " case study.",
                    hint="List what you are attaching, one item a line, and send those files"
                    " with this case study: this service does not keep files. Anonymise them"
                    " too.",
                    error_name="the list of information attached",
                ),
            ),
        ),
    ),
)
