"""Fixtures of the real-browser tests: a live server, the system Chromium, and screenshots.

Self-contained on purpose: it does not rely on tests/conftest.py nor on pytest-playwright's own
browser fixtures (those would look for a browser downloaded by `playwright install`, which is
never run here). Only fictional data is ever typed into the pages.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect
from werkzeug.serving import make_server

from accounts.cli import add_user
from app import create_app
from config import TestConfig
from models import Case, CaseMember, db
from tests.chromium import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, save_screenshot, second_factor
from tools.live import DATABASES, fresh_code


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test in this directory drives a browser, against one live server and its
    database: `make test` runs them all in one of its two workers (pytest-xdist's loadgroup),
    in order, while the other worker runs the rest."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))


# The account the browser tests sign in with, and the case their forms start from. The
# account has no name, job or phone, so that forms open with the referrer's boxes empty.
EMAIL = "browser.manager@example.org"
PASSWORD = "fictional browser password 7"
CASE_NAME = ("Browser", "Fixture")
REFERRER_EMAIL = "browser.referrer@example.org"  # has a name, job and phone: they prefill


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    database = tmp_path_factory.mktemp("browser-db") / "db.sqlite3"

    class BrowserTestConfig(TestConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{database}"

    app = create_app(BrowserTestConfig)
    with app.app_context():
        db.create_all()
        manager = add_user(EMAIL, PASSWORD, "manager")
        add_user(
            REFERRER_EMAIL,
            PASSWORD,
            "referrer",
            name="Robin Browsertest",
            job_title="School nurse",
            organisation="Example Health Trust",
            phone="020 8547 5000",
        )
        db.session.flush()
        forename, surname = CASE_NAME
        case = Case(details={"forename": forename, "surname": surname}, created_by=manager.id)
        case.members.append(CaseMember(user_id=manager.id))
        db.session.add(case)
        db.session.commit()
    return app


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    """The app served on a free local port, with a SQLite file shared by the server's threads."""
    app = live_app
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    DATABASES[url] = app.config["SQLALCHEMY_DATABASE_URI"]  # where sign_in finds a fresh code
    try:
        yield url
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        yield chromium
    finally:
        chromium.close()


def _context(browser: Browser, live_server: str, **options: object) -> BrowserContext:
    options = {"viewport": {"width": 1280, "height": 900}, **options}  # a test may narrow it
    context = browser.new_context(
        base_url=live_server,
        accept_downloads=True,
        **options,  # type: ignore[arg-type]
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


def sign_in(page: Page, email: str = EMAIL, password: str = PASSWORD) -> None:
    """Sign in through the sign-in page (the one the page is on, which may say where to go
    next), as a person does."""
    if "/sign-in" not in page.url:
        page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.locator("#password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # The second factor: the app set up at an account's first sign-in, a code afterwards.
    base = next(url for url in DATABASES if page.url.startswith(url))
    second_factor(page, lambda: fresh_code(DATABASES[base], email.lower()))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


@pytest.fixture
def new_context(browser: Browser, live_server: str) -> Iterator:
    """A factory of extra contexts (e.g. JavaScript off), signed in unless told otherwise; all
    closed after the test."""
    made: list[BrowserContext] = []

    def make(*, signed_in: bool = True, **options: object) -> BrowserContext:
        context = _context(browser, live_server, **options)
        made.append(context)
        if signed_in:
            page = context.new_page()
            sign_in(page)
            page.close()
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    """A signed-in page in a fresh context (own cookies, downloads accepted)."""
    return new_context().new_page()


@pytest.fixture
def screenshot():
    """The screenshot helper as a fixture, so tests need not import this conftest."""
    return save_screenshot
