"""Saving a document: its draft as typed, or a new submitted version.

Every save says which lock_version it was made on: a save on an out-of-date copy is refused,
with who saved since and when, never merged or overwritten.
"""

from __future__ import annotations

from typing import Any

from flask_login import current_user
from sqlalchemy import func, select, update

from forms.model import Artefact
from models import Continuation, Document, Submission, db, now
from schemas import schema_for
from serving.transactions import writing
from web.access import audit
from web.templating import LONDON


class _ConflictError(Exception):
    """Someone else saved the document since it was read: nothing of this save is kept."""


def _save(doc: Document, lock: str | None, **values: Any) -> None:
    """Inside `writing()`: save `values` on the document if nobody saved it since `lock`;
    otherwise raise _ConflictError, and the whole write is undone."""
    seen = int(lock) if lock and lock.isascii() and lock.isdigit() and len(lock) < 10 else -1
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


def save_draft(doc: Document, lock: str | None, draft: list[list[str]]) -> str | None:
    """Save a draft as typed; None, or why it was refused."""
    try:
        with writing():
            _save(doc, lock, draft=draft)
            audit("save draft", document=doc)
    except _ConflictError:
        return _changed_by(doc)
    return None


def submit(doc: Document, artefact: Artefact, data: dict[str, Any], lock: str | None):
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
