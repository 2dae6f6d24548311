"""The home page lists every artefact by who uses it; the referral pack joins the two parts."""

from __future__ import annotations

import io

from flask.testing import FlaskClient
from pypdf import PdfReader

from forms import ARTEFACTS, AUDIENCES
from tests.conftest import sample_json
from tests.helpers import csrf_token, form_data, page, pdf_pages, squash, submit


def test_home_lists_every_artefact_under_who_uses_it(client: FlaskClient) -> None:
    html = page(client.get("/"))
    headings = [squash(h.text_content()) for h in html.xpath("//main//h2")]
    assert headings == [
        who for who in AUDIENCES if any(a.audience == who for a in ARTEFACTS.values())
    ]
    for artefact in ARTEFACTS.values():
        (link,) = html.xpath(f"//main//a[@href='/forms/{artefact.slug}']")
        group = link.xpath("preceding::h2[1]")[0].text_content().strip()
        assert group == artefact.audience
        assert artefact.summary in squash(link.xpath("ancestor::li[1]")[0].text_content())


def _referral_then_mase(client: FlaskClient) -> tuple[str, str]:
    referral_url = submit(client, ARTEFACTS["cse_referral"], sample_json("cse_referral"))
    answers = page(client.get(referral_url))
    (start,) = answers.xpath("//a[contains(., 'complete the MASE Referral Information')]/@href")
    referral_id = referral_url.rsplit("/", 1)[1]
    assert start == f"/forms/mase_referral?continues={referral_id}"
    inset = squash(
        page(client.get(start)).xpath("//div[@class='govuk-inset-text']")[0].text_content()
    )
    assert inset.startswith("This continues the CSE Referral Form submitted on")
    assert f"(reference {referral_id[:8]})" in inset
    posted = form_data(ARTEFACTS["mase_referral"], sample_json("mase_referral"))
    posted["csrf_token"] = csrf_token(client, "mase_referral")
    response = client.post(start, data=posted)
    assert response.status_code == 302
    return referral_url, response.headers["Location"]


def test_referral_pack_has_both_parts_in_order_with_their_bookmarks(client: FlaskClient) -> None:
    referral_url, mase_url = _referral_then_mase(client)
    for url in (referral_url, mase_url):
        links = page(client.get(url)).xpath("//a[contains(., 'Download referral pack')]/@href")
        assert len(links) == 1
    response = client.get(f"{mase_url}/pack.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment; filename=referral-pack-")
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
    assert not page(client.get(referral_url)).xpath("//a[contains(., 'MASE Referral')]")
    referral_id = referral_url.rsplit("/", 1)[1]
    posted = form_data(ARTEFACTS["mase_referral"], sample_json("mase_referral"))
    posted["csrf_token"] = csrf_token(client, "mase_referral")
    mase_url = client.post(f"/forms/mase_referral?continues={referral_id}", data=posted).headers[
        "Location"
    ]
    assert client.get(f"{mase_url}/pack.pdf").status_code == 404
