"""Queueing mail, and finding what has not gone.

`enqueue` adds the mail to the caller's transaction and commits nothing: the mail exists
exactly when the step that causes it is committed, and a rolled-back step sends nothing.
Subjects and bodies come from callers and may name a child: nothing here logs them, and a
refusal says which part is wrong, never what it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import or_, select

from models import OutboxMail, User, db

MAX_SUBJECT = 255  # the column's length (PostgreSQL refuses a longer string)
MAX_FILENAME = 255
_CONTENT_TYPE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}"
)


class MailError(ValueError):
    """A mail that cannot be queued as given; the message names the part, never its text."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


def enqueue(
    *,
    to: Sequence[str],
    subject: str,
    body: str,
    sender_id: str | None,
    cc: Sequence[str] = (),
    case_id: str | None = None,
    attachment: Attachment | None = None,
) -> OutboxMail:
    """Queue a mail in the current transaction (not committed here) and return it.

    `sender_id` is the user whose step causes the mail (None for the service itself);
    `case_id` the case it is about, if any. Raises MailError for a bad address, a line break
    in a header, a NUL anywhere, or a subject longer than 255 characters.
    """
    if isinstance(to, str) or isinstance(cc, str):
        raise MailError("to and cc are lists of addresses, not one string")
    if not to:
        raise MailError("a mail needs at least one address in to")
    _header("subject", subject, MAX_SUBJECT)
    if "\x00" in body:
        raise MailError("the body holds a NUL character")
    mail = OutboxMail(
        to=_addresses("to", to),
        cc=_addresses("cc", cc),
        subject=subject,
        body=body,
        sender_id=sender_id,
        case_id=case_id,
    )
    if attachment is not None:
        _header("the attachment's filename", attachment.filename, MAX_FILENAME)
        if not attachment.filename or "/" in attachment.filename:
            raise MailError("the attachment's filename must be a name, without a /")
        if not _CONTENT_TYPE.fullmatch(attachment.content_type):
            raise MailError("the attachment's content type is not of the form type/subtype")
        mail.attachment = bytes(attachment.data)
        mail.attachment_filename = attachment.filename
        mail.attachment_type = attachment.content_type.lower()
    db.session.add(mail)
    return mail


def _header(part: str, value: str, longest: int) -> None:
    if any(character in value for character in "\r\n\x00"):
        raise MailError(f"{part} holds a line break or a NUL character")
    if len(value) > longest:
        raise MailError(f"{part} is longer than {longest} characters")


def _addresses(field: str, addresses: Sequence[str]) -> list[str]:
    valid = []
    for number, address in enumerate(addresses, start=1):
        if any(character in address for character in "\r\n\x00"):
            raise MailError(f"address {number} of {field} holds a line break or a NUL")
        try:
            checked = validate_email(address, check_deliverability=False)
        except EmailNotValidError:
            raise MailError(f"address {number} of {field} is not a valid email address") from None
        valid.append(checked.normalized)
    return valid


def undelivered(sender_id: str | None = None) -> list[OutboxMail]:
    """Mail that has not gone and has been tried: failed, or pending after a failed attempt,
    oldest first. Of one sender, or (None) of everyone, for admins."""
    query = select(OutboxMail).where(
        or_(
            OutboxMail.status == "failed",
            (OutboxMail.status == "pending") & OutboxMail.last_error.is_not(None),
        )
    )
    if sender_id is not None:
        query = query.where(OutboxMail.sender_id == sender_id)
    return list(db.session.scalars(query.order_by(OutboxMail.created_at, OutboxMail.id)))


def undelivered_for(user: User) -> list[OutboxMail]:
    """What `user` may be told has not gone: an admin, every mail; anyone else, their own."""
    return undelivered(None if user.role == "admin" else user.id)
