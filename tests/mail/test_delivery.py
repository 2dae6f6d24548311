"""The worker delivers what is queued, once, when the step that queued it is committed, and
nothing is lost while the mail relay is away. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import time

from flask import Flask
from sqlalchemy import select

from mail import Attachment, enqueue
from mail.worker import FIRST_RETRY, Outcome
from models import OutboxMail, db, now
from tests.helpers import make_user
from tests.mail.conftest import deliver_in_a_worker
from tests.smtp import SmtpServer

PDF = b"%PDF-1.7 fictional bytes \x00\x01\xff"


def _queue(subject: str, sender_id: str | None = None, **more: object) -> OutboxMail:
    mail = enqueue(
        to=["lead@example.org"],
        subject=subject,
        body=f"Body of {subject}",
        sender_id=sender_id,
        **more,  # type: ignore[arg-type]
    )
    db.session.commit()
    return mail


def _mail(mail_id: str) -> OutboxMail:
    """The mail as stored now (a new transaction: SQLite's would show an older snapshot)."""
    db.session.commit()
    db.session.expire_all()
    return db.session.get_one(OutboxMail, mail_id)


def test_a_queued_mail_arrives_as_queued(mail_app: Flask, smtp: SmtpServer) -> None:
    sender = make_user("referrer")
    mail = _queue(
        "Fictional referral received",
        sender.id,
        cc=["manager@example.org", "phoenix@example.org"],
        attachment=Attachment("referral.pdf", "application/pdf", PDF),
    )

    assert deliver_in_a_worker(mail_app) == Outcome(sent=1)

    [received] = smtp.received
    message = received.message
    assert received.recipients == ["lead@example.org", "manager@example.org", "phoenix@example.org"]
    assert received.mail_from == "cse-forms@localhost" == message["From"]
    assert message["To"] == "lead@example.org"
    assert message["Cc"] == "manager@example.org, phoenix@example.org"
    assert message["Subject"] == "Fictional referral received"
    assert message["Message-ID"] == f"<{mail.id}@localhost>"
    assert message.get_body().get_content().strip() == "Body of Fictional referral received"
    [attached] = list(message.iter_attachments())
    assert attached.get_filename() == "referral.pdf"
    assert attached.get_content_type() == "application/pdf"
    assert attached.get_content() == PDF
    stored = _mail(mail.id)
    assert (stored.status, stored.attempts, stored.last_error) == ("sent", 1, None)
    assert stored.sent_at is not None
    assert deliver_in_a_worker(mail_app) == Outcome()  # nothing twice


def test_nothing_is_sent_before_the_step_commits(mail_app: Flask, smtp: SmtpServer) -> None:
    enqueue(to=["lead@example.org"], subject="Fictional step", body="b", sender_id=None)
    db.session.flush()  # written in the step's transaction, not committed
    outcomes: list[Outcome] = []

    def worker() -> None:
        with mail_app.app_context():
            outcomes.append(deliver_in_a_worker(mail_app))

    # PostgreSQL: the worker sees nothing to send. SQLite: it waits for the step's write lock.
    running = threading.Thread(target=worker)
    running.start()
    time.sleep(1)
    assert smtp.received == []
    db.session.commit()
    running.join(timeout=60)
    deliver_in_a_worker(mail_app)
    assert smtp.subjects() == ["Fictional step"]


def test_a_rolled_back_step_sends_nothing(mail_app: Flask, smtp: SmtpServer) -> None:
    enqueue(to=["lead@example.org"], subject="Fictional undone step", body="b", sender_id=None)
    db.session.flush()
    db.session.rollback()
    assert deliver_in_a_worker(mail_app) == Outcome()
    assert smtp.received == [] and db.session.scalars(select(OutboxMail)).all() == []


def test_nothing_is_lost_while_the_relay_is_away(mail_app: Flask, smtp: SmtpServer) -> None:
    start = now() + dt.timedelta(minutes=1)  # every mail queued below is due by then
    _queue("Fictional first")
    assert deliver_in_a_worker(mail_app, now=start) == Outcome(sent=1)

    smtp.stop()
    queued = [_queue(f"Fictional queued {n}") for n in range(3)]
    assert deliver_in_a_worker(mail_app, now=start) == Outcome(retried=3)
    for mail in queued:
        stored = _mail(mail.id)
        assert (stored.status, stored.attempts) == ("pending", 1)
        assert stored.next_attempt_at == start + FIRST_RETRY
        assert stored.last_error == "ConnectionRefusedError: Connection refused"
    # Not due again before its back-off ends.
    assert deliver_in_a_worker(mail_app, now=start + FIRST_RETRY / 2) == Outcome()

    smtp.start()
    assert deliver_in_a_worker(mail_app, now=start + FIRST_RETRY) == Outcome(sent=3)
    assert deliver_in_a_worker(mail_app, now=start + dt.timedelta(days=1)) == Outcome()
    expected = ["Fictional first"] + [f"Fictional queued {n}" for n in range(3)]
    assert smtp.subjects() == expected  # each exactly once
    assert {_mail(mail.id).status for mail in queued} == {"sent"}
