"""The second factor in a real browser (issue 13): the set-up page with its QR code and key,
the recovery codes shown once, and the code page with its error, each checked with axe.
Only fictional data."""

from __future__ import annotations

import pyotp
from flask import Flask
from playwright.sync_api import expect

from accounts.cli import add_user
from models import db
from tests.browser.conftest import PASSWORD
from tests.browser.pages import assert_no_axe_violations
from tests.chromium import save_screenshot

EMAIL = "browser.twofactor@example.org"


def test_a_first_sign_in_sets_the_app_up_then_asks_for_its_code(
    live_app: Flask, new_context
) -> None:
    with live_app.app_context():
        add_user(EMAIL, PASSWORD, "referrer", name="Tova Twofactor")  # no app set up yet
        db.session.commit()
    page = new_context(signed_in=False).new_page()

    def password() -> None:
        page.goto("/sign-in")
        page.get_by_label("Email address").fill(EMAIL)
        page.locator("#password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    password()
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    expect(
        page.get_by_role("img", name="QR code to scan with your authenticator app")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    assert_no_axe_violations(page, "the set-up page")
    page.get_by_text("I cannot scan the QR code").click()
    key = page.locator("#setup-key").inner_text().replace(" ", "")
    page.get_by_label("Code from your authenticator app").fill("12345")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Enter the 6-digit code")).to_be_visible()
    assert_no_axe_violations(page, "the set-up page with its error")

    totp = pyotp.TOTP(key)
    page.get_by_label("Code from your authenticator app").fill(totp.now())
    page.get_by_role("button", name="Continue").click()
    codes = page.locator("#recovery-codes code")
    expect(codes).to_have_count(10)
    save_screenshot(page, "two-factor-recovery-codes")
    assert_no_axe_violations(page, "the recovery codes")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    page.get_by_role("button", name="Sign out").click()

    password()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Enter the code from your authenticator app"
    )
    page.locator("#code").fill(totp.now())  # the code already used for the set-up: refused
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the 6-digit code")
    save_screenshot(page, "two-factor-code-error")
    assert_no_axe_violations(page, "the code page with its error")
    page.get_by_role("link", name="Enter the 6-digit code").click()
    expect(page.locator("#code")).to_be_focused()
