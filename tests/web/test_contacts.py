"""The contact log (Appendix 7, issue 11): the Phoenix worker records a contact on the case page
in a few boxes, the case shows the log and its total time, the text for Liquid Logic / QES holds
no case notes, and the weekly-contact clock runs from the last contact. Only fictional data."""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import select
from werkzeug.test import TestResponse

from clocks import london_today
from contacts import duration_text
from forms import ARTEFACTS
from models import AuditEvent, ClockDue, Contact, User, db
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    error_messages,
    inline_error,
    make_case,
    make_user,
    page,
    pdf_body,
    record_step,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
    visible_text,
    word_text,
)

NOTES = "Fictional case note Quokkahouse"  # must show in the Contacts section and nowhere else
NATURE = "Discussion about healthy relationships"
SUMMARY = "Met at the youth centre; agreed the next session."


def _as(app: Flask, user: User) -> FlaskClient:
    return sign_in_as(app.test_client(), user)


def _post(
    client: FlaskClient, case_url: str, day: dt.date | tuple[str, str, str], **changes: str
) -> TestResponse:
    parts = day if isinstance(day, tuple) else (str(day.day), str(day.month), str(day.year))
    data = {
        "csrf_token": token_on(client, case_url),
        "contact_on": list(parts),
        "contact_minutes": "45",
        "contact_type": "home_visit",
        "contact_nature": NATURE,
        "contact_summary": SUMMARY,
        **changes,
    }
    return client.post(f"{case_url}/contacts", data=data)


def _record(client: FlaskClient, case_url: str, day: dt.date, **changes: str) -> None:
    response = _post(client, case_url, day, **changes)
    assert response.status_code == 302, error_messages(response)
    assert response.headers["Location"] == f"{case_url}#contact-recorded"


def _log(client: FlaskClient, case_url: str) -> list[list[str]]:
    """The log's rows as read: each cell's text, a line break read as a space."""
    rows = page(client.get(case_url)).xpath("//table[@id='contacts-log']/tbody/tr")
    for br in (br for row in rows for br in row.xpath(".//br")):
        br.tail = " " + (br.tail or "")
    return [[squash(td.text_content()) for td in row.xpath("td")] for row in rows]


def _total(client: FlaskClient, case_url: str) -> str:
    return squash(page(client.get(case_url)).xpath("string(//*[@id='contacts-total'])"))


def _contacts() -> list[Contact]:
    return list(db.session.scalars(select(Contact)))


@pytest.fixture
def referrer(app: Flask) -> User:
    return make_user("referrer")


@pytest.fixture
def phoenix(app: Flask) -> User:
    return make_user("phoenix", name="Pat Phoenixworker")


@pytest.fixture
def sent_case(app: Flask, referrer: User) -> str:
    """A case its referrer sent to the Phoenix Project (in the project's inbox)."""
    owner = _as(app, referrer)
    case = make_case(owner, forename="Contact", surname="Logcase")
    record_step(owner, case, "phoenix_sent", london_today())
    return case


# --- Recording ----------------------------------------------------------------------------


def test_a_phoenix_worker_records_a_contact_on_a_case_sent_to_the_project(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    worker = _as(app, phoenix)
    form = page(worker.get(sent_case)).xpath("//form[contains(@action, '/contacts')]")[0]
    today = london_today()
    assert form.xpath(".//input[@name='contact_on']/@value") == f"{today:%d %m %Y}".split()
    _record(worker, sent_case, today, contact_notes=NOTES, contact_consent="yes")
    shown = worker.get(sent_case)
    banner = page(shown).xpath("//*[@id='contact-recorded']")[0]
    assert f"Contact recorded: Home visit, {today:%A} {today.day} {today:%B %Y}, 45 minutes." in (
        squash(banner.text_content())
    )
    assert _total(worker, sent_case) == "Total: 45 minutes over 1 contact"
    (contact,) = _contacts()
    assert (contact.recorded_by, contact.minutes, contact.case_notes, contact.consent) == (
        phoenix.id,
        45,
        NOTES,
        "yes",
    )
    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "record contact"))
    assert (event.user_id, event.case_id) == (phoenix.id, contact.case_id)


