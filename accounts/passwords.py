"""Password rules and argon2id hashing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MINIMUM_LENGTH = 12
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


@cache
def _common() -> frozenset[str]:
    lines = (Path(__file__).parent / "common_passwords.txt").read_text("utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line and not line.startswith("#"))


def password_problem(password: str, email: str = "") -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MINIMUM_LENGTH:
        return f"The password must be at least {MINIMUM_LENGTH} characters long"
    if password.lower() in _common() or len(set(password)) <= 2:
        return "This password is too common: choose another (a few unrelated words work well)"
    name = email.split("@", 1)[0].lower()
    if len(name) >= 4 and name in password.lower():
        return "The password must not contain your email address"
    return None


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
