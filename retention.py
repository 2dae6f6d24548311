"""`flask --app app purge`: delete cases closed longer ago than the retention period.

A case on legal hold is never deleted. Deleting a case deletes its members, documents, drafts
and versions with it; its audit events stay (they hold ids, never content). Running it twice
deletes nothing the second time. It reports counts only: never a name.
"""

from __future__ import annotations

from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import Select, func, select

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


def _count(query: Select[Any]) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0


def purge() -> dict[str, int]:
    """Delete the expired cases; return how many cases, documents and versions went."""
    cases = expired()
    ids = [c.id for c in cases]
    counts: dict[str, int] = {
        "cases": len(ids),
        "documents": _count(select(Document).where(Document.case_id.in_(ids))),
        "versions": _count(select(Submission).join(Document).where(Document.case_id.in_(ids))),
        "held": _count(select(Case).where(Case.legal_hold.is_(True))),
    }
    for case in cases:
        db.session.delete(case)
    db.session.commit()
    return counts


@click.command("purge")
@with_appcontext
def purge_command() -> None:
    """Delete cases closed longer ago than the retention period (legal holds exempt)."""
    counts = purge()
    days = current_app.config["CASE_RETENTION"].days
    click.echo(
        f"Deleted {counts['cases']} cases closed more than {days} days ago, with their"
        f" {counts['documents']} documents and {counts['versions']} submitted versions."
        f" {counts['held']} cases are on legal hold and are kept."
    )
