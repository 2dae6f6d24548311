"""Deny by default: every route has an access rule, and each kind of user reaches exactly what
the rules say, with 404 (never 403) for cases that are not theirs, audited."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from clocks import london_today
from forms import ARTEFACTS
from models import AuditEvent, CaseMember, Document, Submission, User, db
from tests.conftest import sample_json
from tests.helpers import (
    add_member,
    document_id,
    make_case,
    make_user,
    post_answers,
    record_step,
    sign_in_as,
    start,
    submit,
    token_on,
)
from tests.roles_table import roles_table
from web.access import rule_of

ANONYMOUS = "anonymous"
KINDS = (
    ANONYMOUS,
    "owner",  # the referrer who created the case
    "other_referrer",
    "lead_member",  # a lead professional added to the case
    "lead_other",
    "phoenix_other",
    "spa_kingston",  # SPA in the case's borough, to which its referral was sent
    "spa_richmond",
    "manager",
    "admin",
)
ROLE_OF = {
    "owner": "referrer",
    "other_referrer": "referrer",
    "lead_member": "lead_professional",
    "lead_other": "lead_professional",
    "phoenix_other": "phoenix",
    "spa_kingston": "spa",
    "spa_richmond": "spa",
    "manager": "manager",
    "admin": "admin",
}
SIGNED_IN = frozenset(KINDS) - {ANONYMOUS}
EVERYONE = frozenset(KINDS)
CASE_PEOPLE = frozenset({"owner", "lead_member", "manager"})
# Who sees the case: its people, and the team it was sent to.
CASE_READERS = CASE_PEOPLE | {"spa_kingston"}
TEAMS = frozenset({"spa_kingston", "spa_richmond", "phoenix_other"})
CREATORS = frozenset({"owner", "other_referrer", "lead_member", "lead_other", "manager"})
PHOENIX = frozenset({"phoenix_other", "manager"})

# Who may use each route. A route missing here fails the test: a new route needs a decision.
EXPECTED: dict[str, frozenset[str]] = {
    "/sign-in": EVERYONE,
    "/sign-in/code": EVERYONE,
    "/sign-in/recovery-code": EVERYONE,
    "/sign-in/set-up": EVERYONE,
    "/health": EVERYONE,
    "/sign-out": SIGNED_IN,
    "/session/keep-alive": SIGNED_IN,
    "/accounts": frozenset({"admin"}),
    # The whole audit trail, filtered (web/audit.py): managers only.
    "/audit": frozenset({"manager"}),
    "/accounts/invite": frozenset({"admin"}),
    "/accounts/<id:user_id>": frozenset({"admin"}),
    "/accounts/<id:user_id>/role": frozenset({"admin"}),
    "/accounts/<id:user_id>/deactivate": frozenset({"admin"}),
    "/accounts/<id:user_id>/reactivate": frozenset({"admin"}),
    "/accounts/<id:user_id>/end-sessions": frozenset({"admin"}),
    "/accounts/<id:user_id>/reset-second-factor": frozenset({"admin"}),
    "/accounts/<id:user_id>/invite-again": frozenset({"admin"}),
    "/accounts/<id:user_id>/reset-password": frozenset({"admin"}),
    "/invitation/<token>": EVERYONE,
    "/account/password": SIGNED_IN,
    "/": SIGNED_IN,
    "/my-work": SIGNED_IN - {"admin"},
    "/inbox": TEAMS,
    "/cases/new": CREATORS,
    "/cases/<id:case_id>": CASE_READERS,
    "/cases/<id:case_id>/details": CASE_PEOPLE,
    "/cases/<id:case_id>/members": CASE_PEOPLE,
    # Taking a colleague off: the creator (owner), a lead professional on the case, a manager.
    "/cases/<id:case_id>/members/<id:member_id>/remove": CASE_PEOPLE,
    "/cases/<id:case_id>/pathway": CASE_READERS,
    # The contact log is the Phoenix Project's and managers' (contacts.KEEPERS), on the cases
    # they may see: phoenix_other is not on this case, which was not sent to the project.
    "/cases/<id:case_id>/contacts": frozenset({"manager"}),
    "/cases/<id:case_id>/contacts/copy": frozenset({"manager"}),
    "/cases/<id:case_id>/status/<change>": frozenset({"manager"}),
    "/cases/<id:case_id>/start/<slug>": CASE_PEOPLE,
    "/reports": PHOENIX,
    "/reports/start/<slug>": PHOENIX,
    "/documents/<id:document_id>": CASE_PEOPLE,
    "/documents/<id:document_id>/autosave": CASE_PEOPLE,
    "/documents/<id:document_id>/sections/<int:number>": CASE_PEOPLE,
    "/documents/<id:document_id>/check": CASE_PEOPLE,
    "/documents/<id:document_id>/discard": CASE_PEOPLE,
    # Attaching a case study to a progress report: the world's case study is attached to its
    # report, so the Phoenix Project's and managers' (web.report_links).
    "/documents/<id:document_id>/report": PHOENIX,
    "/versions/<id:version_id>": CASE_READERS,
    "/versions/<id:version_id>/document.<kind>": CASE_READERS,
    "/versions/<id:version_id>/pack.pdf": CASE_READERS,
    "/versions/<id:version_id>/send": CASE_PEOPLE,
}


def _routes(app: Flask) -> list[tuple[str, str]]:
    return sorted(
        (rule.rule, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    )


def test_every_route_has_an_access_rule_and_an_expectation(app: Flask) -> None:
    for rule in app.url_map.iter_rules():
        assert rule_of(rule.endpoint) is not None, f"{rule.rule} has no access rule"
    assert {path for path, _ in _routes(app)} == set(EXPECTED)


@pytest.fixture
def world(app: Flask) -> dict[str, Any]:
    """A case made by a referrer, with a lead professional added, a submitted referral that
    a MASE part continues (a pack), a draft, and a report."""
    users = {
        kind: make_user(role, borough="Richmond" if kind == "spa_richmond" else None)
        for kind, role in ROLE_OF.items()
    }
    owner = sign_in_as(app.test_client(), users["owner"])
    case = make_case(owner, borough="Kingston")
    add_member(owner, case, users["lead_member"].email)
    spare = make_user("referrer")  # taken off the case by the removal route, and put back
    record_step(owner, case, "spa_referral", london_today())  # in Kingston SPA's inbox
    referral = submit(
        owner,
        ARTEFACTS["cse_referral"],
        sample_json("cse_referral"),
        start(owner, ARTEFACTS["cse_referral"], case),
    )
    # The MASE part is the lead professional's to write (L273-275), not the referrer's.
    lead = sign_in_as(app.test_client(), users["lead_member"])
    mase = ARTEFACTS["mase_referral"]
    mase_form = start(lead, mase, case, continues=referral.rsplit("/", 1)[1])
    assert post_answers(lead, mase, sample_json("mase_referral"), url=mase_form).status_code == 302
    draft = start(owner, ARTEFACTS["spotting_the_signs"], case)
    manager = sign_in_as(app.test_client(), users["manager"])
    report = start(manager, ARTEFACTS["phoenix_progress_report"])
    study = start(manager, ARTEFACTS["case_study"], report=report.rsplit("/", 1)[1])
    return {
        "users": users,
        "spare_id": spare.id,
        "case_id": case.rsplit("/", 1)[1],
        "version_id": referral.rsplit("/", 1)[1],
        "document_id": draft.rsplit("/", 1)[1],
        "report": report,
        "report_id": report.rsplit("/", 1)[1],
        "case_study_id": study.rsplit("/", 1)[1],
    }


# Routes about another document than the world's draft.
DOCUMENT_OF = {"/documents/<id:document_id>/report": "case_study_id"}


def _url(path: str, world: dict[str, Any]) -> str:
    values = {
        "case_id": world["case_id"],
        "document_id": world[DOCUMENT_OF.get(path, "document_id")],
        "version_id": world["version_id"],
        "kind": "pdf",
        "member_id": world["spare_id"],
        "user_id": world["spare_id"],
        "token": "not-an-invitation",
        "int:number": "1",
        "change": "hold",
        "slug": "phoenix_progress_report" if path.startswith("/reports") else "cse_referral",
    }
    for name, value in values.items():
        path = path.replace(f"<{name}>", value).replace(f"<id:{name}>", value)
    return path


POSTED = {
    "/sign-in": {"email": "nobody@example.org", "password": "not a password at all"},
    "/cases/new": {"forename": "Matrix", "surname": "Testcase", "borough": "Richmond"},
    "/cases/<id:case_id>/members": {"email": "nobody@example.org"},
    "/cases/<id:case_id>/details": {
        "forename": "Matrix",
        "surname": "Testcase",
        "borough": "Richmond",
    },
    "/documents/<id:document_id>/sections/<int:number>": {"action": "later", "lock_version": "0"},
    "/documents/<id:document_id>/check": {"lock_version": "0"},
    "/documents/<id:document_id>/autosave": {"lock_version": "0"},
    "/documents/<id:document_id>/discard": {"lock_version": "1"},  # a new draft's
    "/documents/<id:document_id>/report": {"report": "{report_id}"},
}
# The second step of signing in: public, but without a right password just given in the same
# browser it sends everyone back to the sign-in page (tests/accounts/test_two_factor.py).
SIGN_IN_STEPS = frozenset({"/sign-in/code", "/sign-in/recovery-code", "/sign-in/set-up"})
# An invitation's link: public, but a token that is no invitation's is answered with the same
# "expired or used" page, 404, for everyone (tests/accounts/test_lifecycle.py).
INVITATIONS = frozenset({"/invitation/<token>"})
# Routes whose POST uses up what it is given: each request gets a new draft of its own.
CONSUMING = frozenset({"/documents/<id:document_id>/discard"})
# Routes that take the spare colleague off the case: each request finds them on it again.
REMOVING = frozenset({"/cases/<id:case_id>/members/<id:member_id>/remove"})


def _put_back(world: dict[str, Any]) -> None:
    """The spare colleague on the world's case again, if a removal took them off."""
    if db.session.get(CaseMember, (world["case_id"], world["spare_id"])) is None:
        db.session.add(CaseMember(case_id=world["case_id"], user_id=world["spare_id"]))
        db.session.commit()


