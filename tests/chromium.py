"""Debian's Chromium, as every browser test launches it (never a browser Playwright downloads)."""

from __future__ import annotations

from pathlib import Path

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
