"""An account's life in a real browser (issue 13): an admin invites someone, who opens the
mailed link, chooses a password, sets up an authenticator app and signs in; a recovery code
works once; the admin deactivates the account and the person's next page is the sign-in."""

from __future__ import annotations

import re

import pyotp
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from accounts.cli import add_user
from models import OutboxMail, User, db
from tests.browser.conftest import PASSWORD, sign_in
from tests.browser.pages import assert_no_axe_violations
from tests.chromium import save_screenshot

ADMIN = "browser.admin@example.org"
INVITED = "jo.browserinvite@example.org"
CHOSEN = "kestrel orchard pebble 41 lantern"


def _admin(live_app: Flask) -> None:
    with live_app.app_context():
        if db.session.scalar(select(User).where(User.email == ADMIN)) is None:
            add_user(ADMIN, PASSWORD, "admin", name="Ash Browseradmin")
            db.session.commit()


def _link(live_app: Flask) -> str:
    with live_app.app_context():
        mail = db.session.scalars(
            select(OutboxMail).where(OutboxMail.to == [INVITED]).order_by(OutboxMail.created_at)
        ).all()[-1]
        assert "Browserinvite" not in mail.body and "Jo " not in mail.body
    found = re.search(r"http://\S+/invitation/\S+", mail.body)
    assert found is not None
    return found[0]


def _sign_in_with_recovery(page: Page, code: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(INVITED)
    page.locator("#password").fill(CHOSEN)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Use a recovery code instead").click()
    page.get_by_label("Recovery code").fill(code)
    page.get_by_role("button", name="Continue").click()


def test_an_invited_person_joins_signs_in_and_is_deactivated(live_app: Flask, new_context) -> None:
    _admin(live_app)
    admin = new_context(signed_in=False).new_page()
    sign_in(admin, ADMIN)
    admin.get_by_role("link", name="Accounts").click()
    admin.get_by_role("button", name="Invite someone").click()
    admin.get_by_role("button", name="Send invitation").click()
    summary = admin.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link").first).to_have_text("Enter the person's work email address")
    admin.get_by_label("Work email address").fill(INVITED)
    admin.get_by_label("Full name").fill("Jo Browserinvite")
    admin.get_by_label("Referrer (schools, police, health and other agencies)").check()
    admin.get_by_label("Job title (optional)").fill("Youth worker")
    save_screenshot(admin, "account-invite")
    assert_no_axe_violations(admin, "the invite page")
    admin.get_by_role("button", name="Send invitation").click()
    expect(admin.get_by_role("heading", level=1)).to_contain_text("Jo Browserinvite")
    expect(admin.locator(".govuk-summary-list")).to_contain_text("Invited")
    assert_no_axe_violations(admin, "an account's page")
    account_url = admin.url

    person = new_context(signed_in=False).new_page()
    person.goto(_link(live_app))
    expect(person.get_by_role("heading", level=1)).to_have_text("Choose your password")
    person.get_by_label("New password", exact=True).fill(CHOSEN)
    person.get_by_label("Confirm new password").fill(CHOSEN)
    person.get_by_role("button", name="Continue").click()
    person.get_by_text("I cannot scan the QR code").click()
    key = person.locator("#setup-key").inner_text().replace(" ", "")
    person.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(key).now())
    person.get_by_role("button", name="Continue").click()
    expect(person.locator("#recovery-codes li")).to_have_count(10)
    codes = person.locator("#recovery-codes li").all_inner_texts()
    person.get_by_role("button", name="Continue").click()
    expect(person.get_by_role("button", name="Sign out")).to_be_visible()

    person.get_by_role("link", name="Change password").click()
    expect(person.get_by_role("heading", level=1)).to_have_text("Change your password")
    save_screenshot(person, "account-password")
    assert_no_axe_violations(person, "the password page")

    person.get_by_role("button", name="Sign out").click()
    _sign_in_with_recovery(person, codes[0])
    expect(person.get_by_role("button", name="Sign out")).to_be_visible()
    person.get_by_role("button", name="Sign out").click()
    _sign_in_with_recovery(person, codes[0])
    expect(person.locator(".govuk-error-summary")).to_contain_text("has not been used")
    person.goto("/sign-in")
    _sign_in_with_recovery(person, codes[1])
    expect(person.get_by_role("button", name="Sign out")).to_be_visible()

    admin.goto(account_url)
    expect(admin.locator(".govuk-summary-list")).to_contain_text("Active")
    save_screenshot(admin, "account-page")
    admin.get_by_role("link", name="Deactivate this account").click()
    assert_no_axe_violations(admin, "the confirmation page")
    admin.get_by_role("button", name="Deactivate account").click()
    expect(admin.locator(".govuk-summary-list")).to_contain_text("Deactivated")

    person.goto("/")
    assert "/sign-in" in person.url
    expect(person.get_by_role("button", name="Sign in")).to_be_visible()
