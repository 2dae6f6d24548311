"""The Reports page: documents about the whole service rather than one young person."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from forms import ARTEFACTS, starters
from models import Document, db
from web.access import roles
from web.cases import startable
from web.report_links import may_see_unattached

bp = Blueprint("reports", __name__)


@bp.get("/reports")
@roles("phoenix", "manager")
def reports() -> ResponseReturnValue:
    """Documents about the whole service rather than one young person: the reports; their
    case studies are listed on each report's pages, and those not yet attached to one (the
    user's own, or every one for managers) above the reports (web.report_links)."""
    documents = db.session.scalars(
        select(Document).where(Document.case_id.is_(None)).order_by(Document.created_at.desc())
    ).all()
    visible = [d for d in documents if current_user.role in starters(ARTEFACTS[d.artefact])]
    reports = [d for d in visible if ARTEFACTS[d.artefact].attached_to is None]
    unattached = [
        d
        for d in visible
        if ARTEFACTS[d.artefact].attached_to and d.report_id is None and may_see_unattached(d)
    ]
    return render_template(
        "reports.html", documents=reports, unattached=unattached, startable=startable(None)
    )
