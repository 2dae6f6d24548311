"""Cases: one young person each, with the people who work on them and their documents.

Who sees a case: its members (whoever created it, and the colleagues added to it) and managers.
Anyone else is told it does not exist (404), and the refusal is audited.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import Select, false, select, update

from audit.queries import recent_of_case
from clocks.workdays import london_today
from forms import ARTEFACTS, starters
from forms.case import CASE
from forms.case_options import typed_to_choose, with_typed, without_typed
from forms.model import Artefact
from forms.prefill import USER_DETAILS, case_values, known_values
from forms.web import check, error_summary, form_class
from mail import undelivered_for
from models import Case, CaseMember, CaseStage, Submission, db
from pathway.state import refresh
from schemas import schema_for, stored_schema
from serving.transactions import writing
from web.access import CASEWORKERS, audit, public, roles
from web.case_contacts import contacts_section
from web.case_pathway import pathway_section
from web.closed import changes_case
from web.continuing import in_packs, own_drafts

bp = Blueprint("cases", __name__)

# Practitioners open cases; the Phoenix worker is added to the cases referred to the project.
CASE_CREATORS = frozenset({"referrer", "lead_professional", "manager"})
CASE_TRAIL = 10  # the events a case page lists; the audit page has them all


def visible_cases(user: Any) -> Select[Any]:
    query = select(Case).order_by(Case.created_at.desc())
    if user.role == "manager":
        return query
    return query.join(CaseMember).where(CaseMember.user_id == user.id)


def may_see(case_id: str, *, member: bool = False) -> bool:
    """Whether the signed-in user may see the case: a manager, one of its members, or the team
    it was sent to (web/work.py's inbox): SPA of the borough it went to, or the Phoenix
    Project. With `member`, whether they may change it (its details, people, sending): a
    manager or a member; the team it was sent to reads it and records its steps."""
    if current_user.role == "manager":
        return True
    if current_user.role not in CASEWORKERS:
        return False
    if db.session.get(CaseMember, (case_id, current_user.id)) is not None:
        return True
    if member:
        return False
    return db.session.scalar(in_inbox(current_user).where(CaseStage.case_id == case_id)) is not None


def may_add_members(case: Case) -> bool:
    """Whether the signed-in user may add a colleague to the case: a manager or one of its
    people, except the Phoenix Project's workers (README "Accounts, cases and who sees what":
    who works on a case is its referrers', lead professional's and managers' to say)."""
    return current_user.role != "phoenix" and may_see(case.id, member=True)


def may_remove_members(case: Case) -> bool:
    """Whether the signed-in user may take a colleague off the case (issue 13): a manager, the
    case's creator, or a lead professional who is one of its people."""
    if current_user.role == "manager":
        return True
    if not any(m.user_id == current_user.id for m in case.members):
        return False
    return case.created_by == current_user.id or current_user.role == "lead_professional"


def in_inbox(user: Any) -> Select[Any]:
    """The cases sent to the user's team: to SPA in an spa account's borough, or to the Phoenix
    Project for a phoenix account; none for anyone else."""
    query = select(CaseStage.case_id)
    if user.role == "spa" and user.borough:
        return query.where(CaseStage.borough == user.borough, CaseStage.to_spa_on.is_not(None))
    if user.role == "phoenix":
        return query.where(CaseStage.to_phoenix_on.is_not(None))
    return query.where(false())


def visible_case(case_id: str, *, member: bool = False) -> Case:
    """The case, if the signed-in user may see it (with `member`, change it); otherwise 404,
    audited."""
    case = db.session.get(Case, case_id)
    if case is None or not may_see(case.id, member=member):
        audit("refused", case_id=case_id)
        abort(404)
    return case


def details(case: Case) -> dict[str, Any]:
    """A case's details, clean (dates as dates)."""
    loaded: dict[str, Any] = stored_schema(CASE).load(without_typed(case.details))
    return loaded


def known(case: Case | None) -> dict[str, Any]:
    """What the service knows to prefill a new document: the case, the signed-in user, today,
    and the latest submitted version of each artefact in the case."""
    latest: dict[str, Submission] = {}
    for doc in case.documents if case else []:
        version = doc.latest
        # Latest by when it was submitted: a draft saved since on an older document (which
        # changes its updated_at) does not make that document's older version the latest.
        if version is not None and (
            doc.artefact not in latest or version.created_at > latest[doc.artefact].created_at
        ):
            latest[doc.artefact] = version
    answers = {
        slug: stored_schema(ARTEFACTS[slug]).load(version.answers)
        for slug, version in latest.items()
    }
    user = {name: getattr(current_user, name) for name in USER_DETAILS}
    today = london_today()
    case_known = case_values(details(case), today) if case else None
    return known_values(case_known, user, answers, today)


# The forms a team writes on a case sent to it without being one of its people: the Phoenix
# Project its own. The referrals it received are the referrers' to change, not the receivers'.
TEAM_FORMS = {"phoenix": "The Phoenix Project"}


def may_write(case_id: str | None, artefact: Artefact) -> bool:
    """Whether the signed-in user may start or change `artefact` on the case (None: a report):
    their role writes it, and they are one of the case's people or it is their team's form."""
    if current_user.role not in starters(artefact):
        return False
    if case_id is None or artefact.audience == TEAM_FORMS.get(current_user.role):
        return True
    return may_see(case_id, member=True)


def startable(case: Case | None) -> list[Artefact]:
    """The artefacts the signed-in user may start here: for a case, or reports for none (an
    attachment to a report, such as a case study, is started from its report)."""
    return [
        a
        for a in ARTEFACTS.values()
        if a.per_case == (case is not None)
        and a.attached_to is None
        and may_write(case.id if case else None, a)
    ]


@bp.get("/health")
@public
def health() -> ResponseReturnValue:
    return {"status": "ok"}


@bp.get("/")
@roles(CASEWORKERS | {"admin"})
def home() -> ResponseReturnValue:
    if current_user.role == "admin":
        return redirect(url_for("accounts.accounts"))
    cases = db.session.scalars(visible_cases(current_user)).all()
    rows = [(case, details(case)) for case in cases]
    # The user's own drafts (started or last saved by them), not every draft on their cases:
    # a to-do list of their own work, that stays short for a manager who sees every case.
    # Colleagues' drafts show on each case's page, and when the same form is started again.
    names = {c.id: f"{d.get('forename') or ''} {d.get('surname') or ''}" for c, d in rows}
    return render_template(
        "home.html",
        rows=rows,
        drafts=[(d, names.get(d.case_id or "")) for d in own_drafts(current_user)],
        may_create=current_user.role in CASE_CREATORS,
        undelivered_mail=undelivered_for(current_user),
    )


@bp.route("/cases/new", methods=["GET", "POST"])
@roles(CASE_CREATORS)
def new_case() -> ResponseReturnValue:
    form = form_class(CASE)()
    errors: list[dict[str, str]] = []
    if request.method == "POST":
        data = check(CASE, form)
        if data is not None:
            stored = schema_for(CASE).dump(data)
            with writing():
                case = Case(details=stored, created_by=current_user.id)
                case.members.append(CaseMember(user_id=current_user.id))
                db.session.add(case)
                db.session.flush()
                audit("create case", case_id=case.id)
            return redirect(url_for(".case", case_id=case.id))
        errors = error_summary(form)
    return render_template(
        "case_details.html", form=form, errors=errors, case=None, case_form=CASE, to_choose=[]
    )


@bp.route("/cases/<id:case_id>/details", methods=["GET", "POST"])
@roles(CASEWORKERS)
@changes_case
def change_details(case_id: str) -> ResponseReturnValue:
    case = visible_case(case_id, member=True)
    if request.method == "GET":
        form = form_class(CASE)(data=details(case))
    else:
        form = form_class(CASE)()
        data = check(CASE, form)
        if data is not None:
            stored = with_typed(schema_for(CASE).dump(data), case.details)
            with writing():
                db.session.execute(update(Case).where(Case.id == case_id).values(details=stored))
                refresh(case)  # the borough says which SPA team's inbox it is in
                audit("change case details", case_id=case_id)
            return redirect(url_for(".case", case_id=case_id))
    return render_template(
        "case_details.html",
        form=form,
        errors=error_summary(form),
        case=case,
        case_form=CASE,
        to_choose=typed_to_choose(case.details),
    )


@bp.get("/cases/<id:case_id>")
@roles(CASEWORKERS)
def case(case_id: str) -> ResponseReturnValue:
    case = visible_case(case_id)
    audit("view case")
    return case_page(case)


def case_page(
    case: Case,
    *,
    member_email: str = "",
    member_error: str | None = None,
    step_form: FlaskForm | None = None,
    contact_form: FlaskForm | None = None,
) -> str:
    """The case page; with the address of a colleague who could not be added, and why, or a
    step of the pathway (web/pathway.py) or a contact (web/contacts.py) not recorded."""
    # Managers see the latest events here, and the rest on the audit page (web/audit.py).
    trail = recent_of_case(case.id, CASE_TRAIL) if current_user.role == "manager" else []
    documents, packs = in_packs(case.documents)
    section = pathway_section(case, step_form) | contacts_section(case, contact_form)
    is_open = case.closed_at is None  # closed: read-only, nothing offered to change (web/closed.py)
    errors = [{"text": member_error, "href": "#member-email"}] if member_error else []
    return render_template(
        "case.html",
        case=case,
        case_form=CASE,
        details=details(case),
        to_choose=typed_to_choose(case.details),
        documents=documents,
        packs=packs,
        startable=startable(case) if is_open else [],
        may_edit={a.slug for a in ARTEFACTS.values() if is_open and may_write(case.id, a)},
        trail=trail,
        may_change=is_open and may_see(case.id, member=True),
        may_add=is_open and may_add_members(case),
        # Never the last one.
        may_remove=is_open and may_remove_members(case) and len(case.members) > 1,
        errors=errors + section.pop("pathway_errors") + section.pop("contact_errors"),
        member_email=member_email,
        member_error=member_error,
        **section,
    )
