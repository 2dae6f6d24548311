"""Signing in and out, staying signed in, and the list of accounts (for admins)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, logout_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovTextInput
from sqlalchemy import select
from wtforms import Field, PasswordField, StringField, ValidationError
from wtforms.validators import Length

from accounts import invitations, second_factor, sessions
from accounts.passwords import hash_password, verify_password
from forms.kinds import has_control_characters
from mail import undelivered_for
from models import User, db
from serving.capacity import BusyError, turn
from serving.errors import shown_again
from serving.limits import sign_in_limited
from serving.transactions import release
from web.access import audit, public, roles, signed_in

bp = Blueprint("accounts", __name__)

WRONG = "Enter a correct email address and password"
THROTTLED = (
    "There have been too many attempts to sign in to this account. Wait 5 minutes, then try again"
)
# Checked when no account matches, so that a wrong email takes as long as a wrong password.
_NOBODY = hash_password("no account has this password")


def _printable(_: FlaskForm, field: Field) -> None:
    """Refuse what no email address or password holds (a NUL would fail PostgreSQL's query)."""
    if has_control_characters(field.data or ""):
        raise ValidationError(f"{field.label.text} must not contain control characters")


class SignInForm(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        render_kw={"autocomplete": "username"},
        validators=[_printable, Length(max=254, message=WRONG)],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        render_kw={"autocomplete": "current-password"},
        validators=[_printable, Length(max=1024, message=WRONG)],
    )


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never another site's address, nor a header-breaking one."""
    parts = urlsplit(target or "")
    if (
        not target
        or parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or any(ord(c) < 32 or ord(c) == 127 for c in target)
    ):
        return url_for("cases.home")
    return target


def _signed_in(email: str, password: str) -> User | None:
    """The account, if `password` is its password; None otherwise (and counted as a failure).

    The password check (argon2id, 64 MiB) runs outside any write transaction and takes a
    turn: only a few run at once in a process (serving.capacity).
    """
    user = db.session.scalar(select(User).where(User.email == email))
    release()
    with turn("password check"):
        known = verify_password(user.password_hash if user else _NOBODY, password)
    if user is not None and known and user.active:
        return user
    g.sign_in_failed = True  # counted by the per-address and global limits too
    audit("sign in failed", user_id=user.id if user else None)
    return None


@bp.route("/sign-in", methods=["GET", "POST"])
@public
@sign_in_limited
def sign_in() -> ResponseReturnValue:
    form = SignInForm()
    error = None
    if request.method == "POST" and form.validate():
        email = (form.email.data or "").strip().lower()
        attempt = sessions.reserve_attempt(email)
        if attempt is None:
            audit("sign in throttled")
            return render_template("sign_in.html", form=form, error=THROTTLED), 429
        try:
            user = _signed_in(email, form.password.data or "")
        except BusyError:  # no password was checked: the attempt counts for nothing
            sessions.forget_attempt(attempt)
            raise
        if user is None:
            error = WRONG
        else:
            sessions.forget_attempt(attempt)
            # The second factor next (accounts.second_factor): nothing is signed in yet.
            return second_factor.begin(user, _safe_next(request.args.get("next")))
    elif request.method == "POST":
        error = next(iter(form.errors.values()))[0]
    return render_template("sign_in.html", form=form, error=error)


@shown_again("accounts.sign_in")
def _sign_in_again(message: str) -> str:
    """The sign-in page, with the address typed and why it did not sign in."""
    return render_template("sign_in.html", form=SignInForm(), error=message)


@bp.post("/sign-out")
@signed_in
def sign_out() -> ResponseReturnValue:
    audit("sign out")
    sessions.end(current_user.session_id)
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for(".sign_in"))


@bp.post("/session/keep-alive")
@signed_in
def keep_alive() -> ResponseReturnValue:
    """ "Stay signed in" on the timeout warning (and the form's autosave) start the idle
    clock again."""
    sessions.keep_alive(current_user.session_id)
    return "", 204


@bp.get("/accounts")
@roles("admin")
def accounts() -> ResponseReturnValue:
    users = db.session.scalars(select(User).order_by(User.role, User.email)).all()
    return render_template(
        "accounts.html",
        users=users,
        status=invitations.status,
        undelivered_mail=undelivered_for(current_user),
    )