def _new_draft(app: Flask, world: dict[str, Any]) -> str:
    """A new draft in the world's case, its id: one more of the same form, as its owner."""
    owner = _client(app, world, "owner")
    case = f"/cases/{world['case_id']}"
    return start(owner, ARTEFACTS["spotting_the_signs"], case, new="yes").rsplit("/", 1)[1]


def _client(app: Flask, world: dict[str, Any], kind: str) -> FlaskClient:
    client = app.test_client()
    return client if kind == ANONYMOUS else sign_in_as(client, world["users"][kind])


def test_each_kind_of_user_reaches_exactly_what_the_rules_say(
    app: Flask, world: dict[str, Any]
) -> None:
    outcomes = []
    for path, method in _routes(app):
        url = _url(path, world)
        for kind in KINDS:
            client = _client(app, world, kind)
            if method == "POST" and path in CONSUMING:
                url = _url(path, {**world, "document_id": _new_draft(app, world)})
            if path in REMOVING:
                _put_back(world)
            if method == "GET":
                response = client.get(url)
            else:
                token = token_on(client, "/sign-in")
                posted = {k: v.format(**world) for k, v in POSTED.get(path, {}).items()}
                response = client.post(url, data={"csrf_token": token, **posted})
            allowed = kind in EXPECTED[path]
            status = response.status_code
            location = response.headers.get("Location", "")
            if allowed:
                ok = status not in (401, 403, 404, 405) and not location.startswith("/sign-in")
                if path == "/sign-out":
                    ok = location.startswith("/sign-in")
                if path in SIGN_IN_STEPS:
                    ok = (status, location) == (302, "/sign-in")
                if path in INVITATIONS:
                    ok = status == 404 and b"expired or been used" in response.data
            elif kind == ANONYMOUS:
                ok = (
                    (status == 302 and location.startswith("/sign-in?next="))
                    if method == "GET"
                    else status == 401
                )
            else:
                ok = status == 404  # not 403: whether it exists is not told
            outcomes.append((path, method, kind, status, ok))
    wrong = [o for o in outcomes if not o[-1]]
    assert wrong == [], "\n".join(map(str, wrong))


