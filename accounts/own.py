"""One's own account: choosing a password from an invitation's link, and changing it."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import update

from accounts import invitations, second_factor, sessions
from accounts.forms import ChangePasswordForm, NewPasswordForm, error_list
from accounts.passwords import hash_password, verify_password
from models import User, db
from serving.capacity import turn
from serving.limits import sign_in_limited
from serving.transactions import release, writing
from web.access import audit, public, signed_in

bp = Blueprint("own_account", __name__)

WRONG_CURRENT = "Current password is wrong: enter the password you signed in with"


def _gone() -> ResponseReturnValue:
    """The same page whatever is wrong with the link: unknown, expired, used or withdrawn."""
    return render_template("invitation_gone.html"), 404


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
@sign_in_limited
def invitation(token: str) -> ResponseReturnValue:
    """The link of an invitation's mail: choose a password, then set up the second factor.
    The token is in the path: the request logs leave it out (app.py, deploy's nginx)."""
    found = invitations.valid(token)
    if found is None:
        return _gone()
    user = db.session.get(User, found.user_id)
    assert user is not None  # valid() found it
    form = NewPasswordForm()
    form.email = user.email
    if request.method == "POST" and form.validate():
        release()
        with turn("password check"):
            password_hash = hash_password(form.password.data or "")
        with writing():
            used = invitations.use(found, password_hash)
            if used:
                audit("invitation accepted", user_id=user.id, about_user_id=user.id)
        if not used:
            return _gone()
        db.session.refresh(user)
        return second_factor.begin(user, url_for("cases.home"))
    return render_template(
        "invitation.html",
        form=form,
        errors=error_list(form),
        email=user.email,
        reset=bool(user.totp_secret),
    )


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
@sign_in_limited
def change_password() -> ResponseReturnValue:
    """Change one's own password: every other session of the account then ends."""
    form = ChangePasswordForm()
    form.email = current_user.email
    if request.method == "POST" and form.validate():
        release()
        with turn("password check"):
            right = verify_password(current_user.password_hash, form.current.data or "")
            password_hash = hash_password(form.password.data or "") if right else ""
        if right:
            with writing():
                db.session.execute(
                    update(User)
                    .where(User.id == current_user.id)
                    .values(password_hash=password_hash)
                )
                sessions.end_sessions(current_user.id, keep=current_user.session_id)
                audit("password changed", about_user_id=current_user.id)
            flash("Your password has been changed. You are signed out everywhere else.")
            return redirect(url_for("cases.home"))
        g.sign_in_failed = True  # a guess at the password: counted by the sign-in limits
        audit("password change refused", about_user_id=current_user.id)
        form.current.errors = [WRONG_CURRENT]
    return render_template(
        "account_password.html",
        form=form,
        errors=error_list(form, "current", "password", "confirm"),
    )
