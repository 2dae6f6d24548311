"""Pages: the list of forms, a declared form, its answers, and its documents."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from sqlalchemy import select
from wtforms import FieldList

from documents.pack import merge
from documents.render import FORMATS, render
from forms import ARTEFACTS, AUDIENCES
from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Email, LongText, Number, Phone
from forms.model import Artefact
from forms.repeat import Repeat
from forms.web import check, error_summary, form_class
from models import Continuation, Submission, db
from schemas import schema_for, stored_schema

bp = Blueprint("forms", __name__)


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


def _artefact(slug: str) -> Artefact:
    if slug not in ARTEFACTS:
        abort(404)
    return ARTEFACTS[slug]


def _submission(submission_id: str) -> tuple[Submission, Artefact]:
    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.artefact not in ARTEFACTS:
        abort(404)
    return submission, ARTEFACTS[submission.artefact]


def _answers(submission: Submission) -> dict[str, Any]:
    """A submission's answers as clean values, read back as they were stored."""
    loaded: dict[str, Any] = stored_schema(ARTEFACTS[submission.artefact]).load(submission.answers)
    return loaded


def _continued(artefact: Artefact) -> Submission | None:
    """The submission this new one continues (`?continues=<id>`), if it really may continue it."""
    link = artefact.continues
    parent = db.session.get(Submission, request.args.get("continues", ""))
    if link is None or parent is None or parent.artefact != link.artefact:
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


@bp.get("/")
def home() -> ResponseReturnValue:
    groups = [(who, [a for a in ARTEFACTS.values() if a.audience == who]) for who in AUDIENCES]
    return render_template("home.html", groups=groups)


@bp.get("/health")
def health() -> ResponseReturnValue:
    return {"status": "ok"}


@bp.route("/forms/<slug>", methods=["GET", "POST"])
def fill(slug: str) -> ResponseReturnValue:
    artefact = _artefact(slug)
    form = form_class(artefact)()
    parent = _continued(artefact)
    errors: list[dict[str, str]] = []
    if request.method == "POST" and not _change_blocks(form):
        data = check(artefact, form)
        if data is not None:
            submission = Submission(artefact=slug, answers=schema_for(artefact).dump(data))
            db.session.add(submission)
            if parent is not None:
                db.session.flush()
                db.session.add(Continuation(submission_id=submission.id, continues_id=parent.id))
            db.session.commit()
            return redirect(url_for(".answers", submission_id=submission.id))
        errors = error_summary(form)
    return render_template(
        "form.html", artefact=artefact, form=form, errors=errors, continues=parent
    )


@bp.app_errorhandler(CSRFError)
def session_expired(_: CSRFError) -> ResponseReturnValue:
    """A post without a valid token saves nothing; a form page shows the answers again to resend."""
    if request.endpoint != "forms.fill" or request.view_args is None:
        return render_template(
            "error.html",
            title="Your session has ended",
            message="Nothing was saved. Go back and try again.",
        ), 400
    artefact = _artefact(request.view_args["slug"])
    form = form_class(artefact)(formdata=request.form)
    errors = [
        {
            "text": "Your session ended before you continued, so nothing was saved. Your"
            " answers are below: check them and continue again",
            "href": "#main-content",
        }
    ]
    return render_template("form.html", artefact=artefact, form=form, errors=errors), 400


@bp.get("/answers/<submission_id>")
def answers(submission_id: str) -> ResponseReturnValue:
    submission, artefact = _submission(submission_id)
    data = _answers(submission)
    next_parts = [
        a
        for a in ARTEFACTS.values()
        if a.continues
        and a.continues.artefact == artefact.slug
        and submission.answers.get(a.continues.field) == a.continues.value
    ]
    return render_template(
        "answers.html",
        artefact=artefact,
        data=data,
        submission=submission,
        next_parts=next_parts,
        pack=_pack(submission),
    )


@bp.get("/answers/<submission_id>/document.<kind>")
def document(submission_id: str, kind: str) -> ResponseReturnValue:
    submission, artefact = _submission(submission_id)
    if kind not in FORMATS:
        abort(404)
    data = _answers(submission)
    # The file name is made here from the artefact and the id: never from an answer.
    return send_file(
        io.BytesIO(render(kind, artefact, data)),
        mimetype=FORMATS[kind].mimetype,
        as_attachment=True,
        download_name=f"{artefact.stem}-{submission.short_id}.{kind}",
    )


@bp.get("/answers/<submission_id>/pack.pdf")
def pack(submission_id: str) -> ResponseReturnValue:
    """The PDFs of a submission and the one it continues (or that continues it), as one file."""
    pair = _pack(_submission(submission_id)[0])
    if pair is None:
        abort(404)
    parts = []
    for part in pair:
        artefact = ARTEFACTS[part.artefact]
        parts.append((artefact.title, render("pdf", artefact, _answers(part))))
    link = ARTEFACTS[pair[1].artefact].continues
    assert link is not None  # the continuing part always declares what it continues
    return send_file(
        io.BytesIO(merge(parts, link.pack_title)),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"{link.pack_title.lower().replace(' ', '-')}-{pair[1].short_id}.pdf",
    )
