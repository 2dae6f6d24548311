"""The SPA and Phoenix inboxes, and My work: each person's due and overdue clocks, and for
managers everything overdue (work.queries) and any account downloading in bulk (audit)."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from audit.actions import ANY_DOWNLOAD
from audit.queries import bulk_downloads
from clocks import london_today
from models import now
from web.access import CASEWORKERS, audit, roles
from work.queries import inbox, my_work, overdue_everywhere

bp = Blueprint("work", __name__)

TEAMS = {"spa": "SPA", "phoenix": "Phoenix Project"}


@bp.get("/inbox")
@roles(frozenset(TEAMS))
def team_inbox() -> ResponseReturnValue:
    today = london_today()
    if current_user.role == "spa":
        title = f"SPA inbox: {current_user.borough}"
    else:
        title = "Phoenix Project inbox"
    audit("view")
    return render_template(
        "inbox.html", title=title, work=inbox(current_user, today), team=current_user.role
    )


@bp.get("/my-work")
@roles(CASEWORKERS)
def work() -> ResponseReturnValue:
    today = london_today()
    manager = current_user.role == "manager"
    overdue = overdue_everywhere(today) if manager else None
    # Many downloads in an hour from one account may be a copy being taken (issue 13).
    bulk = bulk_downloads(now(), current_app.config["BULK_DOWNLOAD_ALERT"]) if manager else []
    audit("view")
    return render_template(
        "my_work.html",
        mine=my_work(current_user, today),
        overdue=overdue,
        today=today,
        bulk=bulk,
        any_download=ANY_DOWNLOAD,
    )
