"""The inboxes, My work, "Record a step" and the reminders as the service really runs: two
gunicorn instances (deploy/cse-forms.service) on one PostgreSQL, nginx in front terminating TLS
(deploy/cse-forms.nginx.conf) and sharing requests between them, production mode, Chromium.

The accounts are made with `flask create-user`, as an operator makes them. A referrer sends a
CSE referral to SPA (Kingston); SPA finds it "New" in its inbox, records that it has it and
its decision at category 2, and My work shows the strategy meeting due 3 calendar days after
today's London date. `flask remind` and `flask send-mail --once`, run as the systemd units
run them, deliver the referral to SPA's address and a digest to the SPA worker through a real
SMTP server on loopback. Then SPA and a manager record a step on the same case at the same
moment: both are kept, and the case's derived clocks (pathway.state) hold both. Every page
about a case, the inbox and My work is `Cache-Control: no-store`; nothing answers 5xx; no log
names the child. Only fictional data.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Locator, Page, Playwright, Response, Route, expect

from clocks import CLOCKS, day_text, due_date, working_days
from forms import ARTEFACTS
from tests.browser.pages import fill_answers, submit
from tests.chromium import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, save_screenshot, second_factor
from tests.conftest import sample_json
from tests.helpers import squash
from tests.smtp import SmtpServer, in_clear
from tools.live import PASSWORD, SERVER_NAME, Gunicorn, flask, fresh_code, service_environment
from tools.nginx import Nginx

pytestmark = pytest.mark.browser
REFERRAL = ARTEFACTS["cse_referral"]
SAMPLE = sample_json("cse_referral")

FORENAME, SURNAME = "Livia", "Notreal"  # the case's young person, fictional
CHILD = f"{FORENAME} {SURNAME}"
# Everything that names the young person: the case's name, and the referral's (the sample's).
PERSONAL = [
    FORENAME,
    SURNAME,
    SAMPLE["child_forename"],
    SAMPLE["child_surname"],
    SAMPLE["child_alias"],
    SAMPLE["child_dob"],
]

# (email, role, name, borough): made by `flask create-user`, as an operator does.
REFERRER = ("rowan.referrer@example.org", "referrer", "Rowan Livereferrer", None)
SPA = ("sasha.spa@example.org", "spa", "Sasha Livespa", "Kingston")
PHOENIX = ("pat.phoenix@example.org", "phoenix", "Pat Livephoenix", None)
MANAGER = "morgan.live@example.org"  # tests/live/conftest.py ACCOUNTS: "Morgan Live"
SPA_KINGSTON = "SPA@kingston.gov.uk"  # the strategy's address (sending.recipients)

STRATEGY = CLOCKS["strategy_meeting"].label
ACKNOWLEDGEMENT = CLOCKS["phoenix_acknowledgement"].label
FIRST_CONTACT = CLOCKS["phoenix_first_contact"].label
# The pages that show a case, or lists of them: never kept by a browser or a proxy.
PRIVATE = re.compile(r"^/(cases/[\w-]+(/.*)?|inbox|my-work)$")


@dataclass
class Deployed:
    nginx: Nginx
    instances: list[Gunicorn]
    env: dict[str, str]  # what the operator's `flask` commands run with

    @property
    def url(self) -> str:
        return self.nginx.url


@pytest.fixture(scope="module")
def deployed(service: Any, postgres_url: str, redis_settings: dict[str, str]) -> Deployed:
    settings = {"TRUSTED_PROXIES": "1", "TRUSTED_HOSTS": SERVER_NAME, **redis_settings}
    instances = service(postgres_url, instances=2, **settings)
    nginx = service.front(*instances)
    env = service_environment(DATABASE_URL=postgres_url, **settings)
    for email, role, name, borough in (REFERRER, SPA, PHOENIX):
        command = ["create-user", email, "--role", role, "--name", name]
        command += ["--job-title", "Social worker", "--organisation", "Example Council"]
        command += ["--borough", borough] if borough else []
        out = flask({**env, "NEW_USER_PASSWORD": PASSWORD}, *command)
        assert out == f"Created a {role} account.\n"
    return Deployed(nginx, instances, env)


@pytest.fixture(scope="module")
def chromium(playwright: Playwright, deployed: Deployed) -> Iterator[Browser]:
    """Chromium that finds the service's name on this machine, as a council's DNS would."""
    rules = f"--host-resolver-rules=MAP {SERVER_NAME} 127.0.0.1"
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules], headless=True
    )
    yield browser
    browser.close()


@dataclass
class Seen:
    """Every response a browser context got: (method, path, status, cache-control)."""

    responses: list[tuple[str, str, int, str | None]]

    def record(self, response: Response) -> None:
        path = urlsplit(response.url).path
        cache = response.headers.get("cache-control")
        self.responses.append((response.request.method, path, response.status, cache))


def _signed_in(chromium: Browser, deployed: Deployed, email: str, seen: Seen) -> Page:
    # The certificate is made by the test: the browser is told to accept it, nothing else.
    context = chromium.new_context(base_url=deployed.url, ignore_https_errors=True)
    context.set_default_timeout(TIMEOUT_MS)
    context.on("response", seen.record)
    page = context.new_page()
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Accounts made by `flask create-user` set their app up at the first sign-in.
    second_factor(page, lambda: fresh_code(deployed.env["DATABASE_URL"], email))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def _london_today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


def _step_form(page: Page) -> Locator:
    return page.locator("form").filter(has=page.get_by_role("button", name="Record the step"))


def _fill_step(
    page: Page,
    step: str,
    today: dt.date,
    category: str | None = None,
    agencies: tuple[str, ...] = (),
) -> None:
    """On the case page: the "Record a step" form filled as a person does, dated the day it
    offers, which must be today's London date."""
    record = _step_form(page)
    record.get_by_role("radio", name=step, exact=True).check()
    if category is not None:
        chosen = record.get_by_role("radio", name=category, exact=True)
        expect(chosen).to_have_count(1)  # only the step's own, revealed
        chosen.check()
    for agency in agencies:
        record.get_by_role("checkbox", name=agency, exact=True).check()
    when = record.get_by_role("group", name="When did it happen?")
    expect(when.get_by_label("Day")).to_have_value(f"{today:%d}")
    expect(when.get_by_label("Month")).to_have_value(f"{today:%m}")
    expect(when.get_by_label("Year")).to_have_value(f"{today:%Y}")