def test_a_phoenix_worker_added_to_a_case_and_a_manager_record_contacts(
    app: Flask, referrer: User, phoenix: User, manager: User
) -> None:
    owner = _as(app, referrer)
    case = make_case(owner)  # not sent to the Phoenix Project
    assert _as(app, phoenix).get(case).status_code == 404
    add_member(owner, case, phoenix.email)
    _record(_as(app, phoenix), case, london_today(), contact_type="telephone_call")
    _record(
        _as(app, manager),
        case,
        london_today(),
        contact_type="other",
        contact_type_other="Video call",
        contact_minutes="20",
    )
    rows = _log(_as(app, manager), case)
    assert [row[1] for row in rows] == ["20 minutes Video call", "45 minutes Telephone call"]
    assert [row[3] for row in rows] == ["Morgan Testmanager", "Pat Phoenixworker"]


@pytest.mark.parametrize(
    "role", ["referrer", "lead_professional", "spa", "phoenix_elsewhere", "admin"]
)
def test_no_one_else_sees_the_section_or_records_a_contact(
    app: Flask, referrer: User, role: str
) -> None:
    owner = _as(app, referrer)
    spa_case = make_case(owner, borough="Kingston")
    record_step(owner, spa_case, "spa_referral", london_today())  # in Kingston SPA's inbox
    if role == "referrer":
        other, case = owner, spa_case
    else:
        user = make_user("phoenix" if role == "phoenix_elsewhere" else role)
        if role == "lead_professional":
            add_member(owner, spa_case, user.email)
        other, case = _as(app, user), spa_case
    shown = other.get(case)
    if role in ("phoenix_elsewhere", "admin"):
        assert shown.status_code == 404  # not a case they may see at all
    else:
        assert shown.status_code == 200
        assert not page(shown).xpath("//*[@id='contacts'] | //form[contains(@action,'contacts')]")
    token = token_on(other, "/sign-in")
    day = london_today()
    posted = other.post(
        f"{case}/contacts",
        data={"csrf_token": token, "contact_on": [str(day.day), str(day.month), str(day.year)],
              "contact_minutes": "30", "contact_type": "letter", "contact_nature": NATURE,
              "contact_summary": SUMMARY},
    )  # fmt: skip
    assert posted.status_code == 404
    assert other.get(f"{case}/contacts/copy").status_code == 404
    assert _contacts() == []


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("an hour", "The duration of the intervention must be a whole number of minutes, like 60"),
        ("1.5", "The duration of the intervention must be a whole number of minutes, like 60"),
        ("0", "The duration of the intervention must be between 1 and 1440"),
        ("", "Enter the duration of the intervention"),
    ],
)
def test_a_bad_duration_is_refused_next_to_the_field_keeping_what_was_typed(
    app: Flask, sent_case: str, phoenix: User, typed: str, message: str
) -> None:
    worker = _as(app, phoenix)
    response = _post(worker, sent_case, london_today(), contact_minutes=typed, contact_notes=NOTES)
    assert response.status_code == 200
    html = page(response)
    assert html.findtext(".//title").startswith("Error: ")
    assert error_messages(response) == [message]
    assert html.xpath("//ul[contains(@class,'govuk-error-summary__list')]//a/@href") == [
        "#contact_minutes"
    ]
    assert inline_error(response, "contact_minutes") == message
    assert html.xpath("//input[@id='contact_minutes']/@value") == [typed]
    assert html.xpath("//textarea[@id='contact_summary']/text()") == [SUMMARY]
    assert html.xpath("//textarea[@id='contact_notes']/text()") == [NOTES]
    assert html.xpath("//input[@name='contact_type'][@checked]/@value") == ["home_visit"]
    assert _contacts() == []


