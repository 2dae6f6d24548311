"""Database tables. Every id that can appear in a URL is random (144 bits): unguessable.

Answers are stored as the artefact's schema dumps them. Nothing here holds a password in clear,
and the audit trail records who did what to which case and document, never what it says.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Any

from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    cast,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# A commit leaves what a request loaded as it was, attached and usable: a request ends its
# read transaction before slow work and writes in short transactions (serving.transactions),
# and must not reload everything after each.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})


def new_id() -> str:
    return secrets.token_urlsafe(18)  # 144 random bits


# What new_id makes: anything else asked for by id names nothing, and is refused before any
# query (PostgreSQL would fail on a NUL, or on a value longer than its column).
ID_PATTERN = r"[A-Za-z0-9_-]{24}"
_ID = re.compile(ID_PATTERN)


def is_id(value: str) -> bool:
    return _ID.fullmatch(value) is not None


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment in UTC. SQLite gives back naive datetimes: they are read as the UTC they are."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value


def _when() -> Mapped[dt.datetime]:
    return mapped_column(UTCDateTime(), default=now)


class Submission(db.Model):  # type: ignore[name-defined]
    """One submitted version of a document: its answers as the artefact's schema dumps them.

    A version is never changed: editing a submitted document drafts the next version.
    """

    __tablename__ = "submissions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    artefact: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    # What the artefact's `figures` worked out from the service's records at submission
    # (figures.Figures), kept so that the version never changes; None for most artefacts.
    figures: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = _when()
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer, default=1)
    submitted_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"))

    document: Mapped[Document] = relationship(back_populates="versions")

    @property
    def short_id(self) -> str:
        return self.id[:8]


class User(UserMixin, db.Model):  # type: ignore[name-defined]
    """A member of staff who signs in. The email is stored in lower case.

    Name, job title, organisation and phone are what forms ask of the person filling them in
    ("Name of Referrer", "Agency", ...): they are prefilled from here.
    """

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = _when()
    name: Mapped[str] = mapped_column(String(200), default="")
    job_title: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # For an `spa` account, the borough whose Single Point of Access it works in (forms.case
    # BOROUGHS): it sees the referrals sent there (web/inbox.py). None for every other role.
    borough: Mapped[str | None] = mapped_column(String(16))
    # The second factor (accounts/two_factor.py): the TOTP secret, base32, set when the user
    # confirms a first code (None: set up at the next sign-in), and the last 30-second step a
    # code was accepted for, so that no code is accepted twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    # The server-side session this user object was loaded for (see accounts.sessions):
    # Flask-Login keeps its id, never the user's, so ending the session ends the sign-in.
    session_id: str = ""

    def get_id(self) -> str:
        return self.session_id

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def display_name(self) -> str:
        return self.name or self.email


class StaffSession(db.Model):  # type: ignore[name-defined]
    """A signed-in session, kept on the server: signing out or timing out deletes it, so a copy
    of the browser's cookie is worth nothing afterwards."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = _when()
    last_seen: Mapped[dt.datetime] = _when()


