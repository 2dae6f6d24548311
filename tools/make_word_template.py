"""Write a first Word template for a declared artefact into doc_templates/.

    python -m tools.make_word_template cse_referral

The template is laid out like the paper form: title, the sections as headings, and a
label/answer table per section, with OFFICIAL-SENSITIVE in the header and footer. It is a
starting point to be committed and then refined in Word; the test suite checks that it keeps
using exactly the declared names.
"""

from __future__ import annotations

import sys

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from documents.word import template_path
from forms import ARTEFACTS
from forms.kinds import Field
from forms.model import Artefact
from forms.repeat import Repeat

FONT = "Arial"
LABEL_WIDTH, ANSWER_WIDTH = Cm(6.0), Cm(11.0)
ENTRY = "entry"  # the loop variable of a repeating block


def _fix_fonts(document: WordDocument) -> None:
    """Arial everywhere, British English; built-in headings otherwise use theme fonts."""
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:cs"), FONT)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-GB")
        style.element.get_or_add_rPr().append(lang)
        style.font.color.rgb = RGBColor(0x0B, 0x0C, 0x0C)
    document.styles["Normal"].font.size = Pt(10.5)
    document.styles["Title"].font.size = Pt(22)
    document.styles["Heading 1"].font.size = Pt(15)
    document.styles["Heading 2"].font.size = Pt(12.5)


def _field(paragraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _marking(document: WordDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run("OFFICIAL-SENSITIVE").bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("OFFICIAL-SENSITIVE").bold = True
    numbers = section.footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
    numbers.add_run("Page ")
    _field(numbers, "PAGE")
    numbers.add_run(" of ")
    _field(numbers, "NUMPAGES")


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _row(table: Table, label: str, placeholder: str, prompt: str | None = None) -> None:
    cells = table.add_row().cells
    cells[0].width, cells[1].width = LABEL_WIDTH, ANSWER_WIDTH
    _shade(cells[0], "F3F2F1")
    cells[0].paragraphs[0].add_run(label).bold = True
    if prompt:
        cells[0].add_paragraph().add_run(prompt).font.size = Pt(9)
    run = cells[1].paragraphs[0].add_run(f"{{{{ {placeholder} }}}}")
    run._r.find(qn("w:t")).set(qn("xml:space"), "preserve")


def _table(document: WordDocument, fields: list[Field], entry: bool = False) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for f in fields:
        for inner in f.walk():
            prompt = inner.hint if inner.print_hint else None
            # Inside a repeat, entry['name'], never entry.name: a field called "update" or
            # "items" would otherwise print a dict method instead of the answer.
            name = f"{ENTRY}['{inner.name}']" if entry else inner.name
            _row(table, inner.label_on_paper, name, prompt)


def _repeat(document: WordDocument, repeat: Repeat) -> None:
    document.add_paragraph(f"{{%p for {ENTRY} in {repeat.name} %}}")
    offset = f" + {repeat.first_number - 1}" if repeat.first_number != 1 else ""
    document.add_heading(f"{repeat.item_label} {{{{ loop.index{offset} }}}}", level=2)
    _table(document, list(repeat.fields), entry=True)
    document.add_paragraph("{%p endfor %}")


def build(artefact: Artefact) -> WordDocument:
    document = Document()
    _fix_fonts(document)
    _marking(document)
    document.core_properties.title = artefact.title
    document.core_properties.author = "Kingston & Richmond CSE forms"
    document.core_properties.language = "en-GB"
    document.add_heading(artefact.title, level=0)
    document.add_paragraph("Kingston & Richmond Local Safeguarding Children Board")
    for section in artefact.sections:
        document.add_heading(section.title, level=1)
        if section.description_on_paper:
            document.add_paragraph(section.description_on_paper)
        for part in section.parts():
            if isinstance(part, Repeat):
                _repeat(document, part)
            else:
                _table(document, list(part))
    return document


def main(slugs: list[str]) -> None:
    for slug in slugs or list(ARTEFACTS):
        artefact = ARTEFACTS[slug]
        build(artefact).save(str(template_path(artefact)))
        print(f"wrote {template_path(artefact)}")


if __name__ == "__main__":
    main(sys.argv[1:])
