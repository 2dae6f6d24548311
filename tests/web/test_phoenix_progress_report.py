"""Progress report validation: each rule's message next to the right field, nothing stored."""

from __future__ import annotations

from flask.testing import FlaskClient

from forms.phoenix_progress_report import PHOENIX_PROGRESS_REPORT
from tests.helpers import FormCheck, inline_error, page, post_answers, stored

FORM = FormCheck(PHOENIX_PROGRESS_REPORT)
answers, refused = FORM.answers, FORM.refused


def test_empty_form_asks_for_the_date_the_author_and_the_period(client: FlaskClient) -> None:
    response = post_answers(client, PHOENIX_PROGRESS_REPORT, {})
    expected = {
        "report_date-day": "Enter the date of the report",
        "report_author": "Enter the report author",
        "period_start-day": "Enter the start date of the reporting period",
        "period_end-day": "Enter the end date of the reporting period",
    }
    for field_id, message in expected.items():
        assert inline_error(response, field_id) == message, field_id
    hrefs = page(response).xpath("//div[contains(@class,'govuk-error-summary')]//a/@href")
    assert hrefs == [f"#{field_id}" for field_id in expected]
    assert stored() == 0


def test_reporting_period_cannot_end_before_it_starts(client: FlaskClient) -> None:
    refused(
        client,
        answers(period_start="2026-09-30", period_end="2026-09-29"),
        "period_end-day",
        "The end date of the reporting period must be the same as or after the start date",
    )


def test_reporting_period_of_one_day_is_accepted(client: FlaskClient) -> None:
    data = answers(period_start="2026-09-30", period_end="2026-09-30")
    assert post_answers(client, PHOENIX_PROGRESS_REPORT, data).status_code == 302
    assert stored() == 1


def test_no_more_than_20_cases_at_any_one_time(client: FlaskClient) -> None:
    refused(
        client,
        answers(current_capacity=21),
        "current_capacity",
        "The current capacity must be between 0 and 20",
    )


def test_20_cases_is_accepted(client: FlaskClient) -> None:
    data = answers(current_capacity=20)
    assert post_answers(client, PHOENIX_PROGRESS_REPORT, data).status_code == 302
    assert stored() == 1
