"""The README's table of who writes each form ("Accounts, cases and who sees what"), read as
data: the tests hold the code to it, so the README cannot say one thing and the code another."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
ACTIONS = ("start", "edit a draft", "submit", "read / download")
# What the read column says for a form on a case: it follows the case, not a role.
CASE_READERS = "whoever sees the case"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def roles_table() -> dict[str, dict[str, frozenset[str] | str]]:
    """For each form's slug, for each action: the roles named in backticks, or the words of
    the read column when it names none."""
    lines = README.read_text(encoding="utf-8").splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("| form | start |"))
    assert tuple(_cells(lines[head])[1:5]) == ACTIONS, _cells(lines[head])
    table: dict[str, dict[str, frozenset[str] | str]] = {}
    for line in lines[head + 2 :]:
        if not line.startswith("|"):
            break
        cells = _cells(line)
        slug = re.match(r"`(\w+)`", cells[0])
        assert slug is not None, line
        assert slug[1] not in table, f"{slug[1]} is in the table twice"
        row: dict[str, frozenset[str] | str] = {}
        for action, cell in zip(ACTIONS, cells[1:5], strict=True):
            named = frozenset(re.findall(r"`(\w+)`", cell))
            row[action] = named or cell
        assert re.search(r"L\d+", cells[5]), f"{slug[1]}: no strategy line given"
        table[slug[1]] = row
    return table
