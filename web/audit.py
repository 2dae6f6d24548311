"""The audit page: the whole trail for managers, filtered by person, action, case and dates,
fifty events a page (audit/). Looking at it is itself audited."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request, url_for
from flask.typing import ResponseReturnValue

from audit.actions import ACTIONS, ANY_DOWNLOAD, VIEW_AUDIT
from audit.filters import NOBODY, Filters, read
from audit.queries import Page, case_named, page_of, people
from web.access import audit, roles

bp = Blueprint("audit", __name__)


@bp.get("/audit")
@roles("manager")
def audit_page() -> ResponseReturnValue:
    filters = read(request.args)
    audit(VIEW_AUDIT, case_id=filters.case or None)
    # A filter that cannot be read shows nothing rather than more than was asked for.
    shown = None if filters.errors else page_of(filters)
    return render_template(
        "audit.html",
        filters=filters,
        shown=shown,
        people=_items(_people(filters), filters.user),
        actions=_items(ACTION_CHOICES, filters.action),
        case_name=case_named(filters.case) if filters.case else None,
        # The same filters for every case.
        every_case=url_for(
            "audit.audit_page", **{k: v for k, v in filters.query().items() if k != "case"}
        ),
        pagination=_pagination(filters, shown) if shown else None,
    ), (400 if filters.errors else 200)


ACTION_CHOICES = [
    ("", "Every action"),
    (ANY_DOWNLOAD, "Any download (PDF, Word or pack)"),
    *((action, action) for action in ACTIONS),
]


def _items(choices: list[tuple[str, str]], chosen: str) -> list[dict[str, Any]]:
    """A GOV.UK select's items."""
    return [{"value": v, "text": text, "selected": v == chosen} for v, text in choices]


def _people(filters: Filters) -> list[tuple[str, str]]:
    """The person filter's choices: everyone, nobody signed in, each account by name."""
    accounts = people()
    if filters.user not in ("", NOBODY, *(user_id for user_id, _ in accounts)):
        accounts.append((filters.user, "A removed account"))
    return [("", "Everyone"), (NOBODY, "Not signed in (a failed or refused sign-in)"), *accounts]


def _pagination(filters: Filters, shown: Page) -> dict[str, Any] | None:
    """GOV.UK pagination: previous, next, the first and last pages and those around this one."""
    if shown.pages == 1:
        return None

    def href(number: int) -> str:
        return url_for("audit.audit_page", **filters.query(number)) + "#events"

    near = {1, shown.pages, shown.number - 1, shown.number, shown.number + 1}
    items: list[dict[str, Any]] = []
    for number in sorted(n for n in near if 1 <= n <= shown.pages):
        if items and number > items[-1]["number"] + 1:
            items.append({"ellipsis": True, "number": 0})
        items.append({"number": number, "href": href(number), "current": number == shown.number})
    return {
        "previous": {"href": href(shown.number - 1)} if shown.number > 1 else None,
        "next": {"href": href(shown.number + 1)} if shown.number < shown.pages else None,
        "items": items,
        "landmarkLabel": "Pages of events",
    }
