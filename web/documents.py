"""Documents: start one, fill it in over several sittings (saved as typed, web.saving), and
submit versions; a document is a draft until submitted, and each submission is a new,
unchangeable version (web.versions)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from clocks import LONDON
from forms import ARTEFACTS, starters
from forms.model import Artefact
from forms.prefill import prefilled
from forms.tasks import COMPLETED, Task, answered, names_in, tasks
from forms.web import (
    as_formdata,
    check_draft,
    error_summary,
    form_class,
    merged,
    problems_of,
    typed,
)
from models import Case, Document, Submission, db, is_id, now
from serving.transactions import writing
from web.access import CASEWORKERS, audit, roles
from web.cases import details, known, may_see, may_write, visible_case
from web.closed import changes_case
from web.continuing import open_drafts, parent_for
from web.report_links import (
    attachable,
    attached_to,
    may_see_unattached,
    report_of,
    reports_for,
)
from web.saving import others_draft, save_draft

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
        if artefact.attached_to is not None and doc.report_id is None:
            seen = seen and may_see_unattached(doc)
    return seen and (not edit or may_edit(doc, artefact))


def may_edit(doc: Document, artefact: Artefact) -> bool:
    """Whether the signed-in user may change the document: they may write its artefact there
    (web.cases.may_write), and someone else's draft only as one of the case's people
    (`may_see(member=True)`: managers count, as for the case's details), not as its team.
    A report's drafts are its writers' (the Phoenix Project's), whoever started them."""
    if not may_write(doc.case_id, artefact):
        return False
    if doc.case_id is None or not others_draft(doc):
        return True
    return may_see(doc.case_id, member=True)


def startable(slug: str, case_id: str | None) -> tuple[Artefact, Case | None]:
    """The artefact and case (None: a report), if the signed-in user may start it there."""
    case = visible_case(case_id) if case_id is not None else None
    artefact = _artefact(slug)
    if not may_write(case_id, artefact) or artefact.per_case != (case is not None):
        audit("refused")
        abort(404)
    return artefact, case


def report_to_attach(artefact: Artefact, asked: str) -> Document | None:
    """The report a new document of `artefact` is attached to (None for the artefacts that
    are not attached to a report); a missing or unknown report is a 404, audited. A case study
    is started from its report's page ("Add a case study"), never alone."""
    if artefact.attached_to is None:
        return None
    report = db.session.get(Document, asked) if is_id(asked) else None
    if report is None or report.artefact != artefact.attached_to or report.case_id is not None:
        audit("refused")
        abort(404)
    return report


@bp.post("/cases/<id:case_id>/start/<slug>")
@bp.post("/reports/start/<slug>")
@roles(CASEWORKERS)
@changes_case
def start(slug: str, case_id: str | None = None) -> ResponseReturnValue:
    """A new document, its fields filled with what the service already knows. If there are
    drafts of it already, the choice between them and a new one comes first (web.drafts)."""
    artefact, case = startable(slug, case_id)
    report = report_to_attach(artefact, request.form.get("report", ""))
    asked = request.form.get("continues", "")
    asked = asked if is_id(asked) else ""
    # A report may have several case studies: "Add a case study" always adds one, and the
    # report's page lists the drafts of those it has.
    if report is None and request.form.get("new") != "yes" and open_drafts(slug, case_id):
        choice = url_for("drafts.offer", slug=slug, case_id=case_id, continues=asked or None)
        return redirect(choice)
    parent = parent_for(artefact, case, asked)
    answers = prefilled(artefact, known(case))
    draft = typed(form_class(artefact)(formdata=as_formdata(artefact, answers)))
    with writing():
        doc = Document(
            case_id=case_id,
            artefact=slug,
            draft=draft,
            continues_id=parent.id if parent else None,
            report_id=report.id if report else None,
            created_by=current_user.id,
            updated_by=current_user.id,
        )
        db.session.add(doc)
        db.session.flush()
        audit("start", document=doc)
    return redirect(url_for(".edit", document_id=doc.id))


def saved_pairs(doc: Document, artefact: Artefact) -> list[list[str]]:
    """The document as last saved, as [name, value] pairs: its draft as typed, or its latest
    version's answers as a browser would post them."""
    if doc.draft is not None:
        return [[name, value] for name, value in doc.draft]
    assert doc.latest is not None
    return [[name, value] for name, value in as_formdata(artefact, doc.latest.answers).items(True)]


def form_of(artefact: Artefact, pairs: Any) -> Any:
    """The artefact's form holding `pairs` (a draft, or a draft with a page posted over it).
    CSRF is checked on every post before a view runs, so this form does not check it again."""
    formdata = pairs if isinstance(pairs, MultiDict) else MultiDict([tuple(p) for p in pairs])
    return form_class(artefact)(formdata=formdata, meta={"csrf": False})


def progress(doc: Document, artefact: Artefact) -> tuple[Any, list[Task]]:
    """The saved form, and its sections as tasks with their statuses."""
    pairs = saved_pairs(doc, artefact)
    form = form_of(artefact, pairs)
    return form, tasks(artefact, answered(pairs), problems_of(artefact, form))


@bp.get("/documents/<id:document_id>")
@roles(CASEWORKERS)
@changes_case
def edit(document_id: str) -> ResponseReturnValue:
    """A document's task list: its sections, each with its status, then check and submit."""
    doc, artefact = document_or_404(document_id, edit=True)
    audit("view", document=doc)
    return task_list(doc, artefact)


def task_list(doc: Document, artefact: Artefact, attach_error: str | None = None) -> str:
    """The task list page; with why the document could not be attached to a report."""
    _, found = progress(doc, artefact)
    return render_template(
        "tasks.html",
        **page_context(doc, artefact),
        tasks=found,
        completed=sum(t.status == COMPLETED for t in found),
        reports_to_attach=reports_for(artefact) if doc.report_id is None else None,
        attach_error=attach_error,
    )


def page_context(doc: Document, artefact: Artefact) -> dict[str, Any]:
    """What every page of a document shows: its case, what it continues, where it was saved,
    the report it is attached to, or what is attached to it (a report's case studies)."""
    case = db.session.get_one(Case, doc.case_id) if doc.case_id else None
    return {
        "report": report_of(doc),
        "attached": attached_to(doc) if doc.case_id is None else [],
        "attachable": attachable(doc),
        "artefact": artefact,
        "doc": doc,
        "back": home_of(doc),
        "case_details": details(case) if case else None,
        "continues": db.session.get(Submission, doc.continues_id) if doc.continues_id else None,
    }


@bp.post("/documents/<id:document_id>/autosave")
@roles(CASEWORKERS)
@changes_case
def autosave(document_id: str) -> ResponseReturnValue:
    """The form page's script saves the draft as the user works: JSON in, JSON out."""
    doc, artefact = document_or_404(document_id, edit=True)
    form = form_of(artefact, posted_over(doc, artefact))
    if not check_draft(artefact, form):
        return jsonify(message=error_summary(form)[0]["text"]), 422
    lock = request.form.get("lock_version", "")
    conflict = save_draft(doc, lock, typed(form))
    if conflict:
        return jsonify(message=conflict), 409
    saved = now().astimezone(LONDON)
    return jsonify(lock_version=int(lock) + 1, saved=f"{saved:%H:%M}", by=current_user.display_name)


def posted_over(doc: Document, artefact: Artefact) -> MultiDict:
    """What a section's page posted (`section`, its number), over the saved draft; or, with no
    section, the whole document as posted."""
    number = request.form.get("section", "")
    if number not in {str(n) for n in range(1, len(artefact.sections) + 1)}:
        return request.form
    names = names_in(artefact.sections[int(number) - 1])
    return merged(saved_pairs(doc, artefact), request.form, names)


def home_of(doc: Document) -> str:
    if doc.case_id is None:
        return url_for("reports.reports")
    return url_for("cases.case", case_id=doc.case_id)
