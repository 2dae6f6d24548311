"""Steps recorded on one case at the same moment, on SQLite and on PostgreSQL: every one is
saved, none answers 500, and the case's running clocks come out as one refresh after the last
would make them (pathway.state locks the case while it derives them). Only fictional data."""

from __future__ import annotations

import datetime as dt
import threading

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from clocks import london_today
from models import ClockDue, PathwayEvent, db
from tests.helpers import make_case, make_user, sign_in_as, token_on

STEPS = 8


def test_steps_recorded_at_once_are_all_kept_with_one_set_of_clocks(migrated: Flask) -> None:
    owner = sign_in_as(migrated.test_client(), make_user("manager"))
    case = make_case(owner)
    clients: list[FlaskClient] = [
        sign_in_as(migrated.test_client(), make_user("manager")) for _ in range(STEPS)
    ]
    tokens = [token_on(client, case) for client in clients]
    today = london_today() - dt.timedelta(days=1)
    barrier = threading.Barrier(STEPS)
    statuses: list[int] = []

    def record(client: FlaskClient, token: str) -> None:
        posted = {
            "csrf_token": token,
            "step": "phoenix_sent",
            "happened_on": [str(today.day), str(today.month), str(today.year)],
        }
        barrier.wait()
        statuses.append(client.post(f"{case}/pathway", data=posted).status_code)

    threads = [
        threading.Thread(target=record, args=(c, t)) for c, t in zip(clients, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(statuses) == [302] * STEPS
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(PathwayEvent)) == STEPS
    clocks = db.session.scalars(select(ClockDue.clock).order_by(ClockDue.clock)).all()
    assert clocks == ["phoenix_acknowledgement", "phoenix_first_contact"]
