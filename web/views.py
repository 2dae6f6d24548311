"""Documents: start one, fill it in over several sittings, submit versions, download them.

A document is a draft until submitted; each submission is a new, unchangeable version.
Every save says which lock_version it was made on: a save on an out-of-date copy is refused,
never merged or overwritten.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from zoneinfo import ZoneInfo

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import func, select, update
from werkzeug.datastructures import MultiDict
from wtforms import FieldList

from documents import cache
from documents.pack import merge
from documents.render import FORMATS, render
from forms import ARTEFACTS, starters
from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Email, LongText, Number, Phone
from forms.model import Artefact
from forms.prefill import prefilled
from forms.repeat import Repeat
from forms.web import as_formdata, check, check_draft, error_summary, form_class, typed
from models import Case, Continuation, Document, Submission, db, is_id, now
from schemas import schema_for, stored_schema
from serving.transactions import writing
from web.access import CASEWORKERS, audit, public, roles
from web.cases import details, known, may_see, visible_case

bp = Blueprint("forms", __name__)
LONDON = ZoneInfo("Europe/London")


@bp.app_template_global()
def kind_of(f: object) -> str:
    """The name of the template macro that renders a declared field."""
    for kind, name in (
        (Repeat, "repeat"),
        (MultiChoice, "multichoice"),
        (Choice, "choice"),
        (Date, "date"),
        (Email, "email"),
        (Phone, "phone"),
        (Number, "number"),
        (LongText, "longtext"),
    ):
        if isinstance(f, kind):
            return name
    return "text"


@bp.app_template_filter()
def title_of(slug: str) -> str:
    return ARTEFACTS[slug].title


@bp.app_template_filter()
def when(moment: dt.datetime) -> str:
    """A moment as people in Kingston and Richmond read it: 3 March 2027, 14:05."""
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%B %Y}, {local:%H:%M}"


@bp.app_template_filter()
def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _artefact(slug: str) -> Artefact:
    if slug not in ARTEFACTS:
        abort(404)
    return ARTEFACTS[slug]


def _document(document_id: str, *, edit: bool = False) -> tuple[Document, Artefact]:
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


def _version(version_id: str) -> tuple[Submission, Artefact]:
    """The version, if the signed-in user may see its document (one query for both)."""
    found = db.session.execute(
        select(Submission, Document)
        .join(Document, Document.id == Submission.document_id)
        .where(Submission.id == version_id)
    ).first()
    if found is None:
        audit("refused", version_id=version_id)
        abort(404)
    _document(found.Document.id)
    return found.Submission, ARTEFACTS[found.Submission.artefact]


def _answers(submission: Submission) -> dict[str, Any]:
    """A submission's answers as clean values, read back as they were stored."""
    return _loaded(ARTEFACTS[submission.artefact], submission.answers)


