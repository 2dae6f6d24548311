"""Baseline security: headers on every response, CSRF, cookies, logs, and no 500 for any input."""

from __future__ import annotations

import logging
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from app import create_app
from config import ConfigError, ProductionConfig
from forms import ARTEFACTS
from tests.conftest import sample_json
from tests.helpers import (
    error_messages,
    form_data,
    hidden,
    make_case,
    make_user,
    page,
    section_of,
    sign_in_as,
    start,
    stored,
    submit,
    token_on,
)

REFERRAL = ARTEFACTS["cse_referral"]
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def urls(client: FlaskClient) -> list[str]:
    case = make_case(client)
    answers = submit(client, REFERRAL, sample_json("cse_referral"), start(client, REFERRAL, case))
    return [
        "/",
        "/health",
        "/sign-in",
        "/reports",
        case,
        start(client, REFERRAL, case),
        answers,
        f"{answers}/document.pdf",
        f"{answers}/document.docx",
        "/no-such-page",
    ]


def test_every_response_carries_the_security_headers(client: FlaskClient) -> None:
    for url in urls(client):
        response = client.get(url)
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (url, name)
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, url
        assert re.search(r"script-src 'self' 'nonce-[\w-]+'", csp), url
        assert response.headers["Cache-Control"] == "no-store", url


def test_scripts_run_only_with_the_pages_nonce(client: FlaskClient) -> None:
    response = client.get(start(client, REFERRAL))
    nonce = re.search(r"'nonce-([\w-]+)'", response.headers["Content-Security-Policy"])[1]
    scripts = page(response).xpath("//script")
    assert scripts and all(s.get("nonce") == nonce for s in scripts)


def test_static_assets_may_be_cached(client: FlaskClient) -> None:
    response = client.get("/assets/application.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_session_cookie_is_http_only_and_same_site(client: FlaskClient) -> None:
    cookie = client.get("/").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_cookie_is_secure_and_needs_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(ProductionConfig)

    class Production(ProductionConfig):
        SECRET_KEY = "x" * 64
        SQLALCHEMY_DATABASE_URI = "sqlite://"

    app = create_app(Production)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/health", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_production_session_cookie_is_a_host_cookie() -> None:
    # issue 13: __Host- makes browsers keep it only when Secure, Path=/ and without Domain.
    class Production(ProductionConfig):
        SECRET_KEY = "x" * 64
        SQLALCHEMY_DATABASE_URI = "sqlite://"

    app = create_app(Production)
    cookie = app.test_client().get("/sign-in", base_url="https://localhost").headers["Set-Cookie"]
    name, _, rest = cookie.partition("=")
    attributes = {a.split("=")[0].strip().lower(): a for a in rest.split(";")[1:]}
    assert name == "__Host-cse_forms_session"
    assert "secure" in attributes and "httponly" in attributes
    assert attributes["path"].strip() == "Path=/"
    assert "domain" not in attributes


def test_development_session_cookie_has_no_prefix(client: FlaskClient) -> None:
    # Plain HTTP on 127.0.0.1: a __Host- cookie would not be kept without Secure.
    assert client.get("/").headers["Set-Cookie"].startswith("cse_forms_session=")


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_post_without_a_valid_csrf_token_saves_nothing(
    client: FlaskClient, token: str | None
) -> None:
    url = section_of(start(client, REFERRAL), REFERRAL, "child_forename")
    posted = form_data(REFERRAL, sample_json("cse_referral"))
    posted["lock_version"] = hidden(client, url)["lock_version"]
    if token:
        posted["csrf_token"] = token
    response = client.post(url, data=posted)
    assert response.status_code == 400
    assert page(response).findtext(".//title").startswith("Error: ")
    assert "nothing was saved" in " ".join(error_messages(response))
    # What was typed comes back, to be sent again: a form is never lost to a token.
    assert page(response).xpath("//input[@name='child_forename']/@value") == ["Jasmine"]
    assert stored() == 0
    # Nor is the draft changed: it still holds what the case prefilled.
    assert page(client.get(url)).xpath("//input[@name='child_forename']/@value") == ["Testy"]


def test_a_token_from_another_session_is_refused(app: Flask, client: FlaskClient) -> None:
    other = sign_in_as(app.test_client(), make_user("manager"))
    url = section_of(start(client, REFERRAL), REFERRAL, "child_forename")
    posted = form_data(REFERRAL, sample_json("cse_referral"))
    posted["lock_version"] = hidden(client, url)["lock_version"]
    posted["csrf_token"] = token_on(other, "/")
    assert client.post(url, data=posted).status_code == 400
    assert stored() == 0


def test_no_answer_reaches_the_logs(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for url in urls(client):
        client.get(url)
    logged = caplog.text
    for value in ("Jasmine", "Testcase", "Madeup", "Example Road"):
        assert value not in logged


def test_answers_never_appear_in_urls(client: FlaskClient) -> None:
    location = submit(client, REFERRAL, sample_json("cse_referral"))
    assert re.fullmatch(r"/versions/[\w-]{24}", location)


def _malformed() -> list[tuple[str, MultiDict]]:
    base = list(form_data(REFERRAL, sample_json("cse_referral")).items(multi=True))
    without_dob = [(k, v) for k, v in base if k != "child_dob"]
    return [
        ("two date parts", MultiDict([*without_dob, ("child_dob", "1"), ("child_dob", "2")])),
        ("four date parts", MultiDict([*without_dob] + [("child_dob", "1")] * 4)),
        ("unknown radio value", MultiDict([*base, ("consultation", "maybe")])),
        ("far-off block index", MultiDict([*base, ("persons-999-forename", "X")])),
        ("negative remove", MultiDict([*base, ("remove_persons", "-1")])),
        ("huge remove index", MultiDict([*base, ("remove_persons", "99999999999999999999")])),
        ("remove word", MultiDict([*base, ("remove_persons", "all")])),
        ("unknown fields", MultiDict([*base, ("is_admin", "1"), ("__class__", "x")])),
        ("nul everywhere", MultiDict([(k, "\x00") for k, _ in base])),
        ("repeated text", MultiDict([*base, ("child_forename", "Second")])),
        ("empty", MultiDict()),
    ]


@pytest.mark.parametrize(("case", "posted"), _malformed(), ids=[c for c, _ in _malformed()])
def test_no_input_gives_a_server_error(client: FlaskClient, case: str, posted: MultiDict) -> None:
    url = start(client, REFERRAL)
    posted["csrf_token"] = token_on(client, "/")
    for number in range(1, len(REFERRAL.sections) + 1):
        posted["lock_version"] = hidden(client, f"{url}/sections/{number}")["lock_version"]
        response = client.post(f"{url}/sections/{number}", data=posted)
        assert response.status_code in (200, 302), (case, number)
        if response.status_code == 200:
            assert page(response).findtext(".//title").startswith("Error: "), (case, number)
    # What was saved opens again, everywhere.
    for shown in (url, f"{url}/check", *(f"{url}/sections/{n}" for n in (2, 3))):
        assert client.get(shown).status_code == 200, (case, shown)


def test_too_large_a_post_is_refused_clearly(client: FlaskClient) -> None:
    url = f"{start(client, REFERRAL)}/sections/1"
    response = client.post(url, data={"concerns_summary": "x" * 9_000_000})
    assert response.status_code == 413
    assert "too long" in response.get_data(as_text=True)
