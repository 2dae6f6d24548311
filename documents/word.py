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

The rendered parts are written into a copy of the template's zip, in memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup, escape

from documents.stamp import Stamp
from documents.word_figures import with_figures
from figures import Figures
from forms.model import Artefact
from forms.repeat import Repeat

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "doc_templates"
_TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_ENV = Environment(autoescape=True, undefined=StrictUndefined)
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def word_text(text: str) -> Markup:
    """User text as the inside of a <w:t> element: escaped, with line breaks and tabs kept."""
    return Markup(str(escape(text)).replace("\n", _BREAK).replace("\t", _TAB))


def template_path(artefact: Artefact) -> Path:
    return TEMPLATE_DIR / f"{artefact.slug}.docx"


def word_context(artefact: Artefact, data: Mapping[str, Any]) -> dict[str, Any]:
    """The template's variables: exactly the declared field names, each as displayed text.

    A repeating block with no entries is given one blank entry, as the paper form prints one
    empty block to fill.
    """
    context: dict[str, Any] = {}
    for f in artefact.walk():
        value = data.get(f.name)
        if isinstance(f, Repeat):
            items = value or [{}]
            context[f.name] = [
                {inner.name: word_text(inner.display(item.get(inner.name))) for inner in f.inner}
                for item in items
            ]
        else:
            context[f.name] = word_text(f.display(value))
    return context


@dataclass(frozen=True)
class CompiledTemplate:
    parts: dict[str, bytes]
    templates: dict[str, Template]

    def render(self, context: Mapping[str, Any]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as docx:
            for name, blob in self.parts.items():
                if name in self.templates:
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
    after them. (`stamp`, whose and which version it is, is not printed yet.)"""
    blob = compiled(template_path(artefact)).render(word_context(artefact, data))
    return with_figures(blob, figures) if figures and figures["blocks"] else blob


def template_variables(artefact: Artefact) -> set[str]:
    """The top-level variables the artefact's Word template uses (docxtpl's own analysis)."""
    return set(DocxTemplate(template_path(artefact)).get_undeclared_template_variables(_ENV))
