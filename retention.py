"""`flask --app app purge`: delete cases closed longer ago than the retention period.

A case on legal hold is never deleted. Deleting a case deletes its members, documents, drafts,
versions and contact log with it; its audit events stay (they hold ids, never content). The
record of who was sent the daily reminder (work.remind) goes after REMINDERS_KEPT. Running it
twice deletes nothing the second time. It reports counts only: never a name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import Select, delete, func, select

from clocks import london_today
from models import Case, Document, Reminder, Submission, db, now
from serving.transactions import writing

# Reminders need only be known for the day they were sent (a second run sends nothing more).
REMINDERS_KEPT = dt.timedelta(days=90)


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
    """Delete the expired cases and old reminders; return how many cases, documents,
    versions and reminders went."""
    with writing():
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
        old = Reminder.day < london_today() - REMINDERS_KEPT
        counts["reminders"] = _count(select(Reminder).where(old))
        db.session.execute(delete(Reminder).where(old))
    counts["wal_left"] = int(bool(ids) and not _leave_no_copy())
    return counts


def _leave_no_copy() -> bool:
    """SQLite: make the deleted text gone from every file, not just unreachable.

    secure_delete (serving.transactions) zeroes the freed pages, but the WAL still holds the
    pages as they were until it is checkpointed: fold it into the database and truncate it,
    then rebuild the file without free pages (VACUUM), and truncate the WAL that wrote. On
    PostgreSQL, deleted rows stay in its data files until VACUUM reuses their space, and in its
    WAL and backups until they expire: see the README (Production: backups).
    """
    if db.engine.dialect.name != "sqlite":
        return True
    db.session.commit()  # this session must hold no snapshot of the WAL either
    with db.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        # A reader in another process (the running service) can hold the WAL for a moment;
        # the checkpoint waits for it (busy timeout), and says if it still could not finish.
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        driver.execute("VACUUM")
        busy, _, _ = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0


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
        f" Deleted {counts['reminders']} records of reminders sent more than"
        f" {REMINDERS_KEPT.days} days ago."
    )
    if counts["wal_left"]:
        click.echo(
            "The database was busy, so the deleted text is still in its -wal file until the"
            " next checkpoint: run purge again when the service is quiet."
        )
