"""Signed-in sessions, kept on the server, and the sign-in throttle.

Flask-Login keeps only the id of a `StaffSession` row in the (signed) session cookie. Signing
out, or going idle or past the absolute limit, deletes the row: a copy of the cookie taken
before is then worth nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from flask import current_app, g
from flask_login import LoginManager
from sqlalchemy import delete, func, select

from models import SignInFailure, StaffSession, User, db, now

login_manager = LoginManager()
login_manager.session_protection = "basic"

# Saving the last-seen time on every request would make every page view a write: a minute's
# precision is enough for a 30-minute idle limit.
_TOUCH_EVERY = dt.timedelta(minutes=1)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    row = db.session.get(StaffSession, session_id)
    if row is None:
        return None
    moment = now()
    idle = moment - row.last_seen > current_app.config["IDLE_TIMEOUT"]
    if idle or moment - row.created_at > current_app.config["PERMANENT_SESSION_LIFETIME"]:
        db.session.delete(row)
        db.session.commit()
        g.timed_out = True
        return None
    user = db.session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    if moment - row.last_seen > _TOUCH_EVERY:
        row.last_seen = moment
        db.session.commit()
    user.session_id = row.id
    return user


def start(user: User) -> None:
    """A new server session for `user`; Flask-Login then keeps its id."""
    row = StaffSession(user_id=user.id)
    db.session.add(row)
    db.session.commit()
    user.session_id = row.id


def end(session_id: str) -> None:
    db.session.execute(delete(StaffSession).where(StaffSession.id == session_id))
    db.session.commit()


def keep_alive(session_id: str) -> None:
    """The user asked to stay signed in: the idle clock starts again."""
    row = db.session.get(StaffSession, session_id)
    if row is not None:
        row.last_seen = now()
        db.session.commit()


def _account_key(email: str) -> str:
    """A keyed hash of the email typed: failures are counted per account without keeping the
    address, and an unknown address is counted exactly like a known one."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def throttled(email: str) -> bool:
    config = current_app.config
    since = now() - config["SIGN_IN_WINDOW"]
    failures = db.session.scalar(
        select(func.count())
        .select_from(SignInFailure)
        .where(SignInFailure.account == _account_key(email), SignInFailure.at > since)
    )
    return bool(failures >= config["SIGN_IN_ATTEMPTS"])


def record_failure(email: str) -> None:
    db.session.add(SignInFailure(account=_account_key(email)))
    # Failures older than the window count for nothing: forget them.
    db.session.execute(
        delete(SignInFailure).where(SignInFailure.at < now() - current_app.config["SIGN_IN_WINDOW"])
    )
    db.session.commit()