def _record(page: Page, step: str, today: dt.date, category: str | None = None) -> None:
    _fill_step(page, step, today, category)
    _step_form(page).get_by_role("button", name="Record the step").click()
    expect(page.locator("#step-recorded")).to_contain_text(f"Recorded: {step}, {day_text(today)}.")


def _what_is_due(page: Page) -> list[tuple[str, str]]:
    rows = page.locator("#open-clocks .govuk-summary-list__row")
    return [
        (squash(row.locator("dt").inner_text()), squash(row.locator("dd").inner_text()))
        for row in rows.all()
    ]


def _table(page: Page, table: str) -> list[list[str]]:
    """The rows of a table of the page that name the case's young person, cell by cell."""
    rows = page.locator(f"table#{table} tbody tr").filter(has_text=CHILD)
    return [[squash(cell) for cell in row.locator("td").all_inner_texts()] for row in rows.all()]


def _steps_recorded(page: Page) -> list[tuple[str, str]]:
    """The timeline: (step's name, who recorded it), in order."""
    rows = page.locator("table#pathway-steps tbody tr")
    return [
        (
            row.locator("td").nth(1).locator("strong").inner_text(),
            row.locator("td").nth(2).inner_text(),
        )
        for row in rows.all()
    ]


def _step_posted(response: Response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/pathway")


def test_inboxes_my_work_steps_and_reminders_as_deployed(
    chromium: Browser, deployed: Deployed
) -> None:
    today = _london_today()
    strategy_due = day_text(today + dt.timedelta(days=3))  # 3 calendar days (L269)
    seen = Seen([])

    # 1. The referrer: a Kingston case, the CSE referral filled and submitted, sent to SPA.
    referrer = _signed_in(chromium, deployed, REFERRER[0], seen)
    referrer.get_by_role("button", name="Create a case").click()
    referrer.get_by_label("First name").fill(FORENAME)
    referrer.get_by_label("Last name").fill(SURNAME)
    referrer.get_by_label("Kingston").check()
    referrer.get_by_role("button", name="Create the case").click()
    expect(referrer.get_by_role("heading", level=1)).to_have_text(CHILD)
    found = re.search(r"/cases/([\w-]+)$", referrer.url)
    assert found, referrer.url
    case_url, case_id = urlsplit(referrer.url).path, found.group(1)
    referrer.get_by_role("button", name=f"Start the {REFERRAL.title}").click()
    expect(referrer.get_by_role("heading", level=1)).to_have_text(REFERRAL.title)
    fill_answers(referrer, REFERRAL, SAMPLE)
    submit(referrer)
    expect(referrer.get_by_role("heading", level=1)).to_have_text(f"{REFERRAL.title}: your answers")
    referrer.get_by_role("link", name="Send to SPA (Kingston)", exact=True).click()
    expect(referrer.get_by_role("heading", level=1)).to_have_text("Send to SPA (Kingston)")
    referrer.get_by_role("button", name="Send", exact=True).click()
    expect(referrer.locator(".govuk-panel__title")).to_have_text("Sent to SPA (Kingston)")

    # 2. SPA (Kingston): the referral "New" in its inbox; received, then decided at category 2,
    # which starts the strategy meeting's clock: 3 calendar days.
    spa = _signed_in(chromium, deployed, SPA[0], seen)
    spa.goto("/inbox")
    expect(spa.get_by_role("heading", level=1)).to_have_text("SPA inbox: Kingston")
    assert _table(spa, "inbox") == [
        [f"{CHILD} New", day_text(today), "Referred to SPA", "Not decided yet", "Nothing due"]
    ]
    save_screenshot(spa, "live-spa-inbox")
    spa.locator("table#inbox").get_by_role("link", name=CHILD, exact=True).click()
    expect(spa.get_by_role("heading", level=1)).to_have_text(CHILD)
    _record(spa, "Referral received by SPA", today)
    _record(spa, "Decision on the level of CSE risk", today, "Category 2 (medium risk)")
    assert _what_is_due(spa) == [(STRATEGY, f"Due by {strategy_due}")]
    spa.goto("/my-work")
    expect(spa.locator("main")).to_contain_text(f"Today is {day_text(today)}.")
    assert _table(spa, "my-work") == [[strategy_due, CHILD, STRATEGY]]
    save_screenshot(spa, "live-spa-my-work")

    # 3. The operator's commands, with the production settings: the reminders (the referrer, a
    # member of the case, and SPA Kingston, whose team answers the clock), then the mail worker.
    remind = flask({**deployed.env, "SERVICE_URL": deployed.url}, "remind")
    assert remind == "Reminded 2 people.\n"
    relay = SmtpServer()
    relay.start()
    try:
        mail_settings = {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(relay.port)}
        mail_settings["MAIL_USE_STARTTLS"] = "false"  # a relay on loopback; no account
        sent = flask({**deployed.env, **mail_settings}, "send-mail", "--once")
    finally:
        relay.stop()
    assert sent == "Sent 3 mails; 0 to try again later; 0 failed.\n"
    by_recipient = {tuple(r.recipients): r.message for r in relay.received}
    assert sorted(by_recipient) == sorted([(SPA_KINGSTON,), (SPA[0],), (REFERRER[0],)])
    referral = by_recipient[(SPA_KINGSTON,)]
    assert str(referral["Subject"]) == f"{REFERRAL.title}, case CSE-{case_id[:8]}, version 1"
    [attachment] = referral.iter_attachments()
    assert attachment.get_content_type() == "application/pdf"
    pdf = attachment.get_content()
    assert b"/Encrypt" in pdf
    assert not [word for word in PERSONAL if word.encode() in pdf]
    for person in (SPA, REFERRER):  # the referrer's: a member of the case
        digest = by_recipient[(person[0],)]
        counted = "1 due in the next 7 days"
        assert str(digest["Subject"]) == f"Your CSE work for {day_text(today)}: {counted}"
        text = digest.get_content()
        assert f"{STRATEGY}: {counted}" in text
        # Its only link, to My work at SERVICE_URL: the address nginx answers at.
        assert re.findall(r"https?://\S+", text) == [f"{deployed.url}/my-work"], text
    for message in by_recipient.values():
        clear = in_clear(message)
        if message is not referral:  # a digest names no case, not even by its reference
            assert case_id[:8] not in clear
        for word in PERSONAL:
            assert word.lower() not in clear.lower(), (message["Subject"], word)
    for output in (remind, sent):
        assert not any(word in output for word in PERSONAL)

    # 4. SPA and a manager record a step on the same case at the same moment: SPA the strategy
    # meeting (which meets its clock), the manager the Phoenix referral sent (which starts the
    # Phoenix Project's two clocks). Each transaction derives the case's clocks from every step:
    # neither may lose the other's.
    manager = _signed_in(chromium, deployed, MANAGER, seen)
    spa.goto(case_url)
    manager.goto(case_url)
    _fill_step(spa, "Strategy meeting held", today, "Category 3 (high risk)", ("Police", "Health"))
    _fill_step(manager, "Phoenix Project referral sent", today)
    # Both press "Record the step"; each browser holds its post until both are made, then lets
    # both go at once (the posts are the browsers' own, unchanged).
    held: list[Route] = []
    for page in (spa, manager):
        page.route("**/pathway", lambda route: held.append(route))
    with (
        spa.expect_response(_step_posted) as first,
        manager.expect_response(_step_posted) as second,
    ):
        for page in (spa, manager):
            button = _step_form(page).get_by_role("button", name="Record the step")
            button.click(no_wait_after=True)
        deadline = time.monotonic() + 10
        while len(held) < 2 and time.monotonic() < deadline:
            spa.wait_for_timeout(5)
        assert len(held) == 2
        for route in held:
            route.continue_()
    posts = [first.value, second.value]
    assert [p.status for p in posts] == [302, 302], [p.text() for p in posts]
    # nginx saw them in flight at the same time, each passed to an instance.
    pair = _posts_logged(deployed, f"{case_url}/pathway")[-2:]
    assert max(start for start, _, _ in pair) < min(end for _, end, _ in pair), pair
    print(f"the two posts at nginx (start, end, instance): {pair}")
    expect(spa.locator("#step-recorded")).to_contain_text(
        f"Recorded: Strategy meeting held, {day_text(today)}."
    )
    expect(manager.locator("#step-recorded")).to_contain_text(
        f"Recorded: Phoenix Project referral sent, {day_text(today)}."
    )
    spa.goto(case_url)
    assert _steps_recorded(spa)[:3] == [
        ("Referred to SPA", REFERRER[2]),
        ("Referral received by SPA", SPA[2]),
        ("Decision on the level of CSE risk", SPA[2]),
    ]
    assert sorted(_steps_recorded(spa)[3:]) == [
        ("Phoenix Project referral sent", "Morgan Live"),
        ("Strategy meeting held", SPA[2]),
    ]
    calendar = working_days()  # NON_WORKING_DAYS is not set (deploy/cse-forms.env.example)
    phoenix_due = {
        key: day_text(due_date(key, today, calendar).date)
        for key in ("phoenix_acknowledgement", "phoenix_first_contact")
    }
    assert _what_is_due(spa) == [
        (ACKNOWLEDGEMENT, f"Due by {phoenix_due['phoenix_acknowledgement']}"),
        (FIRST_CONTACT, f"Due by {phoenix_due['phoenix_first_contact']}"),
    ]
    spa.locator("#pathway").scroll_into_view_if_needed()
    save_screenshot(spa, "live-case-pathway")
    spa.goto("/my-work")
    expect(spa.locator("#nothing-due")).to_have_text("Nothing is due on your cases.")
    spa.goto("/inbox")
    [row] = _table(spa, "inbox")
    assert row[0] == CHILD and row[3:] == ["Category 3 (high risk)", "Nothing due"], row
    phoenix = _signed_in(chromium, deployed, PHOENIX[0], seen)
    phoenix.goto("/my-work")
    assert _table(phoenix, "my-work") == [
        [phoenix_due["phoenix_acknowledgement"], CHILD, ACKNOWLEDGEMENT],
        [phoenix_due["phoenix_first_contact"], CHILD, FIRST_CONTACT],
    ]
    save_screenshot(phoenix, "live-phoenix-my-work")
    phoenix.goto("/inbox")
    assert [r[0].removesuffix(" New") for r in _table(phoenix, "inbox")] == [CHILD]

    # 5. What the browsers got: no 5xx; no page kept by a browser or a proxy (case pages, the
    # inboxes and My work among them; the static assets aside). And what the servers logged.
    assert [r for r in seen.responses if r[2] >= 500] == []
    pages = [r for r in seen.responses if not r[1].startswith("/assets/")]
    assert len([r for r in pages if PRIVATE.match(r[1])]) >= 20, pages
    assert [r for r in pages if r[3] != "no-store"] == []
    print(f"{len(pages)} responses no-store, none 5xx, of {len(seen.responses)} in all")
    _check_logs(deployed)


def _posts_logged(deployed: Deployed, path: str) -> list[tuple[float, float, str]]:
    """The posts to `path` in nginx's access log: (start, end, instance), in seconds."""
    posts = re.findall(
        rf'"POST {re.escape(path)} \S+" \d{{3}} \d+ upstream=(\S+) end=([\d.]+) took=([\d.]+)$',
        deployed.nginx.access_log.read_text(),
        re.MULTILINE,
    )
    return [(float(end) - float(took), float(end), upstream) for upstream, end, took in posts]


def _check_logs(deployed: Deployed) -> None:
    """nginx's access log: no 5xx, and both instances answered; no log names the child."""
    access = deployed.nginx.access_log.read_text()
    answered = re.findall(r'" (\d{3}) \d+ upstream=(\S+) end=', access, re.MULTILINE)
    assert len(answered) == len(access.splitlines()) > 20
    assert [line for line in answered if int(line[0]) >= 500] == []
    ports = {f"127.0.0.1:{instance.port}" for instance in deployed.instances}
    assert {upstream for _, upstream in answered} == ports
    logs = [deployed.nginx.access_log.parent / name for name in ("error.log", "stderr.log")]
    logs += [Path(instance.log.name) for instance in deployed.instances]
    for log in [deployed.nginx.access_log, *logs]:
        text = log.read_text(errors="replace")
        assert "Traceback" not in text, log
        for word in PERSONAL:
            assert word not in text, (log, word)
