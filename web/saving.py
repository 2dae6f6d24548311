"""Saving a document: its draft as typed, or a new submitted version.

Every save says which lock_version it was made on: a save on an out-of-date copy is refused,
with who saved since and when, never merged or overwritten.
"""

from __future__ import annotations

from typing import Any

from flask_login import current_user
from sqlalchemy import delete, func, select, update

from clocks import LONDON
from figures import Context, Figures
from forms.model import Artefact
from models import Case, Continuation, Document, Submission, db, now
from pathway.state import DATED_FORMS
from pathway.state import refresh as refresh_pathway_of
from schemas import schema_for
from serving.transactions import writing
from web.access import audit


class _ConflictError(Exception):
    """Someone else saved the document since it was read: nothing of this save is kept."""


def _unchanged(doc: Document, lock: str | None) -> Any:
    """In a query: the document is still at `lock` (as posted: anything else matches nothing)."""
    seen = int(lock) if lock and lock.isascii() and lock.isdigit() and len(lock) < 10 else -1
    return (Document.id == doc.id) & (Document.lock_version == seen)


def _save(doc: Document, lock: str | None, **values: Any) -> None:
    """Inside `writing()`: save `values` on the document if nobody saved it since `lock`;
    otherwise raise _ConflictError, and the whole write is undone."""
    result = db.session.execute(
        update(Document)
        .where(_unchanged(doc, lock))
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


_NOT_SAVED = (
    "Your changes have not been saved: copy anything you need, then open the document again"
)


def _changed_by(doc: Document, outcome: str = _NOT_SAVED) -> str:
    """Who saved the document since it was read, and when: the message of a refused save."""
    db.session.refresh(doc)
    when = doc.updated_at.astimezone(LONDON)
    return (
        f"This was changed by {doc.editor.display_name} at {when:%H:%M} on {when.day}"
        f" {when:%B %Y}, after you opened it. {outcome}"
    )


def others_draft(doc: Document) -> bool:
    """Whether the document holds a draft that the signed-in user neither started nor saved
    last: changing it is for the case's people only (web.documents), and audited."""
    return doc.draft is not None and current_user.id not in {doc.created_by, doc.updated_by}


# Recorded once for each save of someone else's draft (README "Accounts, cases and who sees what").
EDIT_OTHERS = "edit another's draft"


def save_draft(doc: Document, lock: str | None, draft: list[list[str]]) -> str | None:
    """Save a draft as typed; None, or why it was refused."""
    others = others_draft(doc)
    try:
        with writing():
            _save(doc, lock, draft=draft)
            audit("save draft", document=doc)
            if others:
                audit(EDIT_OTHERS, document=doc)
    except _ConflictError:
        return _changed_by(doc)
    return None


ALREADY_DISCARDED = "Someone else discarded this draft before you"


def discard_draft(doc: Document, lock: str | None) -> str | None:
    """Drop the draft: a document with versions goes back to its latest version (no version
    is ever deleted); one never submitted is deleted. Its audit events stay, naming its id
    (they have no foreign key). None, or why it was refused: someone saved it since `lock`,
    or it is gone already."""
    try:
        with writing():
            if doc.versions:
                _save(doc, lock, draft=None)
            else:
                # A report's attachments stay, not yet attached to a report (web.report_links).
                db.session.execute(
                    update(Document)
                    .where(Document.report_id == doc.id)
                    .values(report_id=None)
                    .execution_options(synchronize_session=False)
                )
                gone = db.session.execute(
                    delete(Document)
                    .where(_unchanged(doc, lock))
                    .execution_options(synchronize_session=False)
                )
                if gone.rowcount != 1:  # type: ignore[attr-defined]
                    raise _ConflictError
            audit("discard draft", document=doc)
    except _ConflictError:
        if db.session.scalar(select(Document.id).where(Document.id == doc.id)) is None:
            return ALREADY_DISCARDED
        return _changed_by(doc, "Nothing was discarded: look at the draft again first")
    return None


def figures_of(doc: Document, artefact: Artefact, data: dict[str, Any]) -> Figures | None:
    """The artefact's figures for these answers, worked out now (None if it has none)."""
    if artefact.figures is None:
        return None
    case = db.session.get(Case, doc.case_id) if doc.case_id is not None else None
    return artefact.figures(Context(case, data, current_user, now()))


def submit(
    doc: Document,
    artefact: Artefact,
    data: dict[str, Any],
    lock: str | None,
    *,
    confirmed: bool = False,
):
    """Submit a new version: refused, like a save, if the document changed since `lock`.
    `confirmed`: the author confirmed that it is anonymous despite a warning (web.anonymous),
    which is audited with the version, without what was found.

    Its figures are worked out first, outside the write: only the writes hold the lock."""
    answers = schema_for(artefact).dump(data)
    figures = figures_of(doc, artefact, data)
    others = others_draft(doc)
    try:
        with writing():
            _save(doc, lock, draft=None)
            if others:
                audit(EDIT_OTHERS, document=doc)
            number = db.session.scalar(
                select(func.count()).select_from(Submission).where(Submission.document_id == doc.id)
            )
            version = Submission(
                artefact=artefact.slug,
                answers=answers,
                figures=figures,
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
            if doc.case_id is not None and artefact.slug in DATED_FORMS:
                refresh_pathway_of(db.session.get_one(Case, doc.case_id))
            audit("submit", document=doc, version_id=version.id)
            if confirmed:
                audit("confirm anonymous", document=doc, version_id=version.id)
    except _ConflictError:
        return _changed_by(doc)
    return version
