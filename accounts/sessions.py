"""Signed-in sessions, kept on the server, the per-account sign-in throttle, and ending an
account's sessions at once (deactivation, a reset, a new password).

Flask-Login keeps only the id of a `StaffSession` row in the (signed) session cookie. Signing
out, or going idle or past the absolute limit, deletes the row: a copy of the cookie taken
before is then worth nothing. Every process reads the same rows, so a sign-in on one serves
requests on any other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from flask import current_app, g
from flask_login import LoginManager
from sqlalchemy import delete, func, select, update

from models import SignInFailure, StaffSession, User, db, now
from serving.transactions import writing

login_manager = LoginManager()
login_manager.session_protection = "basic"

# Saving the last-seen time on every request would make every page view a write: a minute's
# precision is enough for a 30-minute idle limit.
_TOUCH_EVERY = dt.timedelta(minutes=1)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    found = db.session.execute(
        select(StaffSession, User)
        .join(User, User.id == StaffSession.user_id)
        .where(StaffSession.id == session_id)
    ).first()
    if found is None:
        return None
    row, user = found
    moment = now()
    idle = moment - row.last_seen > current_app.config["IDLE_TIMEOUT"]
    if idle or moment - row.created_at > current_app.config["PERMANENT_SESSION_LIFETIME"]:
        end(session_id)
        g.timed_out = True
        return None
    if not user.active:
        return None
    if moment - row.last_seen > _TOUCH_EVERY:
        keep_alive(session_id)
    user.session_id = session_id
    return user


def start(user: User) -> None:
    """A new server session for `user` (in the caller's write); Flask-Login then keeps its id."""
    with writing():
        row = StaffSession(user_id=user.id)
        db.session.add(row)
        db.session.flush()
    user.session_id = row.id


def end(session_id: str) -> None:
    # Statements, not ORM objects: another request may have ended the session already.
    with writing():
        db.session.execute(delete(StaffSession).where(StaffSession.id == session_id))


def keep_alive(session_id: str) -> None:
    """The user asked to stay signed in (or is busy): the idle clock starts again."""
    with writing():
        db.session.execute(
            update(StaffSession).where(StaffSession.id == session_id).values(last_seen=now())
        )


def _account_key(email: str) -> str:
    """A keyed hash of the email typed: failures are counted per account without keeping the
    address, and an unknown address is counted exactly like a known one."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def reserve_attempt(email: str) -> int | None:
    """Count an attempt to sign in to this account before its password is checked; its id, or
    None if the account has had its SIGN_IN_ATTEMPTS failures in SIGN_IN_WINDOW.

    The attempt is committed first and the attempts are counted after: whichever order
    simultaneous attempts commit in, the k-th sees at least k, so no more than the limit are
    ever checked, however many arrive at once, in however many processes. An attempt whose
    password turns out right is forgotten (`forget_attempt`); a wrong one stays as a failure.
    """
    config = current_app.config
    key = _account_key(email)
    since = now() - config["SIGN_IN_WINDOW"]
    with writing():
        # Failures older than the window count for nothing: forget them.
        db.session.execute(delete(SignInFailure).where(SignInFailure.at < since))
        attempt = SignInFailure(account=key)
        db.session.add(attempt)
        db.session.flush()
        attempt_id = attempt.id
    counted = db.session.scalar(
        select(func.count())
        .select_from(SignInFailure)
        .where(SignInFailure.account == key, SignInFailure.at > since)
    )
    if counted > config["SIGN_IN_ATTEMPTS"]:
        forget_attempt(attempt_id)  # refused unchecked: it must not extend the lock-out
        return None
    return attempt_id


def forget_attempt(attempt_id: int) -> None:
    with writing():
        db.session.execute(delete(SignInFailure).where(SignInFailure.id == attempt_id))


def end_sessions(user_id: str, keep: str | None = None) -> None:
    """End every session of the account at once (but `keep`), in the caller's write: its next
    request is sent to the sign-in page."""
    query = delete(StaffSession).where(StaffSession.user_id == user_id)
    if keep:
        query = query.where(StaffSession.id != keep)
    db.session.execute(query)


def sessions_of(user_id: str) -> int:
    return (
        db.session.scalar(
            select(func.count()).select_from(StaffSession).where(StaffSession.user_id == user_id)
        )
        or 0
    )
