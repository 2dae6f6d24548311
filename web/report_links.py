"""Reports and their attachments: a case study belongs to a progress report (Document.report_id),
"anonymised case studies will be produced at part of the quarterly report" (strategy
L2976-2978), "minimum of one case study to be attached" (L4141).

A case study is started from its report ("Add a case study") and its page names the report;
the report's pages list its case studies. One not yet attached to a report (its report's draft
was discarded, or it was written on a case before case studies belonged to reports: migration
0012) is its author's and managers' to see until they attach it to a report from its page.
"""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import select

from forms import ARTEFACTS, starters
from forms.model import Artefact
from models import Document, db


def attached_to(report: Document) -> list[Document]:
    """The documents attached to a report, oldest first."""
    query = select(Document).where(Document.report_id == report.id)
    return list(db.session.scalars(query.order_by(Document.created_at)))


def report_of(doc: Document) -> Document | None:
    """The report a document is attached to; None if it is attached to none (yet)."""
    return db.session.get(Document, doc.report_id) if doc.report_id else None


def attachable(report: Document) -> list[Artefact]:
    """What the signed-in user may add to this report (the case study to a progress report)."""
    return [
        a
        for a in ARTEFACTS.values()
        if a.attached_to == report.artefact and current_user.role in starters(a)
    ]


def reports_for(artefact: Artefact) -> list[Document]:
    """The reports a document of `artefact` may be attached to, newest first."""
    if artefact.attached_to is None:
        return []
    query = select(Document).where(
        Document.artefact == artefact.attached_to, Document.case_id.is_(None)
    )
    return list(db.session.scalars(query.order_by(Document.created_at.desc())))


def may_see_unattached(doc: Document) -> bool:
    """Whether the signed-in user may see an attachment that belongs to no report: its author
    or a manager. Written on a case before migration 0012, it may not be anonymous yet."""
    return current_user.role == "manager" or doc.created_by == current_user.id
