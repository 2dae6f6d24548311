"""Case studies belong to a progress report (L2976-2978, L4141): added from the report, each
naming the other; and before one is submitted its author is warned of any detail of a case
they can see that it holds, which they change or confirm (audited, without content)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from clocks import london_today
from forms import ARTEFACTS
from models import AuditEvent, Document, db
from tests.conftest import sample_json
from tests.helpers import (
    document_id,
    error_messages,
    hidden,
    inline_error,
    make_case,
    make_user,
    page,
    post_answers,
    record_step,
    sign_in_as,
    start,
    stored,
    submit,
    token_on,
)
from web.anonymous import CONFIRM_FIRST

STUDY = ARTEFACTS["case_study"]
REPORT = ARTEFACTS["phoenix_progress_report"]


def _add_case_study(client: FlaskClient, report_url: str) -> str:
    """Press "Add a case study" on the report's page; the URL of the new case study."""
    html = page(client.get(report_url))
    (form,) = html.xpath("//main//form[.//button[normalize-space()='Add a case study']]")
    posted = {"csrf_token": token_on(client, report_url)}
    posted |= {i.get("name"): i.get("value") for i in form.xpath(".//input[@type='hidden']")}
    response = client.post(form.get("action"), data=posted)
    assert response.status_code == 302
    return response.headers["Location"]


def _case_studies_listed(client: FlaskClient, url: str) -> list[str]:
    html = page(client.get(url))
    return html.xpath("//h2[@id='case-studies']/following-sibling::ul[1]//a/@href")


def test_a_case_study_is_added_from_its_report_and_each_names_the_other(
    client: FlaskClient,
) -> None:
    report_url = start(client, REPORT)
    study_url = _add_case_study(client, report_url)
    study = db.session.get(Document, document_id(study_url))
    assert study is not None and study.case_id is None
    assert study.report_id == document_id(report_url)
    assert page(client.get(study_url)).xpath("//*[@id='report']//a/@href") == [report_url]
    assert _case_studies_listed(client, report_url) == [study_url]  # a draft: its form

    version = submit(client, STUDY, sample_json("case_study"), url=study_url)
    assert _case_studies_listed(client, report_url) == [version]
    assert page(client.get(version)).xpath("//*[@id='report']//a/@href") == [report_url]
    report_version = submit(client, REPORT, sample_json("phoenix_progress_report"), report_url)
    assert _case_studies_listed(client, report_version) == [version]


def test_a_case_study_is_never_started_alone(client: FlaskClient) -> None:
    report_url = start(client, REPORT)
    study = document_id(_add_case_study(client, report_url))
    token = token_on(client, "/reports")
    for report in ("", "not-an-id", study, "A" * 24):
        posted = {"csrf_token": token, "report": report, "new": "yes"}
        assert client.post("/reports/start/case_study", data=posted).status_code == 404
    assert client.get("/reports/start/case_study").status_code == 404


# The details of one fictional young person, on a case and in the forms submitted on it.
CASE_DETAILS: dict[str, Any] = {
    "forename": "Kayleigh",
    "surname": "Ashdown-Verity",
    "dob": ["3", "3", "2011"],
    "postcode": "KT1 9ZZ",
}


def _identified_case(client: FlaskClient) -> str:
    case = make_case(client, **CASE_DETAILS)
    referral = sample_json("phoenix_referral") | {
        "parent_name": "Rowena Quillfeather",
        "education_establishment": "Riverbank Academy",
    }
    submit(
        client,
        ARTEFACTS["phoenix_referral"],
        referral,
        start(client, ARTEFACTS["phoenix_referral"], case),
    )
    cse = sample_json("cse_referral") | {"child_alias": "Kaybee"}
    submit(client, ARTEFACTS["cse_referral"], cse, start(client, ARTEFACTS["cse_referral"], case))
    return case


IDENTIFYING = [
    ("young_person_outline", "Kayleigh, 15, was referred.", "A young person's name", "Kayleigh"),
    ("young_person_outline", "The ashdown family agreed.", "A young person's name", "ashdown"),
    ("involvement", "Since her birthday (3/3/11) she came weekly.", "A date of birth", "3/3/11"),
    ("involvement", "Born 3 March 2011.", "A date of birth", "3 March 2011"),
    ("outcomes", "She moved away from kt19zz.", "A postcode", "kt19zz"),
    ("other_information", "She went back to Riverbank.", "A school", "Riverbank"),
    ("action_plan_outline", "Sessions with Rowena at home.", "A family member's name", "Rowena"),
    ("action_plan_outline", "Friends call her KAYBEE.", "An alias", "KAYBEE"),
]


