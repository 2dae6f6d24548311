"""The people working on a case: adding a colleague, and taking one off (issue 13).

Who may add: a manager or one of the case's people, except the Phoenix Project's workers; who
may remove: a manager, the case's creator, or a lead professional on the case
(web.cases.may_add_members, may_remove_members; the README says why). Anyone else, on either
route, is told the case does not exist (404), as for any case that is not theirs.

Adding answers in the same words whatever the address typed: whether it belongs to a member of
staff, an active one, or one already on the case is not told (no enumeration). A colleague's
name shows only once they are on the case, in its list of people. Both changes are audited with
the colleague's user id (AuditEvent.about_user_id), never their address or name.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import delete, func, select

from forms.kinds import has_control_characters
from models import CaseMember, User, db
from serving.transactions import writing
from web.access import CASEWORKERS, audit, roles
from web.cases import (
    case_page,
    details,
    may_add_members,
    may_remove_members,
    may_see,
    visible_case,
)
from web.closed import changes_case

bp = Blueprint("members", __name__)

# The longest address there is (RFC 5321's path limit): anything longer is no address.
_LONGEST = 254


@bp.post("/cases/<id:case_id>/members")
@roles(CASEWORKERS)
@changes_case
def add_member(case_id: str) -> ResponseReturnValue:
    """Add a colleague: a problem with what was typed is shown at the field, which keeps it;
    otherwise the People section says, in the same words whether or not anyone was added, that
    a colleague at that address can now see the case."""
    case = visible_case(case_id, member=True)
    if not may_add_members(case):
        audit("refused", case_id=case_id)
        abort(404)
    typed = request.form.get("email", "")
    email = typed.strip().lower()  # addresses are stored in lower case
    problem = _format_problem(email)
    if problem:
        # An address with control characters is no address: it is not shown again.
        shown = "" if has_control_characters(typed) else typed
        return case_page(case, member_email=shown, member_error=problem)
    user = db.session.scalar(select(User).where(User.email == email))
    if (
        user is not None
        and user.active
        and user.role in CASEWORKERS
        and all(m.user_id != user.id for m in case.members)
    ):
        with writing():
            db.session.add(CaseMember(case_id=case_id, user_id=user.id))
            audit("add member", case_id=case_id, about_user_id=user.id)
    # Shown in case.html's People section; the page opens at it (the banner takes focus).
    said = f"If {email} is a colleague who can use this service, they can now see this case."
    flash(said, "people")
    return redirect(url_for("cases.case", case_id=case_id) + "#member-added")


def _format_problem(email: str) -> str:
    """What is wrong with the address's form (never whether anyone has it), or ""."""
    if not email:
        return "Enter your colleague's work email address"
    if has_control_characters(email) or len(email) > _LONGEST or "@" not in email.strip("@"):
        return "Enter an email address in the correct format, like name@example.org"
    return ""


@bp.route("/cases/<id:case_id>/members/<id:member_id>/remove", methods=["GET", "POST"])
@roles(CASEWORKERS)
@changes_case
def remove_member(case_id: str, member_id: str) -> ResponseReturnValue:
    """GET: "Are you sure…" with what it means. POST (from it): take the colleague off the case
    at once (their next request for it is refused), audited, back to the People section; or,
    for someone who removed themselves and can no longer see the case, to their home page."""
    case = visible_case(case_id, member=True)
    if not may_remove_members(case):
        audit("refused", case_id=case_id)
        abort(404)
    back = url_for("cases.case", case_id=case_id)
    member = db.session.get(CaseMember, (case_id, member_id))
    if member is None:  # already removed (a second tab, the back button): nothing to do
        return redirect(back + "#people")
    name = member.user.display_name
    if request.method == "GET":
        return render_template(
            "member_remove.html",
            case=case,
            details=details(case),
            member=member,
            yourself=member_id == current_user.id,
            last=len(case.members) == 1,
            back=back,
        )
    with writing():
        people = select(func.count()).select_from(CaseMember).where(CaseMember.case_id == case_id)
        if db.session.scalar(people) == 1:  # counted in the write: never the last one
            flash(f"{name} is the only person on this case: add a colleague first.", "error")
            return redirect(back)
        db.session.execute(
            delete(CaseMember).where(CaseMember.case_id == case_id, CaseMember.user_id == member_id)
        )
        audit("remove member", case_id=case_id, about_user_id=member_id)
    db.session.expire_all()
    if member_id == current_user.id and not may_see(case_id):
        flash("You are no longer on that case, and can no longer see it.")
        return redirect(url_for("cases.home"))
    flash(f"{name} is no longer on this case.", "people")
    return redirect(back + "#member-added")
