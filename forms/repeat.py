"""Repeating blocks: a block of fields given several times (a paper table's rows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from forms.kinds import Field


@dataclass(frozen=True)
class Repeat(Field):
    """A block of fields that can be given several times (a table's rows on paper)."""

    fields: tuple[Field, ...] = ()
    item_label: str = "Item"
    add_label: str = "Add another"
    max_items: int = 20
    first_number: int = 1  # the number of the first block ("Session 5" when it starts at 5)

    @property
    def inner(self) -> list[Field]:
        """Every field of one block, follow-up boxes included."""
        return [f for sub in self.fields for f in sub.walk()]

    def clean(self, raw: Any) -> list[dict[str, Any]]:
        items = [{f.name: f.clean(entry.get(f.name)) for f in self.inner} for entry in (raw or [])]
        # A block left completely empty is a block nobody filled: it is not an answer.
        return [item for item in items if any(v not in (None, "", []) for v in item.values())]

    def display(self, value: Any) -> str:
        return ""
