"""The figures of the Phoenix Project's progress report (Appendix 6, L4106-4141), worked out
from the cases when the report is submitted and kept with that version (figures)."""

from __future__ import annotations

from flask import current_app

from clocks import LONDON, WorkingDayCalendar, working_days
from figures import Block, Context, Figures, shown
from reports import blocks, closures, profile, records, targets
from reports.period import Period


def _calendar() -> WorkingDayCalendar:
    return working_days(current_app.config["NON_WORKING_DAYS"])


def progress_figures(context: Context) -> Figures:
    """The report's figures for its period (`period_start` to `period_end`)."""
    figures: Figures = {"as_at": context.now.astimezone(LONDON).isoformat(), "blocks": []}
    period = Period.of(context.answers)
    if period is None:  # the form refuses it; a report without a period has no figures
        return figures
    figures["blocks"] = worked_out(period, context)
    return figures


def worked_out(period: Period, context: Context) -> list[Block]:
    referred = records.referred(period)
    steps = records.steps_of(records.referred_ids(period))
    ended = records.ended(period)
    summary = blocks.table(
        "Referrals and interventions in the period",
        ["", "Young people"],
        [
            [f"Referred to the Phoenix Project, {period.words()}", shown(len(referred))],
            [f"Interventions ended, {period.words()}", shown(len(ended))],
        ],
        "Referred: a Phoenix Project referral sent in the period (the pathway step \u2018Phoenix"
        " Project referral sent\u2019), counted once a young person; the answers are those of"
        " the version sent. Ended: the step \u2018Closed\u2019 recorded in the period; the"
        " answers are those of the case closure summary. No count from 1 to 4 is printed.",
    )
    return [
        summary,
        *profile.ages(referred),
        *profile.location(referred, records.boroughs(period)),
        *profile.risk(referred, steps),
        *profile.issues(referred),
        *closures.duration(ended),
        *closures.engagement(ended),
        *closures.distance(ended),
        *targets.performance(
            records.caseload(period),
            context.answers.get("current_capacity"),
            period.year,
            records.referred_in(period.year),
        ),
        *targets.outcome_targets(referred, steps, ended, _calendar(), context.now),
    ]
