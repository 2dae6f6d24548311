"""Helpers to post answers through the web form and to read what documents contain."""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import subprocess
import zipfile
from collections.abc import Mapping
from functools import cache
from typing import Any

import docx
import lxml.html
import pyotp
from flask.testing import FlaskClient
from sqlalchemy import update
from werkzeug.datastructures import MultiDict
from werkzeug.test import TestResponse

from accounts.passwords import hash_password
from forms.model import Artefact
from forms.tasks import names_in, number_of, top_name
from forms.web import as_formdata
from models import StaffSession, User, db

PASSWORD = "fictional test password 42"  # every test account's; never a real one
# Every test account's authenticator app (accounts/two_factor.py): a fictional secret.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def fresh_code(email: str) -> str:
    """A code the service accepts now for the test account `email`. The last step a code was
    accepted for is forgotten first: tests that sign in often would otherwise be refused a code
    already used (that refusal is tested in tests/accounts/test_two_factor.py)."""
    db.session.execute(update(User).where(User.email == email).values(totp_last_step=None))
    db.session.commit()
    return pyotp.TOTP(TOTP_SECRET).now()


@cache
def _password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 is slow on purpose: hash once per run


def make_user(
    role: str, email: str | None = None, name: str | None = None, borough: str | None = None
) -> User:
    """A fictional member of staff with the test password; an spa account works in Kingston
    unless told another borough."""
    user = User(
        borough=borough or ("Kingston" if role == "spa" else None),
        email=email or f"{role}-{secrets.token_hex(4)}@example.org",
        password_hash=_password_hash(),
        role=role,
        totp_secret=TOTP_SECRET,
        name=name if name is not None else f"Test {role.replace('_', ' ').title()}",
        job_title="Test job title",
        organisation="Test Agency",
        phone="020 8547 5000",
    )
    db.session.add(user)
    db.session.commit()
    return user


def with_code(client: FlaskClient, answer: TestResponse, email: str) -> TestResponse:
    """After the sign-in page's `answer`: if the password was right, the code page answered
    with a fresh code of the account's app (as a person types it); else `answer`."""
    if answer.status_code != 302 or answer.headers["Location"] != "/sign-in/code":
        return answer
    token = token_on(client, "/sign-in/code")
    return client.post("/sign-in/code", data={"csrf_token": token, "code": fresh_code(email)})


def sign_in_as(client: FlaskClient, user: User) -> FlaskClient:
    """Sign `client` in as `user` without the sign-in page (tests of that page use it)."""
    row = StaffSession(user_id=user.id)
    db.session.add(row)
    db.session.commit()
    with client.session_transaction() as session:
        session.clear()
        session["_user_id"] = row.id
        session["_fresh"] = True
    return client


def make_case(client: FlaskClient, **details: str) -> str:
    """Create a case through the web form, as the client's user; return its URL."""
    data = {"forename": "Testy", "surname": "Example", "borough": "Kingston", **details}
    posted = MultiDict(data)
    posted["csrf_token"] = token_on(client, "/cases/new")
    response = client.post("/cases/new", data=posted)
    assert response.status_code == 302, error_messages(response)
    return response.headers["Location"]


def add_member(client: FlaskClient, case_url: str, email: str) -> None:
    """Add a colleague to a case through its page."""
    token = token_on(client, case_url)
    response = client.post(f"{case_url}/members", data={"csrf_token": token, "email": email})
    assert response.status_code == 302


def token_on(client: FlaskClient, url: str) -> str:
    """The CSRF token of the page at `url`."""
    return page(client.get(url)).xpath("//input[@name='csrf_token']/@value")[0]


def start(client: FlaskClient, artefact: Artefact, case_url: str | None = None, **form: str) -> str:
    """Start a new document of `artefact` (in a new case, unless given one, for artefacts that
    belong to a case; attached to a new report, unless given one as `report`, for artefacts
    attached to a report); return the URL of its form page."""
    if artefact.per_case:
        case_url = case_url or make_case(client)
        url = f"{case_url}/start/{artefact.slug}"
        token = token_on(client, case_url)
    else:
        url = f"/reports/start/{artefact.slug}"
        token = token_on(client, "/reports")
        if artefact.attached_to and "report" not in form:  # a case study: from a new report
            from forms import ARTEFACTS

            form = {
                **form,
                "report": document_id(start(client, ARTEFACTS[artefact.attached_to], new="yes")),
            }
    response = client.post(url, data={"csrf_token": token, **form})
    assert response.status_code == 302, response.status_code
    return response.headers["Location"]


