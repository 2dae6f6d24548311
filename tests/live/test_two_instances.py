"""Two instances of the app (gunicorn, two workers each) on two ports share one PostgreSQL and
one Redis: nothing one process needs lives in another, so a person can go on at either."""

from __future__ import annotations

from typing import Any

import pytest

from forms import ARTEFACTS
from forms.tasks import number_of
from tools.live import Gunicorn
from tools.visitor import Visitor

EMAIL = "lee.live@example.org"  # tests/live/conftest.py ACCOUNTS
COLLEAGUE = "morgan.live@example.org"
# The number of the referral's section that asks for the summary of concerns.
CONCERNS = number_of(ARTEFACTS["cse_referral"], "concerns_summary")


def _concerns(form: str) -> str:
    """The page of that section, of the document whose task list is at `form`."""
    return f"{form}/sections/{CONCERNS}"


@pytest.fixture(scope="module")
def pair(service: Any, postgres_url: str, redis_settings: dict[str, str]) -> list[Gunicorn]:
    return service(
        postgres_url,
        instances=2,
        TRUSTED_PROXIES="1",
        SIGN_IN_PER_ADDRESS="4 per 5 minutes",
        **redis_settings,
    )


def _draft(visitor: Visitor, form: str, **typed: str) -> Any:
    """What the page of the section asking for the concerns autosaves, as its script does."""
    visitor.get(_concerns(form))
    posted = {"lock_version": visitor.hidden["lock_version"], "section": str(CONCERNS), **typed}
    return visitor.post(f"{form}/autosave", posted)


def test_a_person_goes_on_at_the_other_instance(pair: list[Gunicorn]) -> None:
    a, b = pair
    lee = Visitor(a.url, address="198.51.100.20")
    assert lee.sign_in(EMAIL).status_code == 302
    case = lee.create_case("Twoinstance", "Testcase")
    form = lee.start(case, "cse_referral")
    assert _draft(lee, form, concerns_summary="Typed on A").status_code == 200

    lee.base = b.url  # the next request lands on the other instance
    assert lee.get(form).status_code == 200  # the task list
    page = lee.get(_concerns(form))
    assert page.status_code == 200 and "Typed on A" in page.text
    assert _draft(lee, form, concerns_summary="Typed on B").status_code == 200
    lee.base = a.url
    assert "Typed on B" in lee.get(_concerns(form)).text


def test_a_stale_save_on_one_instance_is_refused_after_a_save_on_the_other(
    pair: list[Gunicorn],
) -> None:
    a, b = pair
    lee = Visitor(a.url, address="198.51.100.21")
    lee.sign_in(EMAIL)
    case = lee.create_case("Staleinstance", "Testcase")
    lee.get(case)
    lee.post(f"{case}/members", {"email": COLLEAGUE})
    form = lee.start(case, "cse_referral")
    lee.get(_concerns(form))  # Lee reads the section's page on A...
    morgan = Visitor(b.url, address="198.51.100.22")
    morgan.sign_in(COLLEAGUE)
    assert (
        _draft(morgan, form, concerns_summary="Morgan, on B").status_code == 200
    )  # ...Morgan saves on B
    lock = lee.hidden["lock_version"]
    stale = lee.post(
        f"{form}/autosave",
        {"lock_version": lock, "section": str(CONCERNS), "concerns_summary": "Lee"},
    )
    assert stale.status_code == 409
    assert stale.json()["message"].startswith("This was changed by Morgan Live at")
    # So is "Save and continue" on the page as Lee read it: it shows what was typed, and why.
    pressed = lee.post(
        _concerns(form),
        {
            "lock_version": lock,
            "section": str(CONCERNS),
            "concerns_summary": "Lee, again",
            "action": "continue",
        },
    )
    assert pressed.status_code == 200
    assert "This was changed by Morgan Live at" in pressed.text and "Lee, again" in pressed.text
    assert "Morgan, on B" in lee.get(_concerns(form)).text


def test_signing_out_on_one_instance_ends_the_session_on_the_other(pair: list[Gunicorn]) -> None:
    a, b = pair
    lee = Visitor(a.url, address="198.51.100.23")
    lee.sign_in(EMAIL)
    copied = dict(lee.http.cookies)  # someone copies the cookie before Lee signs out
    lee.base = b.url
    lee.get("/")
    assert lee.post("/sign-out").status_code == 302
    thief = Visitor(a.url, address="198.51.100.24")
    thief.http.cookies.update(copied)
    refused = thief.get("/", allow_redirects=False)
    assert refused.status_code == 302 and refused.headers["Location"].startswith("/sign-in")


def test_failed_sign_ins_are_counted_across_both_instances(pair: list[Gunicorn]) -> None:
    a, b = pair
    for number in range(4):  # two on each, from one address, at four different accounts
        guesser = Visitor((a, b)[number % 2].url, address="203.0.113.50")
        assert guesser.sign_in(f"nobody{number}@example.org", "a wrong guess").status_code == 200
    for server in (a, b):  # the fifth is refused wherever it lands, even the right password
        late = Visitor(server.url, address="203.0.113.50")
        assert late.sign_in(EMAIL).status_code == 429
    assert Visitor(b.url, address="203.0.113.51").sign_in(EMAIL).status_code == 302
