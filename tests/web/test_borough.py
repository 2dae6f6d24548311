"""A case has a borough, Kingston or Richmond: asked on every new case, and asked for on the
page of a case made before it was."""

from __future__ import annotations

from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from models import Case, User, db
from tests.helpers import error_messages, inline_error, make_case, page, squash, token_on


def _post_new_case(client: FlaskClient, **details: str) -> tuple[int, list[str], str | None]:
    data = MultiDict({"forename": "Testy", "surname": "Example", **details})
    data["csrf_token"] = token_on(client, "/cases/new")
    response = client.post("/cases/new", data=data)
    return response.status_code, error_messages(response), inline_error(response, "borough")


def test_a_new_case_without_a_borough_is_refused_with_the_govuk_message(
    client: FlaskClient,
) -> None:
    status, summary, inline = _post_new_case(client)
    assert status == 200
    assert summary == ["Select the borough"]
    assert inline == "Select the borough"
    assert db.session.query(Case).count() == 0


def test_a_borough_that_is_not_an_option_is_refused(client: FlaskClient) -> None:
    status, _, inline = _post_new_case(client, borough="Sutton")
    assert status == 200
    assert inline == "Select the borough from the options given"


def test_the_borough_is_kept_and_shown_on_the_case_page(client: FlaskClient) -> None:
    case_url = make_case(client, borough="Richmond")
    html = page(client.get(case_url))
    rows = {
        squash(row.xpath("string(dt)")): squash(row.xpath("string(dd)"))
        for row in html.xpath("//dl[contains(@class,'govuk-summary-list')]/div")
    }
    assert rows["Borough"] == "Richmond"
    assert not html.xpath("//*[@id='borough-missing']")


def test_an_old_case_without_a_borough_asks_for_it(client: FlaskClient, manager: User) -> None:
    old = Case(details={"forename": "Testy", "surname": "Oldcase"}, created_by=manager.id)
    db.session.add(old)
    db.session.commit()
    html = page(client.get(f"/cases/{old.id}"))
    (banner,) = html.xpath("//*[@id='borough-missing']")
    assert "govuk-notification-banner" in banner.get("class")
    (link,) = banner.xpath(".//a")
    assert squash(link.text_content()) == "Set the case's borough"
    assert link.get("href") == f"/cases/{old.id}/details"
    # The change-details page then asks for it, like any other required detail.
    token = token_on(client, link.get("href"))
    refused = client.post(
        link.get("href"), data={"csrf_token": token, "forename": "Testy", "surname": "Oldcase"}
    )
    assert inline_error(refused, "borough") == "Select the borough"
    saved = client.post(
        link.get("href"),
        data={
            "csrf_token": token,
            "forename": "Testy",
            "surname": "Oldcase",
            "borough": "Kingston",
        },
    )
    assert saved.status_code == 302
    assert not page(client.get(f"/cases/{old.id}")).xpath("//*[@id='borough-missing']")
