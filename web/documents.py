"""Documents: start one, fill it in over several sittings (saved as typed, web.saving), and
submit versions; a document is a draft until submitted, and each submission is a new,
unchangeable version (web.versions)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import MultiDict
from wtforms import FieldList

from forms import ARTEFACTS, starters
from forms.model import Artefact
from forms.prefill import prefilled
from forms.web import as_formdata, check, check_draft, error_summary, form_class, typed
from models import Case, Document, Submission, db, is_id, now
from serving.errors import shown_again
from serving.transactions import writing
from web.access import CASEWORKERS, audit, roles
from web.cases import details, known, may_see, visible_case
from web.continuing import open_drafts, parent_for
from web.saving import save_draft, submit
from web.templating import LONDON

bp = Blueprint("documents", __name__)


def _artefact(slug: str) -> Artefact:
    if slug not in ARTEFACTS:
        abort(404)
    return ARTEFACTS[slug]


def document_or_404(document_id: str, *, edit: bool = False) -> tuple[Document, Artefact]:
    """The document, if the signed-in user may see it (and, with `edit`, change it)."""
    doc = db.session.get(Document, document_id)
    artefact = ARTEFACTS.get(doc.artefact) if doc is not None else None
    if doc is None or artefact is None or not _may_open(doc, artefact, edit):
        audit("refused", document=doc)
        abort(404)
    return doc, artefact


def _may_open(doc: Document, artefact: Artefact, edit: bool) -> bool:
    if doc.case_id is not None:
        seen = may_see(doc.case_id)
    else:  # a report: for the roles that write it
        seen = current_user.role in starters(artefact)
    return seen and (not edit or current_user.role in starters(artefact))


def _change_blocks(form: object) -> bool:
    """Handle "Add another" and "Remove" buttons of repeating blocks; True if one was pressed."""
    for field in form:  # type: ignore[attr-defined]
        if not isinstance(field, FieldList):
            continue
        if f"add_{field.name}" in request.form:
            if len(field.entries) < (field.max_entries or 1) - 1:  # max_entries is max_items + 1
                field.append_entry()
            return True
        remove = request.form.get(f"remove_{field.name}", "")
        if remove.isdigit():
            index = int(remove)
            if 0 <= index < len(field.entries) and len(field.entries) > 1:
                field.entries.pop(index)
            return True
    return False


def startable(slug: str, case_id: str | None) -> tuple[Artefact, Case | None]:
    """The artefact and case (None: a report), if the signed-in user may start it there."""
    case = visible_case(case_id) if case_id is not None else None
    artefact = _artefact(slug)
    if current_user.role not in starters(artefact) or artefact.per_case != (case is not None):
        audit("refused")
        abort(404)
    return artefact, case


@bp.post("/cases/<id:case_id>/start/<slug>")
@bp.post("/reports/start/<slug>")
@roles(CASEWORKERS)
def start(slug: str, case_id: str | None = None) -> ResponseReturnValue:
    """A new document, its fields filled with what the service already knows. If there are
    drafts of it already, the choice between them and a new one comes first (web.drafts)."""
    artefact, case = startable(slug, case_id)
    asked = request.form.get("continues", "")
    asked = asked if is_id(asked) else ""
    if request.form.get("new") != "yes" and open_drafts(slug, case_id):
        choice = url_for("drafts.offer", slug=slug, case_id=case_id, continues=asked or None)
        return redirect(choice)
    parent = parent_for(artefact, case, asked)
    answers = prefilled(artefact.prefill, known(case))
    draft = typed(form_class(artefact)(formdata=as_formdata(artefact, answers)))
    with writing():
        doc = Document(
            case_id=case_id,
            artefact=slug,
            draft=draft,
            continues_id=parent.id if parent else None,
            created_by=current_user.id,
            updated_by=current_user.id,
        )
        db.session.add(doc)
        db.session.flush()
        audit("start", document=doc)
    return redirect(url_for(".edit", document_id=doc.id))


def _saved_form(doc: Document, artefact: Artefact) -> Any:
    """The form as last saved: the draft as typed, or the latest version's answers."""
    if doc.draft is not None:
        formdata: MultiDict[str, str] = MultiDict([(name, value) for name, value in doc.draft])
    else:
        assert doc.latest is not None
        formdata = as_formdata(artefact, doc.latest.answers)
    return form_class(artefact)(formdata=formdata)


