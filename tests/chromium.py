"""Debian's Chromium, as every browser test launches it (never a browser Playwright downloads)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyotp
from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Playwright's default timeout is 30 s; a local server answers in milliseconds.
TIMEOUT_MS = 10_000

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-results" / "screenshots"


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot to test-results/screenshots/<name>.png for a human to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def second_factor(page: Page, code: Callable[[], str]) -> None:
    """After a right password: set the authenticator app up if the service asks (the key read
    from the page, as a person types it into an app; the recovery codes page then continued),
    or enter `code()`, a code of the account's app."""
    page.wait_for_load_state("load")
    if page.url.split("?")[0].endswith("/sign-in/set-up"):
        page.get_by_text("I cannot scan the QR code").click()
        key = page.locator("#setup-key").inner_text().replace(" ", "")
        page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(key).now())
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("button", name="Continue").click()  # the recovery codes, noted
    elif page.url.split("?")[0].endswith("/sign-in/code"):
        page.locator("#code").fill(code())
        page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("load")
