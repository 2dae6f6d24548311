"""Transactions: reads never block anyone; writes hold the write lock only while they write.

Every request reads in an ordinary transaction. Anything that changes the database does so in
`writing()`, a short transaction of its own, after everything slow (checking a password,
validating a large form, rendering a document) is done. On SQLite that transaction starts with
BEGIN IMMEDIATE, so it waits its turn for the one write lock (up to the busy timeout) instead
of failing: in WAL mode, a transaction that has read and then writes fails at once with
"database is locked" if another connection wrote in between (PITFALLS.md). On PostgreSQL it is
an ordinary transaction; rows are locked only by the writes themselves.

When the database stays busy past its timeout, the request is answered 503 (serving.errors).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Engine

from models import db

# How long a write waits for SQLite's write lock before the request is answered 503.
SQLITE_BUSY_TIMEOUT_MS = 5000

_writing: contextvars.ContextVar[bool] = contextvars.ContextVar("writing", default=False)


@contextmanager
def writing(*, durable: bool = True) -> Iterator[None]:
    """A short write transaction, committed at the end (rolled back on an error).

    On SQLite, the read transaction the request was in ends first (see above); on PostgreSQL
    the write joins it. Nested uses join the outermost one.

    `durable=False` is for a transaction that records only that something was looked at (an
    audit event of a page view or a download): on PostgreSQL its commit does not wait for the
    disk (synchronous_commit off, for that transaction alone), which saves every page view
    the few milliseconds of a flush. A crash of the database server can lose the last fraction
    of a second of such events (never corrupt anything); everything else waits for the disk.
    """
    if _writing.get():
        yield
        return
    session = db.session
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:  # on PostgreSQL, reading then writing in one transaction is safe
        session.commit()
    token = _writing.set(True)
    try:
        if not durable and not sqlite:
            session.execute(text("SET LOCAL synchronous_commit TO OFF"))
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        _writing.reset(token)


def release() -> None:
    """Before slow work (a password check, a render): end the read transaction and give its
    connection back to the pool, so that the wait holds neither a connection nor a snapshot.
    What was loaded stays usable (models.db: commits expire nothing)."""
    db.session.commit()


def _is_sqlite(dbapi_connection: Any) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL and a busy timeout, so that readers and a writer do not block each other.

    The driver's own transaction handling is switched off so that `_begin` starts every
    transaction itself. Deleted content is overwritten, not just unlinked (`secure_delete`), so
    that a purged case leaves no text in the file once the WAL is checkpointed (retention).
    """
    if _is_sqlite(dbapi_connection):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()


@event.listens_for(Engine, "begin")
def _begin(connection: Any) -> None:
    """SQLite: a write transaction takes the write lock as it starts; a read one takes none."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _writing.get() else "BEGIN")
