"""`flask --app app purge`: delete cases closed longer ago than the retention period.

A case on legal hold is never deleted. Deleting a case deletes its members, documents, drafts
and versions with it; its audit events stay (they hold ids, never content). Running it twice
deletes nothing the second time. It reports counts only: never a name.
"""

from __future__ import annotations

import click
from flask import current_app
from sqlalchemy import func, select

from models import Case, Document, Submission, db, now


def expired() -> list[Case]:
    cutoff = now() - current_app.config["CASE_RETENTION"]
    return list(
        db.session.scalars(
            select(Case).where(
                Case.closed_at.is_not(None), Case.closed_at < cutoff, Case.legal_hold.is_(False)
            )
        )
    )


def purge() -> dict[str, int]:
    """Delete the expired cases; return how many cases, documents and versions went."""
    cases = expired()
    ids = [c.id for c in cases]
    counts = {
        "cases": len(ids),
        "documents": db.session.scalar(
            select(func.count()).select_from(Document).where(Document.case_id.in_(ids))
        ),
        "versions": db.session.scalar(
            select(func.count())
            .select_from(Submission)
            .join(Document)
            .where(Document.case_id.in_(ids))
        ),
        "held": db.session.scalar(
            select(func.count()).select_from(Case).where(Case.legal_hold.is_(True))
        ),
    }
    for case in cases:
        db.session.delete(case)
    db.session.commit()
    return counts


@click.command("purge")
def purge_command() -> None:
    """Delete cases closed longer ago than the retention period (legal holds exempt)."""
    counts = purge()
    days = current_app.config["CASE_RETENTION"].days
    click.echo(
        f"Deleted {counts['cases']} cases closed more than {days} days ago, with their"
        f" {counts['documents']} documents and {counts['versions']} submitted versions."
        f" {counts['held']} cases are on legal hold and are kept."
    )
