"""Progress report Phoenix Project – tackling CSE: the project's regular report on its work.

Phoenix Project manual, "18. Appendix 6: Progress report Phoenix Project – tackling CSE"
(cse-strategy.txt L4106-4141); inventory artefact 8. "A quarterly report will be prepared to
update the joint heads meeting and LSCB CSE subgroup" (L3335-3339), "initially quarterly, then
annually" (L3318-3320). The six referral bullets are sub-items of "2. Referrals: profile of
referrals in period" (L4116-4128); the case capacity is from L2962-2964.

The figures those bullets and the caseload ask for are worked out from the cases when the
report is submitted (reports, kept with the version: figures); the boxes under them are for
comments on the figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from forms.kinds import Date, Join, LongText, Number, Text
from forms.model import Artefact, Section
from forms.prefill import TODAY
from forms.rules import not_before

if TYPE_CHECKING:
    from figures import Context, Figures

MAX_CASES = 20  # "The maximum case capacity will be 20 cases at any one time" (L2962-2964)
COMMENTS = (
    "Comments on the figures: the figures are worked out from the cases when you submit the"
    " report, and kept with it."
)


def _figures(context: Context) -> Figures:
    # Imported here: the report reads the other declarations, which are loaded with this one.
    from reports import progress_figures

    return progress_figures(context)


ARTEFACT = PHOENIX_PROGRESS_REPORT = Artefact(
    slug="phoenix_progress_report",
    title="Progress report Phoenix Project \u2013 tackling CSE (Appendix 6)",
    summary="The project prepares this report to update the joint heads meeting and the LSCB CSE"
    " subgroup on the allocation of cases, the progress and engagement of participants,"
    " performance, exit pathways, successes and challenges (initially quarterly, then annually).",
    source="Phoenix Project manual, Appendix 6, lines 4106-4141",
    inventory="8",
    audience="The Phoenix Project",
    order=6,
    sections=(
        # No heading is printed above Date, Report author and Reporting period; inferred.
        Section(
            "Report",
            (
                Date("report_date", "Date:", required=True, error_name="the date of the report"),
                Text(
                    "report_author",
                    "Report author",
                    required=True,
                    error_name="the report author",
                ),
                # Printed as one box "Reporting period" (L4111); asked as a start and an end
                # date (inventory 8.3 suggestion), printed again as one range, "1 April 2027
                # to 30 June 2027" (issue 12). Required: the figures are worked out for it.
                Date(
                    "period_start",
                    "Reporting period",
                    hint="Start date: the first day the report covers.",
                    required=True,
                    error_name="the start date of the reporting period",
                    joins=Join("period_end"),
                ),
                Date(
                    "period_end",
                    "Reporting period",
                    hint="End date: the last day the report covers.",
                    required=True,
                    error_name="the end date of the reporting period",
                    printed_in="period_start",
                ),
                # Inferred (inventory 8.4): the heading states a fixed purpose, yet a box is given.
                LongText(
                    "purpose",
                    "1. Purpose: update on progress and outcomes of the CSE project",
                    error_name="the purpose",
                ),
            ),
        ),
        Section(
            "2. Referrals: profile of referrals in period",
            (
                LongText(
                    "referrals_age",
                    "Age",
                    hint=COMMENTS,
                    error_name="the age of referrals",
                ),
                LongText(
                    "referrals_location",
                    "Residential location",
                    hint=COMMENTS,
                    error_name="the residential location of referrals",
                ),
                LongText(
                    "referrals_risk",
                    "Level of risk \u2013 identified police category",
                    hint=COMMENTS,
                    error_name="the level of risk of referrals",
                ),
                LongText(
                    "referrals_issues",
                    "Summary of presenting issues",
                    hint=COMMENTS,
                    error_name="the summary of presenting issues",
                ),
                LongText(
                    "referrals_duration",
                    "Duration of intervention",
                    hint=COMMENTS,
                    error_name="the duration of intervention",
                ),
                LongText(
                    "referrals_outcomes",
                    "Outcomes \u2013 distance travelled",
                    hint=COMMENTS + " Progress is measured with the outcomes star.",
                    error_name="the outcomes",
                ),
            ),
        ),
        Section(
            "Programme delivery",
            (
                LongText(
                    "delivery_summary",
                    "3. Summary of programme delivery for period: general good news, barriers"
                    " arising issues, emerging themes/ issues",
                    error_name="the summary of programme delivery",
                ),
            ),
        ),
        Section(
            "Performance update",
            (
                # Inferred (inventory 8.12 suggestion): the printed words "current capacity" as
                # a number checked against the maximum. The capacity is typed: the worker builds
                # up to it "over a period of time" (L2966-2967), which the cases cannot tell. The
                # current caseload is not typed: it is counted from the cases (reports).
                Number(
                    "current_capacity",
                    "current capacity",
                    hint=f"How many cases the worker can hold now: at most {MAX_CASES} at any"
                    " one time. The current caseload is counted from the cases when you submit"
                    " the report.",
                    minimum=0,
                    maximum=MAX_CASES,
                    error_name="the current capacity",
                ),
                LongText(
                    "performance_update",
                    "4. Performance update: current capacity and current caseload numbers. Any"
                    " other relevant issues",
                    hint=COMMENTS,
                    error_name="the performance update",
                ),
            ),
        ),
        Section(
            "Recommendations and case study",
            (
                LongText(
                    "recommendations",
                    "5. Recommendations and observations",
                    error_name="the recommendations and observations",
                ),
                # The case studies (Appendix 5) are documents of their own, attached to the
                # report in the service (web.report_links) and listed on its pages; this box
                # names them as the report's readers will find them beside it (its Word and
                # PDF print no attachment).
                Text(
                    "case_study_reference",
                    "6. Case study (minimum of one case study to be attached)",
                    hint="Add the anonymised case studies to this report with \u201cAdd a case"
                    " study\u201d on the report's page. Name them here as they will be sent"
                    " with the report.",
                    error_name="the case study reference",
                ),
            ),
        ),
    ),
    rules=(
        not_before(
            "period_start",
            "period_end",
            "The end date of the reporting period must be the same as or after the start date",
        ),
    ),
    # The report is dated the day it is written (L4107); the reporting period is not known.
    prefill={"report_author": "user.name", "report_date": TODAY},
    per_case=False,  # a report on the whole project, not on one young person
    figures=_figures,
)
