"""Sending the outbox: the delivery worker behind `flask --app app send-mail` (mail.cli).

Each round claims a few due mails in a short transaction and marks them as being sent (a lease:
they are due again only after LEASE, should this worker die), sends them over SMTP outside any
transaction, then records each: sent, or tried again later with a back-off that doubles from
1 minute to at most 1 hour, or failed after MAIL_MAX_ATTEMPTS attempts (and listed by
mail.undelivered). Several workers can run at once: on PostgreSQL the claim locks the rows it
takes and skips those another worker holds (FOR UPDATE SKIP LOCKED); on SQLite it takes the
one write lock (BEGIN IMMEDIATE, serving.transactions), so claims happen one at a time.

Delivery is at least once: a worker that stops between the SMTP server's acceptance and the
record of it (a crash, a lost database) leaves the mail to be sent again once its lease ends.
Every copy carries the same Message-ID (the outbox id), so mail programs can tell. Nothing
logged or recorded holds a subject, a body or an address: ids, counts and error kinds only.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any

from flask import current_app
from sqlalchemy import select

import models
from models import OutboxMail, db
from serving.transactions import writing

log = logging.getLogger(__name__)

BATCH = 10  # mails claimed at once; each can take up to SMTP_TIMEOUT per step
SMTP_TIMEOUT = 30  # seconds
LEASE = dt.timedelta(minutes=10)  # longer than a batch can take to send
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=1)
STOPPED = "not tried: the worker stopped"


@dataclass
class Outcome:
    """What a run did, in counts."""

    sent: int = 0
    retried: int = 0
    failed: int = 0

    def __iadd__(self, other: Outcome) -> Outcome:
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed
        return self


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed attempt: 1, 2, 4 ... minutes, then 1 h."""
    return min(FIRST_RETRY * 2 ** min(attempts - 1, 16), LONGEST_RETRY)


def deliver_due(
    now: dt.datetime | None = None, *, stop: Callable[[], bool] = lambda: False
) -> Outcome:
    """Send every mail due, batch by batch, until none is due (or `stop()` says so).

    `now` fixes the time (tests); by default each step reads the clock.
    """
    clock = (lambda: now) if now is not None else models.now
    outcome = Outcome()
    while not stop():
        mails = claim(clock())
        if not mails:
            break
        results = send(mails, stop)
        outcome += record(mails, results, clock())
    return outcome


def claim(now: dt.datetime, limit: int = BATCH) -> list[OutboxMail]:
    """Take up to `limit` due mails for this worker, in a transaction of their own."""
    due = (
        select(OutboxMail)
        .where(OutboxMail.status == "pending", OutboxMail.next_attempt_at <= now)
        .order_by(OutboxMail.next_attempt_at, OutboxMail.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # PostgreSQL; SQLite has the one write lock instead
    )
    with writing():
        mails = list(db.session.scalars(due))
        for mail in mails:
            mail.attempts += 1
            mail.next_attempt_at = now + LEASE
    return mails


def send(mails: list[OutboxMail], stop: Callable[[], bool]) -> dict[str, str | None]:
    """Send `mails` over one SMTP connection: {id: None if accepted, else what went wrong}.
    A mail left out was not tried (the worker is stopping)."""
    assert not db.session().in_transaction(), "no transaction may stay open while sending"
    config = current_app.config
    results: dict[str, str | None] = {}
    try:
        with _connect(config) as smtp:
            for mail in mails:
                if stop():
                    break
                try:
                    refused = smtp.send_message(message(mail, config["MAIL_FROM"]))
                    results[mail.id] = None
                    if refused:  # accepted for the others: sending again would repeat it
                        log.warning("mail %s: %d recipients refused", mail.id, len(refused))
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as error:
                    results[mail.id] = describe(error)  # this mail only: the connection lives
                except ValueError as error:  # a mail that cannot be put together
                    results[mail.id] = describe(error)
    except OSError as error:  # no connection, or lost: every mail not yet done failed
        for mail in mails:
            results.setdefault(mail.id, describe(error))
    return results


def _connect(config: Any) -> smtplib.SMTP:
    smtp = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=SMTP_TIMEOUT)
    try:
        if config["MAIL_USE_STARTTLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
    except BaseException:
        smtp.close()
        raise
    return smtp


def message(mail: OutboxMail, sender: str) -> EmailMessage:
    """The mail as sent. Its Message-ID is the outbox id: a copy sent twice has the same."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    built = EmailMessage()
    built["From"] = sender
    built["To"] = ", ".join(mail.to)
    if mail.cc:
        built["Cc"] = ", ".join(mail.cc)
    built["Subject"] = mail.subject
    built["Date"] = format_datetime(mail.created_at)
    built["Message-ID"] = f"<{mail.id}@{domain}>"
    built.set_content(mail.body)
    if mail.attachment is not None and mail.attachment_type:
        maintype, _, subtype = mail.attachment_type.partition("/")
        built.add_attachment(
            mail.attachment, maintype=maintype, subtype=subtype, filename=mail.attachment_filename
        )
    return built


def describe(error: BaseException) -> str:
    """What went wrong, for last_error and the log: the kind of error and the SMTP code or the
    system's reason, never the server's text (which can repeat addresses)."""
    kind = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _ in error.recipients.values()})
        return f"{kind}: {', '.join(codes)}"[:200]
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{kind}: {error.smtp_code}"
    if isinstance(error, OSError) and error.strerror:
        return f"{kind}: {error.strerror}"[:200]
    return kind


def record(mails: list[OutboxMail], results: dict[str, str | None], now: dt.datetime) -> Outcome:
    """Write down what happened to each claimed mail, in one short transaction."""
    outcome = Outcome()
    most = current_app.config["MAIL_MAX_ATTEMPTS"]
    with writing():
        for mail in mails:
            error = results.get(mail.id, STOPPED)
            if error is None:
                mail.status, mail.sent_at = "sent", now
                outcome.sent += 1
                log.info("mail %s sent (attempt %d)", mail.id, mail.attempts)
            elif error == STOPPED:  # given back untried: due at once, no attempt counted
                mail.attempts -= 1
                mail.next_attempt_at = now
            elif mail.attempts >= most:
                mail.status, mail.last_error = "failed", error
                outcome.failed += 1
                log.error("mail %s failed after %d attempts (%s)", mail.id, mail.attempts, error)
            else:
                mail.last_error = error
                mail.next_attempt_at = now + backoff(mail.attempts)
                outcome.retried += 1
                log.warning(
                    "mail %s: attempt %d failed (%s); next at %s",
                    mail.id,
                    mail.attempts,
                    error,
                    mail.next_attempt_at.isoformat(timespec="seconds"),
                )
    return outcome
