"""A case offers the artefacts its user may start; the referral pack joins the two parts."""

from __future__ import annotations

import io
import re

from flask.testing import FlaskClient
from pypdf import PdfReader

from forms import ARTEFACTS
from tests.conftest import sample_json
from tests.helpers import make_case, page, pdf_pages, post_answers, squash, start, submit


def test_a_case_offers_every_artefact_its_user_may_start(client: FlaskClient) -> None:
    html = page(client.get(make_case(client)))
    buttons = [squash(b.text_content()) for b in html.xpath("//main//form//button")]
    per_case = [a for a in ARTEFACTS.values() if a.per_case]
    assert [b for b in buttons if b.startswith("Start the ")] == [
        f"Start the {a.title}" for a in per_case
    ]
    for artefact in per_case:
        (form,) = html.xpath(f"//main//form[contains(@action, '/start/{artefact.slug}')]")
        assert artefact.summary in squash(form.xpath("ancestor::li[1]")[0].text_content())
    reports = page(client.get("/reports"))
    buttons = [squash(b.text_content()) for b in reports.xpath("//main//form//button")]
    # A case study is started from its report ("Add a case study"), never alone.
    reports_only = [a for a in ARTEFACTS.values() if not a.per_case and not a.attached_to]
    assert buttons == [f"Start the {a.title}" for a in reports_only]


def _referral_then_mase(client: FlaskClient) -> tuple[str, str]:
    referral_url = submit(client, ARTEFACTS["cse_referral"], sample_json("cse_referral"))
    answers = page(client.get(referral_url))
    (form,) = answers.xpath("//form[.//button[contains(., 'Start the MASE Referral')]]")
    referral_id = referral_url.rsplit("/", 1)[1]
    assert form.xpath(".//input[@name='continues']/@value") == [referral_id]
    posted = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
    started = client.post(form.get("action"), data=posted)
    assert started.status_code == 302
    mase_form = started.headers["Location"]
    inset = squash(
        page(client.get(mase_form)).xpath("//div[@class='govuk-inset-text']")[0].text_content()
    )
    assert inset.startswith("This continues the CSE Referral Form submitted on")
    assert "(version 1)" in inset
    response = post_answers(
        client, ARTEFACTS["mase_referral"], sample_json("mase_referral"), url=mase_form
    )
    assert response.status_code == 302
    return referral_url, response.headers["Location"]


def test_referral_pack_has_both_parts_in_order_with_their_bookmarks(client: FlaskClient) -> None:
    referral_url, mase_url = _referral_then_mase(client)
    for url in (referral_url, mase_url):
        links = page(client.get(url)).xpath("//a[contains(., 'Download referral pack')]/@href")
        assert len(links) == 1
    response = client.get(f"{mase_url}/pack.pdf")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]  # named as the MASE part, version 1
    assert re.fullmatch(
        r"attachment; filename=referral-pack-CSE-[A-Za-z0-9-]+-v1-[\d-]{10}\.pdf", disposition
    )
    referral = client.get(f"{referral_url}/document.pdf").data
    mase = client.get(f"{mase_url}/document.pdf").data
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == len(PdfReader(io.BytesIO(referral)).pages) + len(
        PdfReader(io.BytesIO(mase)).pages
    )
    pages = pdf_pages(response.data)
    assert "CSE Referral Form" in pages[0]
    first_mase = len(PdfReader(io.BytesIO(referral)).pages)
    assert "MASE Referral Information" in pages[first_mase]
    assert "Jasmine" in " ".join(pages[:first_mase])
    outline = reader.outline
    assert [e.title for e in outline if not isinstance(e, list)] == [
        "CSE Referral Form",
        "MASE Referral Information",
    ]
    # Each part keeps its own bookmarks, nested under its title.
    referral_sections = [e.title for e in outline[1] if not isinstance(e, list)]
    mase_sections = [e.title for e in outline[3] if not isinstance(e, list)]
    assert referral_sections == [s.title for s in ARTEFACTS["cse_referral"].sections]
    assert mase_sections == [s.title for s in ARTEFACTS["mase_referral"].sections]
    assert reader.metadata.title == "Referral pack"


def test_no_pack_without_a_continuation(client: FlaskClient) -> None:
    referral_url = submit(client, ARTEFACTS["cse_referral"], sample_json("cse_referral"))
    assert client.get(f"{referral_url}/pack.pdf").status_code == 404
    assert not page(client.get(referral_url)).xpath("//a[contains(., 'referral pack')]")


def test_a_mase_part_cannot_continue_a_referral_that_said_no(client: FlaskClient) -> None:
    data = sample_json("cse_referral")
    data["mase_referral"] = "no"
    referral_url = submit(client, ARTEFACTS["cse_referral"], data)
    html = page(client.get(referral_url))
    assert not html.xpath("//button[contains(., 'MASE Referral')]")
    referral_id = referral_url.rsplit("/", 1)[1]
    # A crafted post naming it is not believed: the new part continues nothing.
    (back,) = html.xpath("//a[contains(@class, 'govuk-back-link')]/@href")
    mase_form = start(client, ARTEFACTS["mase_referral"], back, continues=referral_id)
    assert not page(client.get(mase_form)).xpath("//div[@class='govuk-inset-text']")
    mase_url = post_answers(
        client, ARTEFACTS["mase_referral"], sample_json("mase_referral"), url=mase_form
    ).headers["Location"]
    assert client.get(f"{mase_url}/pack.pdf").status_code == 404
