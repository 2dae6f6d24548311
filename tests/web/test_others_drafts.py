"""Someone else's draft (README "Accounts, cases and who sees what"): changed only by the case's
people, never by a team that only has the case in its inbox, and every such save audited."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from clocks import london_today
from forms import ARTEFACTS
from models import AuditEvent, User, db
from tests.helpers import (
    add_member,
    document_id,
    make_case,
    make_user,
    record_step,
    save_draft,
    sign_in_as,
    start,
)

OTHERS = "edit another's draft"


def _as(app: Flask, role: str) -> tuple[FlaskClient, User]:
    user = make_user(role)
    return sign_in_as(app.test_client(), user), user


def _audited(user: User, draft_url: str, action: str = OTHERS) -> int:
    query = select(func.count()).where(
        AuditEvent.user_id == user.id,
        AuditEvent.action == action,
        AuditEvent.document_id == document_id(draft_url),
    )
    return db.session.scalar(query) or 0


def test_a_colleague_on_the_case_may_change_the_draft_and_each_save_is_audited(
    app: Flask,
) -> None:
    referrer, _ = _as(app, "referrer")
    lead, lead_user = _as(app, "lead_professional")
    case = make_case(referrer)
    add_member(referrer, case, lead_user.email)
    draft = start(referrer, ARTEFACTS["cse_referral"], case)
    save_draft(lead, draft, referrer_agency="Test Agency One")
    assert _audited(lead_user, draft) == 1
    save_draft(lead, draft, referrer_agency="Test Agency Two")  # now its last saver: theirs too
    assert _audited(lead_user, draft) == 1
    assert _audited(lead_user, draft, "save draft") == 2
    save_draft(referrer, draft, referrer_agency="Test Agency Three")  # the one who started it
    assert db.session.scalar(select(func.count()).where(AuditEvent.action == OTHERS)) == 1


def test_a_phoenix_worker_not_on_the_case_keeps_to_their_own_drafts(app: Flask) -> None:
    referrer, _ = _as(app, "referrer")
    author, _ = _as(app, "phoenix")
    colleague, colleague_user = _as(app, "phoenix")
    case = make_case(referrer)
    record_step(referrer, case, "phoenix_sent", london_today())  # in the project's inbox
    plan = ARTEFACTS["phoenix_action_plan"]
    draft = start(author, plan, case)  # the project's form: no need to be on the case
    assert colleague.get(draft).status_code == 404  # someone else's, and not on the case
    assert colleague.get(case).status_code == 200  # while the case is theirs to read
    own = start(colleague, plan, case, new="yes")
    save_draft(colleague, own, case_number="Test 1")
    assert _audited(colleague_user, own, "save draft") == 1
    add_member(referrer, case, colleague_user.email)  # now one of the case's people
    save_draft(colleague, draft, case_number="Test 2")
    assert _audited(colleague_user, draft) == 1


def test_a_manager_may_change_any_draft_and_is_audited(app: Flask) -> None:
    lead, _ = _as(app, "lead_professional")
    manager, manager_user = _as(app, "manager")
    draft = start(lead, ARTEFACTS["mase_referral"], make_case(lead))
    save_draft(manager, draft, **{_first_text("mase_referral"): "Test words"})
    assert _audited(manager_user, draft) == 1


def test_a_referrer_on_the_case_may_not_write_the_mase_forms(app: Flask) -> None:
    referrer, _ = _as(app, "referrer")
    lead, lead_user = _as(app, "lead_professional")
    case = make_case(referrer)
    add_member(referrer, case, lead_user.email)
    for slug in ("mase_referral", "mase_case_summary"):
        draft = start(lead, ARTEFACTS[slug], case)
        assert referrer.get(draft).status_code == 404
        assert f"/start/{slug}" in lead.get(case).get_data(as_text=True)
        assert f"/start/{slug}" not in referrer.get(case).get_data(as_text=True)


def _first_text(slug: str) -> str:
    return next(
        f.name
        for s in ARTEFACTS[slug].sections
        for f in s.fields
        if type(f).__name__ in {"Text", "LongText"}
    )
