"""Nothing typed is lost (issue 9): each way text was lost before, done with the test client,
then the page left and opened again. The browser versions are in
tests/browser/test_nothing_lost_browser.py. Only fictional data."""

from __future__ import annotations

from flask.testing import FlaskClient

from forms import ARTEFACTS
from tests.helpers import (
    error_messages,
    hidden,
    page,
    section_of,
    start,
    token_on,
    value_on,
)

REFERRAL = ARTEFACTS["cse_referral"]
CLOSURE = ARTEFACTS["phoenix_case_closure"]


def test_a_refused_save_and_continue_keeps_what_was_typed(client: FlaskClient) -> None:
    """Typed, pressed "Save and continue" with an error, then went back to the case: the
    typed answers are there when the section is opened again."""
    url = start(client, REFERRAL)
    page_url = section_of(url, REFERRAL, "child_alias")
    refused = client.post(
        page_url,
        data={
            **hidden(client, page_url),
            "action": "continue",
            "child_forename": "",  # required: the page is refused
            "child_alias": "Typed before the error",
            "child_address_1": "1 Imaginary Road\r\nNowhere",
        },
    )
    assert refused.status_code == 200
    assert "Enter the child's forename" in error_messages(refused)
    client.get("/")  # away, to My cases
    assert value_on(client, url, REFERRAL, "child_alias") == ["Typed before the error"]
    assert value_on(client, url, REFERRAL, "child_address_1") == ["1 Imaginary Road\nNowhere"]


def test_add_another_then_leaving_keeps_the_new_block_and_the_text(client: FlaskClient) -> None:
    url = start(client, REFERRAL)
    page_url = section_of(url, REFERRAL, "persons")
    added = client.post(
        page_url,
        data={
            **hidden(client, page_url),
            "persons-0-forename": "Typed",
            "persons-0-surname": "Firstblock",
            "add_persons": "1",
        },
    )
    assert added.headers["Location"].endswith("#persons-entry-2")
    client.get("/")  # left at once, without typing in the new block
    html = page(client.get(page_url))
    assert html.xpath("//input[@name='persons-0-surname']/@value") == ["Firstblock"]
    assert html.xpath("//input[@name='persons-1-surname']/@value") == [""]


def test_two_refused_pages_of_the_case_closure_keep_every_answer(client: FlaskClient) -> None:
    """Two refused "Save and continue" presses on the Phoenix case closure, then an attempt
    to submit with problems: every typed answer is still there after leaving."""
    url = start(client, CLOSURE)
    page_url = section_of(url, CLOSURE, "reason_for_closure")
    typed = {
        "level_of_engagement": "partial",
        "sessions_attended": "six",  # not a number: refused
        "reason_for_closure": "other",
        "other_reason": "",  # "Other" needs its details: refused
    }
    for attempt in range(2):
        refused = client.post(
            page_url, data={**hidden(client, page_url), "action": "continue", **typed}
        )
        assert refused.status_code == 200, attempt
        assert len(error_messages(refused)) == 2
    summary_url = section_of(url, CLOSURE, "issues")
    client.post(
        summary_url,
        data={**hidden(client, summary_url), "action": "continue", "issues": "Kept issues"},
    )
    check = client.get(f"{url}/check")
    assert not page(check).xpath("//button[starts-with(., 'Submit')]")
    # A submit posted anyway (an old tab) is refused, and changes nothing.
    refused_submit = client.post(
        f"{url}/check", data={"csrf_token": token_on(client, url), "lock_version": "9"}
    )
    assert refused_submit.status_code == 200
    client.get("/")
    html = page(client.get(page_url))
    assert html.xpath("//input[@name='sessions_attended']/@value") == ["six"]
    assert html.xpath("//input[@name='reason_for_closure'][@checked]/@value") == ["other"]
    assert html.xpath("//input[@name='level_of_engagement'][@checked]/@value") == ["partial"]
    assert value_on(client, url, CLOSURE, "issues") == ["Kept issues"]


def test_a_stale_page_saves_nothing_and_shows_the_text_again(client: FlaskClient) -> None:
    """The one exception: someone saved since the page was read. Nothing is saved over their
    work; the page shows what was typed, with who saved first."""
    url = start(client, REFERRAL)
    page_url = section_of(url, REFERRAL, "child_alias")
    old = hidden(client, page_url)
    client.post(page_url, data={**old, "action": "later", "child_alias": "Saved first"})
    stale = client.post(page_url, data={**old, "action": "later", "child_alias": "Typed later"})
    assert stale.status_code == 200
    assert any("after you opened it" in m for m in error_messages(stale))
    assert page(stale).xpath("//input[@name='child_alias']/@value") == ["Typed later"]
    assert value_on(client, url, REFERRAL, "child_alias") == ["Saved first"]
