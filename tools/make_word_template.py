"""Write the Word template of declared artefacts into doc_templates/, from the base template.

    python -m tools.make_word_template              # every artefact
    python -m tools.make_word_template cse_referral # one

A template is the base template (tools.word_base: its named styles, page, header and footer)
with a body laid out like the paper form and the PDF: the title, who the document is about
(`_about`, filled by documents.word.render_word), then each section as a heading over its
questions. Templates are only ever made here, from the declarations: never edit one by hand.

A short answer sits beside its label in a two-column table. A long answer has a table of its
own, as wide as the text: its label in a row above it and the answer in a row below, as the
PDF prints it. Issue 12 asks that an answer running onto another page carry its label,
"(continued)". Word cannot print text only on a page where a row goes on (a field in a
repeated row prints the same on every page), so the word "(continued)" is not printed: the
label row is the table's repeated header row (w:tblHeader), which Word and LibreOffice print
again at the top of every page the answer runs onto, and that is how a reader of the next page
knows the question. A box revealed by an option ("Other – please give details") carries its
choice's row above its label, as header rows too.

No answer is left alone: every row is w:cantSplit except a long answer's, and the rows of one
question (a choice, then the boxes its options reveal; a long answer's label) keep with the
next row, as do headings and printed instructions.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from documents import word_style as s
from documents.printed import unbroken
from documents.word import template_path
from forms import ARTEFACTS
from forms.kinds import Field, LongText
from forms.model import Artefact
from forms.repeat import Repeat
from tools import word_base
from tools.word_placement import Placement, placement
from tools.word_xml import cell, paragraph, row, table, tag

ENTRY = "entry"  # the loop variable of a repeating block
_COLUMNS = [s.LABEL_WIDTH, s.ANSWER_WIDTH]  # every table's grid: label, answer
BOARD = "Kingston & Richmond Local Safeguarding Children Board"


def _printed_label(f: Field) -> str:
    """The label as printed: the paper's words, or, when an answer fills a blank in it
    ("Update from MASE meeting – [date]:"), the label filled by render_word (`_labels`)."""
    return f"{{{{ _labels['{f.name}'] }}}}" if f.blank else f.label_on_paper


def _label(f: Field, keep_next: bool) -> list[str]:
    """The label, and the prompt printed under it on paper (not web-only help)."""
    printed = [paragraph(s.LABEL, _printed_label(f), keep_next)]
    if f.print_hint and f.hint:
        printed.append(paragraph(s.PROMPT, f.hint, keep_next))
    return printed


def _answer(placeholder: str, keep_next: bool) -> str:
    return paragraph(s.ANSWER, f"{{{{ {placeholder} }}}}", keep_next)


def _long(f: Field, placeholder: str, kept: list[str]) -> str:
    """A long answer's own table, as wide as the text: the rows `kept` with it (its question's
    choice, when an option revealed it), its label, then the answer, which alone may split
    between pages. All rows but the answer are the table's header rows, printed again at the
    top of every page the answer runs onto (see the module's docstring)."""
    label = row([cell(s.TEXT_WIDTH, _label(f, True), shaded=True, span=2)], header=True)
    answer = row([cell(s.TEXT_WIDTH, [_answer(placeholder, False)], span=2)], can_split=True)
    return table(_COLUMNS, [*kept, label, answer])


def _short(f: Field, placeholder: str, keep_next: bool, header: bool = False) -> str:
    return row(
        [
            cell(s.LABEL_WIDTH, _label(f, keep_next), shaded=True),
            cell(s.ANSWER_WIDTH, [_answer(placeholder, keep_next)]),
        ],
        header=header,
    )


def _placeholder(f: Field, plan: Placement, entry: bool) -> str:
    """The Jinja expression of a box's answer (several boxes printed as one: the answered)."""
    # Inside a repeat, entry['name'], never entry.name: a field called "update" or "items"
    # would otherwise print a dict method instead of the answer.
    names = [f"{ENTRY}['{n}']" if entry else n for n in plan.together.get(f.name, (f.name,))]
    return names[0] if len(names) == 1 else f"[{', '.join(names)}] | first_answered"


def _questions(fields: tuple[Field, ...], plan: Placement, entry: bool = False) -> Iterator[str]:
    """Tables of the questions `fields`, each with the boxes its options reveal.

    Rows of one question stay in one table, keeping with the next row: LibreOffice keeps rows
    together only within a table, not a table with the next. So a question whose option
    reveals a long box ("Other – please give details") is printed in that box's table, as its
    header rows.
    """
    earlier: list[str] = []  # rows of the questions before, in the current two-column table
    for question in plan.in_order(fields):
        if question.printed_in:  # printed in another question's row (forms.kinds.Join)
            continue
        printed = plan.printed(question)
        rows: list[tuple[Field, str, bool]] = []  # this question's short rows not yet placed
        for number, f in enumerate(printed):
            name = _placeholder(f, plan, entry)
            if isinstance(f, LongText):
                if earlier:
                    yield table(_COLUMNS, earlier)
                    earlier = []
                yield _long(f, name, [_short(*r, header=True) for r in rows])
                rows = []
            else:
                rows.append((f, name, number < len(printed) - 1))
        earlier += [_short(*r) for r in rows]
    if earlier:
        yield table(_COLUMNS, earlier)


def _about() -> Iterator[str]:
    """Who the document is about (documents.stamp), as the paper forms open; left out when
    the document is on no case."""
    yield tag("{%p if _about %}")
    yield table(
        _COLUMNS,
        [
            row([cell(s.TEXT_WIDTH, [tag("{%tr for about in _about %}")], span=2)]),
            _short_about(),
            row([cell(s.TEXT_WIDTH, [tag("{%tr endfor %}")], span=2)]),
        ],
    )
    yield tag("{%p endif %}")


def _short_about() -> str:
    return row(
        [
            cell(s.LABEL_WIDTH, [paragraph(s.LABEL, "{{ about[0] }}")], shaded=True),
            cell(s.ANSWER_WIDTH, [paragraph(s.ANSWER, "{{ about[1] }}")]),
        ]
    )


def _repeat(repeat: Repeat, plan: Placement) -> Iterator[str]:
    if repeat.paper_label:  # the paper's words above the blocks: "Actions from [date]:"
        yield paragraph(s.HEADING2, _printed_label(repeat), keep_next=True)
    yield tag(f"{{%p for {ENTRY} in {repeat.name} %}}")
    offset = f" + {repeat.first_number - 1}" if repeat.first_number != 1 else ""
    yield paragraph(s.HEADING2, f"{repeat.item_label} {{{{ loop.index{offset} }}}}")
    yield from _questions(repeat.fields, plan, entry=True)
    yield tag("{%p endfor %}")
    yield from _questions(tuple(plan.moved.get(repeat.name, ())), plan)


def body(artefact: Artefact) -> str:
    """The template's body, before the base template's page settings."""
    plan = placement(artefact)
    parts = [paragraph(s.TITLE, unbroken(artefact.title)), paragraph(s.BOARD, BOARD), *_about()]
    for section in artefact.sections:
        parts.append(paragraph(s.HEADING1, unbroken(section.title)))
        if section.description_on_paper:
            parts.append(paragraph(s.NOTE, section.description_on_paper))
        for part in section.parts():
            parts += _repeat(part, plan) if isinstance(part, Repeat) else _questions(part, plan)
    return "".join(parts)


def write(artefact: Artefact, path: Path | None = None) -> Path:
    """Write the artefact's template: the base template's parts, the body laid out here."""
    path = path or template_path(artefact)
    parts = word_base.parts()
    parts["word/document.xml"] = re.sub(
        "<w:body>", lambda _: f"<w:body>{body(artefact)}", parts["word/document.xml"], count=1
    )
    return word_base.save(path, parts)


def main(slugs: list[str]) -> None:
    for slug in slugs or list(ARTEFACTS):
        print(f"wrote {write(ARTEFACTS[slug])}")


if __name__ == "__main__":
    main(sys.argv[1:])
