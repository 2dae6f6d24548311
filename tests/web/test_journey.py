"""Fill, submit, check answers, download: the whole journey of every artefact through the web."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from lxml import etree
from sqlalchemy import select

from clocks import london_today
from forms.choices import Choice
from forms.kinds import LongText, Text
from forms.model import Artefact
from forms.tasks import number_of
from models import Submission, db
from tests.conftest import sample, sample_json
from tests.documents.test_documents import HOSTILE, text_values
from tests.helpers import (
    form_data,
    pdf_body,
    post_section,
    squash,
    start,
    submit,
    visible_text,
    word_parts,
    word_text,
)

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_every_field_is_on_the_web_form(client: FlaskClient, artefact: Artefact) -> None:
    url = start(client, artefact)
    for number, section in enumerate(artefact.sections, start=1):
        html = client.get(f"{url}/sections/{number}").get_data(as_text=True)
        for f in section.walk():
            names = (
                [f.name]
                if not hasattr(f, "fields")
                else [f"{f.name}-0-{i.name}" for s in f.fields for i in s.walk()]
            )
            for name in names:
                assert f'name="{name}"' in html, name


def test_sample_round_trips_through_the_web(client: FlaskClient, artefact: Artefact) -> None:
    answers_url = submit(client, artefact, sample_json(artefact.slug))
    assert re.fullmatch(r"/versions/[\w-]{24}", answers_url)
    stored = db.session.scalars(select(Submission)).one()
    assert stored.answers == sample_json(artefact.slug)

    summary = client.get(answers_url)
    assert summary.status_code == 200
    shown = squash(visible_text(summary))
    data = sample(artefact)
    values = list(text_values(artefact, data))
    for f, value in values:
        assert squash(value) in shown, f.name

    word = client.get(f"{answers_url}/document.docx")
    pdf = client.get(f"{answers_url}/document.pdf")
    assert word.mimetype == WORD and pdf.mimetype == "application/pdf"
    word_body, pdf_text = squash(word_text(word.data)), squash(pdf_body(pdf.data))
    for f, value in values:
        assert squash(value) in word_body, f.name
        assert squash(value) in pdf_text, f.name


def test_hostile_answers_round_trip_literally(client: FlaskClient, artefact: Artefact) -> None:
    data = sample_json(artefact.slug)
    revealed = {
        r.name
        for f in artefact.walk()
        if isinstance(f, Choice)
        for o in f.options
        for r in o.reveal
    }
    # Boxes that are always shown: a box revealed by an option needs that option chosen.
    texts = [f for f in artefact.walk() if type(f) in (Text, LongText) and f.name not in revealed]
    assert texts
    for f, value in zip(texts, HOSTILE, strict=False):
        data[f.name] = value
    answers_url = submit(client, artefact, data)
    word = client.get(f"{answers_url}/document.docx").data
    pdf = pdf_body(client.get(f"{answers_url}/document.pdf").data)
    etree.fromstring(word_parts(word)["word/document.xml"], etree.XMLParser(recover=False))
    for f, value in zip(texts, HOSTILE, strict=False):
        assert value in word_text(word), f.name
        assert value in pdf, f.name


def test_downloads_are_named_by_the_server(client: FlaskClient, artefact: Artefact) -> None:
    answers_url = submit(client, artefact, sample_json(artefact.slug))
    # The form, the case's reference (the service's, as the test case has none of its own),
    # the version and the day (documents.stamp): nothing typed.
    case = "-CSE-[A-Za-z0-9-]+" if artefact.per_case else ""  # its id's _ made -
    for kind in ("docx", "pdf"):
        response = client.get(f"{answers_url}/document.{kind}")
        disposition = response.headers["Content-Disposition"]
        name = rf"{artefact.stem}{case}-v1-{london_today().isoformat()}\.{kind}"
        assert re.fullmatch(f"attachment; filename={name}", disposition)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_add_and_remove_a_repeating_block_keeps_what_was_typed(client: FlaskClient) -> None:
    """ "Add another" and "Remove" save what was typed on the page, then land on the new block
    or the block after the removed one: leaving the page after either loses nothing."""
    from forms import ARTEFACTS

    referral = ARTEFACTS["cse_referral"]
    data = sample_json("cse_referral")
    data["persons"] = data["persons"][:1]
    url = start(client, referral)
    number = number_of(referral, "persons")
    page_url = f"{url}/sections/{number}"
    typed = form_data(referral, data)
    added = post_section(client, url, referral, number, typed, add_persons="1")
    assert added.status_code == 302
    assert added.headers["Location"] == f"{page_url}#persons-entry-2"
    html = client.get(page_url).get_data(as_text=True)  # as if the user came back later
    assert (
        'id="persons-entry-2"' in html and 'name="persons-1-forename" type="text" value=""' in html
    )
    assert 'value="Madeup"' in html
    data["persons"].append({"forename": "Second", "surname": "Block"})
    removed = post_section(
        client, url, referral, number, form_data(referral, data), remove_persons="0"
    )
    assert removed.headers["Location"] == f"{page_url}#persons-entry-1"
    html = client.get(page_url).get_data(as_text=True)
    assert 'value="Madeup"' not in html and 'value="Block"' in html
    assert 'id="persons-entry-2"' not in html


def test_unknown_pages_are_404(client: FlaskClient) -> None:
    assert client.get("/forms/no-such-form").status_code == 404
    assert client.get("/versions/not-a-real-id").status_code == 404
    assert client.get("/versions/not-a-real-id/document.pdf").status_code == 404
    assert client.get("/documents/not-a-real-id").status_code == 404
