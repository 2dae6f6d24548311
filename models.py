"""Database tables. Answers are stored as the schema dumps them, under an unguessable id."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, DateTime, ForeignKey, String, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)


def new_id() -> str:
    return secrets.token_urlsafe(18)  # 144 random bits


class Submission(db.Model):  # type: ignore[name-defined]
    """One submitted artefact: its answers as the artefact's schema dumps them."""

    __tablename__ = "submissions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    artefact: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: dt.datetime.now(dt.UTC)
    )

    @property
    def short_id(self) -> str:
        return self.id[:8]


class User(db.Model):  # type: ignore[name-defined]
    """A member of staff who signs in. The email is stored in lower case."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=lambda: dt.datetime.now(dt.UTC)
    )


class Continuation(db.Model):  # type: ignore[name-defined]
    """A submission that continues another: on paper, one form opened by an answer on the other
    (the MASE Referral Information, opened by the referral's "Referral to MASE? Yes")."""

    __tablename__ = "continuations"

    submission_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), primary_key=True)
    continues_id: Mapped[str] = mapped_column(ForeignKey("submissions.id"), index=True)


def _is_sqlite(dbapi_connection: Any) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL and a busy timeout, so that readers and a writer do not block each other.

    The driver's own transaction handling is switched off so that `_begin_immediate` starts
    every transaction itself.
    """
    if _is_sqlite(dbapi_connection):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


@event.listens_for(Engine, "begin")
def _begin_immediate(connection: Any) -> None:
    """SQLite: take the write lock when the transaction starts.

    In WAL mode a transaction that reads and then writes fails at once with "database is
    locked" if another connection wrote in between, whatever the busy timeout; one that starts
    with BEGIN IMMEDIATE waits its turn instead (PITFALLS.md).
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