class RecoveryCode(db.Model):  # type: ignore[name-defined]
    """One of a user's ten one-time recovery codes, kept as a SHA-256 hash (each code holds 80
    random bits, so a hash cannot be reversed by trying codes); used once, then kept as used."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Invitation(db.Model):  # type: ignore[name-defined]
    """A one-time link that lets an invited member of staff set their password and second
    factor (accounts/invitations.py). Only a SHA-256 hash of the link's token is kept."""

    __tablename__ = "invitations"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = _when()
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class SignInFailure(db.Model):  # type: ignore[name-defined]
    """A failed sign-in, kept a few minutes to throttle guessing. `account` is a keyed hash of
    the email typed, whether or not such an account exists."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = _when()


class Case(db.Model):  # type: ignore[name-defined]
    """One young person. `details` holds the answers of the case details form (forms.case)."""

    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = _when()
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    legal_hold: Mapped[bool] = mapped_column(default=False)

    members: Mapped[list[CaseMember]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    documents: Mapped[list[Document]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Document.created_at"
    )
    pathway_events: Mapped[list[PathwayEvent]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PathwayEvent.happened_at"
    )


class CaseMember(db.Model):  # type: ignore[name-defined]
    """Someone who works on a case: its creator, or a colleague added to it."""

    __tablename__ = "case_members"

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    added_at: Mapped[dt.datetime] = _when()

    user: Mapped[User] = relationship()


class Document(db.Model):  # type: ignore[name-defined]
    """One artefact being written for a case (or, for reports, for no case).

    `draft` holds what was typed, exactly as posted, not yet checked: a draft may be
    incomplete. `lock_version` goes up on every save, so that a save made on an out-of-date
    copy is refused instead of overwriting someone else's work.
    """

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    artefact: Mapped[str] = mapped_column(String(64))
    draft: Mapped[list[list[str]] | None] = mapped_column(JSON)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)
    # The submitted version this document continues (MASE information after a CSE referral);
    # always a version of the same case, which is deleted with it.
    continues_id: Mapped[str | None] = mapped_column(String(32))
    # The report a report's attachment belongs to (a case study attached to a progress
    # report, forms.model.Artefact.attached_to); None: not yet attached to a report. No
    # foreign key, as for continues_id: a report is deleted only when its never-submitted
    # draft is discarded, and that write detaches its attachments (web.saving.discard_draft).
    report_id: Mapped[str | None] = mapped_column(String(32), index=True)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = _when()
    updated_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = _when()

    versions: Mapped[list[Submission]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Submission.number",
        foreign_keys="Submission.document_id",
    )
    editor: Mapped[User] = relationship(foreign_keys=[updated_by])
    creator: Mapped[User] = relationship(foreign_keys=[created_by])

    @property
    def latest(self) -> Submission | None:
        return self.versions[-1] if self.versions else None

    @classmethod
    def drafted(cls) -> ColumnElement[bool]:
        """In a query: the document has a draft in progress. A draft of None is stored as JSON
        `null`, not as SQL NULL, so `draft IS NOT NULL` would hold for every document."""
        return cast(cls.draft, Text) != "null"


class AuditEvent(db.Model):  # type: ignore[name-defined]
    """Who did what, when, to which case and document: never any content.

    Ids are kept as they were asked for (a refused id may name nothing), without foreign
    keys, so the trail outlives what it describes.
    """

    __tablename__ = "audit_events"
    # My work's bulk-download alert counts one hour of downloads, and the audit page filters by
    # action and date (audit/queries.py): neither reads the whole trail.
    __table_args__ = (Index("ix_audit_events_action_at", "action", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = _when()
    user_id: Mapped[str | None] = mapped_column(String(32), index=True)
    action: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[str | None] = mapped_column(String(64), index=True)
    document_id: Mapped[str | None] = mapped_column(String(64))
    version_id: Mapped[str | None] = mapped_column(String(64))
    # The member of staff the action was done to (a colleague added to or removed from a case,
    # issue 13): their id, never their address or name.
    about_user_id: Mapped[str | None] = mapped_column(String(32))


class Continuation(db.Model):  # type: ignore[name-defined]
    """A submission that continues another: on paper, one form opened by an answer on the other
    (the MASE Referral Information, opened by the referral's "Referral to MASE? Yes")."""

    __tablename__ = "continuations"

    submission_id: Mapped[str] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    continues_id: Mapped[str] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )


class OutboxMail(db.Model):  # type: ignore[name-defined]
    """A mail to send, added in the transaction of the step that causes it (mail.enqueue) and
    sent later by the worker (mail.worker): it exists exactly when that step is committed.

    `status` is pending, sent or failed. A pending mail is due at `next_attempt_at`; the worker
    moves that forward while it sends (a lease) and after a failed attempt (back-off).
    `last_error` says what went wrong in a few words, never what the mail says. It goes with
    its case when the case is purged.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = _when()
    to: Mapped[list[str]] = mapped_column(JSON)
    cc: Mapped[list[str]] = mapped_column(JSON, default=list)
    subject: Mapped[str] = mapped_column(String(255))
    body: Mapped[str] = mapped_column(Text)
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary)
    attachment_filename: Mapped[str | None] = mapped_column(String(255))
    attachment_type: Mapped[str | None] = mapped_column(String(127))
    sender_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = _when()
    last_error: Mapped[str | None] = mapped_column(String(200))
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class PathwayEvent(db.Model):  # type: ignore[name-defined]
    """A step of the pathway (pathway.STEPS) recorded on a case: which step, the police category
    for the steps that carry one, the day it happened (00:00 London time that day, in UTC) and
    who recorded it when. Never any text about the young person.

    Deleted with its case (retention). Indexed for a case's events in order, and for the cases
    with a given step since a date (the clocks still open across cases)."""

    __tablename__ = "pathway_events"
    __table_args__ = (
        Index("ix_pathway_events_case_id_happened_at", "case_id", "happened_at"),
        Index("ix_pathway_events_step_happened_at", "step", "happened_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(32))
    category: Mapped[str | None] = mapped_column(String(8))
    happened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = _when()
    # What else the step records, for the steps that ask more (pathway.Step.asks): the
    # strategy meeting's attendees' agencies. Never any text about the young person.
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    recorder: Mapped[User] = relationship()


class CaseStage(db.Model):  # type: ignore[name-defined]
    """Where a case is on the pathway: kept in step with its events and its borough by
    pathway.state.refresh, in the same transaction, so the inboxes read one row per case
    rather than replay every case's events."""

    __tablename__ = "case_stages"
    __table_args__ = (
        Index("ix_case_stages_borough_to_spa_on", "borough", "to_spa_on"),
        Index("ix_case_stages_to_phoenix_on", "to_phoenix_on"),
    )

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    borough: Mapped[str | None] = mapped_column(String(16))
    step: Mapped[str | None] = mapped_column(String(32))  # the latest step (pathway.STEPS)
    step_on: Mapped[dt.date | None] = mapped_column(Date)  # its London date
    category: Mapped[str | None] = mapped_column(String(8))  # the latest category decided
    to_spa_on: Mapped[dt.date | None] = mapped_column(Date)  # the latest referral to SPA
    to_phoenix_on: Mapped[dt.date | None] = mapped_column(Date)  # ... and to the Phoenix Project