@pytest.mark.parametrize(("box", "text", "kind", "words"), IDENTIFYING)
def test_a_detail_of_a_case_is_shown_before_submitting(
    client: FlaskClient, box: str, text: str, kind: str, words: str
) -> None:
    _identified_case(client)
    before = stored()
    url = start(client, STUDY)
    response = post_answers(client, STUDY, sample_json("case_study") | {box: text}, url)
    assert response.status_code == 200
    assert error_messages(response) == [CONFIRM_FIRST]
    assert inline_error(response, "anonymous") == CONFIRM_FIRST
    (item,) = page(response).xpath("//*[@id='identifying-details']//li")
    label = STUDY.field(box).label
    assert " ".join(item.text_content().split()) == (
        f"{kind} in \u201c{label}\u201d: \u201c{words}\u201d. Change {label}"
    )
    assert item.xpath(".//a/@href")[0].endswith(f"#{box}")
    assert "Ashdown-Verity" not in response.get_data(as_text=True)  # which case: never said
    assert stored() == before


def test_confirming_it_is_anonymous_submits_it_and_is_audited(client: FlaskClient) -> None:
    _identified_case(client)
    before = stored()
    url = start(client, STUDY)
    data = sample_json("case_study") | {"outcomes": "Kayleigh is doing well."}
    assert post_answers(client, STUDY, data, url).status_code == 200
    response = client.post(
        f"{url}/check", data={**hidden(client, f"{url}/check"), "anonymous": "yes"}
    )
    assert response.status_code == 302
    assert stored() == before + 1
    version_id = response.headers["Location"].rsplit("/", 1)[1]
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.document_id == document_id(url))
    )
    confirmed = [e for e in events if e.action == "confirm anonymous"]
    assert [(e.version_id, e.case_id) for e in confirmed] == [(version_id, None)]


def test_an_anonymous_case_study_is_submitted_without_a_warning(client: FlaskClient) -> None:
    _identified_case(client)
    url = start(client, STUDY)
    response = post_answers(client, STUDY, sample_json("case_study"), url)
    assert response.status_code == 302, error_messages(response)
    check = page(client.get(f"{url}/check"))
    assert not check.xpath("//*[@id='identifying-details'] | //input[@name='anonymous']")


def _as(app: Flask, role: str) -> FlaskClient:
    return sign_in_as(app.test_client(), make_user(role))


def test_only_cases_the_author_can_see_are_searched(app: Flask) -> None:
    referrer, phoenix = _as(app, "referrer"), _as(app, "phoenix")
    case = make_case(referrer, **CASE_DETAILS)
    report = document_id(start(phoenix, REPORT))
    data = sample_json("case_study") | {"involvement": "Kayleigh came every week."}
    response = post_answers(phoenix, STUDY, data, start(phoenix, STUDY, report=report))
    assert response.status_code == 302  # submitted: the referrer's case is not the project's
    record_step(referrer, case, "phoenix_sent", london_today())  # now in the project's inbox
    response = post_answers(phoenix, STUDY, data, start(phoenix, STUDY, report=report))
    assert error_messages(response) == [CONFIRM_FIRST]


def _discard(client: FlaskClient, url: str) -> None:
    response = client.post(f"{url}/discard", data=hidden(client, f"{url}/discard"))
    assert response.status_code == 302


def test_a_case_study_whose_report_goes_is_kept_for_its_author_to_attach(app: Flask) -> None:
    author, colleague = _as(app, "phoenix"), _as(app, "phoenix")
    report_url = start(author, REPORT)
    study_url = _add_case_study(author, report_url)
    assert colleague.get(study_url).status_code == 200  # attached: the project's
    _discard(author, report_url)  # a report never submitted: deleted
    study = db.session.get(Document, document_id(study_url))
    assert study is not None and study.report_id is None
    assert colleague.get(study_url).status_code == 404  # not attached: its author's
    for client, sees in ((author, True), (colleague, False)):
        listed = page(client.get("/reports")).xpath("//main//ul//a/@href")
        assert (study_url in listed) is sees

    html = page(author.get(study_url))
    assert "Not yet attached to a report" in html.xpath("string(//*[@id='report'])")
    new_report = start(author, REPORT, new="yes")
    attach = f"{study_url}/report"
    response = author.post(attach, data={"csrf_token": token_on(author, study_url)})
    assert inline_error(response, "report-1") == "Select the report this is attached to"
    assert error_messages(response) == ["Select the report this is attached to"]
    posted = {"csrf_token": token_on(author, study_url), "report": document_id(new_report)}
    assert author.post(attach, data=posted).status_code == 302
    assert colleague.get(study_url).status_code == 200
    assert _case_studies_listed(author, new_report) == [study_url]


def test_a_case_study_is_not_held_by_any_case(client: FlaskClient) -> None:
    case = make_case(client)
    buttons = page(client.get(case)).xpath("//main//form/@action")
    assert not [b for b in buttons if b.endswith("/start/case_study")]
    token = token_on(client, case)
    assert client.post(f"{case}/start/case_study", data={"csrf_token": token}).status_code == 404
