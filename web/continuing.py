"""What people carry on with: drafts in progress, and the referral a MASE part continues.

Referral packs. On paper the CSE Referral Form and the MASE Referral Information are one form:
the referral asks "Referral to MASE?" and "If yes MASE Referral Information form below to be
completed by lead professional" (strategy L558-562; L572 prints the MASE part straight after).
So a referral has at most one continuing part: one pack per referral. A continuing part
started anywhere (the case page's Start, or the referral's answers page) continues a referral
of its case, chosen by `parent_for`:

- asked for by version (the answers page posts `continues=<version id>`): that version, if it
  may be continued (it gave the answer that opens the part, it is in the same case, and no
  document continues its referral yet); otherwise nothing;
- otherwise the latest version of the most recently submitted referral among those whose
  latest version opens the part and that no document continues yet.

The most recent, because the MASE part is written once the strategy meeting has put the case
at category 1 or above (L273-275), just after the referral it follows: the referral the lead
professional has just submitted is the one they are acting on, and an older referral still
waiting would be older news, repeated by the newer one. Its latest version, because a
referral changed after submission says what is now known. A draft that continues a referral
counts as continuing it: a second would be the duplicate this rule is for (the Start button
offers the draft first, web.drafts). The form page names the referral it continues, version
and date, before anything is typed; when none is free, the part continues nothing, and the
page offering an existing draft says so before a new one is started.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from forms import ARTEFACTS, starters
from forms.model import Artefact, Continues
from models import Case, CaseMember, Document, Submission, User, db


def _opens(link: Continues, version: Submission) -> bool:
    return version.answers.get(link.field) == link.value


def _continued(documents: list[Document], link: Continues) -> set[str]:
    """The ids of the documents (of `link.artefact`) that a document already continues."""
    document_of = {v.id: d.id for d in documents if d.artefact == link.artefact for v in d.versions}
    return {document_of[d.continues_id] for d in documents if d.continues_id in document_of}


def continued_by(doc: Document) -> list[Document]:
    """The documents of its case that continue one of this document's versions."""
    ids = [v.id for v in doc.versions]
    if not ids:
        return []
    query = select(Document).where(Document.case_id == doc.case_id, Document.continues_id.in_(ids))
    return list(db.session.scalars(query))


def parent_for(artefact: Artefact, case: Case | None, asked: str = "") -> Submission | None:
    """The version a new document of `artefact` in `case` continues, if any (see above)."""
    link = artefact.continues
    if link is None or case is None:
        return None
    parents = [d for d in case.documents if d.artefact == link.artefact]
    taken = _continued(case.documents, link)
    if asked:
        version = next((v for d in parents for v in d.versions if v.id == asked), None)
        if version is None or version.document_id in taken or not _opens(link, version):
            return None
        return version
    waiting = [
        d.latest
        for d in parents
        if d.latest is not None and d.id not in taken and _opens(link, d.latest)
    ]
    return max(waiting, key=lambda v: v.created_at, default=None)


def open_drafts(slug: str, case_id: str | None) -> list[Document]:
    """The drafts in progress of an artefact in a case (or among the reports), newest first."""
    query = select(Document).where(Document.artefact == slug, Document.drafted())
    if case_id is None:
        query = query.where(Document.case_id.is_(None))
    else:
        query = query.where(Document.case_id == case_id)
    return list(db.session.scalars(query.order_by(Document.updated_at.desc())))


def own_drafts(user: User) -> list[Document]:
    """The drafts in progress that `user` started or last saved, newest first: on cases they
    may see (a manager, all; anyone else, theirs), or reports, of forms they may edit."""
    query = select(Document).where(
        Document.drafted(), or_(Document.created_by == user.id, Document.updated_by == user.id)
    )
    if user.role != "manager":
        theirs = select(CaseMember.case_id).where(CaseMember.user_id == user.id)
        query = query.where(or_(Document.case_id.is_(None), Document.case_id.in_(theirs)))
    documents = db.session.scalars(query.order_by(Document.updated_at.desc()))
    return [
        d
        for d in documents
        if d.artefact in ARTEFACTS and user.role in starters(ARTEFACTS[d.artefact])
    ]


@dataclass(frozen=True)
class PackNote:
    """What the case page says of a document that can be in a pack: the pack's title, the
    other part (None: in no pack), the version continued, and the continuing part's latest
    version, from which the pack's PDF is made (None until it is submitted)."""

    title: str
    continuing: bool
    other: Document | None = None
    parent: Submission | None = None
    download: Submission | None = None


def in_packs(documents: list[Document]) -> tuple[list[Document], dict[str, list[PackNote]]]:
    """A case's documents with each continuing part right after the one it continues, and
    what to say of each part of a pack, or of a continuing part in none."""
    by_id = {d.id: d for d in documents}
    version_of = {v.id: v for d in documents for v in d.versions}
    notes: dict[str, list[PackNote]] = {}
    after: dict[str, list[Document]] = {}
    for doc in documents:
        link = ARTEFACTS[doc.artefact].continues
        if link is None:
            continue
        parent = version_of.get(doc.continues_id or "")
        if parent is None:
            notes[doc.id] = [PackNote(link.pack_title, continuing=True)]
            continue
        first = by_id[parent.document_id]
        after.setdefault(first.id, []).append(doc)
        notes[doc.id] = [PackNote(link.pack_title, True, first, parent, doc.latest)]
        notes.setdefault(first.id, []).append(
            PackNote(link.pack_title, False, doc, parent, doc.latest)
        )
    placed = {d.id for parts in after.values() for d in parts}
    ordered = []
    for doc in documents:
        if doc.id not in placed:
            ordered += [doc, *after.get(doc.id, [])]
    return ordered, notes
