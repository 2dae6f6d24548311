"""One referral walked along the whole pathway in a real browser, by the people who do each step
(issue 10): the practitioner sends the CSE referral to SPA; SPA acknowledges it, decides
category 2 and holds the strategy meeting; the lead professional sends the MASE referral to
MASE business support; the practitioner sends the Phoenix referral; the Phoenix Project
acknowledges, accepts, makes first contact and holds the initial meeting.

The server's clock is frozen next to the Christmas 2026 bank holidays (Friday 25 and Monday 28
December; Boxing Day is a Saturday), so the inboxes, My work and the case page show known due
dates; then it moves on to Tuesday 29 December, when the Phoenix Project is back. The browser
and the test's own timers keep real time. The mail worker then delivers the three messages to
a real SMTP server: nothing personal in clear, each PDF opening with the password shown once
and holding every answer. Only fictional data.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from freezegun import freeze_time
from playwright.sync_api import BrowserContext, Locator, Page, expect
from pypdf import PasswordType, PdfReader, PdfWriter

from documents.pdf import render_pdf
from documents.stamp import Stamp, stamp_of
from forms import ARTEFACTS
from forms.model import Artefact
from forms.repeat import Repeat
from models import Case, db
from pathway import STEPS
from tests.browser.conftest import sign_in
from tests.browser.pages import assert_no_axe_violations, fill_answers, submit
from tests.conftest import sample, sample_json
from tests.helpers import PASSWORD, make_user, pdf_body, squash
from tests.smtp import Received, SmtpServer, deliver_once, in_clear
from web.cases import details

CSE, MASE, PHOENIX = (ARTEFACTS[s] for s in ("cse_referral", "mase_referral", "phoenix_referral"))
FORENAME, SURNAME = "Walker", "Notreal"  # the case's young person, fictional
CHILD = f"{FORENAME} {SURNAME}"

# Who walks it: (email, role, name); SPA works in Kingston, the case's borough.
PRACTITIONER = ("walk.practitioner@example.org", "referrer", "Pat Pathwalk")
LEAD = ("walk.lead@example.org", "lead_professional", "Lee Pathwalk")
SPA = ("walk.spa@example.org", "spa", "Sam Pathwalk")
PHOENIX_WORKER = ("walk.phoenix@example.org", "phoenix", "Alex Pathwalk")

SPA_KINGSTON = "SPA@kingston.gov.uk"  # the strategy's address (sending.recipients)
PHOENIX_INBOX = "csereferrals@achievingforchildren.org.uk"  # the strategy's address
MASE_SUPPORT = "mase.support@example.org"  # no default: set for this test
AD_KINGSTON = "ad.safeguarding.kingston@example.org"  # no default: set for this test

# Thursday 24 December 2026, 09:00 in London (GMT in winter). Friday 25 and Monday 28 are bank
# holidays, Saturday 26 is Boxing Day.
CHRISTMAS_EVE = "2026-12-24 09:00:00"
TUESDAY_AFTER = "2026-12-29 09:00:00"
THU_24, TUE_29 = "Thursday 24 December 2026", "Tuesday 29 December 2026"

# The clock is frozen for the app (served by a thread of this process, so it reads the same
# patched `datetime` and `time`), ticking on from there. What drives the browser keeps real time:
# Playwright's sync API runs an asyncio event loop in greenlets in this process (real_asyncio
# keeps the loop's clock real, so the jump of five days fires none of its timers early), as does
# aiosmtpd; pytest times the test. Playwright's own timeouts run in its driver, another process.
REAL_TIME = ["playwright", "greenlet", "pyee", "asyncio", "aiosmtpd", "_pytest"]

PASSWORD_SHOWN = re.compile(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}")


def _people(app: Flask) -> None:
    with app.app_context():
        for email, role, name in (PRACTITIONER, LEAD, SPA, PHOENIX_WORKER):
            make_user(role, email=email, name=name, borough="Kingston" if role == "spa" else None)


def _signed_in(new_context: Callable[..., BrowserContext], who: tuple[str, str, str]) -> Page:
    """A new browser context, signed in as `who` through the sign-in page."""
    page = new_context(signed_in=False).new_page()
    sign_in(page, who[0], PASSWORD)
    return page


def _new_kingston_case(page: Page) -> tuple[str, str]:
    page.goto("/")
    page.get_by_role("button", name="Create a case").click()
    page.get_by_label("First name").fill(FORENAME)
    page.get_by_label("Last name").fill(SURNAME)
    page.get_by_label("Kingston").check()
    page.get_by_role("button", name="Create the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CHILD)
    found = re.search(r"/cases/([\w-]+)$", page.url)
    assert found, page.url
    return page.url, found.group(1)


def _fill_and_submit(page: Page, artefact: Artefact) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(artefact.title)
    fill_answers(page, artefact, sample_json(artefact.slug))
    submit(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{artefact.title}: your answers")


def _row(page: Page, key: str) -> Locator:
    return page.locator(".govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(rf"^\s*{key}\s*$"))
    )


def _send(page: Page, team: str, to: str, cc: str | None = None) -> str:
    """From a version's answers page: the send page says to whom, then Send; the password
    shown once."""
    page.get_by_role("link", name=f"Send to {team}", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Send to {team}")
    expect(_row(page, "To").locator("dd")).to_have_text(to)
    if cc is None:
        expect(_row(page, "Copied to")).to_have_count(0)
    else:
        expect(_row(page, "Copied to").locator("dd")).to_have_text(cc)
    page.get_by_role("button", name="Send", exact=True).click()
    page.wait_for_load_state("load")
    expect(page.locator(".govuk-panel__title")).to_have_text(f"Sent to {team}")
    shown = page.locator(".app-password strong")
    expect(shown).to_have_text(PASSWORD_SHOWN)
    return shown.inner_text().strip()


def _record(
    page: Page,
    step: str,
    day: str,
    category: str | None = None,
    agencies: Iterable[str] = (),
) -> None:
    """On the case page: the step recorded with the "Record a step" form, dated the day it
    offers (today, on the server's clock), as a person would."""
    record = page.locator("form").filter(has=page.get_by_role("button", name="Record the step"))
    record.get_by_role("radio", name=step, exact=True).check()
    if category is not None:
        chosen = record.get_by_role("radio", name=category, exact=True)
        expect(chosen).to_have_count(1)  # only the step's own, revealed; the others hidden
        chosen.check()
    for agency in agencies:
        record.get_by_role("checkbox", name=agency, exact=True).check()
    # Dated today by the server: its frozen day, not the browser's.
    when = record.get_by_role("group", name="When did it happen?")
    day_of_month = re.search(r" (\d+) ", day)
    assert day_of_month, day
    expect(when.get_by_label("Day")).to_have_value(day_of_month.group(1))
    expect(when.get_by_label("Month")).to_have_value("12")
    expect(when.get_by_label("Year")).to_have_value("2026")
    record.get_by_role("button", name="Record the step").click()
    page.wait_for_load_state("load")
    expect(page.locator("#step-recorded")).to_contain_text(f"Recorded: {step}, {day}.")


def _what_is_due(page: Page) -> list[tuple[str, str]]:
    rows = page.locator("#open-clocks .govuk-summary-list__row")
    return [
        (
            squash(rows.nth(i).locator("dt").inner_text()),
            squash(rows.nth(i).locator("dd").inner_text()),
        )
        for i in range(rows.count())
    ]


def _table(page: Page, table: str) -> list[list[str]]:
    """The rows of a table of the page that name the case's young person, cell by cell."""
    rows = page.locator(f"table#{table} tbody tr").filter(has_text=CHILD)
    return [
        [squash(cell) for cell in rows.nth(i).locator("td").all_inner_texts()]
        for i in range(rows.count())
    ]


def _open_case_from_inbox(page: Page) -> None:
    page.locator("table#inbox tbody tr").get_by_role("link", name=CHILD, exact=True).click()
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", level=1)).to_have_text(CHILD)


def _personal() -> list[str]:
    """What names or dates the young person: the case's name, and the samples' names and dates
    of birth in the ways a document or a person writes them."""
    cse, phoenix = sample(CSE), sample(PHOENIX)
    found = [FORENAME, SURNAME, cse["child_forename"], cse["child_surname"]]
    found += phoenix["person_name"].split() + phoenix["parent_name"].split()
    for born in (cse["child_dob"], phoenix["person_dob"]):
        found += [born.isoformat(), f"{born:%d/%m/%Y}", f"{born.day} {born:%B %Y}"]
    return found


def _answers_in(text: str, artefact: Artefact, answers: dict[str, Any]) -> None:
    """Every answer of the set, as documents print it, is in `text`."""
    squashed = squash(text)
    for f in artefact.walk():
        if isinstance(f, Repeat):
            given = [(i, item.get(i.name)) for item in answers.get(f.name) or [] for i in f.inner]
        else:
            given = [(f, answers.get(f.name))]
        for field, value in given:
            if value not in (None, "", []):
                assert squash(field.display(value)) in squashed, (artefact.slug, field.name)


def _opened(blob: bytes, password: str) -> str:
    reader = PdfReader(io.BytesIO(blob))
    assert reader.is_encrypted
    assert reader.decrypt("not-the-password") == PasswordType.NOT_DECRYPTED
    assert reader.decrypt(password) == PasswordType.USER_PASSWORD
    out = io.BytesIO()
    PdfWriter(clone_from=reader).write(out)
    return pdf_body(out.getvalue())


def test_a_referral_walks_the_whole_pathway(new_context, live_app: Flask, screenshot) -> None:
    _people(live_app)
    sending = live_app.config["SENDING"]  # the class's own dict: replaced, never changed
    live_app.config["SENDING"] = {
        **sending,
        "MASE_BUSINESS_SUPPORT_EMAIL": MASE_SUPPORT,
        "ASSOCIATE_DIRECTOR_KINGSTON_EMAIL": AD_KINGSTON,
    }
    try:
        with freeze_time(CHRISTMAS_EVE, tick=True, real_asyncio=True, ignore=REAL_TIME) as clock:
            _walk(new_context, live_app, screenshot, clock.move_to)
    finally:
        live_app.config["SENDING"] = sending


def _walk(
    new_context: Callable[..., BrowserContext],
    live_app: Flask,
    screenshot: Callable[[Page, str], object],
    move_to: Callable[[str], object],
) -> None:
    # 1. Thursday 24 December. The practitioner makes the case, adds the lead professional,
    # and sends the CSE referral to SPA (Kingston).
    practitioner = _signed_in(new_context, PRACTITIONER)
    case_url, case_id = _new_kingston_case(practitioner)
    practitioner.get_by_label("Add a colleague by their work email address").fill(LEAD[0])
    practitioner.get_by_role("button", name="Add to this case").click()
    expect(practitioner.locator("#member-added")).to_contain_text(
        f"If {LEAD[0]} is a colleague who can use this service, they can now see this case."
    )
    expect(practitioner.locator("#people ~ ul").first).to_contain_text(LEAD[2])
    practitioner.get_by_role("button", name=f"Start the {CSE.title}").click()
    _fill_and_submit(practitioner, CSE)
    passwords = {CSE.slug: _send(practitioner, "SPA (Kingston)", f"SPA (Kingston): {SPA_KINGSTON}")}

    # 2. SPA (Kingston): the referral is new in its inbox; it says it has it, decides category
    # 2, which starts the strategy meeting's clock (3 calendar days, Christmas or not), and
    # holds the meeting.
    spa = _signed_in(new_context, SPA)
    spa.goto("/inbox")
    expect(spa.get_by_role("heading", level=1)).to_have_text("SPA inbox: Kingston")
    assert _table(spa, "inbox") == [
        [f"{CHILD} New", THU_24, "Referred to SPA", "Not decided yet", "Nothing due"]
    ]
    assert_no_axe_violations(spa, "the SPA inbox", landmarks=True)
    screenshot(spa, "walk-spa-inbox")
    _open_case_from_inbox(spa)
    _record(spa, "Referral received by SPA", THU_24)
    _record(spa, "Decision on the level of CSE risk", THU_24, "Category 2 (medium risk)")
    strategy = "Strategy meeting to be held with relevant agencies within 3 days"
    assert _what_is_due(spa) == [(strategy, "Due by Sunday 27 December 2026")]
    spa.goto("/my-work")
    expect(spa.locator("main")).to_contain_text(f"Today is {THU_24}.")
    assert _table(spa, "my-work") == [["Sunday 27 December 2026", CHILD, strategy]]
    spa.goto("/inbox")
    assert _table(spa, "inbox") == [
        [
            CHILD,
            THU_24,
            "Decision on the level of CSE risk",
            "Category 2 (medium risk)",
            "Sunday 27 December 2026",
        ]
    ]
    _open_case_from_inbox(spa)
    agencies = ["Children's Social Care", "Police", "Health"]
    _record(spa, "Strategy meeting held", THU_24, "Category 2 (medium risk)", agencies)
    expect(spa.locator("#open-clocks")).to_have_count(0)  # met

    # 3. The lead professional, a member of the case: the MASE referral, continuing the CSE
    # referral from its answers page, sent to MASE business support.
    lead = _signed_in(new_context, LEAD)
    lead.goto(case_url)
    lead.get_by_role("link", name=re.compile(r"^Version 1, ")).click()
    expect(lead.get_by_role("heading", level=1)).to_have_text(f"{CSE.title}: your answers")
    lead.get_by_role("button", name=f"Start the {MASE.title}").click()
    _fill_and_submit(lead, MASE)
    passwords[MASE.slug] = _send(
        lead, "MASE business support", f"MASE business support: {MASE_SUPPORT}"
    )

    # 4. The practitioner: the Phoenix referral, to the Phoenix Project copied to Kingston's
    # Associate Director. One working day after Thursday 24 skips Friday 25, the weekend and
    # Monday 28: Tuesday 29; two: Wednesday 30.
    practitioner.goto(case_url)
    practitioner.get_by_role("button", name=f"Start the {PHOENIX.title}").click()
    _fill_and_submit(practitioner, PHOENIX)
    passwords[PHOENIX.slug] = _send(
        practitioner, "the Phoenix Project", f"the Phoenix Project: {PHOENIX_INBOX}", AD_KINGSTON
    )
    acknowledgement = "Referrals will be acknowledged within one working day"
    first_contact = "Accepted referrals will receive first contact within two working days"
    practitioner.goto(case_url)
    assert _what_is_due(practitioner) == [
        (acknowledgement, f"Due by {TUE_29}"),
        (first_contact, "Due by Wednesday 30 December 2026"),
    ]
    phoenix = _signed_in(new_context, PHOENIX_WORKER)
    phoenix.goto("/inbox")
    assert _table(phoenix, "inbox") == [
        [
            f"{CHILD} New",
            THU_24,
            "Phoenix Project referral sent",
            "Category 2 (medium risk)",
            TUE_29,
        ]
    ]
    screenshot(phoenix, "walk-phoenix-inbox")

    # 5. Tuesday 29 December, the first working day after Christmas: the sessions of Christmas
    # Eve are over; the Phoenix Project signs in again, acknowledges, accepts (which
    # starts the initial meeting's 7 days), makes first contact and holds the initial meeting.
    move_to(TUESDAY_AFTER)
    phoenix.goto("/my-work")
    expect(phoenix).to_have_url(re.compile(r"/sign-in"))  # past the 12-hour limit: signed out
    sign_in(phoenix, PHOENIX_WORKER[0], PASSWORD)
    phoenix.goto("/my-work")
    expect(phoenix.locator("main")).to_contain_text(f"Today is {TUE_29}.")
    assert _table(phoenix, "my-work") == [
        [TUE_29, CHILD, acknowledgement],
        ["Wednesday 30 December 2026", CHILD, first_contact],
    ]
    phoenix.goto("/inbox")
    _open_case_from_inbox(phoenix)
    _record(phoenix, "Phoenix Project referral acknowledged", TUE_29)
    _record(phoenix, "Phoenix Project referral accepted", TUE_29)
    _record(phoenix, "First contact", TUE_29)
    initial = (
        "An initial meeting with the child or young person will be arranged by the CSE youth "
        "work lead within 7 days of the accepted referral"
    )
    assert _what_is_due(phoenix) == [(initial, "Due by Tuesday 5 January 2027")]
    _record(phoenix, "Initial meeting", TUE_29)
    expect(phoenix.locator("#open-clocks")).to_have_count(0)

    # 6. The timeline: every step, in order, with the strategy's words and who recorded it.
    steps = phoenix.locator("table#pathway-steps tbody tr")
    # The steps a sending recorded link the version sent.
    sent = {
        key: f"{ARTEFACTS[slug].title}, version 1"
        for key, slug in (
            ("spa_referral", "cse_referral"),
            ("mase_list", "mase_referral"),
            ("phoenix_sent", "phoenix_referral"),
        )
    }
    walked = [
        ("spa_referral", THU_24, None, PRACTITIONER),
        ("spa_acknowledged", THU_24, None, SPA),
        ("spa_decision", THU_24, "Category 2 (medium risk)", SPA),
        ("strategy_meeting", THU_24, "Category 2 (medium risk)", SPA),
        ("mase_list", THU_24, None, LEAD),
        ("phoenix_sent", THU_24, None, PRACTITIONER),
        ("phoenix_acknowledged", TUE_29, None, PHOENIX_WORKER),
        ("phoenix_accepted", TUE_29, None, PHOENIX_WORKER),
        ("first_contact", TUE_29, None, PHOENIX_WORKER),
        ("initial_meeting", TUE_29, None, PHOENIX_WORKER),
    ]
    expect(steps).to_have_count(len(walked))
    for row, (key, day, category, who) in zip(steps.all(), walked, strict=True):
        cells = [squash(text) for text in row.locator("td").all_inner_texts()]
        step = STEPS[key]
        said = step.name
        if category:
            said += f" {category}"
        if key == "strategy_meeting":
            said += f" Agencies: {', '.join(agencies)}"
        if key in sent:
            said += f" {sent[key]}"
        said += f" The strategy: \u201c{step.label}\u201d"
        assert cells == [day, said, who[2]], (key, cells)
    versions = steps.get_by_role("link")
    expect(versions).to_have_text(list(sent.values()))
    phoenix.locator("#pathway").scroll_into_view_if_needed()
    screenshot(phoenix, "walk-case-timeline")

    # My work: nothing left for the Phoenix Project; the inbox says where the case is.
    phoenix.goto("/my-work")
    expect(phoenix.locator("#nothing-due")).to_have_text("Nothing is due on your cases.")
    phoenix.goto("/inbox")
    assert _table(phoenix, "inbox") == [
        [CHILD, THU_24, "Initial meeting", "Category 2 (medium risk)", "Nothing due"]
    ]

    # 7. The mail worker: three messages, one per sending, naming no one; each PDF opens with
    # the password shown once and holds every answer.
    with live_app.app_context():  # whose each PDF says it is (documents.stamp)
        known = details(db.session.get_one(Case, case_id))
    about = {a.slug: stamp_of(a.title, 1, case_id, known) for a in (CSE, MASE, PHOENIX)}
    _check_mail(deliver_once(live_app, at_least=3), case_id, passwords, about)


def _check_mail(
    server: SmtpServer, case_id: str, passwords: dict[str, str], about: dict[str, Stamp]
) -> None:
    reference = f"CSE-{case_id[:8]}"
    ours: dict[str, Received] = {}
    for received in server.received:
        subject = str(received.message["Subject"])
        if f"case {reference}," in subject:
            ours[subject] = received
    expected = {
        f"{artefact.title}, case {reference}, version 1": (artefact, to, cc)
        for artefact, to, cc in (
            (CSE, [SPA_KINGSTON], []),
            (MASE, [MASE_SUPPORT], []),
            (PHOENIX, [PHOENIX_INBOX], [AD_KINGSTON]),
        )
    }
    assert sorted(ours) == sorted(expected)
    personal = _personal()
    for subject, (artefact, to, cc) in expected.items():
        mail = ours[subject].message
        assert ours[subject].recipients == [*to, *cc], subject
        assert str(mail["To"]) == ", ".join(to)
        assert str(mail.get("Cc") or "") == ", ".join(cc)
        clear = in_clear(mail).lower()
        for word in personal:
            assert word.lower() not in clear, (subject, word)
        [attachment] = list(mail.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        blob = attachment.get_content()
        for word in personal:
            assert word.encode() not in blob, (subject, word)
        text = _opened(blob, passwords[artefact.slug])
        answers = sample(artefact)
        # The answers typed in the browser, exactly: the PDF the sample makes, line for line.
        assert text == pdf_body(render_pdf(artefact, answers, None, about[artefact.slug])), subject
        _answers_in(text, artefact, answers)
