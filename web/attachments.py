"""Attaching a document to a report: a case study not yet attached to a progress report (see
web.report_links), attached from its own page."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import update

from forms import ARTEFACTS
from models import Document, db
from serving.transactions import writing
from web.access import CASEWORKERS, audit, roles
from web.closed import changes_case
from web.documents import document_or_404, task_list
from web.report_links import reports_for

bp = Blueprint("attachments", __name__)

CHOOSE = "Select the report this is attached to"


@bp.post("/documents/<id:document_id>/report")
@roles(CASEWORKERS)
@changes_case
def attach(document_id: str) -> ResponseReturnValue:
    """Attach the document to the report chosen among those it may be attached to."""
    doc, artefact = document_or_404(document_id, edit=True)
    if artefact.attached_to is None:
        audit("refused", document=doc)
        abort(404)
    asked = request.form.get("report", "")
    report = next((r for r in reports_for(artefact) if r.id == asked), None)
    if report is None:
        return task_list(doc, artefact, attach_error=CHOOSE)
    with writing():
        db.session.execute(
            update(Document)
            .where(Document.id == doc.id)
            .values(report_id=report.id)
            .execution_options(synchronize_session=False)
        )
        audit("attach to report", document=doc)
    flash(f"The {artefact.title} is now attached to the {ARTEFACTS[report.artefact].title}.")
    return redirect(url_for("documents.edit", document_id=doc.id))
