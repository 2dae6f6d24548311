"""Sending a submitted version (issue 10): the confirmation page, the mail that reaches a real
SMTP server with nothing personal in clear, the encrypted PDF that opens with its password and
holds every answer, the exact bytes kept, and a second sending confirmed. Only fictional data."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PasswordType, PdfReader, PdfWriter
from sqlalchemy import select

from documents.pdf import render_pdf
from forms import ARTEFACTS
from mail.worker import deliver_due
from models import AuditEvent, PathwayEvent, Sending, Submission, db
from tests.conftest import sample, sample_json
from tests.helpers import (
    make_case,
    make_user,
    page,
    pdf_body,
    sign_in_as,
    squash,
    start,
    submit,
    token_on,
    visible_text,
)
from tests.smtp import SmtpServer, in_clear
from web.versions import stamp

REFERRAL = ARTEFACTS["cse_referral"]


@pytest.fixture
def smtp(app: Flask) -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port)
    yield server
    server.stop()


def _submitted(client: FlaskClient, slug: str = "cse_referral", **details: str) -> str:
    artefact = ARTEFACTS[slug]
    case = make_case(client, **details)
    return submit(client, artefact, sample_json(slug), start(client, artefact, case))


def _send(client: FlaskClient, version_url: str) -> str:
    """Open the send page, then send as it says."""
    form = page(client.get(f"{version_url}/send"))
    posted = {i.get("name"): i.get("value") for i in form.xpath("//main//form//input")}
    response = client.post(f"{version_url}/send", data=posted)
    assert response.status_code == 200, visible_text(response)
    return " ".join(visible_text(response).split())


def _opened(blob: bytes, password: str) -> bytes:
    reader = PdfReader(io.BytesIO(blob))
    assert reader.decrypt(password) != PasswordType.NOT_DECRYPTED
    out = io.BytesIO()
    PdfWriter(clone_from=reader).write(out)
    return out.getvalue()


def test_a_referral_is_sent_to_its_boroughs_spa_with_nothing_personal_in_clear(
    app: Flask, client: FlaskClient, smtp: SmtpServer
) -> None:
    version = _submitted(client, borough="Richmond", case_reference="RICH-0042")
    answers = page(client.get(version))
    link = answers.xpath("//a[normalize-space()='Send to SPA (Richmond)']/@href")
    assert link == [f"{version}/send"]
    confirm = " ".join(visible_text(client.get(f"{version}/send")).split())
    assert "To SPA (Richmond): SPA@richmond.gov.uk" in confirm
    assert "a new one will be shown to you once, after sending" in confirm

    sent = _send(client, version)
    password = re.search(r"The PDF's password .*? ([a-z0-9]{4}(?:-[a-z0-9]{4}){3})", sent)
    assert password, sent
    assert deliver_due().sent == 1
    [mail] = smtp.received
    assert mail.recipients == ["SPA@richmond.gov.uk"]
    message = mail.message
    assert message["Subject"] == "CSE Referral Form, case RICH-0042, version 1"
    [attachment] = list(message.iter_attachments())
    blob = attachment.get_content()
    # Nothing personal anywhere in the message, outside the encrypted attachment.
    clear = in_clear(message)
    data = sample(REFERRAL)
    for name in ("child_forename", "child_surname", "child_alias", "concerns_summary"):
        assert str(data[name]) not in clear, name
    for on_the_case in ("Testy", "Example"):  # the case's own name (make_case)
        assert on_the_case not in clear
    assert str(data["child_forename"]).encode() not in blob
    # The attachment opens with the password shown once, and holds every answer.
    opened = _opened(blob, password.group(1))
    submitted = db.session.scalars(select(Sending)).one()
    sent_version = db.session.get_one(Submission, submitted.version_id)
    made = render_pdf(REFERRAL, _answers_of(submitted), None, stamp(sent_version))
    assert pdf_body(opened) == pdf_body(made)
    # What was sent is kept, byte for byte, with its hash; never the password.
    assert submitted.attachment == blob
    assert submitted.sha256 == hashlib.sha256(blob).hexdigest() and submitted.sha256 in sent
    assert password.group(1).encode() not in repr(submitted.__dict__).encode()
    # The pathway shows the referral reaching SPA, and the send is audited without content.
    assert db.session.scalars(select(PathwayEvent.step)).all() == ["spa_referral"]
    assert "send" in db.session.scalars(select(AuditEvent.action)).all()
    # ... and the timeline links the version sent.
    case_url = answers.xpath("//a[@class='govuk-back-link']/@href")
    steps = page(client.get(case_url[0])).xpath("//table[@id='pathway-steps']//a")
    assert [(a.get("href"), squash(a.text_content())) for a in steps] == [
        (version, "CSE Referral Form, version 1")
    ]


def _answers_of(sending: Sending) -> dict:
    from schemas import stored_schema

    version = db.session.get_one(Submission, sending.version_id)
    return stored_schema(REFERRAL).load(version.answers)


def test_a_team_with_an_agreed_password_gets_it(
    app: Flask, client: FlaskClient, smtp: SmtpServer
) -> None:
    app.config["SENDING"] = {"SPA_KINGSTON_PDF_PASSWORD": "agreed-fictional-secret"}
    version = _submitted(client, borough="Kingston")
    sent = _send(client, version)
    assert "opens with the password SPA (Kingston) agreed" in sent
    assert "agreed-fictional-secret" not in sent
    deliver_due()
    [mail] = smtp.received
    blob = next(mail.message.iter_attachments()).get_content()
    assert pdf_body(_opened(blob, "agreed-fictional-secret"))
    assert b"agreed-fictional-secret" not in mail.message.as_bytes()


def test_sending_again_says_so_first(app: Flask, client: FlaskClient, smtp: SmtpServer) -> None:
    version = _submitted(client, borough="Kingston")
    _send(client, version)
    again = " ".join(visible_text(client.get(f"{version}/send")).split())
    assert "This version was sent once already" in again
    assert page(client.get(f"{version}/send")).xpath("//button[normalize-space()='Send it again']")
    _send(client, version)
    assert deliver_due().sent == 2
    # The same page posted again (a reload of the result, a second click): not sent again.
    stale = {"csrf_token": token_on(client, "/"), "sent_before": "1"}
    twice = client.post(f"{version}/send", data=stale)
    assert twice.status_code == 409
    assert "it was not sent again" in " ".join(visible_text(twice).split())
    assert len(db.session.scalars(select(Sending)).all()) == 2


def test_a_recipient_the_strategy_does_not_name_is_refused_until_set(
    app: Flask, client: FlaskClient, smtp: SmtpServer
) -> None:
    case = make_case(client, borough="Kingston")
    referral = submit(client, REFERRAL, sample_json("cse_referral"), start(client, REFERRAL, case))
    mase = ARTEFACTS["mase_referral"]
    form = start(client, mase, case, continues=referral.rsplit("/", 1)[1])
    version = submit(client, mase, sample_json("mase_referral"), form)
    refused = client.get(f"{version}/send")
    assert refused.status_code == 409
    assert "an administrator must set MASE_BUSINESS_SUPPORT_EMAIL" in visible_text(refused)
    posted = client.post(f"{version}/send", data={"csrf_token": token_on(client, "/")})
    assert posted.status_code == 409
    assert db.session.scalars(select(Sending)).all() == []
    app.config["SENDING"] = {"MASE_BUSINESS_SUPPORT_EMAIL": "mase.support@example.org"}
    assert "Send to MASE business support" in visible_text(client.get(version))
    _send(client, version)
    deliver_due()
    assert smtp.received[0].recipients == ["mase.support@example.org"]
    # L273-275: "sent to MASE business support" is the step itself.
    assert [e.step for e in db.session.scalars(select(PathwayEvent))] == ["mase_list"]


def test_forms_that_are_not_sent_have_no_send_page(client: FlaskClient) -> None:
    version = _submitted(client, "spotting_the_signs", borough="Kingston")
    assert not page(client.get(version)).xpath("//a[starts-with(normalize-space(), 'Send')]")
    assert client.get(f"{version}/send").status_code == 404


def test_mail_not_delivered_is_shown_to_its_sender_and_admins_until_it_goes(
    app: Flask, client: FlaskClient, smtp: SmtpServer
) -> None:
    version = _submitted(client, borough="Kingston", case_reference="KING-0007")
    _send(client, version)
    smtp.stop()  # the relay is away
    assert deliver_due().retried == 1
    subject = "CSE Referral Form, case KING-0007, version 1"
    home = " ".join(visible_text(client.get("/")).split())
    assert "1 email has not been delivered yet." in home
    assert subject in home and "Trying again Tried 1 time" in home
    admin = sign_in_as(app.test_client(), make_user("admin"))
    accounts = " ".join(visible_text(admin.get("/accounts")).split())
    assert subject in accounts and "Last error:" in accounts
    other = sign_in_as(app.test_client(), make_user("referrer"))
    assert "not been delivered" not in visible_text(other.get("/"))
    # Back, and due again: delivered, and no longer shown.
    smtp.start()
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    assert deliver_due(now=later).sent == 1
    assert "not been delivered" not in visible_text(client.get("/"))
