"""The second factor: TOTP codes from an authenticator app, and ten one-time recovery codes.

Issue 13 (ASVS 5.0 L2, NCSC): every account proves a second factor at every new session.
A code is accepted for the 30-second step it was made for, or the one before or after (a
phone's clock drifts), and never twice: the last accepted step is kept.
"""

from __future__ import annotations

import hashlib
import secrets

import pyotp
import segno
from sqlalchemy import delete, select, update

from models import RecoveryCode, User, db, now
from serving.transactions import writing

ISSUER = "Kingston & Richmond CSE forms"
RECOVERY_CODES = 10
# 16 letters and digits of base32: 80 random bits, so SHA-256 of them is safe to keep.
_RECOVERY_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789"  # no l, o, 0 or 1 to misread
_RECOVERY_LENGTH = 16


def new_secret() -> str:
    return pyotp.random_base32()


def qr_svg(secret: str, email: str) -> str:
    """The set-up QR code as inline SVG, made here: the secret never leaves the server."""
    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)
    return str(segno.make(uri, error="m").svg_inline(scale=5, dark="#0b0c0c", light="#ffffff"))


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _digits(typed: str) -> str:
    return "".join(c for c in typed if not c.isspace() and c != "-")


def accepted_step(secret: str, typed: str, after: int | None) -> int | None:
    """The step `typed` is the code of (this one, the one before or after), if later than
    `after`; otherwise None."""
    code = _digits(typed)
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    step = int(now().timestamp()) // totp.interval
    for candidate in (step, step - 1, step + 1):
        if (after is None or candidate > after) and secrets.compare_digest(
            totp.generate_otp(candidate), code
        ):
            return candidate
    return None


def check_code(user: User, typed: str) -> bool:
    """Whether `typed` is a fresh code of the user's app; the step is then used up. The update
    is conditional, so two requests with the same code cannot both pass."""
    if not user.totp_secret:
        return False
    step = accepted_step(user.totp_secret, typed, user.totp_last_step)
    if step is None:
        return False
    with writing():
        used = db.session.execute(
            update(User)
            .where(User.id == user.id)
            .where((User.totp_last_step.is_(None)) | (User.totp_last_step < step))
            .values(totp_last_step=step)
        ).rowcount  # type: ignore[attr-defined]
    user.totp_last_step = step
    return used == 1


def _hash(code: str) -> str:
    return hashlib.sha256(_normal(code).encode()).hexdigest()


def _normal(typed: str) -> str:
    return "".join(c for c in typed.lower() if c.isalnum())


def confirm(user: User, secret: str, step: int) -> list[str]:
    """Keep the secret the user's app has proved it holds; return ten new recovery codes, shown
    once (only their hashes are kept). Any earlier codes are deleted."""
    codes = [
        "-".join("".join(secrets.choice(_RECOVERY_LETTERS) for _ in range(4)) for _ in range(4))
        for _ in range(RECOVERY_CODES)
    ]
    with writing():
        user.totp_secret = secret
        user.totp_last_step = step
        db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(c)) for c in codes)
    return codes


def use_recovery_code(user: User, typed: str) -> bool:
    """Whether `typed` is one of the user's unused recovery codes; it is then used up."""
    if len(_normal(typed)) != _RECOVERY_LENGTH:
        return False
    with writing():
        used = db.session.execute(
            update(RecoveryCode)
            .where(
                RecoveryCode.user_id == user.id,
                RecoveryCode.code_hash == _hash(typed),
                RecoveryCode.used_at.is_(None),
            )
            .values(used_at=now())
        ).rowcount  # type: ignore[attr-defined]
    return used == 1


def recovery_codes_left(user: User) -> int:
    return len(
        db.session.scalars(
            select(RecoveryCode.id).where(
                RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
            )
        ).all()
    )


def reset(user: User) -> None:
    """Forget the second factor (an admin's reset): it is set up again at the next sign-in.
    In the caller's write."""
    user.totp_secret = None
    user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
