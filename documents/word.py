"""Word output: a docxtpl template per artefact, filled with the declared answers.

Templates use docxtpl's syntax (`{{ name }}`, `{%p for person in persons %}`, ...) and are
prepared with docxtpl's own `patch_xml`. Rendering then differs from `DocxTemplate.render` on
purpose:

* each template part is compiled once per process, not on every render (docxtpl recompiles the
  whole document XML each time, about half of its cost);
* autoescaping is always on and every value arrives as already-escaped XML text, so `&`, `<`
  and quotes typed by a user appear literally;
* docxtpl's delimiter unescaping (`{_{` -> `{{`) is never applied, so user text that contains
  `{_{` stays as typed.

The rendered parts are written into a copy of the template's zip, in memory, with the
document properties of the moment (documents.word_properties). Templates are made by
tools.make_word_template from the base template (tools.word_base), never by hand.

An answer is printed as runs inside its template's run: a choice's chosen option in bold, the
others lighter; an empty answer "Not answered" (issue 12).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup, escape

from documents.printed import NOT_ANSWERED
from documents.stamp import Stamp
from documents.word_figures import with_figures
from documents.word_properties import app_xml, core_xml
from documents.word_style import LIGHTER_HEX
from figures import Figures
from forms.choices import Choice
from forms.kinds import TICKED, UNTICKED, Field
from forms.model import Artefact
from forms.repeat import Repeat

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "doc_templates"
_TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_ENV = Environment(autoescape=True, undefined=StrictUndefined)
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_CLOSE_RUN, _OPEN_RUN = "</w:t></w:r>", '<w:r><w:t xml:space="preserve">'
_LINE_BREAK = "<w:r><w:br/></w:r>"
_INLINE = "   "  # between options printed on one line (forms.choices)
_CHOSEN = "<w:b/><w:bCs/>"
_LIGHTER = f'<w:color w:val="{LIGHTER_HEX}"/>'
# What render_word adds to the declared names (stamp_context): the templates may use these
# and the declared names, nothing else (tests/documents/test_documents.py).
RESERVED = frozenset({"_stamp_footer", "_about", "_labels"})


def word_text(text: str) -> Markup:
    """User text as the inside of a <w:t> element: escaped, with line breaks and tabs kept."""
    return Markup(str(escape(text)).replace("\n", _BREAK).replace("\t", _TAB))


def template_path(artefact: Artefact) -> Path:
    return TEMPLATE_DIR / f"{artefact.slug}.docx"


def _runs(parts: list[tuple[str, str]], separator: str) -> Markup:
    """Runs of their own inside the template's answer run: each (text, run properties), with
    `separator` (a run) between them. The template's run is closed before and reopened after
    them, empty."""
    runs = separator.join(
        f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{word_text(text)}</w:t></w:r>'
        for text, props in parts
    )
    return Markup(f"{_CLOSE_RUN}{runs}{_OPEN_RUN}")


def _choice(f: Choice, value: Any) -> Markup:
    """A choice's options as displayed (forms.choices), the chosen ones in bold and the
    others lighter, so the chosen sentence among six long ones reads at once (issue 12).
    Nothing chosen: every option as printed, for the reader to see none is ticked."""
    shown = f.display(value)
    chosen = f.chosen(value)
    boxes = [
        f"{TICKED if o.value in chosen else UNTICKED}\u00a0{o.label_on_paper}" for o in f.options
    ]
    if not chosen:  # every box empty, and the words saying so, as the PDF prints it
        return word_text(f"{shown}\n") + _UNANSWERED
    parts = [
        (box, _CHOSEN if o.value in chosen else _LIGHTER)
        for box, o in zip(boxes, f.options, strict=True)
    ]
    if shown == "\n".join(boxes):
        return _runs(parts, _LINE_BREAK)
    if shown == _INLINE.join(boxes):
        return _runs(parts, f'<w:r><w:t xml:space="preserve">{_INLINE}</w:t></w:r>')
    return word_text(shown)  # laid out some other way: printed as it is displayed


def answer(f: Field, value: Any) -> Markup:
    """One answer as the inside of its template run: "Not answered" when empty (issue 12:
    a reader tells it from a question not asked), a choice's options as _choice prints them."""
    if isinstance(f, Choice):
        return _choice(f, value)
    shown = f.display(value)
    return word_text(shown) if shown else _UNANSWERED


