"""Closed means closed (issue 13): a closed case is read-only for everyone, managers included,
until a manager reopens it (web/case_status.py).

Every view that changes a case, or a document of one, is marked `@changes_case`; one check
before each request (`refuse_if_closed`, after web.access.guard) answers 409 on a closed case:
a page saying so, or, for the form page's autosave, a message its script shows (as for any
refused save). Nothing is changed and nothing typed is silently dropped. Reading, downloading
and sending what was submitted stay allowed (README, "Closed cases"). A test walks the routes so
that a new one that writes has to be marked, or say why not (tests/web/test_closed_cases.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from models import Case, Document, db

View = TypeVar("View", bound=Callable[..., Any])

CLOSED = "This case is closed: reopen it to change anything"
# Who reopens: a manager (web/case_status.py); everyone else is told whom to ask.
ASK = "Only a manager can reopen a case."


def changes_case(view: View) -> View:
    """Mark a view as one that changes a case (its details, people, steps, contacts) or one of
    its documents (start, edit, save, submit, discard, attach): refused on a closed case."""
    view.changes_case = True  # type: ignore[attr-defined]
    return view


def marked(endpoint: str | None) -> bool:
    """Whether the endpoint's view changes a case."""
    view = current_app.view_functions.get(endpoint or "")
    return bool(getattr(view, "changes_case", False))


def case_of_request() -> Case | None:
    """The case the request is about: from its URL's case, or the case of its document (None
    for a report, or a document or case that does not exist: the view answers those)."""
    args = request.view_args or {}
    case_id = args.get("case_id")
    if case_id is None and args.get("document_id") is not None:
        case_id = db.session.scalar(
            select(Document.case_id).where(Document.id == args["document_id"])
        )
    return db.session.get(Case, case_id) if case_id is not None else None


def refuse_if_closed() -> ResponseReturnValue | None:
    """Before every request (after the access rule): a change to a closed case is refused with
    409. Someone who may not see the case is let through to the view, whose 404 (audited) says
    nothing of whether the case exists or is closed."""
    if request.routing_exception is not None or not marked(request.endpoint):
        return None
    case = case_of_request()
    if case is None or case.closed_at is None:
        return None
    from web.access import audit  # web.cases imports web.access: imported when first used
    from web.cases import may_see

    if not may_see(case.id):
        return None
    audit("refused: case closed", case_id=case.id)
    if request.endpoint == "documents.autosave":
        return jsonify(message=f"{CLOSED}. Your latest changes are not saved."), 409
    return render_template("closed.html", case=case, message=CLOSED, ask=ASK), 409
