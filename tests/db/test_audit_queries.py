"""The audit page's queries on each database (PostgreSQL too, when it answers): filters by
person, action and London days, paging, and the count of downloads in the last hour."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from models import AuditEvent, db, now
from tests.helpers import make_user, page, sign_in_as, squash


def test_the_audit_page_and_the_bulk_warning(migrated: Flask) -> None:
    manager = make_user("manager", name="Mo Dbmanager")
    robin = make_user("referrer", name="Robin Dbtest")
    moment = now()
    day = dt.datetime(2026, 6, 30, 23, 30, tzinfo=dt.UTC)  # 1 July 00:30 in London
    db.session.add_all(
        [AuditEvent(action="download Word", user_id=robin.id, at=moment) for _ in range(60)]
        + [AuditEvent(action="download pack", user_id=robin.id, at=day)]
    )
    db.session.commit()
    client = sign_in_as(migrated.test_client(), manager)
    shown = page(client.get(f"/audit?user={robin.id}&action=any+download&page=2"))
    assert squash(shown.xpath("//*[@id='events-count']")[0].text_content()) == (
        "Showing 51 to 61 of 61 events."
    )
    dates = "from-day=1&from-month=7&from-year=2026&to-day=1&to-month=7&to-year=2026"
    rows = page(client.get(f"/audit?{dates}")).xpath("//table[contains(@class,'app-audit')]//tr/td")
    assert [squash(td.text_content()) for td in rows][:3] == [
        "1 July 2026, 00:30",
        f"Robin Dbtest ({robin.email})",
        "download pack",
    ]
    banner = page(client.get("/my-work")).xpath("//div[@id='bulk-downloads']")
    assert "Robin Dbtest" in squash(banner[0].text_content())
    assert "downloaded 60 documents." in squash(banner[0].text_content())
