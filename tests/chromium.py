"""Debian's Chromium, as every browser test launches it (never a browser Playwright downloads)."""

from __future__ import annotations

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
