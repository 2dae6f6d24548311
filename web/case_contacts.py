"""The case page's Contacts section (Appendix 7): the quick form to record a contact, declared
like any form (contacts.CONTACT), and the log, newest first, with the total time.

The whole section, case notes included, is shown to the Phoenix Project and managers only
(contacts.KEEPERS); everyone else who may see the case sees none of it.
"""

from __future__ import annotations

from typing import Any

from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from clocks import london_today
from contacts import CONTACT, KEEPERS, total_text
from forms.web import error_summary, form_class
from models import Case, Contact, db


def new_contact_form() -> FlaskForm:
    """An empty form to record a contact, dated today in London; never filled from another
    form's post."""
    return form_class(CONTACT)(formdata=None, data={"contact_on": london_today()})


def case_contacts(case_id: str) -> list[Contact]:
    """The case's contacts, newest first (the latest recorded first on the same day)."""
    return list(
        db.session.scalars(
            select(Contact)
            .where(Contact.case_id == case_id)
            .order_by(Contact.contact_on.desc(), Contact.recorded_at.desc())
            .options(selectinload(Contact.recorder))  # who recorded each: one query
        )
    )


def contacts_section(case: Case, form: FlaskForm | None = None) -> dict[str, Any]:
    """What the case page's Contacts section shows, for a Phoenix worker or a manager (else
    nothing); `form` is a posted form with its errors."""
    if current_user.role not in KEEPERS:
        return {"contact_form": None, "contact_errors": [], "may_record_contact": False}
    contacts = case_contacts(case.id)
    return {
        "contact_artefact": CONTACT,
        "contact_form": form or new_contact_form(),
        "may_record_contact": case.closed_at is None,  # closed: read-only (web/closed.py)
        "contacts": contacts,
        "contacts_total": total_text(contacts),
        "contact_errors": error_summary(form) if form is not None else [],
    }
