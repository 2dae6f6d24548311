"""Who and which version a document is: what it opens with, what every page's footer says, and
what its file is called.

A reader of any printed page must know whose it is (issue 12): the footer of every page gives
the form, the case reference and the version; the document opens with the young person's name,
date of birth and case reference, as the paper forms do at their top. The footer and the file
name never carry a name or an answer: only the case reference, which the service or the
worker's own system gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clocks.workdays import london_today

_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")
REFERENCE_CHARS = 24  # of a case reference in a file name


def reference(case_id: str, details: Mapping[str, Any]) -> str:
    """How documents and mails name a case: the reference its worker gave it, or the first
    characters of its id. Never the young person's name."""
    return str(details.get("case_reference") or f"CSE-{case_id[:8]}")


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Stamp:
    """What a document says about itself. `reference` is None for a document on no case (a
    progress report, a case study attached to it): it is about no one young person."""

    form: str  # the artefact's title
    version: int
    reference: str | None = None
    child: str | None = None  # "First Last", from the case's details
    born: dt.date | None = None
    generated: dt.date | None = None  # None: today, in London

    @property
    def day(self) -> dt.date:
        return self.generated or london_today()

    @property
    def footer(self) -> str:
        """The left of every page's footer ("Page N of M" is on its right)."""
        case = f" \u2013 case {self.reference}" if self.reference else ""
        return f"{self.form}{case} \u2013 version {self.version} \u2013 {long_date(self.day)}"

    @property
    def about(self) -> list[tuple[str, str]]:
        """Who the document is about, as it opens: (label, value) rows; none off a case."""
        if self.reference is None:
            return []
        born = long_date(self.born) if self.born else "Not known"
        return [
            ("Young person", self.child or "Not known"),
            ("Date of birth", born),
            ("Case reference", self.reference),
        ]

    def file_name(self, stem: str, kind: str) -> str:
        """`stem-reference-vN-YYYY-MM-DD.kind`: the form, the case reference in a small set of
        characters (letters, digits, hyphens), the version and the day. Never a name."""
        parts = [stem]
        if self.reference:
            safe = _UNSAFE.sub("-", self.reference).strip("-")[:REFERENCE_CHARS].strip("-")
            parts.append(safe or "case")
        parts += [f"v{self.version}", self.day.isoformat()]
        return f"{'-'.join(parts)}.{kind}"


def stamp_of(
    form: str, version: int, case_id: str | None, details: Mapping[str, Any] | None
) -> Stamp:
    """The stamp of version `version` of `form`, on the case `case_id` with its clean
    `details` (None: on no case)."""
    if case_id is None or details is None:
        return Stamp(form, version)
    name = " ".join(str(details[k]) for k in ("forename", "surname") if details.get(k))
    born = details.get("dob")
    return Stamp(
        form,
        version,
        reference(case_id, details),
        child=name or None,
        born=born if isinstance(born, dt.date) else None,
    )
