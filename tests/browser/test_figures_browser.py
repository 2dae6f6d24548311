"""A version's figures in a real browser, under the real Content-Security-Policy: the charts
are drawn in their colours (no inline style to block), fit the page, and pass axe."""

from __future__ import annotations

import dataclasses

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from forms import ARTEFACTS
from models import User, db
from tests.browser.pages import assert_no_axe_violations
from tests.conftest import sample_json
from tests.figures_examples import BARS, RADAR, from_context
from tests.helpers import form_data, post_section, sign_in_as, start, submit


def test_the_charts_are_drawn_in_colour_and_fit_a_small_screen(
    live_app: Flask, page: Page, screenshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = dataclasses.replace(ARTEFACTS["case_study"], figures=from_context)
    monkeypatch.setitem(ARTEFACTS, "case_study", study)  # the server's threads read it too
    with live_app.app_context():
        client = sign_in_as(
            live_app.test_client(), db.session.query(User).filter_by(role="manager").one()
        )
        version = submit(client, study, sample_json("case_study"))
        draft = start(client, study)
        for number in range(1, len(study.sections) + 1):
            post_section(client, draft, study, number, form_data(study, sample_json("case_study")))
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text))

    page.goto(version)
    star = page.get_by_role("img", name=f"Star chart: {RADAR['title']}", exact=False)
    expect(star).to_be_visible()
    expect(page.get_by_role("img", name=f"Bar chart: {BARS['title']}", exact=False)).to_be_visible()
    first_series = star.locator("polygon[stroke='#1d70b8'], polyline[stroke='#1d70b8']").first
    assert first_series.evaluate("e => getComputedStyle(e).stroke") == "rgb(29, 112, 184)"
    assert not [m for m in blocked if "Content Security Policy" in m]
    assert_no_axe_violations(page, "the answers page with figures")
    screenshot(page, "figures-answers-page")

    page.set_viewport_size({"width": 320, "height": 800})
    box = star.bounding_box()
    assert box is not None and box["width"] <= 320  # shrinks to the screen; its table scrolls
    screenshot(page, "figures-answers-page-320")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{draft}/check")
    expect(page.get_by_text("These figures are worked out when you submit")).to_be_visible()
    expect(
        page.get_by_role("img", name=f"Star chart: {RADAR['title']}", exact=False)
    ).to_be_visible()
    assert_no_axe_violations(page, "check your answers with figures")
    screenshot(page, "figures-check-answers")
