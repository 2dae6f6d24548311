"""A version's figures on its answers page and in its documents, and on "Check your answers"
as they would be if submitted now: tables as GOV.UK tables, charts as SVG pictures each with
its figures as a table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from lxml import etree

from figures import Context, Figures
from forms import ARTEFACTS
from forms.model import Artefact
from tests.conftest import sample_json
from tests.figures_examples import (
    AS_AT_SHOWN,
    AXES,
    BARS,
    LEVELS,
    RADAR,
    TABLE,
    every_cell,
    example,
    from_context,
)
from tests.helpers import (
    form_data,
    page,
    pdf_body,
    post_section,
    squash,
    start,
    submit,
    visible_text,
    word_text,
)
from tests.web.test_home_and_pack import _referral_then_mase

SVG = "{http://www.w3.org/2000/svg}"


def _with_figures(
    monkeypatch: pytest.MonkeyPatch, slug: str, figures: Callable[[Context], Figures]
) -> Artefact:
    """The artefact `slug`, declaring `figures` for the rest of the test."""
    changed = dataclasses.replace(ARTEFACTS[slug], figures=figures)
    monkeypatch.setitem(ARTEFACTS, slug, changed)
    return changed


@pytest.fixture
def study(monkeypatch: pytest.MonkeyPatch) -> Artefact:
    return _with_figures(monkeypatch, "case_study", from_context)


def _shows_the_figures(html: etree._Element, text: str) -> None:
    """The page shows every figure: the table's cells in a GOV.UK table inside a scrolling
    region, each chart as an SVG image with a name and its figures as a table, the legend."""
    cells = [squash(c.text_content()) for c in html.xpath("//main//table//th | //main//td")]
    for cell in every_cell():
        assert cell in cells
    (table,) = html.xpath(f"//main//table[caption='{TABLE['title']}']")
    assert "govuk-table" in table.get("class")
    assert table.xpath("parent::div[@class='app-table-scroll' and @role='region']")
    charts = html.xpath("//main//*[local-name()='svg']")
    assert [c.get("role") for c in charts] == ["img", "img"]
    assert [c.get("aria-label") for c in charts] == [
        f"Star chart: {RADAR['title']}. The same figures are in the table after it.",
        f"Bar chart: {BARS['title']}. The same figures are in the table after it.",
    ]
    for chart in charts:
        assert not chart.xpath(".//@style | @style")  # the CSP would block it
    star_text = [t.text for t in charts[0].iter() if t.tag.endswith("text")]
    for axis in AXES:
        assert all(any(word in line for line in star_text) for word in axis.split())
    for words in [*LEVELS, "Level 1 is drawn furthest from the centre", BARS["note"]]:
        assert words in text
    # The bars' figures as printed, "fewer than 5" where a count is suppressed.
    (bars_table,) = html.xpath(
        f"//main//table[caption='The figures in the chart: {BARS['title']}']"
    )
    rows = [[squash(c.text_content()) for c in r.xpath("th|td")] for r in bars_table.xpath(".//tr")]
    assert rows[1:] == [list(pair) for pair in zip(BARS["labels"], BARS["shown"], strict=True)]


def test_the_answers_page_shows_the_figures_kept_with_the_version(
    client: FlaskClient, study: Artefact
) -> None:
    version = submit(client, study, sample_json("case_study"))
    response = client.get(version)
    text = squash(visible_text(response))
    _shows_the_figures(page(response), text)
    assert (
        "Worked out from the service's records when this version was submitted: figures as at"
        in text
    )


def test_documents_draw_the_figures_stored_not_figures_worked_out_again(
    client: FlaskClient, study: Artefact, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = submit(client, study, sample_json("case_study"))
    later: Figures = {**example("2027-01-02T09:00:00+00:00"), "blocks": []}
    _with_figures(monkeypatch, "case_study", lambda _: later)  # the records changed since
    pdf = squash(pdf_body(client.get(f"{version}/document.pdf").data))
    word = squash(word_text(client.get(f"{version}/document.docx").data))
    for text in (pdf, word):
        assert "figures as at" in text and "2 January 2027" not in text
        for cell in every_cell():
            assert cell in text
    assert "Distance travelled star" in squash(visible_text(client.get(version)))


def test_the_referral_pack_draws_each_parts_figures(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_figures(monkeypatch, "cse_referral", lambda _: example())
    _, mase = _referral_then_mase(client)
    pack = squash(pdf_body(client.get(f"{mase}/pack.pdf").data))
    assert AS_AT_SHOWN in pack
    assert "tableCellA" in pack


def test_check_your_answers_shows_the_figures_as_if_submitted_now(
    client: FlaskClient, study: Artefact
) -> None:
    url = start(client, study)
    posted = form_data(study, sample_json("case_study"))
    for number in range(1, len(study.sections) + 1):
        assert post_section(client, url, study, number, posted).status_code == 302
    response = client.get(f"{url}/check")
    text = squash(visible_text(response))
    assert "These figures are worked out when you submit" in text
    assert "This is how they would be if you submitted now." in text
    _shows_the_figures(page(response), text)


def test_check_your_answers_works_out_no_figures_before_every_answer_is_given(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuses(_: Context) -> Figures:
        raise AssertionError("figures worked out from answers that cannot be submitted")

    study = _with_figures(monkeypatch, "case_study", refuses)
    url = start(client, study)
    response = client.get(f"{url}/check")
    assert response.status_code == 200
    text = squash(visible_text(response))
    assert "These figures are worked out when you submit" in text
    assert "They are shown here once every answer they need is given." in text
    assert not page(response).xpath("//main//*[local-name()='svg']")


def test_an_artefact_without_figures_shows_none(client: FlaskClient) -> None:
    study = ARTEFACTS["case_study"]
    assert study.figures is None
    url = start(client, study)
    assert "These figures are worked out" not in visible_text(client.get(f"{url}/check"))
    version = submit(client, study, sample_json("case_study"), url)
    html = page(client.get(version))
    assert "figures as at" not in html.text_content()
    assert not html.xpath("//main//*[local-name()='svg']")