def test_only_the_few_boxes_a_contact_needs_are_required(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    worker = _as(app, phoenix)
    token = token_on(worker, sent_case)
    response = worker.post(f"{sent_case}/contacts", data={"csrf_token": token})
    assert error_messages(response) == [
        "Enter the date of the intervention",
        "Enter the duration of the intervention",
        "Select the type of intervention",
        "Enter the nature of the intervention",
        "Enter a brief summary of the intervention",
    ]
    other = _post(worker, sent_case, london_today(), contact_type="other")
    assert error_messages(other) == ["Enter the type of intervention"]
    assert inline_error(other, "contact_type_other") == "Enter the type of intervention"
    future = london_today() + dt.timedelta(days=1)
    assert error_messages(_post(worker, sent_case, future)) == [
        "The date of the intervention must be today or in the past"
    ]
    assert _contacts() == []


# --- The log and its total ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(1, "1 minute"), (45, "45 minutes"), (60, "1 hour"), (61, "1 hour 1 minute"),
     (225, "3 hours 45 minutes"), (1440, "24 hours")],
)  # fmt: skip
def test_a_duration_reads_as_people_say_it(minutes: int, text: str) -> None:
    assert duration_text(minutes) == text


def test_the_log_is_newest_first_with_the_total_time(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    worker = _as(app, phoenix)
    for day, minutes in ((3, "60"), (1, "45"), (5, "30"), (2, "60"), (4, "30")):
        _record(worker, sent_case, dt.date(2026, 11, day), contact_minutes=minutes)
    rows = _log(worker, sent_case)
    assert [row[0] for row in rows] == [
        "Thursday 5 November 2026",
        "Wednesday 4 November 2026",
        "Tuesday 3 November 2026",
        "Monday 2 November 2026",
        "Sunday 1 November 2026",
    ]
    assert [row[1] for row in rows][:2] == ["30 minutes Home visit", "30 minutes Home visit"]
    assert _total(worker, sent_case) == "Total: 3 hours 45 minutes over 5 contacts"


# --- Case notes are the Phoenix Project's and managers' only --------------------------------


def test_case_notes_show_only_in_the_contacts_section_never_in_any_document(
    app: Flask,
    referrer: User,
    phoenix: User,
    manager: User,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    owner, boss = _as(app, referrer), _as(app, manager)
    case = make_case(owner)
    add_member(owner, case, phoenix.email)
    _record(_as(app, phoenix), case, london_today(), contact_notes=NOTES)
    assert NOTES in page(_as(app, phoenix).get(case)).xpath("string(//table[@id='contacts-log'])")
    assert NOTES in boss.get(case).get_data(as_text=True)
    # The referrer sees the case, and nothing of its contacts.
    theirs = owner.get(case).get_data(as_text=True)
    assert NOTES not in theirs and NATURE not in theirs and 'id="contacts"' not in theirs
    # Every document of the case: each per-case artefact submitted, as PDF and Word.
    for artefact in (a for a in ARTEFACTS.values() if a.per_case):
        version = submit(boss, artefact, sample_json(artefact.slug), start(boss, artefact, case))
        assert NOTES not in boss.get(version).get_data(as_text=True)
        assert NOTES not in squash(pdf_body(boss.get(f"{version}/document.pdf").data))
        assert NOTES not in word_text(boss.get(f"{version}/document.docx").data)
    copied = boss.get(f"{case}/contacts/copy").get_data(as_text=True)
    assert NATURE in copied and NOTES not in copied
    assert not any(NOTES in record.getMessage() for record in caplog.records)


# --- Copy for Liquid Logic / QES ---------------------------------------------------------


def _copy_text(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    boxes = page(response).xpath("//textarea[@id='copy-text']")
    assert len(boxes) == 1 and boxes[0].get("readonly") is not None
    assert "govuk-textarea" in boxes[0].get("class")
    return boxes[0].text or ""


def test_the_copy_text_holds_each_contacts_fields_and_nothing_else(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    worker = _as(app, phoenix)
    _record(worker, sent_case, dt.date(2026, 11, 9), contact_notes=NOTES)
    _record(
        worker,
        sent_case,
        dt.date(2026, 11, 2),
        contact_minutes="90",
        contact_type="other",
        contact_type_other="Group session",
        contact_nature="Discussion about staying safe online",
        contact_summary="First line.\r\nSecond line.",
    )
    text = _copy_text(worker, f"{sent_case}/contacts/copy")
    assert text == (
        "Date of intervention: Monday 2 November 2026\n"
        "Duration of intervention: 1 hour 30 minutes\n"
        "Type of intervention: Group session\n"
        "Nature of intervention: Discussion about staying safe online\n"
        "Brief summary of the intervention: First line.\nSecond line.\n"
        "\n"
        "Date of intervention: Monday 9 November 2026\n"
        "Duration of intervention: 45 minutes\n"
        "Type of intervention: Home visit\n"
        f"Nature of intervention: {NATURE}\n"
        f"Brief summary of the intervention: {SUMMARY}"
    )
    assert "Contact" not in text and "Logcase" not in text  # the child's name: never
    # One contact, from its link in the log.
    links = page(worker.get(sent_case)).xpath("//table[@id='contacts-log']//a/@href")
    assert _copy_text(worker, links[0]).startswith("Date of intervention: Monday 9 November")
    assert "Group session" not in _copy_text(worker, links[0])


def test_a_contact_the_young_person_did_not_consent_to_recording_is_left_out(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    worker = _as(app, phoenix)
    _record(worker, sent_case, dt.date(2026, 11, 2), contact_consent="no")
    _record(worker, sent_case, dt.date(2026, 11, 3), contact_consent="yes")
    response = worker.get(f"{sent_case}/contacts/copy")
    assert "Monday 2 November" not in _copy_text(worker, f"{sent_case}/contacts/copy")
    assert squash(page(response).xpath("string(//*[@id='left-out'])")) == (
        "Left out, as the young person did not consent to information being recorded on QES"
        " and Liquid Logic: the contact of Monday 2 November 2026."
    )


def _period(**bounds: str) -> str:
    """The query string the period form sends: each bound as day, month and year ("1 11 2026"),
    or as many parts as given (a crafted address)."""
    return "&".join(
        f"{name}={quote(part)}"
        for name, typed in bounds.items()
        for part in (typed.split(" ") if typed else ["", "", ""])
    )


def test_the_copy_page_gives_the_contacts_of_a_period(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    worker = _as(app, phoenix)
    for day in (1, 10, 20):
        _record(worker, sent_case, dt.date(2026, 11, day))
    url = f"{sent_case}/contacts/copy"

    def days(query: str) -> list[str]:
        text = _copy_text(worker, f"{url}?{query}")
        return [line.split(": ")[1] for line in text.splitlines() if line.startswith("Date")]

    assert days(_period(**{"from": "10 11 2026", "to": "20 11 2026"})) == [
        "Tuesday 10 November 2026",
        "Friday 20 November 2026",
    ]
    # As people type dates: leading zeros or none, spaces around.
    assert days(_period(**{"from": "02 11 2026"})) == [
        "Tuesday 10 November 2026",
        "Friday 20 November 2026",
    ]
    assert days("to=%2010%20&to=11&to=2026") == [
        "Sunday 1 November 2026",
        "Tuesday 10 November 2026",
    ]
    assert days(_period(**{"from": "", "to": ""})) == [
        "Sunday 1 November 2026",
        "Tuesday 10 November 2026",
        "Friday 20 November 2026",
    ]
    empty = page(worker.get(f"{url}?{_period(**{'from': '1 12 2026'})}"))
    assert squash(empty.xpath("string(//*[@id='nothing-to-copy'])")) == (
        "No contact was recorded in this period."
    )
    # The date input keeps what was typed.
    parts = [empty.xpath(f"//input[@id='from-{p}']/@value") for p in ("day", "month", "year")]
    assert parts == [["1"], ["12"], ["2026"]]


def test_the_period_is_a_gov_uk_date_input(app: Flask, sent_case: str, phoenix: User) -> None:
    html = page(_as(app, phoenix).get(f"{sent_case}/contacts/copy"))
    assert not html.xpath("//input[@type='date']")
    for name, legend in (("from", "From"), ("to", "To")):
        group = html.xpath(f"//div[@id='{name}']/ancestor::fieldset[1]")[0]
        assert squash(group.xpath("string(legend)")) == legend
        labels = [squash(label.text_content()) for label in group.xpath(".//label")]
        assert labels == ["Day", "Month", "Year"]
        assert group.xpath(".//input/@name") == [name, name, name]
        assert squash(group.xpath(f"string(.//*[@id='{name}-hint'])")).startswith("For example,")


@pytest.mark.parametrize(
    ("query", "messages"),
    [
        (_period(**{"from": "1 13 2026"}), ["The start of the period must be a real date"]),
        (_period(to="30 2 2026"), ["The end of the period must be a real date"]),
        (_period(**{"from": "1 11"}), ["The start of the period must be a real date"]),
        (_period(**{"from": "1  2026"}), ["The start of the period must include a month"]),
        (_period(to="yesterday  "), ["The end of the period must include a month and a year"]),
        (_period(**{"from": "1 11 26", "to": "x 2 2026"}), [
            "The start of the period must be a real date",
            "The end of the period must be a real date",
        ]),
        (_period(**{"from": "20 11 2026", "to": "1 11 2026"}), [
            "The end of the period must be the same as or after its start",
        ]),
        (_period(**{"from": "1 11 2026\x00"}), ["The start of the period must be a real date"]),
        (_period(**{"from": "1 11 1066"}), ["The start of the period must be after 1900"]),
        (_period(**{"from": "1 1 1 1"}), ["The start of the period must be a real date"]),
        ("from=2026-11-01", ["The start of the period must be a real date"]),  # the old address
    ],
)  # fmt: skip
def test_a_bad_period_gives_a_clear_error_not_a_500(
    app: Flask, sent_case: str, phoenix: User, query: str, messages: list[str]
) -> None:
    worker = _as(app, phoenix)
    _record(worker, sent_case, dt.date(2026, 11, 2))
    response = worker.get(f"{sent_case}/contacts/copy?{query}")
    assert response.status_code == 200
    html = page(response)
    assert html.findtext(".//title").startswith("Error: ")
    assert error_messages(response) == messages
    assert not html.xpath("//textarea")
    name = "to" if "end" in messages[-1] else "from"
    links = html.xpath("//ul[contains(@class,'govuk-error-summary__list')]//a/@href")
    assert links[-1] == f"#{name}-day"  # the day box, which takes focus
    assert inline_error(response, f"{name}-day") == messages[-1]


def test_a_contact_not_of_this_case_is_not_found(
    app: Flask, sent_case: str, phoenix: User, referrer: User
) -> None:
    worker = _as(app, phoenix)
    _record(worker, sent_case, dt.date(2026, 11, 2))
    (contact,) = _contacts()
    other = make_case(_as(app, referrer))
    record_step(_as(app, referrer), other, "phoenix_sent", london_today())
    assert worker.get(f"{other}/contacts/copy?contact={contact.id}").status_code == 404
    assert worker.get(f"{sent_case}/contacts/copy?contact=nonsense%00").status_code == 404
    assert worker.get(f"{sent_case}/contacts/copy?contact={contact.id}").status_code == 200


# --- The weekly-contact clock ------------------------------------------------------------

WEEKLY = "The worker will be expected to have weekly contact with allocated cases"


def _my_work(client: FlaskClient) -> list[list[str]]:
    rows = page(client.get("/my-work")).xpath("//table[@id='my-work']/tbody/tr")
    return [[squash(td.text_content()) for td in row.xpath("td")] for row in rows]


def _weekly() -> list[dt.date]:
    query = select(ClockDue.due_on).where(ClockDue.clock == "phoenix_weekly_contact")
    return list(db.session.scalars(query))


def test_weekly_contact_is_due_7_days_after_the_last_contact_on_an_accepted_case(
    app: Flask, referrer: User, phoenix: User
) -> None:
    with freeze_time(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):  # Monday
        owner, worker = _as(app, referrer), _as(app, phoenix)
        case = make_case(owner, forename="Weekly", surname="Clockcase")
        record_step(owner, case, "phoenix_sent", dt.date(2026, 12, 3))
        _record(worker, case, dt.date(2026, 12, 3))  # before acceptance: no weekly clock
        assert _weekly() == []
        record_step(worker, case, "phoenix_accepted", dt.date(2026, 12, 7))
        assert _weekly() == []  # no contact since it was accepted
        _record(worker, case, dt.date(2026, 12, 7))
        assert _weekly() == [dt.date(2026, 12, 14)]
    with freeze_time(dt.datetime(2026, 12, 9, 10, tzinfo=dt.UTC)):
        worker = _as(app, phoenix)
        _record(worker, case, dt.date(2026, 12, 9))  # met, and started again
        assert [row for row in _my_work(worker) if row[2] == WEEKLY] == [
            ["Wednesday 16 December 2026", "Weekly Clockcase", WEEKLY]
        ]
        shown = squash(page(worker.get(case)).xpath("string(//dl[@id='open-clocks'])"))
        assert f"{WEEKLY} Due by Wednesday 16 December 2026" in shown
    with freeze_time(dt.datetime(2026, 12, 17, 10, tzinfo=dt.UTC)):
        worker = _as(app, phoenix)
        assert ["Overdue Wednesday 16 December 2026", "Weekly Clockcase", WEEKLY] in (
            _my_work(worker)
        )
        _record(worker, case, dt.date(2026, 12, 17))
        assert _weekly() == [dt.date(2026, 12, 24)]
        record_step(worker, case, "closed", dt.date(2026, 12, 17))
        assert _weekly() == []  # the intervention ended: nothing more is due
        _record(worker, case, dt.date(2026, 12, 17))
        assert _weekly() == []


def test_weekly_contact_stops_when_the_case_is_declined_or_closed(
    app: Flask, referrer: User, phoenix: User, manager: User
) -> None:
    with freeze_time(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):
        owner, worker, boss = _as(app, referrer), _as(app, phoenix), _as(app, manager)
        case = make_case(owner)
        record_step(owner, case, "phoenix_sent", dt.date(2026, 12, 7))
        record_step(worker, case, "phoenix_accepted", dt.date(2026, 12, 7))
        _record(worker, case, dt.date(2026, 12, 7))
        assert _weekly() == [dt.date(2026, 12, 14)]
        token = token_on(boss, f"{case}/status/close")
        assert (
            boss.post(
                f"{case}/status/close", data={"csrf_token": token, "confirm": "close"}
            ).status_code
            == 302
        )
        assert _weekly() == []
        # A closed case has nothing due, and takes no contact (web/closed.py, issue 13).
        assert _post(worker, case, dt.date(2026, 12, 7)).status_code == 409
        assert _weekly() == []
        token = token_on(boss, f"{case}/status/reopen")
        assert (
            boss.post(
                f"{case}/status/reopen", data={"csrf_token": token, "confirm": "reopen"}
            ).status_code
            == 302
        )
        assert _weekly() == [dt.date(2026, 12, 14)]
        record_step(worker, case, "phoenix_declined", dt.date(2026, 12, 7))
        assert _weekly() == []


def test_the_contact_date_defaults_to_todays_london_date(app: Flask, phoenix: User) -> None:
    with freeze_time("2026-07-15 23:30", tz_offset=0):  # BST: already the 16th in London
        worker = _as(app, phoenix)
        case = make_case(_as(app, make_user("referrer")))
        record_step(_as(app, make_user("manager")), case, "phoenix_sent", dt.date(2026, 7, 16))
        shown = page(worker.get(case))
        assert shown.xpath("//input[@name='contact_on']/@value") == ["16", "07", "2026"]
        assert "Contacts" in visible_text(worker.get(case))


def test_a_bidi_override_in_a_contact_is_refused_next_to_its_field(
    app: Flask, sent_case: str, phoenix: User
) -> None:
    # issue 13: the bidi controls reorder what is shown, so they are refused in every field.
    worker = _as(app, phoenix)
    response = _post(worker, sent_case, london_today(), contact_summary="Met \u202enoos")
    assert response.status_code == 200
    message = (
        "A brief summary of the intervention contains characters that cannot go into a"
        " document: U+202E. Remove them and try again"
    )
    assert inline_error(response, "contact_summary") == message
    assert error_messages(response) == [message]
    assert _contacts() == []
