"""Deny by default: every view declares who may use it, and anything undeclared is refused.

`@public` views need no sign-in (sign-in itself, the health check); `@signed_in` ones any
signed-in member of staff; `@roles(...)` only those roles. A view with no rule answers 404 to
everyone, and a test walks app.url_map to make sure no route is left without one. Whether a
user may see a particular case is then each case view's own check (web.cases.visible_case).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from werkzeug.routing import BaseConverter

from accounts import ROLES
from audit.actions import DOWNLOADS, VIEW_AUDIT
from models import ID_PATTERN, AuditEvent, Document, db
from serving.transactions import writing

View = TypeVar("View", bound=Callable[..., Any])

PUBLIC = "public"
EVERYONE = frozenset(ROLES)
# Everyone who works on cases: admins manage accounts and never see case content.
CASEWORKERS = EVERYONE - {"admin"}


class IdConverter(BaseConverter):
    """`<id:name>` in a route: only what models.new_id makes. Anything else is a 404 from the
    router, before any view or query runs."""

    regex = ID_PATTERN


def public(view: View) -> View:
    view.access = PUBLIC  # type: ignore[attr-defined]
    return view


def roles(*allowed: str | frozenset[str]) -> Callable[[View], View]:
    chosen = frozenset(r for a in allowed for r in ((a,) if isinstance(a, str) else a))
    assert chosen <= EVERYONE, chosen - EVERYONE

    def rule(view: View) -> View:
        view.access = chosen  # type: ignore[attr-defined]
        return view

    return rule


signed_in = roles(EVERYONE)


def rule_of(endpoint: str | None) -> frozenset[str] | str | None:
    """The access rule of an endpoint: PUBLIC, a set of roles, or None (nobody)."""
    if endpoint == "static":
        return PUBLIC
    view = current_app.view_functions.get(endpoint or "")
    return getattr(view, "access", None)


def guard() -> ResponseReturnValue | None:
    """Before every request: let it through only if the view's rule allows this user."""
    if request.routing_exception is not None:
        return None  # no view will run: Flask answers 404 or 405
    rule = rule_of(request.endpoint)
    if rule is None:
        abort(404)
    if rule == PUBLIC:
        return None
    if not current_user.is_authenticated:
        if g.get("timed_out"):
            session.clear()
            flash("You were signed out because you did nothing for a while. Sign in again.")
        if request.method == "GET":
            return redirect(url_for("accounts.sign_in", next=request.path))
        abort(401)
    if current_user.role not in rule:
        audit("refused")
        abort(404)
    return None


# Audit events that record only that something was seen (a page, a download), or refused.
LOOKING = frozenset({"view", "view case", VIEW_AUDIT, "refused"}) | DOWNLOADS


def audit(
    action: str,
    case_id: str | None = None,
    document: Document | None = None,
    version_id: str | None = None,
    user_id: str | None = None,
    about_user_id: str | None = None,
) -> None:
    """Record who did what to which case and document (and to whom: `about_user_id`, a
    colleague added or removed): never any content. The ids default to
    those of `document`, of the URL and of the signed-in user. Committed with the write it
    belongs to (inside `writing()`), or at once."""
    args = request.view_args or {}
    if user_id is None and current_user.is_authenticated:
        user_id = current_user.id
    # Alone, an event of something looked at need not wait for the disk (serving.transactions).
    with writing(durable=action not in LOOKING):
        db.session.add(
            AuditEvent(
                user_id=user_id,
                action=action,
                case_id=case_id or (document.case_id if document else None) or args.get("case_id"),
                document_id=(document.id if document else None) or args.get("document_id"),
                version_id=version_id or args.get("version_id"),
                about_user_id=about_user_id,
            )
        )
