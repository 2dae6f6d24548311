"""Queueing a mail: what is refused, and that queueing commits nothing."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from mail import Attachment, MailError, enqueue
from models import Case, OutboxMail, db, now
from serving.transactions import writing
from tests.helpers import make_user

SUBJECT = "Fictional subject Zebedee"
BODY = "Fictional body about Quentin Notreal"


def _queue(**changes: object) -> OutboxMail:
    given: dict[str, object] = {
        "to": ["lead@example.org"],
        "subject": SUBJECT,
        "body": BODY,
        "sender_id": None,
    }
    given.update(changes)
    return enqueue(**given)  # type: ignore[arg-type]


def _stored() -> int:
    return db.session.scalar(select(func.count()).select_from(OutboxMail)) or 0


def test_a_queued_mail_is_pending_and_due_with_its_addresses_normalised(app: Flask) -> None:
    mail = _queue(to=["Lead@Example.ORG"], cc=["manager@example.org"])
    db.session.commit()
    assert (mail.status, mail.attempts, mail.last_error, mail.sent_at) == ("pending", 0, None, None)
    assert mail.to == ["Lead@example.org"] and mail.cc == ["manager@example.org"]
    assert mail.next_attempt_at <= now()  # due at once


def test_queueing_commits_nothing(app: Flask) -> None:
    _queue()
    db.session.rollback()
    assert _stored() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"to": []}, "at least one address"),
        ({"to": "lead@example.org"}, "lists of addresses"),
        ({"to": ["not an address"]}, "address 1 of to is not a valid"),
        ({"cc": ["ok@example.org", "also@bad@example.org"]}, "address 2 of cc"),
        ({"to": ["lead@example.org\r\nBcc: spy@example.org"]}, "line break"),
        ({"subject": "Hello\r\nBcc: spy@example.org"}, "subject holds a line break"),
        ({"subject": "Hello\nthere"}, "subject holds a line break"),
        ({"subject": "x" * 256}, "longer than 255"),
        ({"body": "nul \x00 here"}, "NUL"),
        ({"attachment": Attachment("a\r\nb.pdf", "application/pdf", b"%PDF")}, "filename"),
        ({"attachment": Attachment("../b.pdf", "application/pdf", b"%PDF")}, "without a /"),
        ({"attachment": Attachment("b.pdf", "pdf\r\nX: y", b"%PDF")}, "content type"),
    ],
)
def test_a_bad_mail_is_refused_saying_which_part_never_its_text(
    app: Flask, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(MailError, match=message) as refused:
        _queue(**changes)
    for text in ("Zebedee", "Quentin", "spy@", "not an address", "bad@"):
        assert text not in str(refused.value)
    db.session.rollback()
    assert _stored() == 0


def test_mail_about_a_case_goes_with_the_case(migrated: Flask) -> None:
    creator = make_user("referrer")
    case = Case(details={}, created_by=creator.id)
    db.session.add(case)
    db.session.commit()
    with writing():
        _queue(case_id=case.id, sender_id=creator.id)
    with writing():
        db.session.delete(case)
    assert _stored() == 0
