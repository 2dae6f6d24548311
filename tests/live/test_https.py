"""The service as deployed: Chromium, nginx terminating TLS (deploy/cse-forms.nginx.conf),
gunicorn started as the systemd unit starts it, and PostgreSQL. A person signs in, makes a
case, starts a referral, saves a draft of one section, goes through every section, submits
from "Check your answers" and downloads the PDF: every form POST passes the
CSRF Referer check that only HTTPS applies."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, Response, expect

from forms import ARTEFACTS
from forms.model import Section
from forms.tasks import number_of
from tests.chromium import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, save_screenshot, second_factor
from tests.conftest import sample_json
from tests.helpers import pdf_body
from tools.live import PASSWORD, SERVER_NAME, fresh_code

pytestmark = pytest.mark.browser
REFERRAL = ARTEFACTS["cse_referral"]
SAMPLE = sample_json("cse_referral")
EMAIL = "lee.live@example.org"


@pytest.fixture(scope="module")
def deployed(service: Any, postgres_url: str) -> Any:
    (app,) = service(postgres_url, TRUSTED_PROXIES="1", TRUSTED_HOSTS=SERVER_NAME)
    return service.front(app)


@pytest.fixture(scope="module")
def chromium(playwright: Playwright, deployed: Any) -> Iterator[Browser]:
    """Chromium that finds the service's name on this machine, as a council's DNS would."""
    rules = f"--host-resolver-rules=MAP {SERVER_NAME} 127.0.0.1"
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules], headless=True
    )
    yield browser
    browser.close()


def _page(chromium: Browser, deployed: Any) -> Page:
    # The certificate is made by the test: the browser is told to accept it, nothing else.
    context = chromium.new_context(
        base_url=deployed.url, ignore_https_errors=True, accept_downloads=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def _section_asking(name: str) -> Section:
    return REFERRAL.sections[number_of(REFERRAL, name) - 1]


def _autosave(response: Response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/autosave")


def test_a_referral_from_sign_in_to_pdf_over_https(
    chromium: Browser, deployed: Any, postgres_url: str
) -> None:
    page = _page(chromium, deployed)
    first = page.goto("/")
    assert first is not None
    expect(page).to_have_url(re.compile(r"/sign-in\?next=/$"))
    headers = first.all_headers()
    assert "server" not in headers
    assert headers["strict-transport-security"].startswith("max-age=")
    assert headers["referrer-policy"] == "same-origin"

    page.get_by_label("Email address").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    second_factor(page, lambda: fresh_code(postgres_url, EMAIL))
    expect(page.get_by_role("heading", level=1)).to_have_text("My cases")
    save_screenshot(page, "https-my-cases")
    cookie = next(c for c in page.context.cookies() if c["name"] == "__Host-cse_forms_session")
    # issue 13: the browser kept a __Host- cookie: Secure, Path=/, for this host only.
    assert cookie["secure"] and cookie["httpOnly"] and cookie["path"] == "/"
    assert not cookie["domain"].startswith(".")

    page.get_by_role("button", name="Create a case").click()
    page.get_by_label("First name").fill("Hana")
    page.get_by_label("Last name").fill("Httpstestcase")
    for part, value in zip(("day", "month", "year"), ("14", "3", "2010"), strict=True):
        page.locator(f"#dob-{part}").fill(value)
    page.get_by_role("group", name="Gender").get_by_label("Female", exact=True).check()
    page.get_by_label("Richmond").check()
    page.get_by_role("button", name="Create the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hana Httpstestcase")

    page.get_by_role("button", name=f"Start the {REFERRAL.title}").click()
    # The task list: each section a page of its own, then "Check your answers".
    expect(page.get_by_role("heading", level=1)).to_have_text(REFERRAL.title)
    expect(page).to_have_url(re.compile(r"/documents/[\w-]{24}$"))
    form_url = page.url
    save_screenshot(page, "https-task-list")

    concerns = _section_asking("concerns_summary")
    page.get_by_role("link", name=concerns.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(concerns.title)
    # The page's own script saves as the user types, through fetch: over HTTPS too.
    with page.expect_response(_autosave, timeout=15_000) as saved:
        page.locator("#concerns_summary").fill(SAMPLE["concerns_summary"])
    assert saved.value.status == 200, saved.value.text()
    expect(page.locator("[data-save-status]")).to_contain_text("Draft last saved at")
    save_screenshot(page, "https-draft-saved")
    page.get_by_role("button", name="Save and come back later").click()
    expect(page).to_have_url(form_url)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("were saved")

    page.get_by_role("link", name=concerns.title, exact=True).click()
    expect(page.locator("#concerns_summary")).to_have_value(SAMPLE["concerns_summary"])
    page.get_by_role("link", name="Back to the list of sections").click()
    expect(page).to_have_url(form_url)
    page.get_by_role("link", name=REFERRAL.sections[0].title, exact=True).click()
    for part, value in zip(("day", "month", "year"), ("2", "11", "2026"), strict=True):
        page.locator(f"#date_of_referral-{part}").fill(value)
    # Refused (the referrer's role emptied), then away to the case and back: kept.
    page.locator("#referrer_role").fill("")
    page.locator("form .govuk-button-group button[value=continue]").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.get_by_role("link", name="Back to the list of sections").click()
    page.get_by_role("link", name="Back to the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hana Httpstestcase")
    page.goto(form_url)
    page.get_by_role("link", name=REFERRAL.sections[0].title, exact=True).click()
    expect(page.locator("#date_of_referral-month")).to_have_value("11")
    page.locator("#referrer_role").fill(SAMPLE["referrer_role"])
    # "Save and continue" through every section (the child's prefilled from the case), on to
    # "Check your answers".
    for number in range(1, len(REFERRAL.sections) + 1):
        expect(page).to_have_url(re.compile(rf"/sections/{number}$"))
        expect(page.locator(".govuk-error-summary")).to_have_count(0)
        if number == 2:
            expect(page.locator("#child_forename")).to_have_value("Hana")
        page.locator("form .govuk-button-group button[value=continue]").click()
    expect(page).to_have_url(re.compile(r"/check$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    save_screenshot(page, "https-check")
    page.get_by_role("button", name="Submit version 1").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/versions/[\w-]{24}$"))
    expect(page.locator(".govuk-caption-xl")).to_contain_text("Version 1")
    save_screenshot(page, "https-submitted")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download PDF").click()
    assert info.value.failure() is None
    assert "hana" not in info.value.suggested_filename.lower()
    path = info.value.path()
    assert "Httpstestcase" in pdf_body(path.read_bytes())

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def _curl(*args: str) -> str:
    """What curl sees, headers included, with the service's name found on this machine."""
    return subprocess.run(
        ["curl", "--silent", "--show-error", "--include", "--insecure", *args],
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout


def test_nginx_redirects_plain_http_and_refuses_other_names(deployed: Any) -> None:
    resolve = f"{SERVER_NAME}:{deployed.http_port}:127.0.0.1"
    plain = _curl("--resolve", resolve, f"http://{SERVER_NAME}:{deployed.http_port}/sign-in")
    assert plain.startswith("HTTP/1.1 301")
    assert re.search(rf"(?im)^location: https://{SERVER_NAME}/sign-in", plain)
    assert not re.search(r"(?im)^server:", plain)
    # Any other name (or a bare address) gets no TLS handshake, so no page at all.
    other = f"other.test:{deployed.https_port}:127.0.0.1"
    assert _curl("--resolve", other, f"https://other.test:{deployed.https_port}/") == ""
    # A forged X-Forwarded-* header from the client changes nothing: nginx sets its own.
    resolve = f"{SERVER_NAME}:{deployed.https_port}:127.0.0.1"
    forged = _curl(
        "--resolve",
        resolve,
        "-H",
        "X-Forwarded-Host: evil.example",
        f"https://{SERVER_NAME}:{deployed.https_port}/",
    )
    assert re.search(r"(?im)^location: /sign-in", forged), forged


def test_nginx_logs_no_invitation_token(deployed: Any) -> None:
    resolve = f"{SERVER_NAME}:{deployed.https_port}:127.0.0.1"
    token = "fictionalTokenThatMustNotBeLogged_0123456789abcdef"
    answer = _curl(
        "--resolve", resolve, f"https://{SERVER_NAME}:{deployed.https_port}/invitation/{token}"
    )
    assert answer.startswith("HTTP/2 404") or answer.startswith("HTTP/1.1 404"), answer[:200]
    log = deployed.access_log.read_text()
    assert "GET /invitation/[token] " in log
    assert token not in log