def _author(slug: str, writers: frozenset[str] | str) -> str:
    """Who starts the world's draft of a form: the first of the case's people whose role writes
    it; for a report, the Phoenix worker first."""
    order = ("owner", "lead_member", "manager")
    if not ARTEFACTS[slug].per_case:
        order = ("phoenix_other", "manager")
    return next(kind for kind in order if ROLE_OF[kind] in writers)


def _writes(kind: str, slug: str, writers: frozenset[str] | str) -> bool:
    """What the README's table means for this kind of user and the world's case: their role
    writes the form, and it is a report or they are one of the case's people (the case was sent
    to SPA, never to the Phoenix Project: phoenix_other is not on it)."""
    return ROLE_OF[kind] in writers and (kind in CASE_PEOPLE or not ARTEFACTS[slug].per_case)


def _lock(draft: str) -> str:
    db.session.expire_all()
    return str(db.session.get_one(Document, draft).lock_version)


def test_each_kind_of_user_starts_edits_and_submits_each_form_as_the_readme_says(
    app: Flask, world: dict[str, Any]
) -> None:
    """README "Accounts, cases and who sees what": for every form, each kind of signed-in user
    starts one, opens and saves a section of a draft someone else started, submits it, and
    reads and downloads a submitted version; allowed or 404 (anonymous users are refused every
    one of these routes above)."""
    outcomes = []
    for slug, row in roles_table().items():
        artefact = ARTEFACTS[slug]
        case = f"/cases/{world['case_id']}" if artefact.per_case else None
        extra = {"report": world["report_id"]} if artefact.attached_to else {}
        author = _client(app, world, _author(slug, row["start"]))
        draft = document_id(start(author, artefact, case, new="yes", **extra))
        new = start(author, artefact, case, new="yes", **extra)
        version = submit(author, artefact, sample_json(slug), new).rsplit("/", 1)[1]
        readers = (
            CASE_READERS
            if artefact.per_case
            else {kind for kind in SIGNED_IN if ROLE_OF[kind] in row["read / download"]}
        )
        for kind in sorted(SIGNED_IN):
            client = _client(app, world, kind)
            token = token_on(client, "/sign-in")
            section = {"csrf_token": token, "action": "later", "lock_version": _lock(draft)}
            tried = {
                "start": client.post(
                    f"{case}/start/{slug}" if case else f"/reports/start/{slug}",
                    data={"csrf_token": token, "new": "yes", **extra},
                ),
                "edit a draft": client.get(f"/documents/{draft}"),
                "save a section": client.post(f"/documents/{draft}/sections/1", data=section),
                "submit": client.post(
                    f"/documents/{draft}/check",
                    data={"csrf_token": token, "lock_version": _lock(draft)},
                ),
            }
            read = {
                "read": client.get(f"/versions/{version}"),
                "download": client.get(f"/versions/{version}/document.pdf"),
            }
            for action, response in (tried | read).items():
                if action in read:
                    allowed = kind in readers
                else:
                    writers = row["edit a draft" if action == "save a section" else action]
                    allowed = _writes(kind, slug, writers)
                status = response.status_code
                ok = status not in (401, 403, 404, 405) if allowed else status == 404
                outcomes.append((slug, action, kind, status, ok))
    wrong = [o for o in outcomes if not o[-1]]
    assert wrong == [], "\n".join(map(str, wrong))
    allowed_starts = {(o[0], o[2]) for o in outcomes if o[1] == "start" and o[3] != 404}
    assert ("mase_referral", "owner") not in allowed_starts  # a referrer, on the case
    assert ("mase_referral", "lead_member") in allowed_starts