class ClockDue(db.Model):  # type: ignore[name-defined]
    """A clock running on a case (clocks.CLOCKS): the day it runs out and the team that answers
    it. Kept by pathway.state.refresh with CaseStage; read by My work and the reminders."""

    __tablename__ = "clock_dues"
    __table_args__ = (
        Index("ix_clock_dues_team_borough_due_on", "team", "borough", "due_on"),
        Index("ix_clock_dues_due_on", "due_on"),
    )

    case_id: Mapped[str] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    clock: Mapped[str] = mapped_column(String(32), primary_key=True)
    team: Mapped[str] = mapped_column(String(16))  # clocks.Clock.team
    borough: Mapped[str | None] = mapped_column(String(16))
    due_on: Mapped[dt.date] = mapped_column(Date)
    beyond_known_holidays: Mapped[bool] = mapped_column(Boolean, default=False)


class Reminder(db.Model):  # type: ignore[name-defined]
    """The daily reminder mailed to a user (work.remind) on a London day: at most one a day, as
    the primary key refuses a second. Holds no content; `flask purge` deletes rows after 90
    days (retention)."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_day", "day"),)

    user_id: Mapped[str] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    sent_at: Mapped[dt.datetime] = _when()


class Sending(db.Model):  # type: ignore[name-defined]
    """A submitted version sent by email (sending/): to whom, by whom and when, and the exact
    bytes attached (the PDF as encrypted) with their SHA-256, so that what was sent can always
    be shown. Never the password. Deleted with its case."""

    __tablename__ = "sendings"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    version_id: Mapped[str] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    mail_id: Mapped[str | None] = mapped_column(ForeignKey("outbox.id", ondelete="SET NULL"))
    to: Mapped[list[str]] = mapped_column(JSON)
    cc: Mapped[list[str]] = mapped_column(JSON, default=list)
    attachment: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    agreed_password: Mapped[bool] = mapped_column(Boolean)  # the team's own, or one made for it
    sent_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    sent_at: Mapped[dt.datetime] = _when()

    sender: Mapped[User] = relationship()


class Contact(db.Model):  # type: ignore[name-defined]
    """A contact of the Phoenix worker with a young person, in the case's contact log (contacts,
    Appendix 7): when, how long, what type, its nature and summary, the case notes and whether
    the young person consented to recording on QES and Liquid Logic.

    The case notes are read by the Phoenix Project and managers only (web/case_contacts.py) and
    never copied or printed. Deleted with its case (retention). Indexed for a case's log and its
    latest contact (the weekly-contact clock, pathway.state)."""

    __tablename__ = "contacts"
    __table_args__ = (Index("ix_contacts_case_id_contact_on", "case_id", "contact_on"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    contact_on: Mapped[dt.date] = mapped_column(Date)  # the London date it happened
    minutes: Mapped[int] = mapped_column(Integer)
    contact_type: Mapped[str] = mapped_column(String(32))  # contacts.CONTACT_TYPES
    contact_type_other: Mapped[str | None] = mapped_column(Text)
    nature: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    case_notes: Mapped[str | None] = mapped_column(Text)
    consent: Mapped[str | None] = mapped_column(String(3))  # "yes", "no", or not asked
    recorded_by: Mapped[str] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[dt.datetime] = _when()

    recorder: Mapped[User] = relationship()
