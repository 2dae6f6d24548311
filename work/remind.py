"""`flask --app app remind`: each morning, a mail to each person with work overdue, due today
or due within the next 7 days (deploy/cse-forms-remind.timer).

A reminder holds counts only, by clock (the strategy's words), and a link to My work: never a
young person's name, a case, or an answer. One a person and London day: the `reminders` row is
written in the mail's own transaction, and its primary key refuses a second, so running the
command again, or twice at once, sends nothing more. Its output and logs name nobody.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from clocks import CLOCKS, day_text, london_today
from config import ConfigError, link_problem
from mail import MailError, enqueue
from models import ClockDue, Reminder, User, db
from serving.transactions import writing
from work.queries import overdue, theirs

log = logging.getLogger(__name__)

AHEAD = 7  # days after today counted as "due in the next 7 days"


@dataclass
class Count:
    overdue: int = 0
    today: int = 0
    soon: int = 0  # due after today, within AHEAD days

    def add(self, due_on: dt.date, today: dt.date, number: int) -> None:
        if due_on < today:
            self.overdue += number
        elif due_on == today:
            self.today += number
        else:
            self.soon += number

    def __bool__(self) -> bool:
        return bool(self.overdue or self.today or self.soon)

    @property
    def words(self) -> str:
        """The counts that are not nought, as "2 overdue, 1 due today"."""
        parts = (
            (self.overdue, "overdue"),
            (self.today, "due today"),
            (self.soon, f"due in the next {AHEAD} days"),
        )
        return ", ".join(f"{number} {what}" for number, what in parts if number)


@dataclass
class Digest:
    """What a person has due on a day: in all, and by clock (in CLOCKS order)."""

    day: dt.date
    everywhere: bool  # a manager's: overdue counts every team's clocks
    total: Count = field(default_factory=Count)
    clocks: dict[str, Count] = field(default_factory=dict)


def digest(user: User, today: dt.date) -> Digest:
    """The clocks of My work (work.queries.my_work; for managers also overdue_everywhere) that
    are overdue or due by AHEAD days from `today`, counted in the database: no list limit."""
    where = theirs(user)
    everywhere = user.role == "manager"
    if everywhere:
        where = or_(where, overdue(today))
    found = db.session.execute(
        select(ClockDue.clock, ClockDue.due_on, func.count())
        .where(where, ClockDue.due_on <= today + dt.timedelta(days=AHEAD))
        .group_by(ClockDue.clock, ClockDue.due_on)
    )
    result = Digest(today, everywhere)
    by_key: dict[str, Count] = {}
    for clock, due_on, number in found:
        if clock in CLOCKS:  # as My work: a clock no longer declared is not shown
            result.total.add(due_on, today, number)
            by_key.setdefault(clock, Count()).add(due_on, today, number)
    result.clocks = {CLOCKS[k].label: by_key[k] for k in CLOCKS if k in by_key}
    return result


def subject(found: Digest) -> str:
    return f"Your CSE work for {day_text(found.day)}: {found.total.words}"


def body(found: Digest, link: str) -> str:
    service = "the Kingston & Richmond CSE forms service"
    lines = [
        f"Your CSE work for {day_text(found.day)}, from {service}:",
        "",
        *(f"- {part}" for part in found.total.words.split(", ")),
        "",
        "By time limit:",
        "",
    ]
    for label, count in found.clocks.items():
        lines += [f"{label}: {count.words}", ""]
    if found.everywhere:
        lines += ["Overdue counts every team's cases, as My work shows managers.", ""]
    lines += [
        f"Sign in to see which cases: {link}",
        "",
        "This reminder names no case. It is sent each morning when something is due.",
    ]
    return "\n".join(lines) + "\n"


def my_work_link(service_url: str) -> str:
    """The address of My work under SERVICE_URL, from the route itself."""
    url = urlsplit(service_url)
    adapter = current_app.url_map.bind(
        url.netloc, script_name=url.path or "/", url_scheme=url.scheme
    )
    return adapter.build("work.work", force_external=True)


def remind(today: dt.date, link: str) -> int:
    """Queue `today`'s reminder for each active person (admins aside) with something due who
    has not had it; return how many were reminded. One transaction per person."""
    done = set(db.session.scalars(select(Reminder.user_id).where(Reminder.day == today)))
    people = db.session.scalars(
        select(User).where(User.active.is_(True), User.role != "admin").order_by(User.id)
    ).all()
    reminded = 0
    for user in people:
        if user.id in done:
            continue
        found = digest(user, today)
        if not found.total:
            continue
        try:
            with writing():
                db.session.add(Reminder(user_id=user.id, day=today))
                db.session.flush()  # a run at the same time wrote it first: IntegrityError
                enqueue(
                    to=[user.email], subject=subject(found), body=body(found, link), sender_id=None
                )
        except IntegrityError:
            continue  # reminded by that other run
        except MailError as error:  # says which part is wrong, never what it holds
            log.warning("no reminder for user %s: %s", user.id, error)
            continue
        reminded += 1
    return reminded


@click.command("remind")
@with_appcontext
def remind_command() -> None:
    """Mail each person a count of their work overdue and due soon, once a day."""
    problem = link_problem(current_app.config)
    if problem:
        raise ConfigError(problem)
    reminded = remind(london_today(), my_work_link(current_app.config["SERVICE_URL"]))
    click.echo(f"Reminded {reminded} {'person' if reminded == 1 else 'people'}.")
