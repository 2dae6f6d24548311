"""Closing and reopening a case, and putting it on or off legal hold: for managers, each asked
on a confirmation page of its own ("Are you sure…", what it means) before it is made, and
audited as it is made.

Closing starts the retention period after which `flask --app app purge` deletes the case
(retention.py); a legal hold stops that deletion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from sqlalchemy import update

from models import Case, db, now
from pathway.state import refresh
from serving.transactions import writing
from web.access import audit, roles
from web.cases import details, visible_case

bp = Blueprint("case_status", __name__)


@dataclass(frozen=True)
class Change:
    """One change of a case's status, as the confirmation page and the audit name it."""

    applies: Callable[[Case], bool]  # whether the case is in the state this changes
    values: Callable[[Case], dict[str, Any]]  # the columns it sets
    question: str  # the confirmation page's heading
    button: str
    done: str  # the notification once made
    destructive: bool  # a warning button (GOV.UK: for what brings deletion nearer)


CHANGES = {
    "close": Change(
        applies=lambda case: case.closed_at is None,
        values=lambda case: {"closed_at": now()},
        question="Are you sure you want to close this case?",
        button="Close the case",
        done="The case is closed.",
        destructive=True,
    ),
    "reopen": Change(
        applies=lambda case: case.closed_at is not None,
        values=lambda case: {"closed_at": None},
        question="Are you sure you want to reopen this case?",
        button="Reopen the case",
        done="The case is open again.",
        destructive=False,
    ),
    "hold": Change(
        applies=lambda case: not case.legal_hold,
        values=lambda case: {"legal_hold": True},
        question="Are you sure you want to put this case on legal hold?",
        button="Put on legal hold",
        done="The case is on legal hold: it will not be deleted.",
        destructive=False,
    ),
    "release": Change(
        applies=lambda case: case.legal_hold,
        values=lambda case: {"legal_hold": False},
        question="Are you sure you want to release the legal hold?",
        button="Release the legal hold",
        done="The legal hold is released.",
        destructive=True,
    ),
}


def retention() -> str:
    """The retention period in words: "25 years", or days when it is not whole years."""
    days = current_app.config["CASE_RETENTION"].days
    return f"{days // 365} years" if days % 365 == 0 else f"{days} days"


def deleted_from(case: Case) -> dt.datetime | None:
    """When a closed case is deleted if it is not on hold (by the next purge after that)."""
    closed = case.closed_at
    return None if closed is None else closed + current_app.config["CASE_RETENTION"]


@bp.route("/cases/<id:case_id>/status/<change>", methods=["GET", "POST"])
@roles("manager")
def change_status(case_id: str, change: str) -> ResponseReturnValue:
    """GET: the confirmation page. POST from it (its button sends `confirm`, the change's name):
    make the change, audit it, back to the case. A POST without it (not from that page) changes
    nothing and shows the page (issue 13: each change is confirmed first)."""
    case = visible_case(case_id)
    if change not in CHANGES:
        abort(404)
    chosen = CHANGES[change]
    back = url_for("cases.case", case_id=case_id)
    if not chosen.applies(case):  # already made (a second tab, a back button): nothing to do
        return redirect(back)
    if request.method == "POST" and request.form.get("confirm") == change:
        with writing():
            db.session.execute(update(Case).where(Case.id == case_id).values(**chosen.values(case)))
            refresh(case)  # a closed case has nothing due; a reopened one its clocks again
            audit(change, case_id=case_id)
        flash(chosen.done)
        return redirect(back)
    return render_template(
        "case_status.html",
        case=case,
        details=details(case),
        change=change,
        chosen=chosen,
        retention=retention(),
        deleted_from=deleted_from(case),
        back=back,
    )