def document_id(url: str) -> str:
    """The id of the document a URL is about (its form page, as `start` gives it)."""
    found = re.search(r"/documents/([\w-]{24})", url)
    assert found, url
    return found.group(1)


def draft_of(url: str) -> MultiDict:
    """What the draft of the document at `url` holds, as typed: name -> value(s)."""
    from models import Document

    doc = db.session.get(Document, document_id(url))
    assert doc is not None and doc.draft is not None, url
    return MultiDict([(name, value) for name, value in doc.draft])


def form_data(artefact: Artefact, data: Mapping[str, Any]) -> MultiDict:
    """Answers (as stored, or clean) as the browser would post them: dates as day, month, year."""
    return as_formdata(artefact, data)


def hidden(client: FlaskClient, url: str) -> dict[str, str]:
    """The CSRF token and lock version of the form page at `url`, as the page gives them."""
    html = page(client.get(url))
    return {
        name: html.xpath(f"//input[@name='{name}']/@value")[0]
        for name in ("csrf_token", "lock_version")
    }


def post_answers(
    client: FlaskClient,
    artefact: Artefact,
    data: Mapping[str, Any],
    url: str | None = None,
    **extra: str,
) -> TestResponse:
    """Answer a new document (or the one at `url`) as a browser would, with valid CSRF
    tokens: each section's page with "Save and continue", then submit from "Check your
    answers". The response of the first page that does not go on (errors), or the submit's."""
    url = url or start(client, artefact, new="yes")
    posted = form_data(artefact, data)
    for number in range(1, len(artefact.sections) + 1):
        response = post_section(client, url, artefact, number, posted, **extra)
        if response.status_code != 302:
            return response
    check = client.get(f"{url}/check")
    if not page(check).xpath("//input[@name='lock_version']"):  # problems: nothing to submit
        return check
    return client.post(f"{url}/check", data={**hidden(client, f"{url}/check"), **extra})


def every_page(
    client: FlaskClient, artefact: Artefact, data: Mapping[str, Any]
) -> tuple[list[TestResponse], TestResponse]:
    """Post every section's page of a new document with "Save and continue", whatever each
    one says; then open "Check your answers". The pages' responses, and the check page."""
    url = start(client, artefact)
    posted = form_data(artefact, data)
    pages = [
        post_section(client, url, artefact, number, posted)
        for number in range(1, len(artefact.sections) + 1)
    ]
    return pages, client.get(f"{url}/check")


