"""What a completed document prints of a declaration, as apart from what the web page says.

Issue 12: web hints never reach a document, placeholders take their answers ("Update from
MASE meeting – 3 March 2027:"), two answers printed as one range ("Reporting period"), and a
repeat printed under its paper label ("Actions from [date]:"). Renderers (PDF, Word) walk a
section's parts and ask this module what to print, so each rule is written here once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from forms.kinds import Field, Text
from forms.repeat import Repeat

Printed = tuple[Field, Any]
"""(field as printed, answer): the field's `label_on_paper` is the label to print, blanks
already filled, and its `display(answer)` the answer to print."""


def _as_printed(f: Field, data: Mapping[str, Any]) -> Printed:
    if f.joins is not None:
        # Two answers as one line of text: a Text, whose display is the text itself.
        row = Text(
            f.name, f.label, hint=f.hint, print_hint=f.print_hint, paper_label=f.label_on_paper
        )
        return row, f.printed_value(data)
    if f.blank is not None:
        return dataclasses.replace(f, paper_label=f.printed_label(data), blank=None), data.get(
            f.name
        )
    return f, data.get(f.name)


def printed_questions(fields: Sequence[Field], data: Mapping[str, Any]) -> list[list[Printed]]:
    """Each question of a run of plain fields as a document prints it, for answers `data`:
    its own row, then the rows of the follow-up boxes its answer shows (forms.choices). A
    field printed within another's row (`printed_in`) has none of its own."""
    return [
        [_as_printed(shown, data) for shown in f.shown(data) if shown.printed_in is None]
        for f in fields
        if f.printed_in is None
    ]


def repeat_heading(repeat: Repeat, data: Mapping[str, Any]) -> str | None:
    """The label a repeat is printed under, blanks filled from the artefact's answers `data`
    ("Actions from 12 November 2026:"); None when the paper prints none above its rows."""
    return repeat.printed_label(data) if repeat.paper_label else None
