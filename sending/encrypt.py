"""The PDF sent by email, encrypted with AES-256 (pypdf, with `cryptography`).

The password is the one the receiving team agreed, held as a setting (never with the case,
never logged); where a team has none, a new one is made for each sending and shown once to the
sender, to give by phone.
"""

from __future__ import annotations

import io
import secrets

from pypdf import PdfReader, PdfWriter

# Letters and digits a person reads out on the phone without doubt: no 0/O, 1/l/I, 5/S, 2/Z.
_SPOKEN = "abcdefghjkmnpqrtuvwxy346789"


def new_password(groups: int = 4, size: int = 4) -> str:
    """A password to read out: 4 groups of 4 (about 76 bits), like "k7tq-m3wa-..."."""
    return "-".join("".join(secrets.choice(_SPOKEN) for _ in range(size)) for _ in range(groups))


def encrypted(pdf: bytes, password: str) -> bytes:
    """`pdf` encrypted with AES-256, opened with `password`; the owner password is random and
    kept nowhere (nobody may change the document's permissions)."""
    if not password:
        raise ValueError("an encrypted PDF needs a password")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(
        user_password=password, owner_password=secrets.token_urlsafe(32), algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
