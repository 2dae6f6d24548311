"""What the service already knows, ready to fill an artefact's fields when it is started.

Each artefact declares its own `prefill`: field name -> source, or sources in order of
preference. A source is

* "case.<detail>": forms.case, and the derived details below; a choice of the case (gender,
  ethnicity) gives its words, as other forms ask for it in a text box of their own;
* "user.<detail>": the signed-in member of staff;
* "today": the date the document is started;
* "<artefact slug>.<field>": that field of the latest submitted version of the artefact in the
  same case (an artefact may name itself: its previous version carries forward);
* From(source, ..., via=...): a value worked out from other sources (which may also name a
  whole artefact, "<artefact slug>", for its answers), where the two forms ask differently:
  `via` is a mapping of option values (ticks are mapped one by one) or a function of the
  sources' values (forms.carry).

The first source whose value the field itself accepts wins: one of its options, a real date
not in the future, one line in a one-line box... A follow-up box is filled only when the
option that reveals it is filled too: otherwise the page hides it and submitting refuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from forms.case import CASE
from forms.choices import Choice
from forms.kinds import Field
from forms.repeat import Repeat

if TYPE_CHECKING:
    from forms.model import Artefact

USER_DETAILS = ("name", "job_title", "organisation", "phone", "email")
DERIVED_CASE_DETAILS = ("full_name", "full_address", "age")
CASE_DETAILS = tuple(f.name for f in CASE.walk()) + DERIVED_CASE_DETAILS
TODAY = "today"


@dataclass(frozen=True, init=False, eq=False)
class From:
    """A value worked out from `sources`: `via` maps option values of the one source (a dict),
    or is a function taking the sources' values (None for those not known) in order."""

    sources: tuple[str, ...]
    via: Mapping[str, Any] | Callable[..., Any]

    def __init__(self, *sources: str, via: Mapping[str, Any] | Callable[..., Any]) -> None:
        if isinstance(via, Mapping) and len(sources) != 1:
            raise ValueError("a mapping of option values maps one source")
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "via", via)


Source = str | From
Sources = Source | tuple[Source, ...]


def sources_of(declared: Sources) -> tuple[Source, ...]:
    """A declaration's sources, in order of preference."""
    return declared if isinstance(declared, tuple) else (declared,)


def names_read(source: Source) -> tuple[str, ...]:
    """The names of what the service knows that a source reads."""
    return source.sources if isinstance(source, From) else (source,)


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def case_values(details: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    """A case's clean details with the derived ones: full name, address with postcode, age;
    its choices in words ("Female", "White: Irish"), never an option's value."""
    values = dict(details)
    for f in CASE.walk():
        if isinstance(f, Choice):
            values[f.name] = f.words(details)
    names = (details.get("forename"), details.get("surname"))
    values["full_name"] = " ".join(n for n in names if n) or None
    lines = (details.get("address"), details.get("postcode"))
    values["full_address"] = "\n".join(line for line in lines if line) or None
    born = details.get("dob")
    values["age"] = age_on(born, today) if isinstance(born, dt.date) else None
    return values


def known_values(
    case: Mapping[str, Any] | None,
    user: Mapping[str, Any],
    submitted: Mapping[str, Mapping[str, Any]],
    today: dt.date,
) -> dict[str, Any]:
    """Every source a declaration may name, with its value: `case` as case_values gives it,
    `user` as USER_DETAILS, `submitted` the clean answers of each artefact's latest version."""
    known: dict[str, Any] = {f"user.{name}": user.get(name) for name in USER_DETAILS}
    known[TODAY] = today
    known.update({f"case.{name}": value for name, value in (case or {}).items()})
    for slug, answers in submitted.items():
        known[slug] = answers
        known.update({f"{slug}.{name}": value for name, value in answers.items()})
    return known


def _empty(value: Any) -> bool:
    return value in (None, "", [])


def _mapped(options: Mapping[str, Any], value: Any) -> Any:
    if isinstance(value, list):  # ticks: each mapped, those with no counterpart left out
        return list(dict.fromkeys(options[v] for v in value if v in options)) or None
    return options.get(value) if isinstance(value, str) else None


def value_of(source: Source, known: Mapping[str, Any]) -> Any:
    """What one source gives (None when nothing is known), before the field judges it."""
    if isinstance(source, str):
        return known.get(source)
    values = [known.get(name) for name in source.sources]
    if all(_empty(v) for v in values):
        return None
    if isinstance(source.via, Mapping):
        return _mapped(source.via, values[0])
    return source.via(*values)


def accepts(f: Field, value: Any) -> bool:
    """Whether the field takes `value` as an answer: given, and passing its own check."""
    if isinstance(f, Repeat) or _empty(value):
        return False  # repeating blocks are not prefilled
    try:
        clean = f.clean(value)
        return not _empty(clean) and f.problem(clean) is None
    except (TypeError, ValueError):  # a value of another kind altogether
        return False


def _without_hidden_boxes(artefact: Artefact, answers: dict[str, Any]) -> dict[str, Any]:
    """The answers less follow-up boxes under an option that is not chosen."""
    for f in artefact.walk():  # a choice comes before its follow-ups: nested ones go too
        if not isinstance(f, Choice):
            continue
        for option in f.options:
            if option.value not in f.chosen(answers.get(f.name)):
                for box in option.reveal:
                    for inner in box.walk():
                        answers.pop(inner.name, None)
    return answers


def prefilled(artefact: Artefact, known: Mapping[str, Any]) -> dict[str, Any]:
    """The answers an artefact's `prefill` gives from what is known: the first source whose
    value the field accepts wins."""
    answers = {}
    for name, declared in artefact.prefill.items():
        target = artefact.field(name)
        for source in sources_of(declared):
            value = value_of(source, known)
            if accepts(target, value):
                answers[name] = target.clean(value)
                break
    return _without_hidden_boxes(artefact, answers)