@bp.route("/documents/<id:document_id>", methods=["GET", "POST"])
@roles(CASEWORKERS)
def edit(document_id: str) -> ResponseReturnValue:
    doc, artefact = document_or_404(document_id, edit=True)
    lock = str(doc.lock_version)
    errors: list[dict[str, str]] = []
    if request.method == "GET":
        audit("view", document=doc)
        form = _saved_form(doc, artefact)
    else:
        form = form_class(artefact)()
        lock = request.form.get("lock_version", "")
        if not _change_blocks(form):
            outcome: Any = None
            if request.form.get("action") == "draft":
                if check_draft(artefact, form):
                    outcome = save_draft(doc, lock, typed(form))
                    if outcome is None:
                        flash(f"Your draft of the {artefact.title} was saved.")
                        return redirect(home_of(doc))
            else:
                data = check(artefact, form)
                if data is not None:
                    outcome = submit(doc, artefact, data, lock)
                    if isinstance(outcome, Submission):
                        return redirect(url_for("versions.answers", version_id=outcome.id))
            errors = error_summary(form)
            if outcome:
                errors.insert(0, {"text": outcome, "href": "#main-content"})
    return _form_page(doc, artefact, form, errors, lock)


@bp.post("/documents/<id:document_id>/autosave")
@roles(CASEWORKERS)
def autosave(document_id: str) -> ResponseReturnValue:
    """The form page's script saves the draft as the user works: JSON in, JSON out."""
    doc, artefact = document_or_404(document_id, edit=True)
    form = form_class(artefact)()
    if not check_draft(artefact, form):
        return jsonify(message=error_summary(form)[0]["text"]), 422
    lock = request.form.get("lock_version", "")
    conflict = save_draft(doc, lock, typed(form))
    if conflict:
        return jsonify(message=conflict), 409
    saved = now().astimezone(LONDON)
    return jsonify(lock_version=int(lock) + 1, saved=f"{saved:%H:%M}")


def home_of(doc: Document) -> str:
    if doc.case_id is None:
        return url_for("cases.reports")
    return url_for("cases.case", case_id=doc.case_id)


def _form_page(
    doc: Document, artefact: Artefact, form: Any, errors: list[dict[str, str]], lock: str
) -> str:
    """A document's form page: its case's name, what it continues, and the lock it was read at."""
    case = db.session.get_one(Case, doc.case_id) if doc.case_id else None
    return render_template(
        "form.html",
        artefact=artefact,
        form=form,
        errors=errors,
        doc=doc,
        lock=lock,
        back=home_of(doc),
        case_details=details(case) if case else None,
        continues=db.session.get(Submission, doc.continues_id) if doc.continues_id else None,
    )


@shown_again("documents.edit")
def _form_again(message: str) -> str:
    """The form page, with what was just posted and why it was not saved."""
    doc, artefact = document_or_404((request.view_args or {}).get("document_id", ""), edit=True)
    form = form_class(artefact)(formdata=request.form)
    errors = [
        {
            "text": f"{message.rstrip('.')}. Your answers are below: check them and continue again",
            "href": "#main-content",
        }
    ]
    return _form_page(doc, artefact, form, errors, request.form.get("lock_version", ""))


@bp.app_errorhandler(CSRFError)
def session_expired(_: CSRFError) -> ResponseReturnValue:
    """A post without a valid token saves nothing; a form page shows the answers again to resend."""
    message = "Your session ended before you continued, so nothing was saved"
    if request.endpoint == "documents.autosave":
        return jsonify(message=message), 400
    doc = db.session.get(Document, (request.view_args or {}).get("document_id", ""))
    if request.endpoint != "documents.edit" or doc is None or not current_user.is_authenticated:
        return render_template(
            "error.html",
            title="Your session has ended",
            message="Nothing was saved. Go back and try again.",
        ), 400
    return _form_again(message), 400
