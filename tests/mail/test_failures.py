"""A mail that cannot go is tried again later, then marked failed and kept in sight; nothing
the worker logs or records says what a mail says. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from flask import Flask
from sqlalchemy import select

from mail import enqueue, undelivered, undelivered_for
from mail.worker import LEASE, Outcome, backoff, claim
from models import OutboxMail, db, now
from tests.helpers import make_user
from tests.mail.conftest import deliver_in_a_worker
from tests.smtp import SmtpServer

SUBJECT = "Fictional concern about Zebedee Notreal"
BODY = "Fictional body: Quentin Example was seen at the fictional Elm Street address."


def _queue(sender_id: str | None, to: str = "lead@example.org") -> OutboxMail:
    mail = enqueue(to=[to], subject=SUBJECT, body=BODY, sender_id=sender_id)
    db.session.commit()
    return mail


def _ids(mails: list[OutboxMail]) -> list[str]:
    return [mail.id for mail in mails]


def test_back_off_doubles_from_a_minute_to_an_hour() -> None:
    minutes = [backoff(attempt) / dt.timedelta(minutes=1) for attempt in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert backoff(10_000) == dt.timedelta(hours=1)


def test_after_the_last_attempt_a_mail_is_failed_and_listed(
    mail_app: Flask, smtp: SmtpServer
) -> None:
    mail_app.config["MAIL_MAX_ATTEMPTS"] = 3
    sender, colleague, admin = make_user("referrer"), make_user("manager"), make_user("admin")
    mail, other = _queue(sender.id), _queue(colleague.id)
    assert undelivered(sender.id) == []  # queued, not yet tried: nothing to tell
    smtp.stop()

    when = now() + dt.timedelta(minutes=1)
    assert deliver_in_a_worker(mail_app, now=when) == Outcome(retried=2)
    db.session.commit()
    assert _ids(undelivered(sender.id)) == [mail.id]  # pending after a failed attempt
    assert _ids(undelivered_for(sender)) == [mail.id]
    assert set(_ids(undelivered_for(admin))) == {mail.id, other.id}

    when += backoff(1)
    assert deliver_in_a_worker(mail_app, now=when) == Outcome(retried=2)
    when += backoff(2)
    assert deliver_in_a_worker(mail_app, now=when) == Outcome(failed=2)
    assert deliver_in_a_worker(mail_app, now=when + dt.timedelta(days=30)) == Outcome()

    db.session.commit()
    db.session.expire_all()
    [listed] = undelivered_for(sender)
    assert (listed.id, listed.status, listed.attempts) == (mail.id, "failed", 3)
    assert listed.last_error == "ConnectionRefusedError: Connection refused"
    assert {m.id for m in undelivered_for(admin)} == {mail.id, other.id}
    assert _ids(undelivered_for(colleague)) == [other.id]

    smtp.start()  # a failed mail stays failed (and listed): it is never sent behind anyone's back
    assert deliver_in_a_worker(mail_app, now=when + dt.timedelta(days=31)) == Outcome()
    assert smtp.received == []


def test_nothing_logged_or_recorded_says_what_a_mail_says(
    mail_app: Flask, smtp: SmtpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mail_app.config["MAIL_MAX_ATTEMPTS"] = 2
    sender = make_user("referrer")
    delivered = _queue(sender.id)
    when = now() + dt.timedelta(minutes=1)
    assert deliver_in_a_worker(mail_app, now=when) == Outcome(sent=1)
    _queue(sender.id)
    _queue(sender.id, to="quentin.example@example.org")
    smtp.stop()
    assert deliver_in_a_worker(mail_app, now=when) == Outcome(retried=2)
    assert deliver_in_a_worker(mail_app, now=when + backoff(1)) == Outcome(failed=2)

    logged = [r.getMessage() for r in caplog.records] + caplog.text.splitlines()
    assert any(delivered.id in line for line in logged)  # the worker did log, by id
    secrets = ("Zebedee", "Quentin", "Elm Street", "Fictional", "quentin.example", "lead@")
    assert [line for line in logged if any(s in line for s in secrets)] == []
    db.session.commit()
    for mail in undelivered(sender.id):
        assert mail.last_error is not None
        assert not any(s.lower() in mail.last_error.lower() for s in secrets)


def test_a_refused_address_fails_its_mail_only(mail_app: Flask, smtp: SmtpServer) -> None:
    mail_app.config["MAIL_MAX_ATTEMPTS"] = 1
    refused = _queue(None, to="refused@example.org")
    fine = _queue(None)
    assert deliver_in_a_worker(mail_app) == Outcome(sent=1, failed=1)
    [received] = smtp.received
    assert received.message["Message-ID"] == f"<{fine.id}@localhost>"
    [listed] = undelivered()
    assert (listed.id, listed.last_error) == (refused.id, "SMTPRecipientsRefused: 550")


def test_a_worker_stopped_mid_batch_gives_back_what_it_did_not_try(
    mail_app: Flask, smtp: SmtpServer
) -> None:
    for _ in range(3):
        _queue(None)
    asked = iter([False, False])  # the batch starts, its first mail goes: then, stop
    assert deliver_in_a_worker(mail_app, stop=lambda: next(asked, True)) == Outcome(sent=1)
    db.session.commit()
    pending = db.session.scalars(select(OutboxMail).where(OutboxMail.status == "pending")).all()
    assert [(m.attempts, m.last_error) for m in pending] == [(0, None), (0, None)]
    assert deliver_in_a_worker(mail_app) == Outcome(sent=2)
    assert len(smtp.received) == 3


def test_a_mail_claimed_by_a_worker_that_died_is_sent_after_its_lease(
    mail_app: Flask, smtp: SmtpServer
) -> None:
    mail = _queue(None)
    when = now() + dt.timedelta(minutes=1)
    with mail_app.app_context():  # a worker that claims, then dies before sending
        assert [m.id for m in claim(when)] == [mail.id]
    assert deliver_in_a_worker(mail_app, now=when + LEASE / 2) == Outcome()
    assert deliver_in_a_worker(mail_app, now=when + LEASE) == Outcome(sent=1)
    assert len(smtp.received) == 1
