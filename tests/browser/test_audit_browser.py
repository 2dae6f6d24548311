"""The audit page in a real browser, as a manager: filter by person, action and dates, page
on, and correct a date that does not exist. Only fictional data."""

from __future__ import annotations

import datetime as dt
import re

from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import delete, select

from accounts.cli import add_user
from clocks import london_today
from models import AuditEvent, Case, db, now
from tests.browser.conftest import PASSWORD
from tests.browser.pages import assert_no_axe_violations

EMAIL = "audit.browser@example.org"
NAME = "Ava Auditbrowse"


def _events_of_someone(app: Flask) -> None:
    """Sixty views of the fixture case by a fictional referrer, in the last hour."""
    with app.app_context():
        user = add_user(EMAIL, PASSWORD, "referrer", name=NAME)
        case = db.session.scalars(select(Case).order_by(Case.created_at)).first()
        assert case is not None
        db.session.flush()
        moment = now()
        for n in range(60):
            at = moment - dt.timedelta(seconds=n)
            db.session.add(AuditEvent(action="view case", user_id=user.id, at=at, case_id=case.id))
        db.session.commit()


def test_a_manager_filters_the_audit_trail(live_app: Flask, page: Page, screenshot) -> None:
    _events_of_someone(live_app)
    page.goto("/")
    page.get_by_role("link", name="Audit trail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    page.get_by_label("Person").select_option(label=f"{NAME} ({EMAIL})")
    page.get_by_label("Action").select_option("view case")
    today = london_today()
    from_date = page.get_by_role("group", name="From")
    from_date.get_by_label("Day").fill(str(today.day))
    from_date.get_by_label("Month").fill(str(today.month))
    from_date.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Show events").click()
    expect(page.locator("#events-count")).to_have_text("Showing 1 to 50 of 60 events.")
    assert "@" not in page.url and "Ava" not in page.url  # ids and dates only
    rows = page.locator("table.app-audit tbody tr")
    expect(rows).to_have_count(50)
    expect(rows.first).to_contain_text(f"{NAME} ({EMAIL})")
    expect(rows.first.get_by_role("link", name="Browser Fixture")).to_be_visible()
    assert_no_axe_violations(page, "the audit page, filtered", landmarks=True)
    screenshot(page, "audit-filtered")

    page.get_by_role("link", name=re.compile("^Next")).click()
    expect(page.locator("#events-count")).to_have_text("Showing 51 to 60 of 60 events.")
    expect(page.get_by_label("Person")).to_have_value(re.compile(".{24}"))  # kept

    # A day that does not exist: said next to the field, and the summary's link goes there.
    from_date = page.get_by_role("group", name="From")
    from_date.get_by_label("Day").fill("31")
    from_date.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Show events").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="From date must be a real date").click()
    expect(page.locator("#from-day")).to_be_focused()
    assert_no_axe_violations(page, "the audit page with an error", landmarks=True)
    screenshot(page, "audit-error")


def test_my_work_warns_of_bulk_downloads(live_app: Flask, page: Page, screenshot) -> None:
    """31 downloads by one account in the last hour: My work names it, with a link to them.
    The events are removed afterwards, so that other tests' My work has no warning."""
    with live_app.app_context():
        user = add_user("bulk.browser@example.org", PASSWORD, "referrer", name="Bo Bulkbrowse")
        db.session.flush()
        events = [AuditEvent(action="download PDF", user_id=user.id) for _ in range(31)]
        db.session.add_all(events)
        db.session.commit()
        ids = [event.id for event in events]
    try:
        page.goto("/my-work")
        banner = page.get_by_role("region", name="Important")
        expect(banner).to_contain_text(
            "Bo Bulkbrowse (bulk.browser@example.org) downloaded 31 documents."
        )
        assert_no_axe_violations(page, "My work with a bulk-download warning", landmarks=True)
        screenshot(page, "my-work-bulk-downloads")
        banner.get_by_role("link", name="See their downloads").click()
        expect(page.locator("#events-count")).to_have_text("Showing 1 to 31 of 31 events.")
        expect(page.get_by_label("Action")).to_have_value("any download")
    finally:
        with live_app.app_context():
            db.session.execute(delete(AuditEvent).where(AuditEvent.id.in_(ids)))
            db.session.commit()
