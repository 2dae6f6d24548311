"""Sections and artefacts: a paper artefact declared once, and the checks of its answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from forms.choices import Choice
from forms.kinds import Field
from forms.repeat import Repeat

if TYPE_CHECKING:
    from figures import Context, Figures
    from forms.prefill import Sources


@dataclass(frozen=True)
class Section:
    """A titled part of an artefact. Its `description` is shown on the web and printed only
    when the paper prints it too (`print_description`); the documents print
    `paper_description` instead when the paper words its instructions for paper only ("Please
    tick ..."). Web-only help never reaches a document (issue 12)."""

    title: str
    fields: tuple[Field, ...]
    description: str | None = None
    paper_description: str | None = None
    print_description: bool = False  # the description is the paper's, verbatim

    @property
    def description_on_paper(self) -> str | None:
        """The instructions the paper prints under the section's heading, if any."""
        if self.paper_description:
            return self.paper_description
        return self.description if self.print_description else None

    def walk(self) -> Iterator[Field]:
        for f in self.fields:
            yield from f.walk()

    def parts(self) -> Iterator[Repeat | tuple[Field, ...]]:
        """The section's fields in order, runs of plain fields grouped: each repeat stands alone."""
        run: list[Field] = []
        for f in self.fields:
            if isinstance(f, Repeat):
                if run:
                    yield tuple(run)
                    run = []
                yield f
            else:
                run.append(f)
        if run:
            yield tuple(run)


Problem = tuple[str, str]
"""(field path, message): the path is a field name, or `repeat-index-name` inside a Repeat."""


@dataclass(frozen=True)
class Continues:
    """This artefact continues another when that one's `field` is answered `value`; the two
    PDFs are then offered together as one pack titled `pack_title`."""

    artefact: str
    field: str
    value: str
    pack_title: str


@dataclass(frozen=True)
class Artefact:
    """One paper artefact of the strategy, declared once."""

    slug: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    rules: tuple[Any, ...] = field(default=())
    source: str = ""
    inventory: str = ""  # the artefact's number in ../shared/spec/artefacts.md
    audience: str = "Practitioners making a referral"  # one of forms.AUDIENCES
    order: int = 0  # its place within its audience on the home page
    continues: Continues | None = None
    # Fields filled from what the service already knows when the artefact is started: field
    # name -> source ("case.dob", "user.name", "today", "phoenix_referral.person_name", or a
    # From worked out from others), or sources in order of preference. See forms.prefill.
    prefill: Mapping[str, Sources] = field(default_factory=dict, compare=False)
    # Who may start, edit and submit it; empty: everyone its audience names (forms.STARTERS).
    started_by: frozenset[str] = frozenset()
    # False for reports about the whole service (the quarterly progress report): no one child.
    per_case: bool = True
    # The report artefact this one is attached to (a case study to the progress report,
    # L4141): started from one of that report's documents, listed on it, and about no case.
    attached_to: str | None = None
    # Its answers must identify no young person (case studies, L2976-2978): before it is
    # submitted, the author is warned of any detail of a case they can see (anonymity).
    anonymised: bool = False
    # Figures worked out from the service's records when a version is submitted, and stored
    # with it (the closure's distance travelled, the progress report's counts): see figures.
    figures: Callable[[Context], Figures] | None = field(default=None, compare=False)

    def walk(self) -> Iterator[Field]:
        for section in self.sections:
            yield from section.walk()

    def field(self, name: str) -> Field:
        for f in self.walk():
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def must_answer(self) -> list[str]:
        """What a user must give, in page order: required fields, then "one of" rules. A box
        revealed by an option is required only when that option is chosen: not listed."""
        revealed = {r.name for f in self.walk() for r in _follow_ups(f)}
        required = [f.called for f in self.walk() if f.required and f.name not in revealed]
        return required + [rule.must for rule in self.rules if hasattr(rule, "must")]

    @property
    def stem(self) -> str:
        return self.slug.replace("_", "-")

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        return {f.name: f.clean(raw.get(f.name)) for f in self.walk()}

    def problems(self, data: Mapping[str, Any]) -> list[Problem]:
        """Every problem with clean data: required fields, each field's own check, follow-up
        boxes filled under an option not chosen, then the artefact's rules; one per field."""
        found = _problems(list(self.walk()), data, "")
        for rule in self.rules:
            found.extend(rule(data))
        return _first_per_field(found)


def _empty(value: Any) -> bool:
    return value in (None, "", [])


def _follow_ups(f: Field, data: Mapping[str, Any] | None = None) -> Iterator[Field]:
    """A choice's follow-up boxes, nested ones too: all of them, or, with `data`, those under
    the options not chosen there, which are not asked."""
    if not isinstance(f, Choice):
        return
    chosen = f.chosen(data.get(f.name)) if data is not None else set()
    for option in f.options:
        if data is None or option.value not in chosen:
            for box in option.reveal:
                yield from box.walk()


def _problems(fields: Sequence[Field], data: Mapping[str, Any], prefix: str) -> list[Problem]:
    found: list[Problem] = []
    # A required follow-up box is required only when its option is chosen: an "Other" chosen
    # needs its details, a box not shown is not asked.
    unasked = {r.name for f in fields for r in _follow_ups(f, data)}
    for f in fields:
        path, value = f"{prefix}{f.name}", data.get(f.name)
        if isinstance(f, Repeat):
            for index, item in enumerate(value or []):
                found.extend(_problems(f.inner, item, f"{path}-{index}-"))
            if len(value or []) > f.max_items:
                found.append((path, _too_many(f)))
        elif _empty(value):
            found.extend(
                [(path, f.required_message)] if f.required and f.name not in unasked else []
            )
        elif message := f.problem(value):
            found.append((path, message))
        if isinstance(f, Choice):
            found.extend(_unasked_answers(f, value, data, path))
    return found


def _too_many(f: Repeat) -> str:
    """Blocks numbered from 1 are counted; others are named by their numbers ("sessions 5 to
    52"), as the user reads them."""
    items = f"{f.item_label.lower()}s"
    if f.first_number == 1:
        return f"Give no more than {f.max_items} {items}"
    last = f.first_number + f.max_items - 1
    return f"Give no more than {f.max_items} {items} here: {items} {f.first_number} to {last}"


def _unasked_answers(f: Choice, value: Any, data: Mapping[str, Any], path: str) -> list[Problem]:
    """Follow-up boxes filled in under an option that was not chosen.

    Dropping such text would lose what the user typed, and printing it beside another answer
    would contradict the form, so the user is asked to choose.
    """
    for option in f.options:
        if option.value in f.chosen(value):
            continue
        filled = [r for box in option.reveal for r in box.walk() if not _empty(data.get(r.name))]
        if filled:
            box = filled[0].label.rstrip(":")
            given = "details" if box == option.label else f"'{box}'"
            return [
                (
                    path,
                    f"You gave {given} but did not select '{option.label}' for {f.called}."
                    f" Select '{option.label}', or delete what you wrote there",
                )
            ]
    return []


def _first_per_field(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[str] = set()
    first: list[Problem] = []
    for path, message in problems:
        if path not in seen:
            seen.add(path)
            first.append((path, message))
    return first
