"""`flask remind`: each person with work overdue or due soon gets one mail a day, of counts only,
on a frozen date next to the Christmas bank holidays (Monday 28 December 2026 is Boxing Day's
substitute). On SQLite, and on PostgreSQL where it says so. Only fictional data."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from freezegun import freeze_time
from sqlalchemy import func, select

import work.remind
from models import Case, ClockDue, OutboxMail, Reminder, User, db
from tests.db.conftest import database_url, migrated  # noqa: F401  (the same fixtures)
from tests.helpers import make_case, make_user, record_step, sign_in_as
from tests.mail.conftest import deliver_in_a_worker, mail_app, smtp  # noqa: F401
from tests.smtp import SmtpServer
from work.remind import remind

# Tuesday 29 December 2026, 07:00 in London (GMT): the timer's hour.
TUESDAY = dt.datetime(2026, 12, 29, 7, tzinfo=dt.UTC)
CHRISTMAS_EVE = dt.datetime(2026, 12, 24, 10, tzinfo=dt.UTC)
LINK = "http://127.0.0.1:5000/my-work"  # the test settings' SERVICE_URL
FORENAMES = ("Remindaforename", "Remindbforename", "Remindcforename")
SURNAMES = ("Remindasurname", "Remindbsurname", "Remindcsurname")


def _as(app: Flask, user: User) -> FlaskClient:
    return sign_in_as(app.test_client(), user)


def _mails() -> dict[str, OutboxMail]:
    """The queued mail, by the one address each is to."""
    db.session.commit()
    db.session.expire_all()
    mails = db.session.scalars(select(OutboxMail)).all()
    assert all(len(m.to) == 1 and m.cc == [] and m.case_id is None for m in mails)
    return {m.to[0]: m for m in mails}


def _run(app: Flask) -> str:
    result = app.test_cli_runner().invoke(args=["remind"])
    assert result.exit_code == 0, result.output
    return result.output


@dataclass
class World:
    people: dict[str, User]
    cases: list[str]  # their URLs


@pytest.fixture
def world(app: Flask) -> World:
    """Three cases with clocks running on 29 December, and the people they are due to:

    - Kingston case (referrer A): SPA's decision on Thursday 24 December, so the strategy
      meeting ("within 3 days") was due Sunday 27: overdue on the 29th, for Kingston's SPA.
    - Phoenix case (referrer A): sent on the 24th, so acknowledged by Tuesday 29 (one working
      day over Christmas and the substitute holiday: today) and first contact by Wednesday 30.
    - Old case (referrer B): sent to the Phoenix Project on 1 December; both clocks overdue.
    """
    people = {
        "referrer_a": make_user("referrer", email="remind-a@example.org"),
        "referrer_b": make_user("referrer", email="remind-b@example.org"),
        "idle": make_user("lead_professional", email="idle@example.org"),
        "spa": make_user("spa", email="spa@example.org", borough="Kingston"),
        "spa_richmond": make_user("spa", email="spa-r@example.org", borough="Richmond"),
        "phoenix": make_user("phoenix", email="phoenix@example.org"),
        "gone": make_user("phoenix", email="gone@example.org"),
        "manager": make_user("manager", email="manager@example.org"),
        "admin": make_user("admin", email="admin@example.org"),
    }
    people["gone"].active = False
    db.session.commit()
    with freeze_time(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)):
        b = _as(app, people["referrer_b"])
        old = make_case(b, forename=FORENAMES[2], surname=SURNAMES[2], borough="Richmond")
        record_step(b, old, "phoenix_sent", dt.date(2026, 12, 1))
    with freeze_time(CHRISTMAS_EVE):
        a, spa = _as(app, people["referrer_a"]), _as(app, people["spa"])
        kingston = make_case(a, forename=FORENAMES[0], surname=SURNAMES[0], borough="Kingston")
        record_step(a, kingston, "spa_referral", dt.date(2026, 12, 24))
        record_step(spa, kingston, "spa_acknowledged", dt.date(2026, 12, 24))
        record_step(spa, kingston, "spa_decision", dt.date(2026, 12, 24), spa_decision_category="2")
        phoenix = make_case(a, forename=FORENAMES[1], surname=SURNAMES[1], borough="Kingston")
        record_step(a, phoenix, "phoenix_sent", dt.date(2026, 12, 24))
    return World(people, [kingston, phoenix, old])


def test_each_person_with_work_due_gets_one_mail_of_their_counts(app: Flask, world: World) -> None:
    with freeze_time(TUESDAY):
        assert _run(app) == "Reminded 5 people.\n"
    mails = _mails()
    day = "Your CSE work for Tuesday 29 December 2026: "
    assert {to: m.subject for to, m in mails.items()} == {
        "remind-a@example.org": day + "1 overdue, 1 due today, 1 due in the next 7 days",
        "remind-b@example.org": day + "2 overdue",
        "spa@example.org": day + "1 overdue",
        "phoenix@example.org": day + "2 overdue, 1 due today, 1 due in the next 7 days",
        # Everything overdue in the service; the manager is on no case of their own.
        "manager@example.org": day + "3 overdue",
    }
    assert all(m.sender_id is None and m.attachment is None for m in mails.values())
    assert mails["phoenix@example.org"].body == (
        "Your CSE work for Tuesday 29 December 2026, from the Kingston & Richmond CSE forms"
        " service:\n\n"
        "- 2 overdue\n- 1 due today\n- 1 due in the next 7 days\n\n"
        "By time limit:\n\n"
        "Referrals will be acknowledged within one working day: 1 overdue, 1 due today\n\n"
        "Accepted referrals will receive first contact within two working days: 1 overdue,"
        " 1 due in the next 7 days\n\n"
        f"Sign in to see which cases: {LINK}\n\n"
        "This reminder names no case. It is sent each morning when something is due.\n"
    )
    manager = mails["manager@example.org"].body
    assert "Strategy meeting to be held with relevant agencies within 3 days: 1 overdue" in manager
    assert "Referrals will be acknowledged within one working day: 1 overdue" in manager
    assert "Overdue counts every team's cases, as My work shows managers." in manager
    assert "every team" not in mails["phoenix@example.org"].body
    reminded = db.session.scalars(select(Reminder)).all()
    assert {r.day for r in reminded} == {dt.date(2026, 12, 29)} and len(reminded) == 5


def test_the_mail_names_no_child_and_no_case(app: Flask, world: World) -> None:
    with freeze_time(TUESDAY):
        _run(app)
    mails = _mails()
    assert len(mails) == 5
    ids = [url.rsplit("/", 1)[1] for url in world.cases]
    assert len(ids) == 3 and all(db.session.get(Case, i) for i in ids)
    for mail in mails.values():
        text = f"{mail.subject}\n{mail.body}"
        for secret in (*FORENAMES, *SURNAMES, *ids, *(i[:8] for i in ids), "/cases/"):
            assert secret not in text
        assert [w for w in text.split() if w.startswith("http")] == [LINK]


def test_nobody_with_nothing_due_inactive_or_admin_gets_mail(app: Flask, world: World) -> None:
    with freeze_time(TUESDAY):
        _run(app)
    mails = _mails()
    for address in ("idle", "spa-r", "gone", "admin"):
        assert f"{address}@example.org" not in mails
    # The inactive account would have had the Phoenix Project's clocks.
    gone = world.people["gone"]
    assert db.session.get(Reminder, (gone.id, dt.date(2026, 12, 29))) is None


def test_twice_the_same_day_sends_nothing_more_and_the_next_day_sends_again(
    app: Flask, world: World
) -> None:
    with freeze_time(TUESDAY):
        assert _run(app) == "Reminded 5 people.\n"
    with freeze_time(TUESDAY + dt.timedelta(hours=16)):  # 23:00 the same London day
        assert _run(app) == "Reminded 0 people.\n"
    assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 5
    with freeze_time(TUESDAY + dt.timedelta(days=1)):
        assert _run(app) == "Reminded 5 people.\n"
    db.session.commit()
    wednesday = db.session.scalars(
        select(OutboxMail).where(OutboxMail.subject.contains("Wednesday 30 December"))
    ).all()
    subjects = {m.to[0]: m.subject.split(": ", 1)[1] for m in wednesday}
    # The acknowledgement due on the 29th is overdue now; first contact is due today.
    assert subjects["remind-a@example.org"] == "2 overdue, 1 due today"
    assert subjects["phoenix@example.org"] == "3 overdue, 1 due today"
    assert subjects["manager@example.org"] == "4 overdue"
    assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 10


def test_due_in_the_next_7_days_means_up_to_a_week_from_today(app: Flask) -> None:
    lead = make_user("lead_professional", email="lead@example.org")
    with freeze_time(TUESDAY):
        client = _as(app, lead)
        case_ids = [make_case(client).rsplit("/", 1)[1] for _ in range(3)]
        for case_id, days in zip(case_ids, (7, 8, -30), strict=True):
            db.session.add(
                ClockDue(
                    case_id=case_id,
                    clock="spotting_discuss",
                    team="case",
                    due_on=dt.date(2026, 12, 29) + dt.timedelta(days=days),
                )
            )
        db.session.commit()
        assert _run(app) == "Reminded 1 person.\n"
    assert _mails()["lead@example.org"].subject == (
        "Your CSE work for Tuesday 29 December 2026: 1 overdue, 1 due in the next 7 days"
    )


def test_the_link_is_made_from_service_url_and_required(app: Flask) -> None:
    lead = make_user("lead_professional", email="lead@example.org")
    with freeze_time(TUESDAY):
        case_id = make_case(_as(app, lead)).rsplit("/", 1)[1]
        db.session.add(
            ClockDue(case_id=case_id, clock="spotting_discuss", team="case", due_on=TUESDAY.date())
        )
        db.session.commit()
        app.config["SERVICE_URL"] = ""
        refused = app.test_cli_runner().invoke(args=["remind"])
        assert refused.exit_code == 1 and "Error: Set SERVICE_URL" in refused.output
        app.config["SERVICE_URL"] = "https://cse-forms.example.org/cse"
        assert _run(app) == "Reminded 1 person.\n"
    assert "https://cse-forms.example.org/cse/my-work\n" in _mails()["lead@example.org"].body


def _due_to_phoenix(app: Flask, count: int) -> list[User]:
    """`count` Phoenix Project accounts, and a case sent to them on Christmas Eve by its
    referrer (whose work it is too)."""
    people = [make_user("phoenix", email=f"phoenix-{n}@example.org") for n in range(count)]
    with freeze_time(CHRISTMAS_EVE):
        referrer = _as(app, make_user("referrer", email="referrer@example.org"))
        case = make_case(referrer, forename=FORENAMES[0], surname=SURNAMES[0])
        record_step(referrer, case, "phoenix_sent", dt.date(2026, 12, 24))
    return people


def test_two_runs_at_once_remind_each_person_once(
    migrated: Flask,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another run commits its reminders after this one looked for them and before it writes
    its own: the primary key refuses them, and nobody gets a second mail."""
    _due_to_phoenix(migrated, 2)
    original = work.remind.digest
    other: list[int] = []

    def digest_as_another_run_finishes(user: User, today: dt.date) -> work.remind.Digest:
        if not other:
            other.append(-1)

            def run() -> None:
                with migrated.app_context():
                    other[0] = remind(today, LINK)
                    db.session.remove()

            racing = threading.Thread(target=run)
            racing.start()
            racing.join(timeout=60)
        return original(user, today)

    monkeypatch.setattr(work.remind, "digest", digest_as_another_run_finishes)
    with freeze_time(TUESDAY):
        ours = remind(dt.date(2026, 12, 29), LINK)
    assert (other, ours) == ([3], 0)
    assert sorted(_mails()) == [
        "phoenix-0@example.org",
        "phoenix-1@example.org",
        "referrer@example.org",
    ]
    assert db.session.scalar(select(func.count()).select_from(Reminder)) == 3


def test_a_reminder_arrives_through_a_real_mail_relay(
    mail_app: Flask,  # noqa: F811
    smtp: SmtpServer,  # noqa: F811
) -> None:
    _due_to_phoenix(mail_app, 1)
    with freeze_time(TUESDAY):
        assert _run(mail_app) == "Reminded 2 people.\n"
    outcome = deliver_in_a_worker(mail_app, now=TUESDAY + dt.timedelta(minutes=1))
    assert outcome.sent == 2
    assert sorted(r.recipients[0] for r in smtp.received) == [
        "phoenix-0@example.org",
        "referrer@example.org",
    ]
    [received] = [r for r in smtp.received if r.recipients == ["phoenix-0@example.org"]]
    message = received.message
    assert (
        received.recipients == ["phoenix-0@example.org"] and message["To"] == received.recipients[0]
    )
    assert message["Subject"] == (
        "Your CSE work for Tuesday 29 December 2026: 1 due today, 1 due in the next 7 days"
    )
    text = message.get_body().get_content()
    assert f"Sign in to see which cases: {LINK}" in text
    assert "Referrals will be acknowledged within one working day: 1 due today" in text
    assert FORENAMES[0] not in text and SURNAMES[0] not in text
