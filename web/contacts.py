"""Recording a contact with the young person (Appendix 7) on a case, and the text of the
contacts to copy into Liquid Logic or QES. For the Phoenix Project and managers only
(contacts.KEEPERS), on the cases they may see.

The form is on the case page (web/case_contacts.py); a problem is shown there, next to the
field, with what was typed.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from clocks import day_text
from contacts import CONTACT, KEEPERS, PERIOD, copy_text, duration_text, may_copy, type_text
from forms.web import check, error_summary, form_class
from models import Contact, db, is_id
from pathway.state import refresh
from serving.transactions import writing
from web.access import audit, roles
from web.cases import case_page, details, visible_case
from web.closed import changes_case

bp = Blueprint("contacts", __name__)


@bp.post("/cases/<id:case_id>/contacts")
@roles(KEEPERS)
@changes_case
def record_contact(case_id: str) -> ResponseReturnValue:
    case = visible_case(case_id)
    form = form_class(CONTACT)()
    data = check(CONTACT, form)
    if data is None:
        return case_page(case, contact_form=form)
    contact = Contact(
        case_id=case_id,
        contact_on=data["contact_on"],
        minutes=data["contact_minutes"],
        contact_type=data["contact_type"],
        contact_type_other=data.get("contact_type_other"),
        nature=data["contact_nature"],
        summary=data["contact_summary"],
        case_notes=data.get("contact_notes"),
        consent=data.get("contact_consent"),
        recorded_by=current_user.id,
    )
    with writing():
        db.session.add(contact)
        refresh(case)  # the weekly-contact clock runs from this contact
        audit("record contact", case_id=case_id)
    flash(
        f"Contact recorded: {type_text(contact)}, {day_text(contact.contact_on)},"
        f" {duration_text(contact.minutes)}.",
        "contacts",
    )
    return redirect(url_for("cases.case", case_id=case_id) + "#contact-recorded")


def _period() -> tuple[dict[str, Any], FlaskForm, list[dict[str, str]]]:
    """The period asked for (?from=D&from=M&from=YYYY&to=..., as a GOV.UK date input sends it;
    either may be left out), its form, and the problems with it as GOV.UK error summary items:
    the declaration's (contacts.PERIOD), so a date reads and is refused as anywhere else."""
    form = form_class(PERIOD)(formdata=request.args, meta={"csrf": False})
    data = check(PERIOD, form)
    return data or {"from": None, "to": None}, form, error_summary(form)


@bp.get("/cases/<id:case_id>/contacts/copy")
@roles(KEEPERS)
def copy(case_id: str) -> ResponseReturnValue:
    """The contacts of the case (one contact, a period, or all of them) as plain text to paste
    into Liquid Logic or QES: never the case notes, never who the young person is."""
    case = visible_case(case_id)
    bounds, period, errors = _period()
    query = select(Contact).where(Contact.case_id == case_id)
    one = request.args.get("contact")
    if one is not None:
        if not is_id(one):  # names nothing: never a query (PostgreSQL refuses a NUL)
            abort(404)
        query = query.where(Contact.id == one)
    if bounds["from"]:
        query = query.where(Contact.contact_on >= bounds["from"])
    if bounds["to"]:
        query = query.where(Contact.contact_on <= bounds["to"])
    found = [] if errors else list(db.session.scalars(query.order_by(Contact.recorded_at)))
    if one is not None and not found and not errors:
        abort(404)
    audit("copy contacts", case_id=case_id)
    copied = [c for c in found if may_copy(c)]
    return render_template(
        "contacts_copy.html",
        case=case,
        details=details(case),
        errors=errors,
        period=period,
        period_form=PERIOD,
        one=one,
        text=copy_text(copied),
        copied=copied,
        left_out=[c for c in found if not may_copy(c)],
    )
