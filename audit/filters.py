"""The audit page's filters, read from its query string: only ids, action names and dates,
never a name or an address (no personal data in a URL). What cannot be read becomes an error
that names the field, never a 500."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from audit.actions import ACTIONS, ANY_DOWNLOAD
from clocks import LONDON
from models import is_id

# The person filter's choice for events with nobody signed in (a failed or throttled sign-in
# with an address that has no account).
NOBODY = "nobody"
BOUNDS = {"from": "From", "to": "To"}  # the date fields' names and their labels
PARTS = ("day", "month", "year")


@dataclass
class Filters:
    user: str = ""  # a user id, NOBODY, or "" for everyone
    action: str = ""  # an action name (audit.actions), ANY_DOWNLOAD, or "" for every one
    case: str = ""  # a case id, or "" for every case
    dates: dict[str, dict[str, str]] = field(default_factory=dict)  # as typed, for the form
    since: dt.datetime | None = None  # from the start of the "from" day (London)
    before: dt.datetime | None = None  # to the end of the "to" day
    page: int = 1
    errors: list[dict[str, str]] = field(default_factory=list)  # GOV.UK error summary items

    def error_of(self, name: str) -> str | None:
        """The message of the field `name`, if it has one (the summary links to #<name>...)."""
        return next((e["text"] for e in self.errors if e["href"].startswith(f"#{name}")), None)

    def query(self, page: int | None = None) -> dict[str, Any]:
        """The query string of these filters (for paging links), `page` if given."""
        chosen = (("user", self.user), ("action", self.action), ("case", self.case))
        args: dict[str, Any] = {name: value for name, value in chosen if value}
        for bound, typed in self.dates.items():
            args |= {f"{bound}-{part}": typed[part] for part in PARTS if typed.get(part)}
        if page is not None and page > 1:
            args["page"] = page
        return args


def read(args: Mapping[str, str]) -> Filters:
    """The filters of a query string (request.args)."""
    found = Filters(
        user=args.get("user", "").strip(),
        action=args.get("action", "").strip(),
        case=args.get("case", "").strip(),
    )
    if found.user and found.user != NOBODY and not is_id(found.user):
        found.errors.append({"text": "Choose a person from the list", "href": "#user"})
        found.user = ""
    if found.action and found.action not in (*ACTIONS, ANY_DOWNLOAD):
        found.errors.append({"text": "Choose an action from the list", "href": "#action"})
        found.action = ""
    if found.case and not is_id(found.case):
        found.errors.append({"text": "The case in the address is not a case", "href": "#events"})
        found.case = ""
    days = {bound: _day(found, bound, args) for bound in BOUNDS}
    start, end = days["from"], days["to"]
    if start and end and end < start:
        found.errors.append(
            {"text": "To date must be the same as or after the From date", "href": "#to-day"}
        )
    elif not found.errors:
        found.since = _midnight(start) if start else None
        found.before = _midnight(end + dt.timedelta(days=1)) if end else None
    page = args.get("page", "1")
    found.page = max(int(page), 1) if page.isdecimal() and len(page) <= 6 else 1
    return found


def _day(found: Filters, bound: str, args: Mapping[str, str]) -> dt.date | None:
    """The day typed in the date field `bound`, or None (left empty, or an error recorded)."""
    typed = {part: args.get(f"{bound}-{part}", "").strip()[:10] for part in PARTS}
    found.dates[bound] = typed
    label = BOUNDS[bound]
    missing = [part for part in PARTS if not typed[part]]
    if len(missing) == len(PARTS):
        return None
    if missing:
        found.errors.append(
            {"text": f"{label} date must include a {missing[0]}", "href": f"#{bound}-{missing[0]}"}
        )
        return None
    try:
        day = dt.date(*(int(typed[part]) for part in reversed(PARTS)))
    except ValueError:  # not numbers, or no such day
        day = None
    if day is None or day.year < 2000:
        found.errors.append({"text": f"{label} date must be a real date", "href": f"#{bound}-day"})
        return None
    return day


def _midnight(day: dt.date) -> dt.datetime:
    """The start of a day in Kingston and Richmond, in UTC as the trail keeps it."""
    return dt.datetime.combine(day, dt.time(), LONDON).astimezone(dt.UTC)
