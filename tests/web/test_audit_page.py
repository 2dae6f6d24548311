"""The audit page (web/audit.py, audit/): managers read the whole trail, newest first, a page
at a time, filtered by person, action, case and dates, with names beside addresses; downloads
say their format, a pack one event per part; failed sign-ins are there without the address
typed; and My work warns of an account downloading in bulk."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from audit.actions import ACTIONS, DOWNLOAD_OF_FORMAT
from documents.render import FORMATS
from forms import ARTEFACTS
from models import AuditEvent, Submission, User, db, now
from tests.conftest import sample_json
from tests.helpers import (
    PASSWORD,
    error_messages,
    make_case,
    make_user,
    page,
    post_answers,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
)
from web.access import LOOKING
from web.case_status import CHANGES

REFERRAL = ARTEFACTS["cse_referral"]
MASE = ARTEFACTS["mase_referral"]


def _events(count: int, action: str = "view", at: dt.datetime | None = None, **ids: str) -> None:
    """`count` events made directly in the database, one second apart, the last at `at`."""
    last = at or now()
    for n in range(count):
        moment = last - dt.timedelta(seconds=count - 1 - n)
        db.session.add(AuditEvent(action=action, at=moment, **ids))
    db.session.commit()


def _rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows = page(response).xpath("//table[contains(@class,'app-audit')]//tbody/tr")
    return [[squash(c.text_content()) for c in row.xpath("td")] for row in rows]


def _count(response) -> str:  # type: ignore[no-untyped-def]
    return squash(page(response).xpath("//*[@id='events-count']")[0].text_content())


def test_names_are_shown_beside_addresses(client: FlaskClient, manager: User) -> None:
    robin = make_user("referrer", email="robin.audit@example.org", name="Robin Audit")
    _events(1, "sign in", user_id=robin.id)
    _events(1, "sign in", user_id="x" * 24)  # an account no longer there
    _events(1, "sign in failed")  # nobody: an address with no account
    rows = _rows(client.get("/audit?action=sign+in"))
    assert [r[1] for r in rows] == ["A removed account", "Robin Audit (robin.audit@example.org)"]
    assert _rows(client.get("/audit?user=nobody"))[0][1:3] == ["Not signed in", "sign in failed"]
    options = page(client.get("/audit")).xpath("//select[@id='user']/option/text()")
    assert "Robin Audit (robin.audit@example.org)" in options
    assert f"{manager.name} ({manager.email})" in options


def test_filters_by_person_action_and_case(client: FlaskClient) -> None:
    robin, sam = make_user("referrer"), make_user("lead_professional")
    case_url = make_case(client)
    case_id = case_url.rsplit("/", 1)[1]
    _events(3, "view", user_id=robin.id)
    _events(2, "download PDF", user_id=robin.id, case_id=case_id)
    _events(4, "view", user_id=sam.id, case_id=case_id)
    _events(1, "download", user_id=sam.id)  # an older row, before formats were recorded
    by_robin = client.get(f"/audit?user={robin.id}")
    assert _count(by_robin) == "Showing 1 to 5 of 5 events."
    assert {r[1] for r in _rows(by_robin)} == {f"Test Referrer ({robin.email})"}
    assert [r[2] for r in _rows(client.get("/audit?action=view&user=" + sam.id))] == ["view"] * 4
    downloads = _rows(client.get("/audit?action=any+download"))
    assert sorted(r[2] for r in downloads) == ["download", "download PDF", "download PDF"]
    of_case = client.get(f"/audit?case={case_id}")
    assert {r[3] for r in _rows(of_case)} == {"Testy Example"}
    assert len(_rows(of_case)) == 2 + 4 + 2  # and "create case", and this look ("view audit")
    assert "Only the case of Testy Example." in squash(page(of_case).text_content())
    with_action = page(client.get(f"/audit?case={case_id}&action=view"))
    (every_case,) = with_action.xpath("//*[@id='case-filter']//a/@href")
    assert every_case == "/audit?action=view"
    # The chosen filters are kept in the form.
    chosen = page(client.get(f"/audit?user={robin.id}&action=view"))
    assert chosen.xpath("//select[@id='user']/option[@selected]/@value") == [robin.id]
    assert chosen.xpath("//select[@id='action']/option[@selected]/@value") == ["view"]


def test_filters_by_dates_as_days_in_london(client: FlaskClient) -> None:
    # 30 June 23:30 UTC is 1 July 00:30 in London (summer time).
    for moment in ("2026-06-30T22:30", "2026-06-30T23:30", "2026-07-02T12:00", "2026-07-03T23:30"):
        _events(1, "submit", at=dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC))
    dates = "from-day=1&from-month=7&from-year=2026&to-day=3&to-month=7&to-year=2026"
    rows = _rows(client.get(f"/audit?action=submit&{dates}"))
    assert [r[0] for r in rows] == ["2 July 2026, 13:00", "1 July 2026, 00:30"]
    since = _rows(client.get("/audit?action=submit&from-day=2&from-month=7&from-year=2026"))
    assert len(since) == 2
    until = _rows(client.get("/audit?action=submit&to-day=30&to-month=6&to-year=2026"))
    assert [r[0] for r in until] == ["30 June 2026, 23:30"]


def test_pages_go_beyond_200_events(client: FlaskClient) -> None:
    robin = make_user("referrer")
    _events(230, "view case", user_id=robin.id)
    first = client.get(f"/audit?user={robin.id}&action=view+case")
    assert _count(first) == "Showing 1 to 50 of 230 events."
    (next_link,) = page(first).xpath("//a[@rel='next']/@href")
    assert parse_qs(urlsplit(next_link).query) == {
        "user": [robin.id],
        "action": ["view case"],
        "page": ["2"],
    }
    last = client.get(f"/audit?user={robin.id}&action=view+case&page=5")
    assert _count(last) == "Showing 201 to 230 of 230 events."
    assert len(_rows(last)) == 30
    assert not page(last).xpath("//a[@rel='next']")
    assert page(last).xpath("//a[@rel='prev']/@href")[0].endswith("page=4#events")
    # Every event once, newest first, across the pages.
    ids = []
    for number in range(1, 6):
        shown = client.get(f"/audit?user={robin.id}&action=view+case&page={number}")
        ids += [r[0] for r in _rows(shown)]
    assert len(ids) == 230
    # Beyond the last page: the last page.
    assert _count(client.get(f"/audit?user={robin.id}&action=view+case&page=99")).startswith(
        "Showing 201 to 230"
    )


@pytest.mark.parametrize(
    ("query", "message", "href"),
    [
        ("from-day=31&from-month=2&from-year=2026", "From date must be a real date", "#from-day"),
        ("to-day=1&to-year=2026", "To date must include a month", "#to-month"),
        ("from-day=a&from-month=b&from-year=c", "From date must be a real date", "#from-day"),
        ("to-day=1&to-month=1&to-year=99999999", "To date must be a real date", "#to-day"),
        ("from-day=²&from-month=1&from-year=2026", "From date must be a real date", "#from-day"),
        (
            "from-day=2&from-month=1&from-year=2026&to-day=1&to-month=1&to-year=2026",
            "To date must be the same as or after the From date",
            "#to-day",
        ),
        ("user=someone@example.org", "Choose a person from the list", "#user"),
        ("action=drop+table", "Choose an action from the list", "#action"),
    ],
)
def test_filters_that_cannot_be_read_are_errors_not_500s(
    client: FlaskClient, query: str, message: str, href: str
) -> None:
    response = client.get(f"/audit?{query}")
    assert response.status_code == 400
    assert error_messages(response) == [message]
    summary = page(response).xpath("//div[contains(@class,'govuk-error-summary')]//a/@href")
    assert summary == [href]
    beside = page(response).xpath("//p[contains(@class,'govuk-error-message')]")
    assert [squash(p.text_content()) for p in beside] == [f"Error: {message}"]
    assert "Correct the filters above" in squash(page(response).text_content())


def test_odd_page_numbers_show_the_first_page(client: FlaskClient) -> None:
    for number in ("0", "-1", "abc", "²", "9" * 5000):
        assert client.get(f"/audit?page={number}").status_code == 200


def test_downloads_record_their_format(client: FlaskClient) -> None:
    version_url = submit(client, REFERRAL, sample_json("cse_referral"))
    version_id = version_url.rsplit("/", 1)[1]
    for kind in ("pdf", "docx"):
        assert client.get(f"{version_url}/document.{kind}").status_code == 200
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action.like("download%")).order_by(AuditEvent.id)
    ).all()
    assert [e.action for e in events] == ["download PDF", "download Word"]
    assert {e.version_id for e in events} == {version_id}
    rows = _rows(client.get("/audit?action=any+download"))
    assert [r[4] for r in rows] == [f"{REFERRAL.title}, version 1"] * 2


def test_every_format_has_its_action_and_downloads_only_look() -> None:
    assert set(DOWNLOAD_OF_FORMAT) == set(FORMATS)
    # Events that only record a look need not wait for the disk (web.access.LOOKING).
    assert {"download", "download PDF", "download Word", "download pack", "view audit"} <= LOOKING


def test_a_pack_download_records_each_part(client: FlaskClient) -> None:
    referral_url = submit(client, REFERRAL, sample_json("cse_referral"))
    referral_id = referral_url.rsplit("/", 1)[1]
    case_url = page(client.get(referral_url)).xpath("//a[contains(@class,'govuk-back-link')]/@href")
    mase_form = start(client, MASE, case_url[0], continues=referral_id)
    mase_url = post_answers(client, MASE, sample_json("mase_referral"), url=mase_form).headers[
        "Location"
    ]
    assert client.get(f"{mase_url}/pack.pdf").status_code == 200
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "download pack").order_by(AuditEvent.id)
    ).all()
    parts = {(s.document_id, s.id) for s in db.session.scalars(select(Submission))}
    assert {(e.document_id, e.version_id) for e in events} == parts
    assert len(events) == 2
    rows = _rows(client.get("/audit?action=download+pack"))
    assert sorted(r[4] for r in rows) == [
        f"{REFERRAL.title}, version 1",
        f"{MASE.title}, version 1",
    ]


def _sign_in(app: Flask, email: str, password: str) -> int:
    client = app.test_client()
    token = token_on(client, "/sign-in")
    data = {"csrf_token": token, "email": email, "password": password}
    return client.post("/sign-in", data=data).status_code


def test_failed_and_throttled_sign_ins_are_shown_without_the_address_typed(
    app: Flask, client: FlaskClient
) -> None:
    robin = make_user("referrer", email="robin.signin@example.org", name="Robin Signin")
    assert _sign_in(app, "typed.nobody@example.org", "not the password at all") == 200
    assert _sign_in(app, robin.email, "not the password at all") == 200
    app.config["SIGN_IN_ATTEMPTS"] = 1
    assert _sign_in(app, robin.email, PASSWORD) == 429
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action.like("sign in %")).order_by(AuditEvent.id)
    ).all()
    assert [(e.action, e.user_id) for e in events] == [
        ("sign in failed", None),
        ("sign in failed", robin.id),
        ("sign in throttled", None),
    ]
    for event in events:
        columns = [getattr(event, c.key) for c in AuditEvent.__table__.columns]
        assert not any("@" in str(value) or "typed" in str(value) for value in columns)
    rows = _rows(client.get("/audit"))
    assert [r[1:4] for r in rows[1:4]] == [
        ["Not signed in", "sign in throttled", ""],
        ["Robin Signin (robin.signin@example.org)", "sign in failed", ""],
        ["Not signed in", "sign in failed", ""],
    ]
    assert "typed.nobody" not in client.get("/audit").get_data(as_text=True)


def test_looking_at_the_audit_page_is_audited(client: FlaskClient, manager: User) -> None:
    case_id = make_case(client).rsplit("/", 1)[1]
    client.get(f"/audit?case={case_id}")
    event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event is not None
    assert (event.action, event.user_id, event.case_id) == ("view audit", manager.id, case_id)


def test_the_case_page_lists_its_last_events_and_links_to_the_rest(client: FlaskClient) -> None:
    case_url = make_case(client)
    case_id = case_url.rsplit("/", 1)[1]
    _events(15, "view", case_id=case_id)
    shown = page(client.get(case_url))
    assert len(shown.xpath("//table[contains(@class,'app-audit')]//tbody/tr")) == 10
    (link,) = shown.xpath("//a[@id='full-trail']/@href")
    assert link == f"/audit?case={case_id}"
    assert _count(client.get(link)) == "Showing 1 to 18 of 18 events."


def test_my_work_warns_of_bulk_downloads_above_the_threshold(
    app: Flask, client: FlaskClient
) -> None:
    at_it = make_user("referrer", name="Ada Atlimit")
    above = make_user("referrer", email="bo.bulk@example.org", name="Bo Bulk")
    _events(30, "download PDF", user_id=at_it.id)
    _events(20, "download Word", user_id=above.id)
    _events(11, "download pack", user_id=above.id)
    _events(40, "download PDF", user_id=at_it.id, at=now() - dt.timedelta(minutes=61))
    _events(40, "view", user_id=at_it.id)  # not downloads
    banner = page(client.get("/my-work")).xpath("//div[@id='bulk-downloads']")
    assert len(banner) == 1
    text = squash(banner[0].text_content())
    assert "Bo Bulk (bo.bulk@example.org) downloaded 31 documents." in text
    assert "Atlimit" not in text
    (link,) = banner[0].xpath(".//a/@href")
    assert parse_qs(urlsplit(link).query) == {"user": [above.id], "action": ["any download"]}
    assert _count(client.get(link)) == "Showing 1 to 31 of 31 events."
    # Nothing above it: no warning; and none for anyone but a manager.
    app.config["BULK_DOWNLOAD_ALERT"] = 31
    assert not page(client.get("/my-work")).xpath("//div[@id='bulk-downloads']")
    app.config["BULK_DOWNLOAD_ALERT"] = 1
    referrer = sign_in_as(app.test_client(), make_user("referrer"))
    assert not page(referrer.get("/my-work")).xpath("//div[@id='bulk-downloads']")


def test_each_part_of_a_pack_counts_as_a_download(app: Flask, client: FlaskClient) -> None:
    app.config["BULK_DOWNLOAD_ALERT"] = 1
    referral_url = submit(client, REFERRAL, sample_json("cse_referral"))
    case_url = page(client.get(referral_url)).xpath("//a[contains(@class,'govuk-back-link')]/@href")
    mase_form = start(client, MASE, case_url[0], continues=referral_url.rsplit("/", 1)[1])
    mase_url = post_answers(client, MASE, sample_json("mase_referral"), url=mase_form).headers[
        "Location"
    ]
    client.get(f"{mase_url}/pack.pdf")
    text = squash(
        page(client.get("/my-work")).xpath("//div[@id='bulk-downloads']")[0].text_content()
    )
    assert "downloaded 2 documents." in text


def test_every_audited_action_is_offered_by_the_filter() -> None:
    root = Path(__file__).resolve().parents[2]
    audited = set()
    for path in root.glob("**/*.py"):
        if any(part in (".venv", "node_modules", "tests") for part in path.parts):
            continue
        audited |= set(re.findall(r'audit\(\s*"([^"]+)"', path.read_text()))
    assert audited, "no audit call found"
    assert audited | set(CHANGES) <= set(ACTIONS) | {"download"}
