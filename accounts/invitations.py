"""Accounts made in the browser: invitations by email, and what an admin may do to an account.

Issue 13. An invited account has no password ("": accounts.passwords.verify_password refuses
it) and no second factor until its one-time link is used. Only a SHA-256 hash of the link's
token is kept: the token has 256 random bits, so the hash cannot be reversed by trying.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import func, select, update

from mail import enqueue
from models import Invitation, User, db, now

LASTS = dt.timedelta(hours=72)
SUBJECT = "You have been invited to the Kingston & Richmond CSE forms service"
# The mail holds the link and generic words only: no name, no role, no case.
BODY = """You have been given an account on the Kingston & Richmond CSE forms service.

Open this link to choose your password and set up the authenticator app on your phone:

{link}

The link works once, for 72 hours. If it has expired, ask your administrator for a new one.
If you were not expecting this email, you can ignore it.
"""


# A forgotten password: the same one-time link, with words of its own. The second factor stays:
# the link alone signs nobody in.
RESET_SUBJECT = "Choose a new password for the Kingston & Richmond CSE forms service"
RESET_BODY = """Your administrator has reset the password of your account on the Kingston & Richmond
CSE forms service, as you asked.

Open this link to choose a new password:

{link}

The link works once, for 72 hours. You will then sign in with your new password and the code
from your authenticator app. If you did not ask for this, tell your administrator.
"""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def status(user: User) -> str:
    """Active, Invited (no password chosen yet), Password reset (a new one not chosen yet) or
    Deactivated."""
    if not user.active:
        return "Deactivated"
    if user.password_hash:
        return "Active"
    return "Password reset" if user.totp_secret else "Invited"


def new_link(user: User, created_by: str) -> str:
    """A new invitation for `user` (in the caller's write): earlier links stop working.
    Returns the token, which goes into the link and nowhere else."""
    db.session.execute(
        update(Invitation)
        .where(Invitation.user_id == user.id, Invitation.used_at.is_(None))
        .values(used_at=now())
    )
    token = secrets.token_urlsafe(32)
    moment = now()
    db.session.add(
        Invitation(
            token_hash=_hash(token),
            user_id=user.id,
            created_by=created_by,
            created_at=moment,
            expires_at=moment + LASTS,
        )
    )
    return token


def mail_link(user: User, link: str, sender_id: str) -> None:
    """Queue the link's mail (in the caller's write): an invitation's, or after a password
    reset (the account has a second factor already) a new password's."""
    subject, body = (RESET_SUBJECT, RESET_BODY) if user.totp_secret else (SUBJECT, BODY)
    enqueue(to=[user.email], subject=subject, body=body.format(link=link), sender_id=sender_id)


def valid(token: str) -> Invitation | None:
    """The invitation of `token` if it can still be used: unused, unexpired, its account
    active and without a password. None otherwise, whatever the reason."""
    if not token or len(token) > 100:
        return None
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_hash == _hash(token)))
    if invitation is None or invitation.used_at is not None or now() >= invitation.expires_at:
        return None
    user = db.session.get(User, invitation.user_id)
    if user is None or not user.active or user.password_hash:
        return None
    return invitation


def use(invitation: Invitation, password_hash: str) -> bool:
    """Set the account's password and use the invitation up (in the caller's write); False if
    another request used it first."""
    used = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.used_at.is_(None))
        .values(used_at=now())
    ).rowcount  # type: ignore[attr-defined]
    if used != 1:
        return False
    db.session.execute(
        update(User).where(User.id == invitation.user_id).values(password_hash=password_hash)
    )
    return True


def is_last_admin(user: User) -> bool:
    """Whether `user` is the only active admin who can sign in: they stay one."""
    if user.role != "admin" or not user.active or not user.password_hash:
        return False
    others = db.session.scalar(
        select(func.count())
        .select_from(User)
        .where(
            User.role == "admin",
            User.active.is_(True),
            User.password_hash != "",
            User.id != user.id,
        )
    )
    return not others
