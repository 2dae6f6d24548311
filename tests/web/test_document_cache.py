"""A submitted version never changes, so its documents are made once and downloaded again from
memory; but only ever for someone who may see the version."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

import web.versions
from documents import cache
from forms import ARTEFACTS
from tests.conftest import sample_json
from tests.helpers import make_user, pdf_body, sign_in_as, start, submit

REFERRAL = ARTEFACTS["cse_referral"]


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The kinds of document rendered during the test (not taken from memory)."""
    made: list[str] = []
    real = web.versions.render

    def counted(kind: str, *args: object) -> bytes:
        made.append(kind)
        return real(kind, *args)  # type: ignore[arg-type]

    cache.clear()
    monkeypatch.setattr(web.versions, "render", counted)
    yield made
    cache.clear()


def test_a_version_is_rendered_once_per_format(client: FlaskClient, renders: list[str]) -> None:
    answers = submit(client, REFERRAL, sample_json("cse_referral"))
    first = client.get(f"{answers}/document.pdf").data
    assert client.get(f"{answers}/document.pdf").data == first
    assert client.get(f"{answers}/document.docx").status_code == 200
    client.get(f"{answers}/document.docx")
    assert renders == ["pdf", "docx"]


def test_a_new_version_gets_its_own_documents(client: FlaskClient, renders: list[str]) -> None:
    url = start(client, REFERRAL)
    first = submit(client, REFERRAL, sample_json("cse_referral"), url)
    client.get(f"{first}/document.pdf")
    second = submit(
        client, REFERRAL, {**sample_json("cse_referral"), "child_forename": "Secondversion"}, url
    )
    assert "Secondversion" in pdf_body(client.get(f"{second}/document.pdf").data)
    assert "Secondversion" not in pdf_body(client.get(f"{first}/document.pdf").data)
    assert renders == ["pdf", "pdf"]


def test_the_cache_never_serves_someone_who_may_not_see_the_version(
    app: Flask, client: FlaskClient, renders: list[str]
) -> None:
    answers = submit(client, REFERRAL, sample_json("cse_referral"))
    assert client.get(f"{answers}/document.pdf").status_code == 200
    stranger = sign_in_as(app.test_client(), make_user("referrer"))
    assert stranger.get(f"{answers}/document.pdf").status_code == 404
    assert stranger.get(f"{answers}/document.docx").status_code == 404
    assert renders == ["pdf"]


def test_the_cache_holds_no_more_than_its_size(app: Flask, client: FlaskClient) -> None:
    cache.clear()
    app.config["DOCUMENT_CACHE_BYTES"] = 4 * 150_000  # room for a few referral PDFs
    versions = [submit(client, REFERRAL, sample_json("cse_referral")) for _ in range(6)]
    for answers in versions:
        client.get(f"{answers}/document.pdf")
    assert 0 < cache.size() <= app.config["DOCUMENT_CACHE_BYTES"]
    cache.clear()
