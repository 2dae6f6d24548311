"""Submitted versions: the answers page, and the Word and PDF documents made from a version
(and the referral pack, a version with the one it continues), downloaded as often as needed."""

from __future__ import annotations

import io
from typing import Any, cast

from flask import Blueprint, abort, render_template, send_file
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from audit.actions import DOWNLOAD_OF_FORMAT, DOWNLOAD_PACK
from documents import cache
from documents.pack import render_pack
from documents.render import FORMATS, render
from documents.stamp import Stamp, stamp_of
from figures import Figures
from forms import ARTEFACTS, starters
from forms.model import Artefact
from models import Case, Continuation, Document, Submission, db
from schemas import stored_schema
from sending.recipients import ROUTES
from serving.transactions import writing
from web.access import CASEWORKERS, audit, roles
from web.cases import details, may_see
from web.continuing import continued_by
from web.documents import document_or_404, home_of, may_edit
from web.report_links import attachable, attached_to, report_of

bp = Blueprint("versions", __name__)


def _version(version_id: str) -> tuple[Submission, Document, Artefact]:
    """The version and its document, if the signed-in user may see it (one query for both)."""
    found = db.session.execute(
        select(Submission, Document)
        .join(Document, Document.id == Submission.document_id)
        .where(Submission.id == version_id)
    ).first()
    if found is None:
        audit("refused", version_id=version_id)
        abort(404)
    document_or_404(found.Document.id)
    return found.Submission, found.Document, ARTEFACTS[found.Submission.artefact]


def _answers(submission: Submission) -> dict[str, Any]:
    """A submission's answers as clean values, read back as they were stored."""
    return _loaded(ARTEFACTS[submission.artefact], submission.answers)


def _loaded(artefact: Artefact, stored: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = stored_schema(artefact).load(stored)
    return loaded


def figures_of_version(submission: Submission) -> Figures | None:
    """The figures worked out when the version was submitted (None: its artefact has none)."""
    return cast(Figures | None, submission.figures)


def stamp(submission: Submission) -> Stamp:
    """Whose and which version a version's documents are: its case's details as they are now."""
    case_id = submission.document.case_id
    case = db.session.get(Case, case_id) if case_id else None
    title = ARTEFACTS[submission.artefact].title
    return stamp_of(title, submission.number, case_id, details(case) if case else None)


def rendered(kind: str, submission: Submission, artefact: Artefact, about: Stamp) -> bytes:
    """A version's document of `kind`, from memory or made now from its answers and figures."""
    # Both read now: the render needs no database.
    answers, figures = submission.answers, figures_of_version(submission)
    return cache.document(
        (submission.id,),
        kind,
        lambda: render(kind, artefact, _loaded(artefact, answers), figures, about),
        about,
    )


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


@bp.get("/versions/<id:version_id>")
@roles(CASEWORKERS)
def answers(version_id: str) -> ResponseReturnValue:
    submission, doc, artefact = _version(version_id)
    audit("view", document=doc)
    data = _answers(submission)
    parts = [a for a in ARTEFACTS.values() if a.continues and a.continues.artefact == artefact.slug]
    # One pack per referral (web.continuing): once a document continues it, none is offered.
    continuing = continued_by(doc) if parts else []
    next_parts = [
        a
        for a in parts
        if a.continues
        and submission.answers.get(a.continues.field) == a.continues.value
        and current_user.role in starters(a)
        and not continuing
    ]
    return render_template(
        "answers.html",
        send_label=_send_label(doc, artefact),
        artefact=artefact,
        data=data,
        figures=figures_of_version(submission),
        submission=submission,
        doc=doc,
        back=home_of(doc),
        next_parts=next_parts,
        pack=_pack(submission),
        continuing=[(d, ARTEFACTS[d.artefact]) for d in continuing],
        may_change=may_edit(doc, artefact),
        report=report_of(doc),
        attached=attached_to(doc) if doc.case_id is None else [],
        attachable=attachable(doc),
    )


def _send_label(doc: Document, artefact: Artefact) -> str | None:
    """The words of the link to send a version where the strategy says (web.sending), for the
    forms that are sent: "Send to SPA (Kingston)", from the case's borough."""
    if artefact.slug not in ROUTES or doc.case_id is None or not may_see(doc.case_id, member=True):
        return None
    borough = details(db.session.get_one(Case, doc.case_id)).get("borough")
    return ROUTES[artefact.slug].label(borough) if borough else "Send it"


@bp.get("/versions/<id:version_id>/document.<kind>")
@roles(CASEWORKERS)
def document(version_id: str, kind: str) -> ResponseReturnValue:
    submission, doc, artefact = _version(version_id)
    if kind not in FORMATS:
        abort(404)
    audit(DOWNLOAD_OF_FORMAT[kind], document=doc)
    about = stamp(submission)
    blob = rendered(kind, submission, artefact, about)
    # The file name is made from the form, the case reference, the version and the day (the
    # stamp's): never from a name or an answer.
    return send_file(
        io.BytesIO(blob),
        mimetype=FORMATS[kind].mimetype,
        as_attachment=True,
        download_name=about.file_name(artefact.stem, kind),
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
    with writing(durable=False):  # one event per part: each document and version (issue 13)
        for part in pair:
            audit(DOWNLOAD_PACK, document=part.document, version_id=part.id)

    stored = [
        (ARTEFACTS[part.artefact], part.answers, figures_of_version(part), stamp(part))
        for part in pair
    ]

    def make() -> bytes:
        # Laid out together, so that the pack's pages are numbered on (documents.pack).
        parts = [
            (artefact, _loaded(artefact, answers), figures, about)
            for artefact, answers, figures, about in stored
        ]
        return render_pack(parts, link.pack_title)

    abouts = tuple(about for *_, about in stored)
    blob = cache.document(tuple(part.id for part in pair), "pack.pdf", make, abouts)
    # Named as its continuing part, the newer: the pack's title, the case, that version, the day.
    stem = link.pack_title.lower().replace(" ", "-")
    return send_file(
        io.BytesIO(blob),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=abouts[1].file_name(stem, "pdf"),
    )
