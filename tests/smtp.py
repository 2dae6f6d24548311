"""A real SMTP server on loopback for the tests (aiosmtpd), keeping every message it accepts.
It can be stopped and started again on the same port, as a mail relay that goes away."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tools.live import free_port


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
