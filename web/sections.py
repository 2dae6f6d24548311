"""A document filled one section at a time: each section's page saves what was posted before
anything else, then "Check your answers" submits the draft as a new version.

Every post of a section's page is kept as typed (a refused "Save and continue", "Add another"
and "Remove" included), unless someone else saved the document since it was read: then
nothing is saved, and the page shows what was typed with the reason.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response
from wtforms import FieldList

from forms.model import Artefact
from forms.tasks import answered, names_in, top_name, waiting_for
from forms.web import GovDateField, bound_fields, check_draft, merged, problems_of, typed
from models import Document, Submission, db
from serving.errors import shown_again
from web.access import CASEWORKERS, audit, roles
from web.anonymous import CONFIRM_FIRST, warnings
from web.closed import changes_case
from web.documents import document_or_404, form_of, page_context, progress, saved_pairs
from web.saving import figures_of, save_draft, submit

bp = Blueprint("sections", __name__)


def _landing(form: Any) -> str | None:
    """Apply an "Add another" or "Remove" press to the form; the id of the block to land on
    (the new one, or the one after the removed one), or None if neither was pressed."""
    for field in form:
        if not isinstance(field, FieldList):
            continue
        if f"add_{field.name}" in request.form:
            if len(field.entries) < (field.max_entries or 1) - 1:  # max_entries is max_items + 1
                field.append_entry()
            return f"{field.name}-entry-{len(field.entries)}"
        remove = request.form.get(f"remove_{field.name}", "")
        if remove.isascii() and remove.isdigit() and len(remove) < 4:
            index = int(remove)
            if 0 <= index < len(field.entries) and len(field.entries) > 1:
                field.entries.pop(index)
            return f"{field.name}-entry-{min(index, len(field.entries) - 1) + 1}"
    return None


def _errors(form: Any, names: frozenset[str], at: str = "") -> list[dict[str, str]]:
    """GOV.UK error summary items for the fields in `names`, each linking to an input that
    takes focus (on the page at `at`, or this one)."""
    items = []
    for bound in bound_fields(form):
        if bound.errors and top_name(bound.name) in names:
            target = f"{bound.name}-day" if isinstance(bound, GovDateField) else bound.id
            items.append({"text": str(bound.errors[0]), "href": f"{at}#{target}"})
    return items


@bp.route("/documents/<id:document_id>/sections/<int:number>", methods=["GET", "POST"])
@roles(CASEWORKERS)
@changes_case
def section(document_id: str, number: int) -> ResponseReturnValue:
    doc, artefact = document_or_404(document_id, edit=True)
    if not 1 <= number <= len(artefact.sections):
        abort(404)
    names = names_in(artefact.sections[number - 1])
    if request.method == "GET":
        pairs = saved_pairs(doc, artefact)
        audit("view", document=doc)
        form = form_of(artefact, pairs)
        shown = []
        if request.args.get("errors"):  # from "Check your answers": its problems at once
            problems_of(artefact, form)
            shown = _errors(form, names)
        return _page(doc, artefact, number, form, shown, str(doc.lock_version))
    return _save(doc, artefact, number, names)


def _save(doc: Document, artefact: Artefact, number: int, names: frozenset[str]) -> Any:
    """Save what the section's page posted, as typed; then add or remove a block, or check
    the section and go on."""
    lock = request.form.get("lock_version", "")
    form = form_of(artefact, merged(saved_pairs(doc, artefact), request.form, names))
    landing = _landing(form)
    if not check_draft(artefact, form):  # characters no document can hold: nothing saved
        return _page(doc, artefact, number, form, _errors(form, names), lock)
    conflict = save_draft(doc, lock, typed(form))
    if conflict:
        return _page(doc, artefact, number, form, [{"text": conflict, "href": "#"}], lock)
    db.session.refresh(doc)
    here = url_for(".section", document_id=doc.id, number=number)
    if landing:
        return redirect(f"{here}#{landing}")
    if request.form.get("action") == "later":
        flash(f"Your answers to '{artefact.sections[number - 1].title}' were saved.")
        return redirect(url_for("documents.edit", document_id=doc.id))
    problems = [p for p in problems_of(artefact, form) if top_name(p[0]) in names]
    if problems:
        return _page(doc, artefact, number, form, _errors(form, names), str(doc.lock_version))
    if number < len(artefact.sections):
        return redirect(url_for(".section", document_id=doc.id, number=number + 1))
    return redirect(url_for(".check", document_id=doc.id))


def _page(
    doc: Document,
    artefact: Artefact,
    number: int,
    form: Any,
    errors: list[dict[str, str]],
    lock: str,
) -> str:
    return render_template(
        "section.html",
        **page_context(doc, artefact),
        section=artefact.sections[number - 1],
        number=number,
        # "Cannot start yet" on the task list, which has no link here; reached anyway (a
        # bookmark, another tab), the page says what to answer first and still keeps anything.
        waiting=waiting_for(artefact, number, answered(typed(form))),
        form=form,
        errors=errors,
        lock=lock,
    )


@bp.route("/documents/<id:document_id>/check", methods=["GET", "POST"])
@roles(CASEWORKERS)
@changes_case
def check(document_id: str) -> ResponseReturnValue:
    """Every answer, with a link to change it; from here the draft is submitted as a version."""
    doc, artefact = document_or_404(document_id, edit=True)
    form, found = progress(doc, artefact)
    errors = []
    for task in found:
        at = url_for(".section", document_id=doc.id, number=task.number, errors=1)
        errors.extend(_errors(form, names_in(task.section), at))
    complete = not errors  # every answer needed is given: the draft could be submitted
    lock = str(doc.lock_version)
    data = artefact.clean(form.data)
    # A case study must be anonymous (L2976-2978): what identifies someone is shown before
    # it is submitted, and submitting it anyway takes the author's word (audited).
    found_details = warnings(doc, artefact, data) if not errors and doc.draft is not None else []
    unconfirmed = False
    if request.method == "GET":
        audit("view", document=doc)
    elif not errors and doc.draft is not None:
        lock = request.form.get("lock_version", "")
        confirmed = request.form.get("anonymous") == "yes"
        unconfirmed = bool(found_details) and not confirmed
        if not unconfirmed:
            outcome = submit(doc, artefact, data, lock, confirmed=bool(found_details))
            if isinstance(outcome, Submission):
                return redirect(url_for("versions.answers", version_id=outcome.id))
            errors = [{"text": outcome, "href": "#"}]
    return render_template(
        "check.html",
        **page_context(doc, artefact),
        tasks=found,
        data=data,
        errors=errors,
        lock=lock,
        has_figures=artefact.figures is not None,
        # As they would be if submitted now; worked out only from answers that could be
        # submitted, as a figures function may need every required answer.
        figures=figures_of(doc, artefact, data) if complete else None,
        found_details=found_details,
        unconfirmed=[{"text": CONFIRM_FIRST, "href": "#anonymous"}] if unconfirmed else [],
    )


@shown_again("sections.section")
def _section_again(message: str) -> str:
    """A section's page, with what was just posted and why it was not saved."""
    args = request.view_args or {}
    doc, artefact = document_or_404(args.get("document_id", ""), edit=True)
    number = args.get("number", 0)
    if not 1 <= number <= len(artefact.sections):
        abort(404)
    names = names_in(artefact.sections[number - 1])
    form = form_of(artefact, merged(saved_pairs(doc, artefact), request.form, names))
    errors = [
        {
            "text": f"{message.rstrip('.')}. Your answers are below: check them and continue again",
            "href": "#",
        }
    ]
    return _page(doc, artefact, number, form, errors, request.form.get("lock_version", ""))


@bp.app_errorhandler(CSRFError)
def session_expired(_: CSRFError) -> ResponseReturnValue | Response:
    """A post without a valid token saves nothing; a section's page shows the answers again
    to resend."""
    message = "Your session ended before you continued, so nothing was saved"
    if request.endpoint == "documents.autosave":
        return jsonify(message=message), 400
    doc = db.session.get(Document, (request.view_args or {}).get("document_id", ""))
    if request.endpoint != "sections.section" or doc is None or not current_user.is_authenticated:
        return render_template(
            "error.html",
            title="Your session has ended",
            message="Nothing was saved. Go back and try again.",
        ), 400
    return _section_again(message), 400
