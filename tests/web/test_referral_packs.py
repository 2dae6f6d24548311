"""One referral pack per referral: the MASE Referral Information continues the CSE referral
that answered "Referral to MASE? Yes", wherever it is started, and the case page shows which
documents form a pack."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select

from forms import ARTEFACTS
from forms.model import Artefact
from models import Continuation, Document, Submission, db
from tests.conftest import sample_json
from tests.helpers import make_case, page, pdf_pages, squash, start, submit

REFERRAL = ARTEFACTS["cse_referral"]
MASE = ARTEFACTS["mase_referral"]


def _referral(client: FlaskClient, case: str, **changes: str) -> str:
    """Submit a CSE referral in `case` (saying yes to MASE unless changed); its version's URL."""
    return submit(
        client,
        REFERRAL,
        {**sample_json("cse_referral"), **changes},
        start_new(client, REFERRAL, case),
    )


def start_new(client: FlaskClient, artefact: Artefact, case: str) -> str:
    """Start a new document even if there are drafts of it (the offer page's "Start a new one")."""
    return start(client, artefact, case, new="yes")


def _continues(client: FlaskClient, form_url: str) -> str | None:
    """What the form page says the document continues, or None."""
    inset = page(client.get(form_url)).xpath("//div[@class='govuk-inset-text']")
    return squash(inset[0].text_content()) if inset else None


def _version_id(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _document_of(form_url: str) -> Document:
    return db.session.get_one(Document, form_url.rsplit("/", 1)[1])


def test_the_mase_part_started_from_the_case_page_continues_the_referral(
    client: FlaskClient,
) -> None:
    case = make_case(client)
    referral = _referral(client, case)
    # The case page's own Start button, not the referral's answers page.
    (form,) = page(client.get(case)).xpath(
        "//main//form[contains(@action, '/start/mase_referral')]"
    )
    assert not form.xpath(".//input[@name='continues']")
    mase_form = start(client, MASE, case)
    said = _continues(client, mase_form)
    assert said is not None and said.startswith("This continues the CSE Referral Form submitted on")
    assert "(version 1)" in said
    mase = submit(client, MASE, sample_json("mase_referral"), mase_form)
    link = db.session.get_one(Continuation, _version_id(mase))
    assert link.continues_id == _version_id(referral)
    pack = client.get(f"{mase}/pack.pdf")
    assert pack.status_code == 200
    pages = pdf_pages(pack.data)  # numbered on from part to part (issue 12)
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))


def test_it_continues_the_referrals_latest_version(client: FlaskClient) -> None:
    case = make_case(client)
    referral_form = start(client, REFERRAL, case)
    submit(client, REFERRAL, sample_json("cse_referral"), referral_form)
    changed = {**sample_json("cse_referral"), "child_alias": "Changed alias"}
    second = submit(client, REFERRAL, changed, referral_form)
    mase_form = start(client, MASE, case)
    assert _document_of(mase_form).continues_id == _version_id(second)
    assert "(version 2)" in (_continues(client, mase_form) or "")


def test_of_several_referrals_the_most_recent_not_yet_continued(client: FlaskClient) -> None:
    case = make_case(client)
    older = _referral(client, case)
    newer = _referral(client, case)
    _referral(client, case, mase_referral="no")  # the newest, but it opens no MASE part
    first = start(client, MASE, case)
    assert _document_of(first).continues_id == _version_id(newer)
    submit(client, MASE, sample_json("mase_referral"), first)
    second = start(client, MASE, case)
    assert _document_of(second).continues_id == _version_id(older)
    # Every referral that said yes has its MASE part now (the second is still a draft):
    # a third continues nothing, and its form says nothing of a pack.
    third = start_new(client, MASE, case)
    assert _document_of(third).continues_id is None
    assert _continues(client, third) is None


def test_a_referral_changed_to_no_is_not_continued(client: FlaskClient) -> None:
    case = make_case(client)
    referral_form = start(client, REFERRAL, case)
    submit(client, REFERRAL, sample_json("cse_referral"), referral_form)
    submit(client, REFERRAL, {**sample_json("cse_referral"), "mase_referral": "no"}, referral_form)
    assert _document_of(start(client, MASE, case)).continues_id is None


