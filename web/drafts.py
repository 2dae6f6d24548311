"""Drafts: the choice offered when a form is started that already has a draft, and discarding
a draft (after a confirmation page). Saving drafts is web.saving's; the form, web.documents'."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from forms.model import Artefact
from models import Case, Document, Submission, db, is_id
from web.access import CASEWORKERS, audit, roles
from web.cases import details
from web.closed import changes_case
from web.continuing import open_drafts, parent_for
from web.documents import document_or_404, home_of, report_to_attach, startable
from web.saving import ALREADY_DISCARDED, discard_draft

bp = Blueprint("drafts", __name__)


@bp.get("/cases/<id:case_id>/start/<slug>")
@bp.get("/reports/start/<slug>")
@roles(CASEWORKERS)
@changes_case
def offer(slug: str, case_id: str | None = None) -> ResponseReturnValue:
    """Continue a draft of this form, or start a new one (the Start button leads here when
    there is a draft). With no draft left, back to where forms are started."""
    artefact, case = startable(slug, case_id)
    report_to_attach(artefact, "")  # a case study is added from its report, never offered here
    back = url_for("cases.case", case_id=case_id) if case_id else url_for("reports.reports")
    drafts = open_drafts(slug, case_id)
    if not drafts:
        return redirect(back)
    if case is not None:
        audit("view case")
    asked = request.args.get("continues", "")
    asked = asked if is_id(asked) else ""
    return render_template(
        "start_or_continue.html",
        artefact=artefact,
        case=case,
        drafts=drafts,
        continued=_continued_versions(drafts),
        asked=asked,
        parent=parent_for(artefact, case, asked),
        back=back,
        case_details=details(case) if case else None,
    )


def _continued_versions(drafts: list[Document]) -> dict[str, Submission]:
    """The versions the drafts continue, by id (one query for all)."""
    ids = [d.continues_id for d in drafts if d.continues_id]
    if not ids:
        return {}
    found = db.session.scalars(select(Submission).where(Submission.id.in_(ids)))
    return {v.id: v for v in found}


@bp.route("/documents/<id:document_id>/discard", methods=["GET", "POST"])
@roles(CASEWORKERS)
@changes_case
def discard(document_id: str) -> ResponseReturnValue:
    """Are you sure? Then the draft goes: back to the latest version, or, never submitted,
    the whole document."""
    doc, artefact = document_or_404(document_id, edit=True)
    if doc.draft is None:
        flash(f"The {artefact.title} has no draft to discard.")
        return redirect(home_of(doc))
    lock = str(doc.lock_version)
    errors: list[dict[str, str]] = []
    if request.method == "POST":
        refused = discard_draft(doc, request.form.get("lock_version", ""))
        if refused is None:
            flash(_discarded(doc, artefact))
            return redirect(home_of(doc))
        if refused == ALREADY_DISCARDED or doc.draft is None:
            flash(refused)
            return redirect(home_of(doc))
        errors = [{"text": refused, "href": "#main-content"}]
        lock = str(doc.lock_version)  # reloaded: confirming again discards what is there now
    else:
        audit("view", document=doc)
    return render_template(
        "discard.html",
        doc=doc,
        artefact=artefact,
        continues=db.session.get(Submission, doc.continues_id) if doc.continues_id else None,
        lock=lock,
        errors=errors,
        back=home_of(doc),
        case_details=_case_details(doc),
    )


def _case_details(doc: Document) -> dict[str, Any] | None:
    return details(db.session.get_one(Case, doc.case_id)) if doc.case_id else None


def _discarded(doc: Document, artefact: Artefact) -> str:
    if doc.latest is None:
        return f"The draft of the {artefact.title} was discarded."
    return (
        f"The changes to the {artefact.title} were discarded: it is as version"
        f" {doc.latest.number} was submitted."
    )
