"""Reading the trail: a page of events with who, which case and which document, the people
and cases to name, and the accounts that downloaded many documents in the last hour."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from audit.actions import DOWNLOADS, matching
from audit.filters import NOBODY, Filters
from forms import ARTEFACTS
from models import AuditEvent, Case, Document, Submission, User, db

PER_PAGE = 50


def who(user_id: str | None, user: User | None) -> str:
    """A person as the trail names them: "Test Manager (manager@example.org)"."""
    if user is not None:
        return f"{user.name} ({user.email})" if user.name else user.email
    return "A removed account" if user_id else "Not signed in"


def case_name(case: Case) -> str:
    names = (case.details.get("forename"), case.details.get("surname"))
    return " ".join(str(n) for n in names if n) or "A case without a name"


@dataclass(frozen=True)
class Row:
    event: AuditEvent
    who: str
    case: str  # the young person's name, "A deleted case", or "" (no case)
    case_exists: bool
    document: str  # the form's title and version, or what became of it, or ""


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    number: int
    pages: int
    total: int
    first: int  # the position of its first row among all that match, from 1


def _conditions(filters: Filters) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if filters.user == NOBODY:
        found.append(AuditEvent.user_id.is_(None))
    elif filters.user:
        found.append(AuditEvent.user_id == filters.user)
    if filters.action:
        found.append(AuditEvent.action.in_(sorted(matching(filters.action))))
    if filters.case:
        found.append(AuditEvent.case_id == filters.case)
    if filters.since is not None:
        found.append(AuditEvent.at >= filters.since)
    if filters.before is not None:
        found.append(AuditEvent.at < filters.before)
    return found


def _named(query: Select[Any]) -> list[Row]:
    """The events of `query` with what names them, by outer joins: what they name may be gone."""
    joined = (
        query.add_columns(User, Case, Document, Submission)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .outerjoin(Case, Case.id == AuditEvent.case_id)
        .outerjoin(Document, Document.id == AuditEvent.document_id)
        .outerjoin(Submission, Submission.id == AuditEvent.version_id)
    )
    return [
        Row(
            event=event,
            who=who(event.user_id, user),
            case=(case_name(case) if case else "A deleted case") if event.case_id else "",
            case_exists=case is not None,
            document=_document(event, case, doc, version),
        )
        for event, user, case, doc, version in db.session.execute(joined)
    ]


def _document(
    event: AuditEvent, case: Case | None, doc: Document | None, version: Submission | None
) -> str:
    if not event.document_id or event.action.startswith("refused"):
        return ""  # a refused id may name nothing: nothing to say about it
    if doc is None:  # only a draft's discarding deletes a document, or its case's deletion
        return "A discarded draft" if case is not None else ""
    title = ARTEFACTS[doc.artefact].title
    return f"{title}, version {version.number}" if version else title


def page_of(filters: Filters, per_page: int = PER_PAGE) -> Page:
    """The page of events `filters` asks for (the last one if it asks beyond), newest first."""
    conditions = _conditions(filters)
    total = db.session.scalar(select(func.count(AuditEvent.id)).where(*conditions)) or 0
    pages = max(1, -(-total // per_page))
    number = min(filters.page, pages)
    query = (
        select(AuditEvent)
        .where(*conditions)
        .order_by(AuditEvent.id.desc())
        .offset((number - 1) * per_page)
        .limit(per_page)
    )
    return Page(_named(query), number, pages, total, (number - 1) * per_page + 1)


def recent_of_case(case_id: str, limit: int) -> list[Row]:
    """A case's latest events, newest first (the case page's short trail)."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.case_id == case_id)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    return _named(query)


def people() -> list[tuple[str, str]]:
    """Every account, as the person filter offers them: (id, name and address), by name."""
    users = db.session.scalars(select(User).order_by(func.lower(User.name), User.email))
    return [(user.id, who(user.id, user)) for user in users]


def case_named(case_id: str) -> str:
    case = db.session.get(Case, case_id)
    return case_name(case) if case else "A deleted case"


@dataclass(frozen=True)
class BulkDownload:
    user_id: str
    who: str
    count: int


def bulk_downloads(moment: dt.datetime, more_than: int) -> list[BulkDownload]:
    """The accounts that downloaded more than `more_than` documents in the hour up to
    `moment` (each part of a pack counts), the most first."""
    count = func.count(AuditEvent.id)
    found = db.session.execute(
        select(AuditEvent.user_id, count)
        .where(
            AuditEvent.action.in_(sorted(DOWNLOADS)),
            AuditEvent.at > moment - dt.timedelta(hours=1),
            AuditEvent.at <= moment,
            AuditEvent.user_id.is_not(None),
        )
        .group_by(AuditEvent.user_id)
        .having(count > more_than)
        .order_by(count.desc())
    ).all()
    return [
        BulkDownload(user_id, who(user_id, db.session.get(User, user_id)), n)
        for user_id, n in found
        if user_id is not None  # for mypy: the query leaves no event without one
    ]
