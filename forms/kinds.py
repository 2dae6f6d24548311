"""Field kinds: what a declared field is, how it is checked and how it reads in a document.

A kind knows three things and nothing about Flask, marshmallow or reportlab:

* how to clean a raw value (`clean`) into the canonical Python value that is stored;
* how to check a clean value (`problem`), returning a message that names the field;
* how the value reads in a document (`display`).

The web form (`forms.web`), the schema (`schemas`) and the documents (`documents`) each turn a
kind into their own object, so a rule is written here once and enforced everywhere. Choices
are in `forms.choices`, repeating blocks in `forms.repeat`, sections and artefacts in
`forms.model`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from clocks.workdays import london_today
from documents.fonts import unprintable

TICKED = "\u2612"  # ☒
UNTICKED = "\u2610"  # ☐

SHORT_TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 20_000


# The bidi embedding and override controls (U+202A-U+202E) and isolates (U+2066-U+2069),
# refused in everything a user types (issue 13): they reorder the text around them on screen,
# in Word and in the PDF, so a name can be spoofed: "Amira \u202Elanoitcif" is shown as
# "Amira fictional". Right-to-left names need none of them (the Unicode bidi algorithm orders
# them); the marks U+200E and U+200F, which embed and override nothing, stay allowed.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"

# What a Word (XML 1.0) document and a PDF cannot hold: control characters (Unicode category
# Cc) other than tab and new line, surrogates (Cs), and the non-characters U+FFFE and U+FFFF;
# and what they must not hold, the bidi controls above. One regular expression, so that a long
# answer is checked at C speed (a maximal form is 2 million characters, saved as it is typed).
_UNSTORABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{BIDI_CONTROLS}]")


def _is_storable(char: str) -> bool:
    """True if a character can go into a Word (XML 1.0) document and a PDF."""
    return _UNSTORABLE.match(char) is None


_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}]")  # Cc, Cs, bidi


def has_control_characters(text: str) -> bool:
    """True if `text` holds a control character (tab and new line too), a lone surrogate or a
    bidi control: nothing a one-line answer such as an email address may hold."""
    return _CONTROL.search(text) is not None


def unstorable_characters(text: str) -> list[str]:
    """The characters of `text` that a Word document or a PDF cannot hold, each named for a
    person: the character itself with its code, or the code alone for an invisible one."""
    codes = {ord(c) for c in _UNSTORABLE.findall(text)}
    codes |= {int(code[2:], 16) for code in unprintable(text)}
    return [
        f"U+{code:04X}"
        if not _is_storable(chr(code)) or chr(code).isspace()
        else f"{chr(code)} (U+{code:04X})"
        for code in sorted(codes)
    ]


def unstorable_problem(called: str, typed: str) -> str | None:
    """A message naming the field (`called`, as it starts a sentence) if `typed` holds
    characters that no document can or may hold; None if it holds none. For text typed
    outside a declared field too (an account's name, issue 13)."""
    bad = unstorable_characters(typed)
    if bad:
        return (
            f"{called} contains characters that cannot go into a document: "
            f"{', '.join(bad)}. Remove them and try again"
        )
    return None


def printed_answer(value: Any) -> str:
    """An answer as it fills a blank of a printed label or joins another: dates written out
    ("3 March 2027"), anything else as it was given."""
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


@dataclass(frozen=True)
class Blank:
    """A blank in a printed label that an answer fills (issue 12): "[date]" in "Update from
    MASE meeting – [date]:". `answer` names the field whose answer fills it; None means the
    field's own. Unanswered, the paper's placeholder is printed as it stands."""

    placeholder: str
    answer: str | None = None


@dataclass(frozen=True)
class Join:
    """A printed row that gives two answers as one (issue 12): the reporting period printed
    "1 April 2027 to 30 June 2027", not as two date rows. The field declaring it prints its
    answer, `between`, then the answer of `field`, which has no row of its own."""

    field: str
    between: str = " to "
    missing: str | None = "not answered"  # printed for a side not answered; None: left out


@dataclass(frozen=True)
class Field:
    """One question on a paper form.

    `label` is printed verbatim from the inventory, and the web shows it too, unless the paper
    words it for paper only ("(delete as appropriate)", "Please tick"): then `label` is how the
    web asks it, and `paper_label` is the printed label, verbatim, which the documents print.
    `error_name` is how error messages refer to the field when the label reads badly in a
    sentence ("Enter D.O.B").

    What is printed is declared apart from what the web says (issue 12): the web shows `label`
    and `hint`; documents print `printed_label(data)` (the paper label, its `blank` filled by an
    answer) and the hint only when `print_hint` says the paper prints it. `printed_in` names
    the field whose printed row carries this answer (in its label's blank or joined to its
    answer), so this one has no row of its own; `joins` is the other side of that.
    """

    name: str
    label: str
    hint: str | None = None
    required: bool = False
    error_name: str | None = None
    print_hint: bool = False  # the hint is printed on the paper form: documents print it too
    paper_label: str | None = None
    blank: Blank | None = None
    printed_in: str | None = None
    joins: Join | None = None

    @property
    def label_on_paper(self) -> str:
        """The label as the paper form prints it, blanks unfilled ("[date]")."""
        return self.paper_label or self.label

    def printed_label(self, data: Mapping[str, Any]) -> str:
        """The label as a completed document prints it: the paper's label, its blank filled
        by the answer in `data` when there is one, else left as the paper prints it."""
        label = self.label_on_paper
        if self.blank is None:
            return label
        value = data.get(self.blank.answer or self.name)
        if value in (None, "", []):
            return label
        return label.replace(self.blank.placeholder, printed_answer(value))

    def printed_value(self, data: Mapping[str, Any]) -> Any:
        """The answer a completed document prints beside `printed_label`: this field's, or,
        when it `joins` another, both answers as one ("1 April 2027 to 30 June 2027"; a side
        not answered reads `Join.missing`); None when nothing is answered. Both fields are
        displayed as this one's kind displays them."""
        value = data.get(self.name)
        if self.joins is None:
            return value
        other = data.get(self.joins.field)
        if value in (None, "") and other in (None, ""):
            return None
        sides = [
            self.display(value) or self.joins.missing,
            self.display(other) or self.joins.missing,
        ]
        return self.joins.between.join(side for side in sides if side is not None)

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

    def unstorable_problem(self, typed: str) -> str | None:
        """A message naming the field if what was typed holds characters no document can hold:
        checked even on a draft, which keeps everything else as typed."""
        return unstorable_problem(self.Called, typed)

    def display(self, value: Any) -> str:
        """The answer as a document prints it."""
        return "" if value is None else str(value)

    def summary(self, value: Any) -> str:
        """The answer as the check-your-answers page shows it."""
        return self.display(value)

    def walk(self) -> Iterator[Field]:
        yield self

    def shown(self, data: Mapping[str, Any]) -> Iterator[Field]:
        """This field, then the follow-up boxes its answer in `data` shows (forms.choices):
        what a completed document and the answers page print."""
        yield self


@dataclass(frozen=True)
class Text(Field):
    """One line of text. `suggestions` are offered as the user types; any text is accepted."""

    max_length: int = SHORT_TEXT_LIMIT
    suggestions: tuple[str, ...] = ()
    multiline = False

    def clean(self, raw: Any) -> str | None:
        if raw is None:
            return None
        text = str(raw).replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None

    def problem(self, value: Any) -> str | None:
        unstorable = self.unstorable_problem(value)
        if unstorable:
            return unstorable
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


# The age of the young person in a date-of-birth example: the middle of the 10 to 17 the
# Phoenix Project works with (cse-strategy.txt L1333-1334); CSE is of under-18s (L88-90).
YOUNG_PERSON_AGE = 14


@dataclass(frozen=True)
class Date(Field):
    """A date entered as day, month and year. No date in the future unless `future_ok`.

    The web form's hint gives an example of such a date (`example`): a date of birth of someone
    `born_years_ago` years ago when that is set; else a recent date, or one to come when the
    date may be in the future (a date to review or act by).
    """

    future_ok: bool = False
    born_years_ago: int | None = None

    def example(self, today: dt.date | None = None) -> str:
        """A date like the ones asked for, as typed: day, month, year ("27 3 2011")."""
        today = today or london_today()
        if self.born_years_ago is not None:
            return f"27 3 {today.year - self.born_years_ago}"
        this_year = dt.date(today.year, 3, 27)
        if self.future_ok:
            return f"27 3 {today.year + (this_year <= today)}"
        return f"27 3 {today.year - (this_year > today)}"

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dt.date):
            return f"{self.Called} must be a real date"
        if value.year < 1900:
            return f"{self.Called} must be after 1900"
        if not self.future_ok and value > london_today():
            return f"{self.Called} must be today or in the past"
        return None

    def display(self, value: Any) -> str:
        return "" if value is None else f"{value.day} {value:%B %Y}"


_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", re.IGNORECASE)


@dataclass(frozen=True)
class Postcode(Text):
    max_length: int = 10

    def problem(self, value: Any) -> str | None:
        basic = super().problem(value)
        if basic:
            return basic
        if not _POSTCODE.fullmatch(value):
            return f"Enter {self.called} as a UK postcode, like KT1 1EU"
        return None


@dataclass(frozen=True)
class Number(Field):
    """A whole number, within the range the strategy states."""

    minimum: int | None = None
    maximum: int | None = None

    def clean(self, raw: Any) -> int | str | None:
        if raw is None or isinstance(raw, int):
            return raw
        text = str(raw).strip()
        return int(text) if text.isdigit() and len(text) < 7 else (text or None)

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, int):
            return f"{self.Called} must be a whole number, like 8"
        low, high = self.minimum, self.maximum
        if low is not None and high is not None and not low <= value <= high:
            return f"{self.Called} must be between {low} and {high}"
        if low is not None and value < low:
            return f"{self.Called} must be {low} or more"
        if high is not None and value > high:
            return f"{self.Called} must be {high} or less"
        return None