_UNANSWERED = _runs([(NOT_ANSWERED, _LIGHTER)], "")


def first_answered(answers: list[Markup]) -> Markup:
    """Of boxes printed as one (tools.word_placement), the answered one; else "Not answered"
    if one was asked, else blank."""
    given = [a for a in answers if a and a != _UNANSWERED]
    return given[0] if given else max(answers, key=bool)


_ENV.filters["first_answered"] = first_answered


def _answers(fields: Iterable[Field], data: Mapping[str, Any]) -> dict[str, Any]:
    """Each field's answer by name. A box under an option not chosen was not asked: it is
    left blank, as the PDF leaves it out, and only a box asked and left empty reads "Not
    answered". A repeating block with no entries is given one blank entry, as the paper
    form prints one empty block to fill."""
    questions = list(fields)
    asked = {f.name for question in questions for f in question.shown(data)}
    answers: dict[str, Any] = {}
    for question in questions:
        for f in question.walk():
            value = data.get(f.name)
            if isinstance(f, Repeat):
                answers[f.name] = [_answers(f.fields, item) for item in value or [{}]]
            elif f.name in asked and f.joins is not None:  # two answers in one row
                joined = f.printed_value(data)
                answers[f.name] = word_text(joined) if joined else _UNANSWERED
            elif f.name in asked:
                answers[f.name] = answer(f, value)
            else:
                answers[f.name] = Markup("")
    return answers


def word_context(artefact: Artefact, data: Mapping[str, Any]) -> dict[str, Any]:
    """The template's variables for the declared fields: exactly the declared field names,
    each as its answer's runs (`answer`), and `_labels`: the labels whose blank an answer
    fills (forms.kinds.Blank), filled."""
    answers = _answers((f for section in artefact.sections for f in section.fields), data)
    labels = {f.name: word_text(f.printed_label(data)) for f in artefact.walk() if f.blank}
    return answers | {"_labels": labels}


def stamp_context(stamp: Stamp) -> dict[str, Any]:
    """The variables render_word adds to the declared ones (RESERVED): whose and which
    version the document is (documents.stamp). Declared names never start with "_"."""
    return {
        "_stamp_footer": word_text(stamp.footer),
        "_about": [(label, word_text(value)) for label, value in stamp.about],
    }


@dataclass(frozen=True)
class CompiledTemplate:
    parts: dict[str, bytes]
    templates: dict[str, Template]

    def render(self, context: Mapping[str, Any], replaced: Mapping[str, str]) -> bytes:
        """The filled document; the parts `replaced` (its properties) written as given."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as docx:
            for name, blob in self.parts.items():
                if name in replaced:
                    blob = replaced[name].encode("utf-8")
                elif name in self.templates:
                    blob = self.templates[name].render(context).encode("utf-8")
                docx.writestr(name, blob)
        return out.getvalue()


@cache
def compiled(path: Path) -> CompiledTemplate:
    """Read and compile a template once per process."""
    with zipfile.ZipFile(path) as docx:
        parts = {name: docx.read(name) for name in docx.namelist()}
    patcher = DocxTemplate(path)
    templates = {
        name: _ENV.from_string(patcher.patch_xml(blob.decode("utf-8")))
        for name, blob in parts.items()
        if _TEMPLATED_PART.fullmatch(name) and (b"{{" in blob or b"{%" in blob)
    }
    return CompiledTemplate(parts, templates)


def render_word(
    artefact: Artefact,
    data: Mapping[str, Any],
    figures: Figures | None = None,
    stamp: Stamp | None = None,
) -> bytes:
    """The completed Word document (.docx bytes) for clean answers, and the version's figures
    after them; `stamp` says whose and which version it is, at its start and in every page's
    footer. Its properties are the form's title and the moment it is generated, in UTC."""
    stamp = stamp or Stamp(artefact.title, 1)
    properties = {
        "docProps/core.xml": core_xml(artefact.title, dt.datetime.now(dt.UTC)),
        "docProps/app.xml": app_xml(),
    }
    context = word_context(artefact, data) | stamp_context(stamp)
    blob = compiled(template_path(artefact)).render(context, properties)
    return with_figures(blob, figures) if figures and figures["blocks"] else blob


def template_variables(artefact: Artefact) -> set[str]:
    """The top-level variables the artefact's Word template uses (docxtpl's own analysis)."""
    return set(DocxTemplate(template_path(artefact)).get_undeclared_template_variables(_ENV))
