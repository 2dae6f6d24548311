"""The answer sets the benchmark renders: the shipped sample, and every field at its limit.

The maximal set is built generically from the declaration, so a new artefact needs no code here.
All text is fictional filler made of plain words.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zlib
from pathlib import Path
from typing import Any

from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Email, Field, LongText, Number, Phone, Postcode, Text
from forms.model import Artefact
from forms.repeat import Repeat
from schemas import schema_for

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "samples"

# Valid, fictional values: an example.gov.uk address and an Ofcom drama number.
EMAIL = "alex.placeholder@example.gov.uk"
POSTCODE = "KT1 1EU"
PHONE = "020 7946 0018"
PAST_DATE = dt.date.today() - dt.timedelta(days=30)

_VOCABULARY = (
    "the child was seen near park station after school with older males in a car "
    "worker reported concerns to police and social care on several occasions during term "
    "new phone clothes & money were not explained; mother said she didn't know where "
    "from friends at youth club described parties in flats across borough late night "
    "fictional sample text only example road sampletown demo lane invented street"
)
_WORDS = tuple(_VOCABULARY.split())


def _rng(name: str) -> random.Random:
    return random.Random(zlib.crc32(name.encode()))


def filler(name: str, length: int, *, multiline: bool) -> str:
    """Exactly `length` characters of word-and-space text, no edge whitespace, some newlines."""
    rng = _rng(name)
    parts: list[str] = []
    size = 0
    sentence = 0
    while size < length:
        words = rng.sample(_WORDS, rng.randint(6, 16))
        text = " ".join(words).capitalize() + "."
        sentence += 1
        if multiline and sentence % 4 == 0:
            text += "\n\n" if sentence % 12 == 0 else "\n"
        else:
            text += " "
        parts.append(text)
        size += len(text)
    text = "".join(parts)[:length]
    # Text.clean strips the end: keep it non-blank so the cleaned value keeps its length.
    return text[:-1] + "." if text[-1:].isspace() else text


def maximal_value(f: Field, path: str) -> Any:
    """The largest clean answer the field accepts (one entry of a Repeat's inner fields)."""
    if isinstance(f, Repeat):
        return [
            {inner.name: maximal_value(inner, f"{path}-{index}-{inner.name}") for inner in f.inner}
            for index in range(f.max_items)
        ]
    if isinstance(f, MultiChoice):  # every option that may go with the others
        return [o.value for o in f.options if o.value not in f.exclusive]
    if isinstance(f, Choice):  # the first option that opens follow-up boxes, so they count
        return next((o.value for o in f.options if o.reveal), f.options[0].value)
    if isinstance(f, Number):
        return f.maximum if f.maximum is not None else 999_999
    if isinstance(f, Postcode):
        return POSTCODE
    if isinstance(f, Date):
        return PAST_DATE
    if isinstance(f, Email):
        return EMAIL
    if isinstance(f, Phone):
        return PHONE
    if isinstance(f, Text):  # LongText too
        return filler(path, f.max_length, multiline=isinstance(f, LongText))
    raise TypeError(f"bench: no maximal value for field kind {type(f).__name__} ({path})")


def _unopened(artefact: Artefact, data: dict[str, Any]) -> None:
    """Empty the follow-up boxes of options not chosen, as a person's answers would leave them."""
    for f in artefact.walk():
        if isinstance(f, Choice):
            chosen = f.chosen(data.get(f.name))
            for option in f.options:
                if option.value not in chosen:
                    for box in option.reveal:
                        for inner in box.walk():
                            data[inner.name] = None


def maximal(artefact: Artefact) -> dict[str, Any]:
    """Every field of the artefact at its limit; raises if the declaration rejects it.

    Where a cross-field rule refuses a limit value (a date of birth a month ago, an age of
    99), that one answer comes from the complete sample instead.
    """
    raw = {f.name: maximal_value(f, f.name) for f in artefact.walk()}
    _unopened(artefact, raw)
    sample = complete(artefact)
    for path, _ in artefact.problems(artefact.clean(raw)):
        if path in raw:
            raw[path] = sample.get(path)
    if artefact.problems(artefact.clean(raw)):  # rules tying answers together: take the
        for f in artefact.walk():  # sample's dates, numbers and choices, keep maximal text
            if isinstance(f, (Date, Number, Choice)):
                raw[f.name] = sample.get(f.name)
        _unopened(artefact, raw)
    data = artefact.clean(raw)
    problems = artefact.problems(data)
    if problems:
        shown = "\n  ".join(f"{path}: {message}" for path, message in problems[:20])
        raise SystemExit(f"bench: maximal answers for {artefact.slug} are invalid:\n  {shown}")
    if data != raw:
        raise SystemExit(f"bench: cleaning changed the maximal answers of {artefact.slug}")
    return data


def complete(artefact: Artefact) -> dict[str, Any]:
    """The shipped sample, loaded (and so checked) by the artefact's schema."""
    path = SAMPLES / f"{artefact.slug}.json"
    loaded: dict[str, Any] = schema_for(artefact).load(json.loads(path.read_text("utf-8")))
    return loaded


def answer_sets(artefact: Artefact) -> dict[str, dict[str, Any]]:
    return {"complete": complete(artefact), "maximal": maximal(artefact)}


def total_chars(data: Any) -> int:
    """Characters of text in an answer set (for the report)."""
    if isinstance(data, dict):
        return sum(total_chars(v) for v in data.values())
    if isinstance(data, list):
        return sum(total_chars(v) for v in data)
    return len(data) if isinstance(data, str) else 0
