"""Where the service holds the details that identify a young person, and those of the cases
a user can see.

The cases: a manager's, every case; anyone else's, the cases they are one of the people of and
those sent to their team (web.cases.may_see, in one query). The details: the case's own
(forms.case) and the submitted answers of the forms that name the young person, their school
or their parent or carer: one query for the cases, one per form. Measured (bench data, one
case with two submitted forms each): about 50-100 ms for 300 cases, 0.8-1.5 s for 3,000, on
SQLite and PostgreSQL alike; it runs only on a case study's "Check your answers".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select, union

from anonymity.matching import DOB, POSTCODE, Known
from models import Case, CaseMember, Document, Submission, db

NAME = "a young person's name"
ALIAS = "an alias"
SCHOOL = "a school"
FAMILY = "a family member's name"

# (form, field, kind of detail): "case" is the case's details.
SOURCES: tuple[tuple[str, str, str], ...] = (
    ("case", "forename", NAME),
    ("case", "surname", NAME),
    ("case", "dob", DOB),
    ("case", "postcode", POSTCODE),
    ("cse_referral", "child_forename", NAME),
    ("cse_referral", "child_surname", NAME),
    ("cse_referral", "child_alias", ALIAS),
    ("cse_referral", "child_dob", DOB),
    ("cse_referral", "child_education", SCHOOL),  # "Education status/school/college"
    ("mase_case_summary", "name", NAME),
    ("mase_case_summary", "dob", DOB),
    ("mase_case_summary", "school", SCHOOL),
    ("phoenix_referral", "person_name", NAME),
    ("phoenix_referral", "person_dob", DOB),
    ("phoenix_referral", "person_postcode", POSTCODE),
    ("phoenix_referral", "parent_name", FAMILY),  # "Name of parent or carer"
    ("phoenix_referral", "education_establishment", SCHOOL),
    ("phoenix_action_plan", "young_person_name", NAME),
    ("phoenix_action_plan", "dob", DOB),
    ("phoenix_delivery_plan", "client_name", NAME),
    ("phoenix_case_closure", "young_person_name", NAME),
    ("phoenix_case_closure", "dob", DOB),
)


def _seen_cases(user: Any) -> Select[Any] | None:
    """The ids of the cases `user` can see; None for a manager, who sees every case."""
    from web.cases import in_inbox  # the web layer's rule, read without a cycle at import

    if user.role == "manager":
        return None
    members = select(CaseMember.case_id).where(CaseMember.user_id == user.id)
    return select(union(members, in_inbox(user)).subquery().c[0])


def _by_form() -> dict[str, list[tuple[str, str]]]:
    forms: dict[str, list[tuple[str, str]]] = {}
    for form, name, kind in SOURCES:
        forms.setdefault(form, []).append((name, kind))
    return forms


def known_to(user: Any) -> Known:
    """The details of every case `user` can see."""
    seen = _seen_cases(user)
    known = Known()
    added: set[tuple[str, str]] = set()
    for form, fields in _by_form().items():
        if form == "case":
            query = select(Case.details)
            if seen is not None:
                query = query.where(Case.id.in_(seen))
        else:
            query = (
                select(Submission.answers)
                .join(Document, Document.id == Submission.document_id)
                .where(Submission.artefact == form, Document.case_id.is_not(None))
            )
            if seen is not None:
                query = query.where(Document.case_id.in_(seen))
        # Whole answers, read once each: on PostgreSQL, `json ->> field` parses the whole
        # text again for every field asked, several times slower than one parse here.
        for (answers,) in db.session.execute(query):
            for name, kind in fields:
                value = answers.get(name)
                if isinstance(value, str) and value and (kind, value) not in added:
                    added.add((kind, value))  # a name is on most forms of a case
                    known.add(kind, value)
    return known
