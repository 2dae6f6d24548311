"""Finding known details in text: case-insensitive, accents ignored, whole words only.

Words are compared as sets, and dates and postcodes are read out of the text once, so the
time taken grows with the text and the number of details, never with their product: an author
who sees thousands of cases waits no longer per case than one who sees ten.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from anonymity.stop_words import STOP_WORDS

# Inferred: words shorter than this ("Al", "Jo", "Ng") are too often part of ordinary text to
# warn of, and so are the common words of STOP_WORDS (a surname "Young" and "the young
# person"); a detail made only of such words is not looked for.
SHORTEST = 3

# The kinds of detail read as a date or a postcode; any other kind is read as words.
DOB = "a date of birth"
POSTCODE = "a postcode"

_WORD = re.compile(r"[^\W\d_]+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(\d{4}|\d{2})"
_ORDINAL = r"(?:st|nd|rd|th)?"
# 3/3/11, 03/03/2011, 3.3.2011, 3-3-2011 (day first, as written in England); 2011-03-03;
# 3 March 2011, 3rd of Mar 2011; March 3, 2011.
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-]" + _YEAR + r"(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+({_MONTH})\b\.?,?\s+{_YEAR}(?!\d)"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_ORDINAL},?\s+{_YEAR}(?!\d)")
# A whole UK postcode, with or without its space (the outward code alone, "KT1", names an
# area, not a home, and is not looked for).
_POSTCODE = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b")


def plain(text: str) -> str:
    """`text` in lower case without accents: "Zoë" -> "zoe"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalised(text: str) -> tuple[str, list[int]]:
    """`plain(text)`, and for each of its characters the index of the character of `text` it
    comes from (a character may become several, or none)."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        part = plain(char)
        out.append(part)
        origin.extend([index] * len(part))
    return "".join(out), origin


def words_of(value: str) -> set[str]:
    """The words of a detail worth looking for: long enough, and not common words."""
    return {w for w in _WORD.findall(plain(value)) if len(w) >= SHORTEST and w not in STOP_WORDS}


def postcode_key(value: str) -> str | None:
    """A whole postcode as compared: upper case, no space; None if `value` is not one."""
    found = _POSTCODE.fullmatch(plain(value.strip()))
    return (found.group(1) + found.group(2)).upper() if found else None


def _year(text: str) -> list[int]:
    year = int(text)
    return [year] if len(text) == 4 else [1900 + year, 2000 + year]


def _dates(plain: str) -> Iterator[tuple[dt.date, tuple[int, int]]]:
    """The dates written in normalised text, with where each is."""
    for pattern, order in (
        (_NUMERIC, "dmy"),
        (_ISO, "ymd"),
        (_DAY_MONTH, "dmy"),
        (_MONTH_DAY, "mdy"),
    ):
        for match in pattern.finditer(plain):
            parts = dict(zip(order, match.groups(), strict=True))
            month = _MONTHS.get(parts["m"]) or int(parts["m"])
            for year in _year(parts["y"]):
                try:
                    yield dt.date(year, month, int(parts["d"])), match.span()
                except ValueError:
                    continue


@dataclass
class Known:
    """The details to look for, each with its kind ("a first name", "a date of birth"...)."""

    words: dict[str, str] = field(default_factory=dict)
    dates: dict[dt.date, str] = field(default_factory=dict)
    postcodes: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, value: str) -> None:
        """Add a detail as stored: a date as YYYY-MM-DD, a postcode, or words."""
        if kind == DOB:
            try:
                self.dates.setdefault(dt.date.fromisoformat(value), kind)
            except ValueError:
                return
        elif kind == POSTCODE:
            key = postcode_key(value)
            if key:
                self.postcodes.setdefault(key, kind)
        else:
            for word in words_of(value):
                self.words.setdefault(word, kind)


@dataclass(frozen=True)
class Finding:
    """A detail found in a box of the text checked: the box's name, the kind of detail, and
    the words of the box that hold it (the author's own, as typed)."""

    name: str
    kind: str
    text: str


def _found_in(plain: str, known: Known) -> Iterator[tuple[str, tuple[int, int]]]:
    for match in _WORD.finditer(plain):
        if match.group() in known.words:
            yield known.words[match.group()], match.span()
    for day, span in _dates(plain):
        if day in known.dates:
            yield known.dates[day], span
    for match in _POSTCODE.finditer(plain):
        key = (match.group(1) + match.group(2)).upper()
        if key in known.postcodes:
            yield known.postcodes[key], match.span()


def findings_in(boxes: Iterable[tuple[str, str]], known: Known) -> list[Finding]:
    """The known details in each (name, text) box, in the boxes' order, each once a box."""
    found: list[Finding] = []
    for name, text in boxes:
        plain, origin = normalised(text)
        seen = set()
        for kind, (start, end) in _found_in(plain, known):
            typed = text[origin[start] : origin[end - 1] + 1]
            if (kind, typed.casefold()) not in seen:
                seen.add((kind, typed.casefold()))
                found.append(Finding(name, kind, typed))
    return found
