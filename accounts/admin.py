"""Account management in the browser, for admins: invite someone, and each account's page with
its actions (change role, deactivate, reactivate, end sessions, reset the password or the
second factor, send a new invitation), each behind a confirmation page and audited. Admins
never see cases."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from accounts import invitations, sessions, two_factor
from accounts.forms import InviteForm, RoleForm, error_list
from models import User, db
from serving.transactions import writing
from web.access import audit, roles

bp = Blueprint("admin", __name__)

YOURSELF = "You cannot do this to your own account: ask another administrator"
LAST_ADMIN = (
    "This is the only active administrator: invite or reactivate another administrator first"
)


def _account(user_id: str) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _page(user: User) -> str:
    return url_for(".account", user_id=user.id)


def _invite_link(user: User) -> None:
    """A new link for `user`, mailed to them (in the caller's write)."""
    token = invitations.new_link(user, current_user.id)
    link = url_for("own_account.invitation", token=token, _external=True)
    invitations.mail_link(user, link, current_user.id)


@bp.route("/accounts/invite", methods=["GET", "POST"])
@roles("admin")
def invite() -> ResponseReturnValue:
    form = InviteForm()
    if request.method == "POST" and form.validate():
        user = _invited(form)
        if user is None:
            form.email.errors = ["An account with that email address already exists"]
            existing = db.session.scalar(select(User).where(User.email == form.email.data))
            return _invite_page(form, existing)
        flash(f"An invitation has been sent to {user.email}. The link works for 72 hours.")
        return redirect(_page(user))
    return _invite_page(form, None)


def _invited(form: InviteForm) -> User | None:
    """The new account, its invitation mailed; None if the address has an account (checked
    in the write, so that two invitations of one address cannot race)."""
    email = form.email.data or ""
    with writing():
        if db.session.scalar(select(User.id).where(User.email == email)) is not None:
            return None
        user = User(
            email=email,
            password_hash="",  # unusable until the invitation is used
            role=form.role.data,
            borough=form.borough.data if form.role.data == "spa" else None,
            name=(form.name.data or "").strip(),
            job_title=(form.job_title.data or "").strip(),
            organisation=(form.organisation.data or "").strip(),
            phone=(form.phone.data or "").strip(),
        )
        db.session.add(user)
        db.session.flush()
        _invite_link(user)
        audit("invite", about_user_id=user.id)
    return user


def _invite_page(form: InviteForm, existing: User | None) -> str:
    order = ("email", "name", "role", "borough", "job_title", "organisation", "phone")
    return render_template(
        "account_invite.html", form=form, errors=error_list(form, *order), existing=existing
    )


@bp.get("/accounts/<id:user_id>")
@roles("admin")
def account(user_id: str) -> ResponseReturnValue:
    user = _account(user_id)
    return render_template(
        "account.html",
        user=user,
        status=invitations.status(user),
        sessions=sessions.sessions_of(user.id),
        yourself=user.id == current_user.id,
        last_admin=invitations.is_last_admin(user),
    )


@bp.route("/accounts/<id:user_id>/role", methods=["GET", "POST"])
@roles("admin")
def change_role(user_id: str) -> ResponseReturnValue:
    user = _account(user_id)
    refused = YOURSELF if user.id == current_user.id else None
    form = RoleForm(data={"role": user.role, "borough": user.borough})
    if request.method == "POST" and refused is None and form.validate():
        with writing():
            if invitations.is_last_admin(user) and form.role.data != "admin":
                refused = LAST_ADMIN
            else:
                user.role = form.role.data
                user.borough = form.borough.data if form.role.data == "spa" else None
                audit("change role", about_user_id=user.id)
        if refused is None:
            flash(f"{user.email} is now: {form.role.data.replace('_', ' ')}.")
            return redirect(_page(user))
    return render_template(
        "account_role.html", user=user, form=form, errors=error_list(form), refused=refused
    )


# What each confirmed action does: its audit action, the question, what it means, its button.
Action = Callable[[User], str | None]


def _deactivate(user: User) -> str | None:
    if user.id == current_user.id:
        return YOURSELF
    if invitations.is_last_admin(user):
        return LAST_ADMIN
    user.active = False
    sessions.end_sessions(user.id)
    return None


def _reactivate(user: User) -> str | None:
    user.active = True
    return None


def _end_sessions(user: User) -> str | None:
    sessions.end_sessions(user.id, keep=current_user.session_id)
    return None


def _reset_second_factor(user: User) -> str | None:
    if user.id == current_user.id:
        return YOURSELF
    two_factor.reset(user)
    sessions.end_sessions(user.id)
    return None


def _invite_again(user: User) -> str | None:
    _invite_link(user)
    return None


def _reset_password(user: User) -> str | None:
    """A forgotten password: unusable at once, every session ended, a link to choose another
    mailed. The second factor stays."""
    if user.id == current_user.id:
        return YOURSELF
    user.password_hash = ""
    sessions.end_sessions(user.id)
    _invite_link(user)
    return None


ACTIONS: dict[str, tuple[str, Action, str]] = {
    "deactivate": ("deactivate", _deactivate, "{email}'s account is deactivated."),
    "reactivate": ("reactivate", _reactivate, "{email}'s account is active again."),
    "end_sessions": ("end sessions", _end_sessions, "{email} is signed out everywhere."),
    "reset_second_factor": (
        "reset second factor",
        _reset_second_factor,
        "{email} will set up an authenticator app again at their next sign-in.",
    ),
    "invite_again": (
        "invite again",
        _invite_again,
        "A new link has been sent to {email}. Earlier links no longer work.",
    ),
    "reset_password": (
        "reset password",
        _reset_password,
        "{email} has been sent a link to choose a new password, and is signed out everywhere.",
    ),
}


def _applies(name: str, user: User) -> bool:
    """Whether the action makes sense for the account as it is now."""
    return {
        "deactivate": user.active,
        "reactivate": not user.active,
        "end_sessions": True,
        "reset_second_factor": user.active and bool(user.totp_secret),
        "invite_again": user.active and not user.password_hash,
        "reset_password": user.active and bool(user.password_hash) and bool(user.totp_secret),
    }[name]


def _confirmed(name: str, user_id: str) -> ResponseReturnValue:
    """GET: the confirmation page. POST (from it): the action, audited, back to the account."""
    user = _account(user_id)
    if not _applies(name, user):  # already done (a second tab, the back button)
        return redirect(_page(user))
    action, do, done = ACTIONS[name]
    if request.method == "GET":
        return render_template(
            "account_confirm.html",
            user=user,
            action=name,
            yourself=user.id == current_user.id,
            last_admin=invitations.is_last_admin(user),
        )
    with writing():
        refused = do(user)
        if refused is None:
            audit(action, about_user_id=user.id)
    flash(refused or done.format(email=user.email), "error" if refused else "message")
    return redirect(_page(user))


@bp.route("/accounts/<id:user_id>/deactivate", methods=["GET", "POST"])
@roles("admin")
def deactivate(user_id: str) -> ResponseReturnValue:
    return _confirmed("deactivate", user_id)


@bp.route("/accounts/<id:user_id>/reactivate", methods=["GET", "POST"])
@roles("admin")
def reactivate(user_id: str) -> ResponseReturnValue:
    return _confirmed("reactivate", user_id)


@bp.route("/accounts/<id:user_id>/end-sessions", methods=["GET", "POST"])
@roles("admin")
def end_sessions(user_id: str) -> ResponseReturnValue:
    return _confirmed("end_sessions", user_id)


@bp.route("/accounts/<id:user_id>/reset-second-factor", methods=["GET", "POST"])
@roles("admin")
def reset_second_factor(user_id: str) -> ResponseReturnValue:
    return _confirmed("reset_second_factor", user_id)


@bp.route("/accounts/<id:user_id>/reset-password", methods=["GET", "POST"])
@roles("admin")
def reset_password(user_id: str) -> ResponseReturnValue:
    return _confirmed("reset_password", user_id)


@bp.route("/accounts/<id:user_id>/invite-again", methods=["GET", "POST"])
@roles("admin")
def invite_again(user_id: str) -> ResponseReturnValue:
    return _confirmed("invite_again", user_id)
