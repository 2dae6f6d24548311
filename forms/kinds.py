"""Field kinds: what a declared field is, how it is checked and how it reads in a document.

A kind knows three things and nothing about Flask, marshmallow or reportlab:

* how to clean a raw value (`clean`) into the canonical Python value that is stored;
* how to check a clean value (`problem`), returning a message that names the field;
* how the value reads in a document (`display`).

The web form (`forms.web`), the schema (`schemas`) and the documents (`documents`) each turn a
kind into their own object, so a rule is written here once and enforced everywhere.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from documents.fonts import unprintable

TICKED = "\u2612"  # ☒
UNTICKED = "\u2610"  # ☐

SHORT_TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 20_000


def _is_storable(char: str) -> bool:
    """True if a character can go into a Word (XML 1.0) document and a PDF.

    Tab and newline are the only control characters a document holds. Surrogates and the
    non-characters U+FFFE/U+FFFF are not allowed in XML either.
    """
    if char in "\t\n":
        return True
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        return False
    return char not in "\ufffe\uffff"


def unstorable_characters(text: str) -> list[str]:
    """The characters of `text` that a Word document or a PDF cannot hold, each named for a
    person: the character itself with its code, or the code alone for an invisible one."""
    codes = {ord(c) for c in text if not _is_storable(c)}
    codes |= {int(code[2:], 16) for code in unprintable(text)}
    return [
        f"U+{code:04X}"
        if not _is_storable(chr(code)) or chr(code).isspace()
        else f"{chr(code)} (U+{code:04X})"
        for code in sorted(codes)
    ]


@dataclass(frozen=True)
class Field:
    """One question on a paper form.

    `label` is printed verbatim from the inventory. `error_name` is how error messages refer
    to the field when the printed label reads badly in a sentence ("Enter D.O.B").
    """

    name: str
    label: str
    hint: str | None = None
    required: bool = False
    error_name: str | None = None

    @property
    def called(self) -> str:
        return self.error_name or self.label.rstrip(":?").strip()

    @property
    def Called(self) -> str:  # noqa: N802 - the name as it starts a sentence
        return self.called[:1].upper() + self.called[1:]

    @property
    def required_message(self) -> str:
        return f"Enter {self.called}"

    def clean(self, raw: Any) -> Any:
        return raw

    def problem(self, value: Any) -> str | None:
        """A message naming the field if the clean, non-empty `value` is not acceptable."""
        return None

    def display(self, value: Any) -> str:
        """The answer as a document prints it."""
        return "" if value is None else str(value)

    def summary(self, value: Any) -> str:
        """The answer as the check-your-answers page shows it."""
        return self.display(value)

    def walk(self) -> Iterator[Field]:
        yield self


@dataclass(frozen=True)
class Text(Field):
    """One line of text."""

    max_length: int = SHORT_TEXT_LIMIT
    multiline = False

    def clean(self, raw: Any) -> str | None:
        if raw is None:
            return None
        text = str(raw).replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None

    def problem(self, value: Any) -> str | None:
        bad = unstorable_characters(value)
        if bad:
            return (
                f"{self.Called} contains characters that cannot go into a document: "
                f"{', '.join(bad)}. Remove them and try again"
            )
        if not self.multiline and "\n" in value:
            return f"{self.Called} must be on one line"
        if len(value) > self.max_length:
            return f"{self.Called} must be {self.max_length:,} characters or fewer"
        return None


@dataclass(frozen=True)
class LongText(Text):
    """A box for narrative: several lines, generous length."""

    max_length: int = LONG_TEXT_LIMIT
    multiline = True


@dataclass(frozen=True)
class Email(Text):
    max_length: int = 254

    def problem(self, value: Any) -> str | None:
        basic = super().problem(value)
        if basic:
            return basic
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            return f"Enter {self.called} in the correct format, like name@example.gov.uk"
        return None


@dataclass(frozen=True)
class Phone(Text):
    """A UK telephone number (a number in international format is accepted too)."""

    max_length: int = 40

    def problem(self, value: Any) -> str | None:
        basic = super().problem(value)
        if basic:
            return basic
        try:
            number = phonenumbers.parse(value, "GB")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            return f"Enter {self.called} as a UK telephone number, like 020 8547 5008"
        return None


@dataclass(frozen=True)
class Date(Field):
    """A date entered as day, month and year. No date in the future unless `future_ok`."""

    future_ok: bool = False

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dt.date):
            return f"{self.Called} must be a real date"
        if value.year < 1900:
            return f"{self.Called} must be after 1900"
        if not self.future_ok and value > dt.date.today():
            return f"{self.Called} must be today or in the past"
        return None

    def display(self, value: Any) -> str:
        return "" if value is None else f"{value.day} {value:%B %Y}"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str | None = None


@dataclass(frozen=True)
class Choice(Field):
    """Pick one of the printed options. Documents print every option with a tick box."""

    options: tuple[Option, ...] = ()
    inline: bool = False

    @property
    def required_message(self) -> str:
        return f"Select {self.called}"

    def clean(self, raw: Any) -> str | None:
        return raw or None

    def problem(self, value: Any) -> str | None:
        if value not in {o.value for o in self.options}:
            return f"Select {self.called} from the options given"
        return None

    def summary(self, value: Any) -> str:
        return next((o.label for o in self.options if o.value == value), "")

    def display(self, value: Any) -> str:
        return "   ".join(
            f"{TICKED if o.value == value else UNTICKED} {o.label}" for o in self.options
        )


YES_NO = (Option("yes", "Yes"), Option("no", "No"))


@dataclass(frozen=True)
class YesNo(Choice):
    """A Yes/No question whose follow-up boxes (`if_yes`) are shown only when Yes is chosen."""

    options: tuple[Option, ...] = YES_NO
    if_yes: tuple[Field, ...] = ()
    inline: bool = True

    @property
    def required_message(self) -> str:
        return f"Select yes or no for {self.called}"

    def walk(self) -> Iterator[Field]:
        yield self
        yield from self.if_yes


@dataclass(frozen=True)
class Repeat(Field):
    """A block of fields that can be given several times (a table's rows on paper)."""

    fields: tuple[Field, ...] = ()
    item_label: str = "Item"
    add_label: str = "Add another"
    max_items: int = 20

    def clean(self, raw: Any) -> list[dict[str, Any]]:
        items = [
            {f.name: f.clean(entry.get(f.name)) for sub in self.fields for f in sub.walk()}
            for entry in (raw or [])
        ]
        # A block left completely empty is a block nobody filled: it is not an answer.
        return [item for item in items if any(v not in (None, "") for v in item.values())]

    def display(self, value: Any) -> str:
        return ""


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    description: str | None = None

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
class Artefact:
    """One paper artefact of the strategy, declared once."""

    slug: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    rules: tuple[Any, ...] = field(default=())
    source: str = ""
    inventory: str = ""  # the artefact's number in ../shared/spec/artefacts.md

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
        """What a user must give, in page order: required fields, then "one of" rules."""
        required = [f.called for f in self.walk() if f.required]
        return required + [rule.must for rule in self.rules if hasattr(rule, "must")]

    @property
    def stem(self) -> str:
        return self.slug.replace("_", "-")

    def clean(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        return {f.name: f.clean(raw.get(f.name)) for f in self.walk()}

    def problems(self, data: Mapping[str, Any]) -> list[Problem]:
        """Every problem with clean data: required fields, each field's own check, then rules."""
        found: list[Problem] = []
        for f in self.walk():
            found.extend(_field_problems(f, data.get(f.name), f.name))
        found.extend(_unasked_answers(self, data))
        for rule in self.rules:
            found.extend(rule(data))
        return _first_per_field(found)


def _unasked_answers(artefact: Artefact, data: Mapping[str, Any]) -> list[Problem]:
    """Follow-up boxes filled in although their question was not answered Yes.

    Dropping such text would lose what the user typed and printing it under "No" would
    contradict the form, so the user is asked to choose.
    """
    found: list[Problem] = []
    for f in artefact.walk():
        if isinstance(f, YesNo) and data.get(f.name) != "yes":
            filled = [sub for sub in f.if_yes if data.get(sub.name) not in (None, "")]
            if filled:
                found.append(
                    (
                        f.name,
                        f"You gave '{filled[0].label.rstrip(':')}' but did not answer Yes to "
                        f"{f.called}. Select Yes, or delete what you wrote there",
                    )
                )
    return found


def _field_problems(f: Field, value: Any, path: str) -> list[Problem]:
    if isinstance(f, Repeat):
        found: list[Problem] = []
        for index, item in enumerate(value or []):
            for sub in f.fields:
                for inner in sub.walk():
                    found.extend(
                        _field_problems(inner, item.get(inner.name), f"{path}-{index}-{inner.name}")
                    )
        if len(value or []) > f.max_items:
            found.append((path, f"Give no more than {f.max_items} {f.item_label.lower()}s"))
        return found
    if value in (None, ""):
        return [(path, f.required_message)] if f.required else []
    message = f.problem(value)
    return [(path, message)] if message else []


def _first_per_field(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[str] = set()
    first: list[Problem] = []
    for path, message in problems:
        if path not in seen:
            seen.add(path)
            first.append((path, message))
    return first
