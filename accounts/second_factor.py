"""The second step of signing in: a code from the authenticator app or a recovery code, and
setting the app up at the first sign-in (or after an admin's reset, or an invitation).

Between the password and the code, the browser's (signed) session holds only the account's id,
the moment the password was right and where to go next: no session exists on the server and
nothing is signed in. It lasts `PENDING_FOR`. Wrong codes count against the same per-account
and per-address limits as wrong passwords (accounts.sessions, serving.limits).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from flask import (
    Blueprint,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import Length

from accounts import sessions, two_factor
from models import User, db, now
from serving.limits import sign_in_limited
from serving.transactions import writing
from web.access import audit, public

bp = Blueprint("second_factor", __name__)

PENDING_FOR = dt.timedelta(minutes=10)
WRONG_CODE = "Enter the 6-digit code your authenticator app shows now"
WRONG_RECOVERY = "Enter one of your recovery codes that has not been used"
THROTTLED = (
    "There have been too many attempts to sign in to this account. Wait 5 minutes, then try again"
)
EXPIRED = "You took too long to enter a code. Sign in again."


class CodeForm(FlaskForm):
    code = StringField(
        "Security code",
        widget=GovTextInput(),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"},
        validators=[Length(max=40, message="The code is too long")],
    )


def begin(user: User, next_path: str) -> ResponseReturnValue:
    """The password was right (or an invitation's password set): ask for the second factor,
    or for setting it up."""
    if current_user.is_authenticated:  # an earlier sign-in in this browser ends on the server
        sessions.end(current_user.session_id)
    session.clear()
    session["pending"] = {"user": user.id, "at": now().isoformat(), "next": next_path}
    return redirect(url_for("second_factor.code" if user.totp_secret else "second_factor.set_up"))


def _pending() -> User | None:
    """The account whose password was given in this browser in the last PENDING_FOR."""
    pending = session.get("pending")
    if not isinstance(pending, dict):
        return None
    try:
        at = dt.datetime.fromisoformat(pending["at"])
    except (KeyError, TypeError, ValueError):
        return None
    if now() - at > PENDING_FOR:
        return None
    user = db.session.get(User, pending.get("user", ""))
    return user if user is not None and user.active else None


def _finish(user: User) -> ResponseReturnValue:
    """Both factors given: a new session from scratch."""
    next_path = session["pending"].get("next") or url_for("cases.home")
    session.clear()
    if g.get("after_sign_in"):
        flash(g.after_sign_in)
    with writing():
        sessions.start(user)
        login_user(user)
        audit("sign in")
    return redirect(next_path)


def _again() -> ResponseReturnValue:
    session.pop("pending", None)
    flash(EXPIRED)
    return redirect(url_for("accounts.sign_in"))


def _reserve(user: User) -> int | None:
    """A code's attempt, counted against the account as a password's is (accounts.sessions);
    None, audited, once the account has had its failures."""
    attempt = sessions.reserve_attempt(user.email)
    if attempt is None:
        audit("sign in throttled", user_id=user.id)
    return attempt


def _failed(user: User) -> None:
    g.sign_in_failed = True  # counted by the per-address and global limits too
    audit("second factor failed", user_id=user.id)


# The two ways of giving the second factor, each a page of its own: what it asks, and the
# other way offered below it.
_WAYS = {
    "app": {
        "title": "Enter the code from your authenticator app",
        "hint": "Open the authenticator app on your phone and enter the 6-digit code it shows "
        "for this service.",
        "classes": "govuk-input--width-10 govuk-input--extra-letter-spacing",
        "other": ("second_factor.recovery", "Use a recovery code instead"),
        "wrong": WRONG_CODE,
    },
    "recovery": {
        "title": "Enter a recovery code",
        "hint": "One of the ten codes you were shown when you set up your authenticator app, "
        "for example abcd-efgh-jkmn-pqrs. Each code works once.",
        "classes": "govuk-input--width-20",
        "other": ("second_factor.code", "Use the code from your authenticator app"),
        "wrong": WRONG_RECOVERY,
    },
}


def _second_step(way: str, accepts: Callable[[User, str], bool]) -> ResponseReturnValue:
    """The page of one way of giving the second factor; signed in once `accepts` the code."""
    user = _pending()
    if user is None or not user.totp_secret:
        return _again()
    form = CodeForm()
    error = None
    if request.method == "POST":
        attempt = _reserve(user)
        if attempt is None:
            return render_template(
                "sign_in_code.html", form=form, error=THROTTLED, **_WAYS[way]
            ), 429
        if form.validate() and accepts(user, form.code.data or ""):
            sessions.forget_attempt(attempt)
            return _finish(user)
        _failed(user)
        error = _WAYS[way]["wrong"]
    return render_template("sign_in_code.html", form=form, error=error, **_WAYS[way])


@bp.route("/sign-in/code", methods=["GET", "POST"])
@public
@sign_in_limited
def code() -> ResponseReturnValue:
    return _second_step("app", two_factor.check_code)


@bp.route("/sign-in/recovery-code", methods=["GET", "POST"])
@public
@sign_in_limited
def recovery() -> ResponseReturnValue:
    return _second_step("recovery", _recovered)


def _recovered(user: User, typed: str) -> bool:
    if not two_factor.use_recovery_code(user, typed):
        return False
    audit("recovery code used", user_id=user.id)
    left = two_factor.recovery_codes_left(user)
    # Kept for the next page: _finish starts the session anew, flashed messages included.
    g.after_sign_in = (
        f"You used a recovery code: you have {left} left. An administrator can reset your "
        "second factor if you have lost your phone."
    )
    return True


@bp.route("/sign-in/set-up", methods=["GET", "POST"])
@public
@sign_in_limited
def set_up() -> ResponseReturnValue:
    """Set up the authenticator app: forced at the first sign-in. The secret waits in the
    signed session until a code made from it is typed."""
    user = _pending()
    if user is None:
        return _again()
    if user.totp_secret:
        return redirect(url_for(".code"))
    pending = session["pending"]
    if "secret" not in pending:
        pending["secret"] = two_factor.new_secret()
        session["pending"] = pending
    secret = pending["secret"]
    form = CodeForm()
    error = None
    if request.method == "POST":
        attempt = _reserve(user)
        if attempt is None:
            return _set_up_page(form, user, secret, THROTTLED), 429
        step = two_factor.accepted_step(secret, form.code.data or "", None)
        if form.validate() and step is not None:
            sessions.forget_attempt(attempt)
            codes = two_factor.confirm(user, secret, step)
            audit("second factor set up", user_id=user.id)
            next_path = pending.get("next") or url_for("cases.home")
            _finish(user)
            # Shown once, on this answer, never kept (nor cached: no-store on every page).
            return make_response(
                render_template("recovery_codes.html", codes=codes, next_path=next_path)
            )
        _failed(user)
        error = WRONG_CODE
    return _set_up_page(form, user, secret, error)


def _set_up_page(form: FlaskForm, user: User, secret: str, error: str | None) -> str:
    return render_template(
        "sign_in_set_up.html",
        form=form,
        error=error,
        qr=two_factor.qr_svg(secret, user.email),
        key=two_factor.grouped(secret),
    )