def _loaded(artefact: Artefact, stored: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = stored_schema(artefact).load(stored)
    return loaded


def _continued(artefact: Artefact, case: Case | None) -> Submission | None:
    """The version a new document continues (`continues=<id>`), if it really may continue it:
    the right artefact, the answer that opens it, and the same case."""
    link = artefact.continues
    asked = request.form.get("continues", "")
    parent = db.session.get(Submission, asked) if is_id(asked) else None
    if link is None or parent is None or parent.artefact != link.artefact:
        return None
    if case is None or parent.document.case_id != case.id:
        return None
    return parent if parent.answers.get(link.field) == link.value else None


def _pack(submission: Submission) -> tuple[Submission, Submission] | None:
    """The (continued, continuing) pair a submission belongs to, newest continuation first."""
    as_child = db.session.get(Continuation, submission.id)
    if as_child is not None:
        return db.session.get_one(Submission, as_child.continues_id), submission
    child = db.session.scalars(
        select(Submission)
        .join(Continuation, Continuation.submission_id == Submission.id)
        .where(Continuation.continues_id == submission.id)
        .order_by(Submission.created_at.desc())
    ).first()
    return (submission, child) if child is not None else None


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


@bp.get("/health")
@public
def health() -> ResponseReturnValue:
    return {"status": "ok"}


@bp.post("/cases/<id:case_id>/start/<slug>")
@bp.post("/reports/start/<slug>")
@roles(CASEWORKERS)
def start(slug: str, case_id: str | None = None) -> ResponseReturnValue:
    """A new document, its fields filled with what the service already knows."""
    case = visible_case(case_id) if case_id is not None else None
    artefact = _artefact(slug)
    if current_user.role not in starters(artefact) or artefact.per_case != (case is not None):
        audit("refused")
        abort(404)
    parent = _continued(artefact, case)
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


class _ConflictError(Exception):
    """Someone else saved the document since it was read: nothing of this save is kept."""


def _save(doc: Document, lock: str | None, **values: Any) -> None:
    """Inside `writing()`: save `values` on the document if nobody saved it since `lock`;
    otherwise raise _ConflictError, and the whole write is undone."""
    seen = int(lock) if lock and lock.isdigit() and len(lock) < 10 else -1
    result = db.session.execute(
        update(Document)
        .where(Document.id == doc.id, Document.lock_version == seen)
        .values(
            lock_version=Document.lock_version + 1,
            updated_by=current_user.id,
            updated_at=now(),
            **values,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise _ConflictError


def _changed_by(doc: Document) -> str:
    """Who saved the document since it was read, and when: the message of a refused save."""
    db.session.refresh(doc)
    when = doc.updated_at.astimezone(LONDON)
    return (
        f"This was changed by {doc.editor.display_name} at {when:%H:%M} on {when.day}"
        f" {when:%B %Y}, after you opened it. Your changes have not been saved: copy anything"
        " you need, then open the document again"
    )


def _save_draft(doc: Document, lock: str | None, draft: list[list[str]]) -> str | None:
    """Save a draft as typed; None, or why it was refused."""
    try:
        with writing():
            _save(doc, lock, draft=draft)
            audit("save draft", document=doc)
    except _ConflictError:
        return _changed_by(doc)
    return None


def _submit(doc: Document, artefact: Artefact, data: dict[str, Any], lock: str | None):
    """Submit a new version: refused, like a save, if the document changed since `lock`."""
    answers = schema_for(artefact).dump(data)
    try:
        with writing():
            _save(doc, lock, draft=None)
            number = db.session.scalar(
                select(func.count()).select_from(Submission).where(Submission.document_id == doc.id)
            )
            version = Submission(
                artefact=artefact.slug,
                answers=answers,
                document_id=doc.id,
                number=(number or 0) + 1,
                submitted_by=current_user.id,
            )
            db.session.add(version)
            db.session.flush()
            if doc.continues_id is not None:
                db.session.add(
                    Continuation(submission_id=version.id, continues_id=doc.continues_id)
                )
            audit("submit", document=doc, version_id=version.id)
    except _ConflictError:
        return _changed_by(doc)
    return version


@bp.route("/documents/<id:document_id>", methods=["GET", "POST"])
@roles(CASEWORKERS)
def edit(document_id: str) -> ResponseReturnValue:
    doc, artefact = _document(document_id, edit=True)
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
                    outcome = _save_draft(doc, lock, typed(form))
                    if outcome is None:
                        flash(f"Your draft of the {artefact.title} was saved.")
                        return redirect(_home_of(doc))
            else:
                data = check(artefact, form)
                if data is not None:
                    outcome = _submit(doc, artefact, data, lock)
                    if isinstance(outcome, Submission):
                        return redirect(url_for(".answers", version_id=outcome.id))
            errors = error_summary(form)
            if outcome:
                errors.insert(0, {"text": outcome, "href": "#main-content"})
    return _form_page(doc, artefact, form, errors, lock)


@bp.post("/documents/<id:document_id>/autosave")
@roles(CASEWORKERS)
def autosave(document_id: str) -> ResponseReturnValue:
    """The form page's script saves the draft as the user works: JSON in, JSON out."""
    doc, artefact = _document(document_id, edit=True)
    form = form_class(artefact)()
    if not check_draft(artefact, form):
        return jsonify(message=error_summary(form)[0]["text"]), 422
    lock = request.form.get("lock_version", "")
    conflict = _save_draft(doc, lock, typed(form))
    if conflict:
        return jsonify(message=conflict), 409
    saved = now().astimezone(LONDON)
    return jsonify(lock_version=int(lock) + 1, saved=f"{saved:%H:%M}")


def _home_of(doc: Document) -> str:
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
        back=_home_of(doc),
        case_details=details(case) if case else None,
        continues=db.session.get(Submission, doc.continues_id) if doc.continues_id else None,
    )


@bp.app_errorhandler(CSRFError)
def session_expired(_: CSRFError) -> ResponseReturnValue:
    """A post without a valid token saves nothing; a form page shows the answers again to resend."""
    message = "Your session ended before you continued, so nothing was saved"
    if request.endpoint == "forms.autosave":
        return jsonify(message=message), 400
    doc = db.session.get(Document, (request.view_args or {}).get("document_id", ""))
    if request.endpoint != "forms.edit" or doc is None or not current_user.is_authenticated:
        return render_template(
            "error.html",
            title="Your session has ended",
            message="Nothing was saved. Go back and try again.",
        ), 400
    doc, artefact = _document(doc.id, edit=True)
    form = form_class(artefact)(formdata=request.form)
    errors = [
        {
            "text": f"{message}. Your answers are below: check them and continue again",
            "href": "#main-content",
        }
    ]
    return _form_page(doc, artefact, form, errors, request.form.get("lock_version", "")), 400


@bp.get("/versions/<id:version_id>")
@roles(CASEWORKERS)
def answers(version_id: str) -> ResponseReturnValue:
    submission, artefact = _version(version_id)
    audit("view", document=submission.document)
    data = _answers(submission)
    next_parts = [
        a
        for a in ARTEFACTS.values()
        if a.continues
        and a.continues.artefact == artefact.slug
        and submission.answers.get(a.continues.field) == a.continues.value
        and current_user.role in starters(a)
    ]
    return render_template(
        "answers.html",
        artefact=artefact,
        data=data,
        submission=submission,
        doc=submission.document,
        back=_home_of(submission.document),
        next_parts=next_parts,
        pack=_pack(submission),
        may_change=starters(artefact),
    )


@bp.get("/versions/<id:version_id>/document.<kind>")
@roles(CASEWORKERS)
def document(version_id: str, kind: str) -> ResponseReturnValue:
    submission, artefact = _version(version_id)
    if kind not in FORMATS:
        abort(404)
    audit("download", document=submission.document)
    answers = submission.answers  # loaded now: the render needs no database
    blob = cache.document(
        (submission.id,), kind, lambda: render(kind, artefact, _loaded(artefact, answers))
    )
    # The file name is made here from the artefact and the id: never from an answer.
    return send_file(
        io.BytesIO(blob),
        mimetype=FORMATS[kind].mimetype,
        as_attachment=True,
        download_name=f"{artefact.stem}-{submission.short_id}-v{submission.number}.{kind}",
    )


@bp.get("/versions/<id:version_id>/pack.pdf")
@roles(CASEWORKERS)
def pack(version_id: str) -> ResponseReturnValue:
    """The PDFs of a submission and the one it continues (or that continues it), as one file."""
    pair = _pack(_version(version_id)[0])
    if pair is None:
        abort(404)
    link = ARTEFACTS[pair[1].artefact].continues
    assert link is not None  # the continuing part always declares what it continues
    audit("download", document=pair[1].document)

    stored = [(ARTEFACTS[part.artefact], part.answers) for part in pair]

    def make() -> bytes:
        parts = [
            (artefact.title, render("pdf", artefact, _loaded(artefact, answers)))
            for artefact, answers in stored
        ]
        return merge(parts, link.pack_title)

    blob = cache.document(tuple(part.id for part in pair), "pack.pdf", make)
    return send_file(
        io.BytesIO(blob),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"{link.pack_title.lower().replace(' ', '-')}-{pair[1].short_id}.pdf",
    )
