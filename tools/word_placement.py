"""Where a template prints the boxes an option reveals, when not right under their choice.

The PDF prints a revealed box under the choice that reveals it. Two things on paper differ,
and the Word template follows the paper:

* boxes of one choice with the same printed label, revealed by different options, are one box
  on paper ("Impact of MASE plan so far" of either existing MASE case): they print as one row,
  holding whichever is answered (the `first_answered` filter of documents.word);
* a few boxes are printed further down the page than the choice that reveals them
  (PRINTED_AFTER).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from forms.choices import Choice
from forms.kinds import Field
from forms.model import Artefact

# Box -> the field or repeating block the paper prints it after. Inventory B2.12 and B2.23:
# the MASE case summary's "Other agencies actively involved in managing risk of CSE" follows
# Lead Professional (cse-strategy.txt L1244, L1292) and "Impact of MASE plan so far" follows
# the actions (L1182, L1274, L1322).
PRINTED_AFTER = {"other_agencies": "lead_professional", "impact": "actions"}


@dataclass(frozen=True)
class Placement:
    moved: dict[str, list[Field]]  # a field's name -> the boxes printed after it
    hidden: frozenset[str]  # boxes not printed under the choice that reveals them
    together: dict[str, tuple[str, ...]]  # a box -> the boxes printed in its one row

    def printed(self, question: Field) -> list[Field]:
        """The question's row, then those of the boxes printed under it, in the order the
        paper prints them (Choice.follow_up_order: "(If no)" before "(If yes)" on one)."""
        if isinstance(question, Choice):
            order = question.follow_up_order()
            boxes = [g for option in order for box in option.reveal for g in box.walk()]
        else:
            boxes = list(question.walk())[1:]
        return [
            question,
            *(f for f in boxes if f.name not in self.hidden and f.printed_in is None),
        ]

    def in_order(self, fields: tuple[Field, ...]) -> Iterator[Field]:
        """Questions in the order printed: each, then the boxes moved after it."""
        for question in fields:
            yield question
            yield from self.moved.get(question.name, [])


def placement(artefact: Artefact) -> Placement:
    together: dict[str, tuple[str, ...]] = {}
    hidden: set[str] = set()
    for f in artefact.walk():
        if isinstance(f, Choice):
            by_label: dict[str, list[Field]] = {}
            for option in f.options:
                for box in option.reveal:
                    by_label.setdefault(box.label_on_paper, []).append(box)
            for boxes in by_label.values():
                if len(boxes) > 1:
                    together[boxes[0].name] = tuple(box.name for box in boxes)
                    hidden |= {box.name for box in boxes[1:]}
    moved: dict[str, list[Field]] = {}
    for f in artefact.walk():
        if f.name in PRINTED_AFTER:
            moved.setdefault(PRINTED_AFTER[f.name], []).append(f)
            hidden.add(f.name)
    return Placement(moved, frozenset(hidden), together)