def test_a_referral_in_a_pack_offers_no_second_mase_part(client: FlaskClient) -> None:
    case = make_case(client)
    referral = _referral(client, case)
    answers = page(client.get(referral))
    assert answers.xpath("//button[contains(., 'Start the MASE Referral Information')]")
    start(client, MASE, case)  # a draft now continues it
    answers = page(client.get(referral))
    assert not answers.xpath("//button[contains(., 'Start the MASE Referral Information')]")
    assert (
        "This form is in the referral pack with the MASE Referral Information (a draft, not"
        " submitted yet)" in squash(answers.text_content())
    )
    # A crafted post naming the referral is not believed: a new part continues nothing.
    crafted = start(client, MASE, case, new="yes", continues=_version_id(referral))
    assert _document_of(crafted).continues_id is None
    assert (
        db.session.scalar(select(Submission).where(Submission.artefact == "mase_referral")) is None
    )


def _rows(client: FlaskClient, case: str) -> list[tuple[str, str]]:
    """Each document row of the case page: its form cell and its status cell, as read."""
    html = page(client.get(case))
    rows = html.xpath("//table[.//th[.='Form']]/tbody/tr")
    return [
        (squash(r.xpath("td")[0].text_content()), squash(r.xpath("td")[1].text_content()))
        for r in rows
    ]


def test_the_case_page_shows_which_documents_form_the_pack(client: FlaskClient) -> None:
    case = make_case(client)
    referral = _referral(client, case)
    in_pack = start(client, MASE, case)
    alone = start_new(client, MASE, case)  # the referral has its part already: in no pack
    start_new(client, ARTEFACTS["spotting_the_signs"], case)
    rows = _rows(client, case)
    # The pack's parts sit together, the referral first, each saying what it is packed with.
    assert [form.split(".")[0] for form, _ in rows] == [
        "CSE Referral Form In the referral pack with the MASE Referral Information below",
        "MASE Referral Information In the referral pack with the CSE Referral Form above (its"
        " version 1)",
        "MASE Referral Information Not in a referral pack",
        ARTEFACTS["spotting_the_signs"].title,
    ]
    assert "It can be downloaded once this form is submitted." in rows[1][0]
    assert "It can be downloaded once the MASE Referral Information is submitted." in rows[0][0]
    html = page(client.get(case))
    assert not html.xpath("//a[contains(., 'Download the referral pack')]")
    assert len(html.xpath("//tr[contains(@class, 'app-pack-part')]")) == 2

    mase = submit(client, MASE, sample_json("mase_referral"), in_pack)
    submit(client, MASE, sample_json("mase_referral"), alone)
    html = page(client.get(case))
    links = html.xpath("//a[contains(., 'Download the referral pack (PDF)')]/@href")
    assert links == [f"{mase}/pack.pdf", f"{mase}/pack.pdf"]  # on both parts' rows
    response = client.get(links[0])
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    assert _version_id(referral) in {
        c.continues_id for c in db.session.scalars(select(Continuation))
    }
    # The two submitted MASE rows are no longer identical.
    forms = [form for form, _ in _rows(client, case) if form.startswith("MASE")]
    assert len(set(forms)) == 2 and "Not in a referral pack." in forms[1]


def test_a_pack_says_which_version_of_a_changed_referral_it_holds(client: FlaskClient) -> None:
    case = make_case(client)
    referral_form = start(client, REFERRAL, case)
    submit(client, REFERRAL, sample_json("cse_referral"), referral_form)
    submit(client, MASE, sample_json("mase_referral"), start(client, MASE, case))
    submit(client, REFERRAL, {**sample_json("cse_referral"), "child_alias": "New"}, referral_form)
    first, second = _rows(client, case)[:2]
    assert (
        "In the referral pack with the MASE Referral Information below (this form's version 1)."
        in first[0]
    )
    assert "with the CSE Referral Form above (its version 1)" in second[0]
