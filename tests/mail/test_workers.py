"""Several workers at once deliver each mail exactly once (nothing crashing): on PostgreSQL
they skip the rows another holds (FOR UPDATE SKIP LOCKED); on SQLite they claim in turn."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from flask import Flask
from sqlalchemy import select

from mail import enqueue
from mail.worker import Outcome, deliver_due
from models import OutboxMail, db
from tests.db.conftest import DATABASES
from tests.mail.conftest import deliver_in_a_worker
from tests.smtp import SmtpServer

MAILS = 40
WORKERS = 2


def test_two_workers_at_once_send_each_mail_once(migrated: Flask) -> None:
    relay = SmtpServer(delay=0.02)  # a relay that takes its time, so that the workers overlap
    relay.start()
    try:
        migrated.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=relay.port)
        for number in range(MAILS):
            enqueue(
                to=["lead@example.org"], subject=f"Fictional {number}", body="b", sender_id=None
            )
        db.session.commit()
        barrier = threading.Barrier(WORKERS)
        outcomes: list[Outcome] = []
        failures: list[BaseException] = []

        def worker() -> None:
            try:
                with migrated.app_context():
                    barrier.wait()
                    outcomes.append(deliver_due())
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        received = relay.received
    finally:
        relay.stop()

    assert failures == []
    assert sum(o.sent for o in outcomes) == MAILS and all(
        o.retried == o.failed == 0 for o in outcomes
    )
    ids = Counter(str(r.message["Message-ID"]) for r in received)
    assert len(ids) == MAILS and set(ids.values()) == {1}
    if db.engine.dialect.name == "postgresql":  # both really worked at the same time
        assert all(o.sent > 0 for o in outcomes)


# SQLite has no row locks: its workers claim one at a time (the test above).
@pytest.mark.parametrize("database_url", [d for d in DATABASES if d == "postgresql"], indirect=True)
def test_on_postgresql_a_worker_skips_the_mails_another_is_claiming(
    migrated: Flask, smtp: SmtpServer
) -> None:
    migrated.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port)
    held, _ = (
        enqueue(to=["lead@example.org"], subject=f"Fictional {n}", body="b", sender_id=None)
        for n in ("held", "free")
    )
    db.session.commit()
    with db.engine.connect() as other_worker:  # in the middle of its claim, holding one row
        other_worker.execute(
            select(OutboxMail.id).where(OutboxMail.id == held.id).with_for_update()
        )
        assert deliver_in_a_worker(migrated) == Outcome(sent=1)  # not waiting for it
        assert smtp.subjects() == ["Fictional free"]
        other_worker.rollback()
    assert deliver_in_a_worker(migrated) == Outcome(sent=1)
    assert smtp.subjects() == ["Fictional free", "Fictional held"]
