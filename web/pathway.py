"""Recording a step of the pathway on a case (pathway.STEPS says who may record which).

The form is on the case page (web/case_pathway.py); a problem is shown there, next to the
field, with what was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from clocks import LONDON, day_text
from forms.web import check, form_class
from models import Case, PathwayEvent, db
from pathway import STEPS, Step
from pathway.state import refresh
from serving.transactions import writing
from web.access import audit, roles
from web.case_pathway import RECORDERS, step_form
from web.cases import case_page, details, visible_case
from web.closed import changes_case

bp = Blueprint("pathway", __name__)


def start_of(day: dt.date) -> dt.datetime:
    """00:00 London time on `day`, in UTC: the moment stored for a step that happened that day,
    whose London date is `day` again (clocks.london_date)."""
    return dt.datetime.combine(day, dt.time(), LONDON).astimezone(dt.UTC)


def details_of(step: Step, data: dict[str, Any], case: Case) -> dict[str, Any] | None:
    """What the step records beyond its day and category: the agencies that attended; for a
    referral to SPA, the borough it went to (whose SPA inbox holds it, pathway.state)."""
    if step.key == "spa_referral":
        return {"borough": details(case).get("borough")}
    if step.asks_agencies:
        return {"agencies": list(data.get(f"{step.key}_agencies") or [])}
    return None


@bp.post("/cases/<id:case_id>/pathway")
@roles(RECORDERS)
@changes_case
def record_step(case_id: str) -> ResponseReturnValue:
    case = visible_case(case_id)
    declared = step_form(current_user.role)
    form = form_class(declared)()
    data = check(declared, form)
    if data is None:
        return case_page(case, step_form=form)
    step = STEPS[data["step"]]
    with writing():
        db.session.add(
            PathwayEvent(
                case_id=case_id,
                step=step.key,
                category=data.get(f"{step.key}_category") if step.carries_category else None,
                happened_at=start_of(data["happened_on"]),
                recorded_by=current_user.id,
                details=details_of(step, data, case),
            )
        )
        refresh(case)
        audit("record pathway step", case_id=case_id)
    flash(f"Recorded: {step.name}, {day_text(data['happened_on'])}.", "pathway")
    return redirect(url_for("cases.case", case_id=case_id) + "#step-recorded")
