"""Case study (Appendix 5): the outline is required, and the page says the study is anonymised
before anyone types a name."""

from __future__ import annotations

from flask.testing import FlaskClient

from forms.case_study import CASE_STUDY
from tests.conftest import sample_json
from tests.helpers import (
    error_messages,
    every_section,
    inline_error,
    page,
    post_answers,
    start,
    stored,
)


def test_outline_of_the_young_person_is_required(client: FlaskClient) -> None:
    data = sample_json("case_study")
    data["young_person_outline"] = "   "
    response = post_answers(client, CASE_STUDY, data)
    message = "Enter a brief outline of the young person and presenting issues"
    assert inline_error(response, "young_person_outline") == message
    assert error_messages(response) == [message]
    assert stored() == 0


def test_the_first_box_says_case_studies_are_anonymised(client: FlaskClient) -> None:
    html = page(client.get(f"{start(client, CASE_STUDY)}/sections/1"))
    box = html.xpath("//textarea[@name='young_person_outline']")[0]
    hint = html.xpath(f"//*[@id='{box.get('aria-describedby').split()[0]}']")[0]
    text = " ".join(hint.text_content().split())
    assert "anonymised" in text
    assert "do not give the young person's real name" in text


def test_attachments_are_listed_not_uploaded(client: FlaskClient) -> None:
    html = every_section(client, start(client, CASE_STUDY), CASE_STUDY)
    assert not html.xpath("//input[@type='file']")
    response = post_answers(client, CASE_STUDY, sample_json("case_study"))
    assert response.status_code == 302, error_messages(response)
    assert stored() == 1
