"""The lists of work, read from the rows pathway.state keeps (CaseStage, ClockDue): a query
each, indexed, so they stay fast with many thousands of cases (bench: `make bench`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select

from clocks import CLOCKS, Clock, day_text
from models import Case, CaseMember, CaseStage, ClockDue, db
from pathway import CATEGORIES, STEPS

# The most rows a list shows; the page says how many more there are.
SHOWN = 200


def _name(details: dict[str, Any] | None) -> str:
    """The young person's name, from a case's details."""
    details = details or {}
    return f"{details.get('forename') or ''} {details.get('surname') or ''}".strip()


@dataclass(frozen=True)
class DueRow:
    """A clock running on a case, as My work lists it."""

    case_id: str
    name: str  # the young person's, shown only inside the service
    clock: Clock
    due_on: dt.date
    overdue: bool
    beyond_known_holidays: bool

    @property
    def due_text(self) -> str:
        return day_text(self.due_on)


@dataclass(frozen=True)
class Work:
    """A list of rows, at most SHOWN of them, and how many there are in all."""

    rows: list[Any]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def _members(user_id: str) -> Select[Any]:
    return select(CaseMember.case_id).where(CaseMember.user_id == user_id)


def _dues(where: Any, today: dt.date) -> Work:
    # The columns shown, not whole rows as objects: a list has hundreds of rows.
    query = (
        select(
            ClockDue.case_id,
            ClockDue.clock,
            ClockDue.due_on,
            ClockDue.beyond_known_holidays,
            Case.details,
        )
        .join(Case, Case.id == ClockDue.case_id)
        .where(where)
    )
    total = db.session.scalar(select(func.count()).select_from(ClockDue).where(where)) or 0
    found = db.session.execute(query.order_by(ClockDue.due_on, ClockDue.case_id).limit(SHOWN))
    rows = [
        DueRow(
            case_id=case_id,
            name=_name(details),
            clock=CLOCKS[clock],
            due_on=due_on,
            overdue=due_on < today,
            beyond_known_holidays=beyond_known_holidays,
        )
        for case_id, clock, due_on, beyond_known_holidays, details in found
        if clock in CLOCKS
    ]
    return Work(rows, total)


def team_of(user: Any) -> Any:
    """The clocks a user's team answers: SPA's in its borough, or the Phoenix Project's."""
    if user.role == "spa":
        return (ClockDue.team == "spa") & (ClockDue.borough == user.borough)
    if user.role == "phoenix":
        return ClockDue.team == "phoenix"
    return None


def clocks_of(team: str) -> list[str]:
    """The clocks a team answers (clocks.Clock.team), by key."""
    return [key for key, clock in CLOCKS.items() if clock.team == team]


def theirs(user: Any) -> Any:
    """The clocks that are the user's to meet: on the cases they are a member of, and those
    their team answers (SPA of their borough, the Phoenix Project)."""
    mine = ClockDue.case_id.in_(_members(user.id))
    team = team_of(user)
    return mine if team is None else or_(mine, team)


def overdue(today: dt.date) -> Any:
    """Every clock past its due date, in every team."""
    return ClockDue.due_on < today


def my_work(user: Any, today: dt.date) -> Work:
    """Every clock running that is the user's to meet (`theirs`), soonest first."""
    return _dues(theirs(user), today)


def overdue_everywhere(today: dt.date) -> Work:
    """For managers: every clock past its due date, in every team, oldest first."""
    return _dues(overdue(today), today)


@dataclass(frozen=True)
class InboxRow:
    """A case sent to a team, as its inbox lists it."""

    case_id: str
    name: str
    sent_on: dt.date | None  # never None: the inbox holds only the cases sent
    new: bool  # nothing recorded since it was sent
    stage: str  # the latest step, in the service's words
    category: str  # the police category decided last, in words
    next_due: dt.date | None
    overdue: bool


def inbox(user: Any, today: dt.date) -> Work:
    """The cases sent to the user's team, the latest first: to SPA in an spa account's
    borough, or to the Phoenix Project."""
    if user.role == "spa":
        sent_on, sent_step = CaseStage.to_spa_on, "spa_referral"
        where = (CaseStage.borough == user.borough) & CaseStage.to_spa_on.is_not(None)
    else:
        sent_on, sent_step = CaseStage.to_phoenix_on, "phoenix_sent"
        where = CaseStage.to_phoenix_on.is_not(None)
    # Found by the clock's primary key (case, clock): the team's clocks named. With the team's
    # condition alone, SQLite (no statistics) reads every due of the team through
    # ix_clock_dues_team_borough_due_on for each case listed: 50 ms with 5,000 cases (bench).
    next_due = (
        select(func.min(ClockDue.due_on))
        .where(
            ClockDue.case_id == CaseStage.case_id,
            ClockDue.clock.in_(clocks_of(user.role)),
            team_of(user),
        )
        .scalar_subquery()
    )
    total = db.session.scalar(select(func.count()).select_from(CaseStage).where(where)) or 0
    found = db.session.execute(
        select(
            CaseStage.case_id, CaseStage.step, CaseStage.category, sent_on, next_due, Case.details
        )
        .join(Case, Case.id == CaseStage.case_id)
        .where(where)
        .order_by(sent_on.desc(), CaseStage.case_id)
        .limit(SHOWN)
    )
    rows = []
    for case_id, latest, category, sent, due, details in found:
        step = STEPS.get(latest or "")
        rows.append(
            InboxRow(
                case_id=case_id,
                name=_name(details),
                sent_on=sent,
                new=latest == sent_step,
                stage=step.name if step else "Not known",
                category=CATEGORIES.get(category or "", "Not decided yet"),
                next_due=due,
                overdue=due is not None and due < today,
            )
        )
    return Work(rows, total)
