"""The paper wording of each artefact, read from the inventory (shared/spec/artefacts.md), so
that tests of the printed documents check them against the paper, not against the
declarations they test."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "artefacts.md"
if not SPEC.exists():  # a worktree of /work: the spec sits beside the checkouts
    SPEC = Path("/work/shared/spec/artefacts.md")

DATE = r"\d{1,2} [A-Z][a-z]+ \d{4}"
# Blanks the paper leaves for an answer: printed as they stand, or filled with a date.
BLANKS = {
    "[date]": rf"(?:\[date\]|{DATE})",
    "__________________ (date)": rf"(?:_{{3,}} \(date\)|{DATE})",
    "Session N ": r"Session \d+ ",
}


def normal(text: str) -> str:
    """Text as compared: quotes plain, runs of white space one space."""
    for curly, plain in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, plain)
    return " ".join(text.split())


@dataclass(frozen=True)
class Label:
    """One label of the inventory, as printed; `conditional` when the paper's box is shown
    only for some answer ("shown when 3.23 = No")."""

    number: str
    text: str
    conditional: bool

    @property
    def pattern(self) -> str:
        """A regular expression finding the label in squashed text, its blanks filled or not."""
        found = re.escape(self.text)
        for blank, filled in BLANKS.items():
            found = found.replace(re.escape(blank), filled)
        return found


def _section(number: str) -> list[str]:
    lines = SPEC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(rf"#+ {re.escape(number)}\. ", line))
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"## |### [A-Z]\d*\. ", lines[i])),
        len(lines),
    )
    return lines[start:end]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _printed(cell: str) -> str | None:
    """A label cell as printed, or None when the inventory says nothing is printed there."""
    text = normal(cell.replace("*[sic]*", ""))
    if not text or text in ("\u2014", "(none printed)") or text.startswith("see "):
        return None
    if text.startswith("(") and text.endswith(")") and ")" not in text[:-1]:
        return None  # inferred, not printed: "(older male or female)"
    return text


def _row_labels(header: list[str], cells: list[str], line: str) -> list[Label]:
    conditional = any(words in line for words in ("shown when", "variant only", "variants only"))
    criteria = header[1].startswith("Criterion")
    found = []
    for column, text in zip(header, cells, strict=False):
        printed = _printed(text)
        wanted = column.startswith(("Label as printed", "Criterion", "Prompt printed"))
        if printed and (wanted or (criteria and column.isdigit())):
            found.append(Label(cells[0], printed, conditional))
    return found


@cache
def labels(number: str) -> tuple[Label, ...]:
    """The inventory's labels of artefact `number`, in printed order; the scaled criteria's
    level statements too, where the main table points to them ("see the table below")."""
    found: list[Label] = []
    header: list[str] = []
    pointer: int | None = None
    for line in _section(number):
        if not line.startswith("|"):
            header = []
            continue
        cells = _cells(line)
        if not header:
            header = cells
        elif not set(cells[0]) <= {"-"}:
            if "see the table below" in line:
                pointer = len(found)
            rows = _row_labels(header, cells, line)
            if header[1].startswith("Criterion") and pointer is not None:
                found[pointer:pointer] = rows
                pointer += len(rows)
            else:
                found += rows
    return tuple(found)


@cache
def wording(number: str) -> tuple[str, ...]:
    """Everything the inventory quotes of artefact `number` as printed: its labels, options
    (`quoted`) and the instructions it quotes ("..."), longest first."""
    # A bullet's quotation wraps over its indented lines: join them first.
    text = re.sub(r"\n +(?![*|])", " ", "\n".join(_section(number)))
    quoted = [normal(q.replace("*[sic]*", "")) for q in re.findall(r'"([^"\n]{12,})"', text)]
    options = [o for group in re.findall(r"`([^`]+)`", text) for o in group.split(" / ")]
    found = {normal(w) for w in [*quoted, *options]} | {label.text for label in labels(number)}
    # A quotation broken off by the inventory's own words ("... wrongly (L12)") still counts.
    return tuple(sorted(found, key=len, reverse=True))