def problems_shown(
    client: FlaskClient, artefact: Artefact, data: Mapping[str, Any]
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """What every page says of `data`: each input's message next to it on its section's page,
    and the check page's error summary as (message, the input it links to), in order."""
    pages, check = every_page(client, artefact, data)
    inline = {}
    for response in pages:
        for group in page(response).xpath("//div[contains(@class,'govuk-form-group--error')]"):
            ids = group.xpath(".//input/@id | .//textarea/@id")
            message = group.xpath(".//p[contains(@class,'govuk-error-message')]")[0]
            inline[ids[0]] = " ".join(message.text_content().replace("Error:", "", 1).split())
    links = page(check).xpath("//ul[contains(@class,'govuk-error-summary__list')]//a")
    summary = [(" ".join(a.text_content().split()), a.get("href").split("#")[1]) for a in links]
    return inline, summary


def section_of(url: str, artefact: Artefact, name: str) -> str:
    """The URL of the section's page of the document at `url` that asks the field `name`."""
    return f"{url}/sections/{number_of(artefact, name)}"


def save_answers(
    client: FlaskClient,
    url: str,
    artefact: Artefact,
    fields: Mapping[str, str] | None = None,
    action: str = "later",
    **answers: Any,
) -> TestResponse:
    """Post `answers`, all asked by one section's page, on that page of the document at `url`
    ("Save and come back later" unless another `action`), with the page's CSRF token and lock
    version (or the `fields` given: a page read earlier)."""
    page_url = section_of(url, artefact, next(iter(answers)))
    posted = {**(fields or hidden(client, page_url)), "action": action, **answers}
    return client.post(page_url, data=posted)


def save_draft(client: FlaskClient, url: str, **answers: Any) -> None:
    """Save `answers` (one section's) on the document at `url`, whatever its artefact."""
    from forms import ARTEFACTS
    from models import Document

    saved = db.session.get(Document, document_id(url))
    assert saved is not None
    response = save_answers(client, url, ARTEFACTS[saved.artefact], **answers)
    assert response.status_code == 302, error_messages(response)


def value_on(client: FlaskClient, url: str, artefact: Artefact, name: str) -> list[str]:
    """What the box `name` shows, on its section's page of the document at `url`."""
    html = page(client.get(section_of(url, artefact, name)))
    return html.xpath(f"//input[@name='{name}']/@value") or [
        t.text or "" for t in html.xpath(f"//textarea[@name='{name}']")
    ]


def every_section(client: FlaskClient, url: str, artefact: Artefact) -> lxml.html.HtmlElement:
    """The forms of every section's page of the document at `url`, as one element."""
    whole = lxml.html.fromstring("<div></div>")
    for number in range(1, len(artefact.sections) + 1):
        whole.append(page(client.get(f"{url}/sections/{number}")).xpath("//main//form")[0])
    return whole


def post_section(
    client: FlaskClient,
    url: str,
    artefact: Artefact,
    number: int,
    posted: MultiDict,
    action: str = "continue",
    **extra: str,
) -> TestResponse:
    """Post one section's page of the document at `url`: the answers in `posted` that belong
    to it, with the page's CSRF token and lock version."""
    page_url = f"{url}/sections/{number}"
    names = names_in(artefact.sections[number - 1])
    form = MultiDict([(k, v) for k, v in posted.items(multi=True) if top_name(k) in names])
    form.update(hidden(client, page_url))
    form["action"] = action
    for key, value in extra.items():
        form[key] = value
    return client.post(page_url, data=form)


def submit(
    client: FlaskClient, artefact: Artefact, data: Mapping[str, Any], url: str | None = None
) -> str:
    """Submit valid answers (in a new document, or the one at `url`); return the URL of the
    submitted version's page."""
    response = post_answers(client, artefact, data, url)
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
            # A cell spanning columns is listed once per column: read it once.
            cells = list({id(cell._tc): cell for cell in row.cells}.values())
            lines.extend(cell.text for cell in cells)
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
    """The text of a PDF without each page's marking, footer and number, and without the
    labels "(continued)" that head the rest of a split answer: pages joined."""
    furniture = re.compile(
        r"OFFICIAL-SENSITIVE|Page \d+ of \d+|.* – version \d+ – \d+ \w+ \d{4}( Page \d+ of \d+)?"
    )
    kept = []
    for text in pdf_pages(blob):
        lines = [line for line in text.splitlines() if not furniture.fullmatch(line.strip())]
        # A page carrying on a split answer starts with its label (maybe wrapped) "(continued)".
        head = next((n for n, line in enumerate(lines[:4]) if line.endswith("(continued)")), -1)
        kept += lines[head + 1 :]
    return "\n".join(kept)


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
        to it, the page title says so, and nothing is stored.

        A rule that reads a later section's answer is checked on "Check your answers": its
        summary links to the section's page, which shows the message next to the field."""
        response = post_answers(client, self.artefact, data)
        assert response.status_code == 200
        assert page(response).findtext(".//title").startswith("Error: ")
        links = page(response).xpath("//ul[contains(@class,'govuk-error-summary__list')]//a")
        hrefs = [a.get("href") for a in links if " ".join(a.text_content().split()) == message]
        assert len(hrefs) == 1, error_messages(response)
        at, _, target = hrefs[0].partition("#")
        assert target == field_id
        if at:
            response = client.get(at)
            assert page(response).findtext(".//title").startswith("Error: ")
        assert inline_error(response, field_id) == message
        assert stored() == 0

    def accepted(self, client: FlaskClient, data: Mapping[str, Any]) -> None:
        response = post_answers(client, self.artefact, data)
        assert response.status_code == 302, error_messages(response)
        assert stored() == 1


def record_step(
    client: FlaskClient, case_url: str, step: str, day: dt.date, **extra: str | list[str]
) -> None:
    """Record a step of the pathway on a case through its page's form."""
    data = {
        "csrf_token": token_on(client, case_url),
        "step": step,
        "happened_on": [str(day.day), str(day.month), str(day.year)],
        **extra,
    }
    response = client.post(f"{case_url}/pathway", data=data)
    assert response.status_code == 302, error_messages(response)
