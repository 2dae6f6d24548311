"""A submitted version's page says what making changes does: a new version, numbered."""

from __future__ import annotations

from flask.testing import FlaskClient

from forms import ARTEFACTS
from tests.conftest import sample_json
from tests.helpers import hidden, page, squash, submit

STUDY = ARTEFACTS["case_study"]


def _change_link(client: FlaskClient, version_url: str) -> tuple[str, str, str]:
    """The link to make changes, where it goes, and the paragraph before it."""
    html = page(client.get(version_url))
    (link,) = html.xpath("//main//a[contains(., 'for version')]")
    before = link.xpath("ancestor::p[1]/preceding-sibling::p[1]")[0]
    return squash(link.text_content()), link.get("href"), squash(before.text_content())


def test_make_changes_says_which_version_submitting_makes(client: FlaskClient) -> None:
    first = submit(client, STUDY, sample_json("case_study"))
    text, href, said = _change_link(client, first)
    assert text == "Make changes for version 2"
    assert "When you submit the changes, they become version 2. Version 1 stays as it is" in said

    second = submit(client, STUDY, sample_json("case_study"), url=href)
    assert second != first
    # Version 1's page: changes start from the latest, version 2, and make version 3.
    text, _, said = _change_link(client, first)
    assert text == "Make changes for version 3"
    assert said.startswith("This is not the latest version: changes start from version 2")
    assert "they become version 3. Version 1 stays as it is" in said


def test_changes_saved_not_submitted_are_carried_on(client: FlaskClient) -> None:
    first = submit(client, STUDY, sample_json("case_study"))
    _, href, _ = _change_link(client, first)
    section = f"{href}/sections/1"
    saved = client.post(section, data={**hidden(client, section), "action": "later"})
    assert saved.status_code == 302
    text, _, said = _change_link(client, first)
    assert text == "Carry on with the changes for version 2"
    assert said.startswith("Changes to this form have been saved but not submitted yet.")
