"""A real SMTP server on loopback for the tests (aiosmtpd), keeping every message it accepts
(and refusing any address that starts with "refused"). It can be stopped and started again on
the same port, as a mail relay that goes away. And a database with a mail queued, for the
tests that run the worker as a command."""

from __future__ import annotations

import asyncio
import copy
import logging
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from flask import Flask

from mail import enqueue
from mail.worker import deliver_due
from models import db
from serving.schema import upgrade
from tests.conftest import make_app
from tools.live import free_port

# aiosmtpd logs each line it receives (subjects, bodies) at DEBUG to "mail.log": it stands in for
# the council's relay, whose logs are not ours, and must not fill the suite's log scan.
logging.getLogger("mail.log").setLevel(logging.WARNING)


@dataclass
class Received:
    mail_from: str
    recipients: list[str]
    message: EmailMessage


class _Keeper:
    def __init__(self, delay: float) -> None:
        self.received: list[Received] = []
        self.lock = threading.Lock()
        self.delay = delay

    async def handle_RCPT(  # noqa: N802
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address.startswith("refused"):  # a mailbox the relay does not know
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.delay:
            await asyncio.sleep(self.delay)  # a relay that takes its time, so workers overlap
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 OK"


class SmtpServer:
    def __init__(self, delay: float = 0) -> None:
        self.port = free_port()
        self._keeper = _Keeper(delay)
        self._controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        with self._keeper.lock:
            return list(self._keeper.received)

    def subjects(self) -> list[str]:
        return sorted(str(r.message["Subject"]) for r in self.received)

    def start(self) -> None:
        self._controller = Controller(self._keeper, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def in_clear(message: EmailMessage) -> str:
    """Everything of a message a relay or a mailbox reads without the PDF's password: the message
    as sent with each attachment's encoded body left out (its headers, filename included, kept),
    every part's headers decoded, and the text of the parts that are not attachments. Random
    base64 may spell any word: it is not read as text."""
    stripped = copy.deepcopy(message)
    for part in stripped.walk():
        if part.is_attachment():
            part.set_payload("")
    parts = [stripped.as_bytes().decode("ascii", "replace")]
    parts += [f"{name}: {value}" for part in message.walk() for name, value in part.items()]
    parts += [
        part.get_content()
        for part in message.walk()
        if part.get_content_maintype() == "text" and not part.is_attachment()
    ]
    return "\n".join(parts)


def deliver_once(app: Flask, at_least: int = 1) -> SmtpServer:
    """The mail worker, once, against a real SMTP server on loopback (stopped afterwards): the
    server, with what it received. At least `at_least` mails sent, none failed or retried."""
    server = SmtpServer()
    before = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT")}
    server.start()
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
        with app.app_context():
            outcome = deliver_due()
        assert outcome.sent >= at_least and outcome.failed == outcome.retried == 0, outcome
    finally:
        app.config.update(before)
        server.stop()
    return server


def queue_one(database_url: str, subject: str = "Fictional queued mail") -> None:
    """Bring the database at `database_url` to the newest schema and queue one mail in it."""
    app = make_app(database_url)
    with app.app_context():
        upgrade()
        enqueue(to=["lead@example.org"], subject=subject, body="Fictional body", sender_id=None)
        db.session.commit()
        db.engine.dispose()
