"""Signing in and out, staying signed in, and the list of accounts (for admins)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovTextInput
from sqlalchemy import select
from wtforms import PasswordField, StringField

from accounts import sessions
from accounts.passwords import hash_password, verify_password
from models import User, db
from web.access import audit, public, roles, signed_in

bp = Blueprint("accounts", __name__)

WRONG = "Enter a correct email address and password"
THROTTLED = (
    "There have been too many attempts to sign in to this account. Wait 5 minutes, then try again"
)
# Checked when no account matches, so that a wrong email takes as long as a wrong password.
_NOBODY = hash_password("no account has this password")


class SignInForm(FlaskForm):
    email = StringField(
        "Email address", widget=GovTextInput(), render_kw={"autocomplete": "username"}
    )
    password = PasswordField(
        "Password", widget=GovPasswordInput(), render_kw={"autocomplete": "current-password"}
    )


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never another site's address."""
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/"):
        return url_for("cases.home")
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in() -> ResponseReturnValue:
    form = SignInForm()
    error = None
    if request.method == "POST" and form.validate():
        email = (form.email.data or "").strip().lower()
        password = form.password.data or ""
        if sessions.throttled(email):
            error = THROTTLED
        else:
            user = db.session.scalar(select(User).where(User.email == email))
            known = verify_password(user.password_hash if user else _NOBODY, password)
            if user is not None and known and user.active:
                # A new session from scratch: nothing of an earlier one carries over, and
                # an earlier sign-in in this browser ends on the server too.
                if current_user.is_authenticated:
                    sessions.end(current_user.session_id)
                session.clear()
                sessions.start(user)
                login_user(user)
                audit("sign in")
                return redirect(_safe_next(request.args.get("next")))
            sessions.record_failure(email)
            error = WRONG
    return render_template("sign_in.html", form=form, error=error)


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
    return render_template("accounts.html", users=users)
