"""Helpers to post answers through the web form and to read what documents contain."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from collections.abc import Iterator, Mapping
from typing import Any

import docx
import lxml.html
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from forms.kinds import Date, Field
from forms.model import Artefact
from forms.repeat import Repeat


def _pairs(fields: Iterator[Field], data: Mapping[str, Any], prefix: str) -> Iterator[tuple]:
    for f in fields:
        value = data.get(f.name)
        name = f"{prefix}{f.name}"
        if isinstance(f, Repeat):
            for index, item in enumerate(value or []):
                yield from _pairs(iter(f.inner), item, f"{name}-{index}-")
        elif isinstance(f, Date):
            when = dt.date.fromisoformat(value) if isinstance(value, str) else value
            parts = (
                ("", "", "") if when is None else (str(when.day), str(when.month), str(when.year))
            )
            for part in parts:
                yield name, part
        elif isinstance(value, list):  # ticked boxes: one value each
            for ticked in value:
                yield name, ticked
        elif value is not None:
            yield name, str(value)


def form_data(artefact: Artefact, data: Mapping[str, Any]) -> MultiDict:
    """Answers (as stored, or clean) as the browser would post them: dates as day, month, year."""
    return MultiDict(list(_pairs(artefact.walk(), data, "")))


def csrf_token(client: FlaskClient, slug: str) -> str:
    page = lxml.html.fromstring(client.get(f"/forms/{slug}").get_data(as_text=True))
    return page.xpath("//input[@name='csrf_token']/@value")[0]


def post_answers(
    client: FlaskClient, artefact: Artefact, data: Mapping[str, Any], **extra: str
) -> TestResponse:
    """Post answers through the web form, with a valid CSRF token, as a browser would."""
    posted = form_data(artefact, data)
    posted["csrf_token"] = csrf_token(client, artefact.slug)
    for key, value in extra.items():
        posted[key] = value
    return client.post(f"/forms/{artefact.slug}", data=posted)


def submit(client: FlaskClient, artefact: Artefact, data: Mapping[str, Any]) -> str:
    """Submit valid answers; return the URL of the answers page."""
    response = post_answers(client, artefact, data)
    assert response.status_code == 302, error_messages(response)
    return response.headers["Location"]


def page(response: TestResponse) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.get_data(as_text=True))


def visible_text(response: TestResponse) -> str:
    """The text of the page's main content as a person reads it (a <br> is a line break)."""
    main = page(response).xpath("//main")[0]
    for br in main.xpath(".//br"):
        br.tail = "\n" + (br.tail or "")
    return main.text_content()


def error_messages(response: TestResponse) -> list[str]:
    links = page(response).xpath("//ul[contains(@class,'govuk-error-summary__list')]//a")
    return [" ".join(a.text_content().split()) for a in links]


def inline_error(response: TestResponse, field_id: str) -> str | None:
    """The error message shown in the form group that holds the input `field_id`."""
    html = page(response)
    groups = html.xpath(
        f"//*[@id='{field_id}']/ancestor::div[contains(@class,'govuk-form-group--error')][1]"
    )
    if not groups:
        return None
    message = groups[0].xpath(".//p[contains(@class,'govuk-error-message')]")[0].text_content()
    return " ".join(message.replace("Error:", "", 1).split())


def word_text(blob: bytes) -> str:
    """All the text of a Word document, tables and headers included, one line per paragraph."""
    document = docx.Document(io.BytesIO(blob))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    for section in document.sections:
        lines.extend(p.text for p in section.header.paragraphs)
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)


def word_parts(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pdf_pages(blob: bytes, *, raw: bool = True) -> list[str]:
    """The text of each PDF page, as poppler's pdftotext reads it.

    `raw` keeps the order the page was drawn in and never joins a line ending in "-" to the
    next (reading order does, which would change "--" typed at a line end). Reading order
    (`raw=False`) gives right-to-left text back in logical order and the page top first.
    """
    mode = ["-raw"] if raw else []
    text = subprocess.run(
        ["pdftotext", *mode, "-enc", "UTF-8", "-", "-"],
        input=blob,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def pdf_body(blob: bytes) -> str:
    """The text of a PDF without each page's marking, footer and number, pages joined."""
    furniture = re.compile(
        r"OFFICIAL-SENSITIVE|Page \d+ of \d+|.* – generated \d+ \w+ \d{4}( Page \d+ of \d+)?"
    )
    return "\n".join(
        line
        for text in pdf_pages(blob)
        for line in text.splitlines()
        if not furniture.fullmatch(line.strip())
    )


def squash(text: str) -> str:
    """Text with all runs of white space made one space: documents wrap lines where they like."""
    return " ".join(text.split())


def stored() -> int:
    """How many submissions the database holds."""
    from sqlalchemy import func, select

    from models import Submission, db

    return db.session.scalar(select(func.count()).select_from(Submission))


class FormCheck:
    """One artefact's form, posted as a person would, with what they must then see."""

    def __init__(self, artefact: Artefact) -> None:
        self.artefact = artefact

    def answers(self, **changes: Any) -> dict[str, Any]:
        """The artefact's complete sample answers, with some answers changed."""
        import json
        from pathlib import Path

        sample = Path(__file__).parent / "samples" / f"{self.artefact.slug}.json"
        data: dict[str, Any] = json.loads(sample.read_text(encoding="utf-8"))
        data.update(changes)
        return data

    def refused(
        self, client: FlaskClient, data: Mapping[str, Any], field_id: str, message: str
    ) -> None:
        """The post is refused: the message sits next to the field, the error summary links
        to it, the page title says so, and nothing is stored."""
        response = post_answers(client, self.artefact, data)
        assert response.status_code == 200
        assert page(response).findtext(".//title").startswith("Error: ")
        assert inline_error(response, field_id) == message
        links = page(response).xpath("//ul[contains(@class,'govuk-error-summary__list')]//a")
        hrefs = [a.get("href") for a in links if " ".join(a.text_content().split()) == message]
        assert hrefs == [f"#{field_id}"]
        assert stored() == 0

    def accepted(self, client: FlaskClient, data: Mapping[str, Any]) -> None:
        response = post_answers(client, self.artefact, data)
        assert response.status_code == 302, error_messages(response)
        assert stored() == 1