def test_a_refused_case_is_audited_without_content(app: Flask, world: dict[str, Any]) -> None:
    stranger = _client(app, world, "other_referrer")
    assert stranger.get(f"/cases/{world['case_id']}").status_code == 404
    assert stranger.get(f"/versions/{world['version_id']}/document.pdf").status_code == 404
    refused = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "refused")).all()
    who = world["users"]["other_referrer"].id
    assert {(e.user_id, e.case_id) for e in refused} >= {(who, world["case_id"])}
    assert any(e.version_id == world["version_id"] and e.user_id == who for e in refused)


def test_my_cases_lists_only_the_users_cases(app: Flask, world: dict[str, Any]) -> None:
    case = f"/cases/{world['case_id']}"
    for kind, sees in (
        ("owner", True),
        ("lead_member", True),
        ("lead_other", False),
        ("other_referrer", False),
        ("phoenix_other", False),
        ("manager", True),
    ):
        home = _client(app, world, kind).get("/").get_data(as_text=True)
        assert (f'href="{case}"' in home) is sees, kind


def test_ids_in_urls_are_unguessable(world: dict[str, Any]) -> None:
    for model in (Document, Submission, User):
        for row in db.session.scalars(select(model)):
            assert len(row.id) == 24  # 18 random bytes
    assert len(world["case_id"]) == 24
