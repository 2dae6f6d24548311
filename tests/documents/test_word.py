"""The Word documents as a reader and Word meet them (issue 12): made from one base template,
their grid drawn the same by Word and LibreOffice, properties written at generation, whose
and which version on every page, no answer orphaned from its question, the choice made and
the questions not answered plain to see."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from lxml import etree

from documents.printed import NOT_ANSWERED, unbroken
from documents.stamp import Stamp
from documents.word import render_word, template_path
from documents.word_style import (
    LABEL_FILL_HEX,
    LIGHTER_HEX,
    RULE_HEX,
    TEXT_WIDTH,
)
from forms import ARTEFACTS
from forms.choices import Choice
from forms.kinds import Date, LongText, Number, Text
from forms.model import Artefact
from forms.phoenix_referral import PHOENIX_REFERRAL
from forms.repeat import Repeat
from tests.conftest import sample
from tests.helpers import word_parts, word_text
from tools import make_word_template, word_base

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
STAMP = Stamp("Form", 4, "KR-2027-0042", child="Amira Fictional", born=dt.date(2012, 3, 27))
PARTS = {
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/header1.xml",
    "word/footer1.xml",
}


def xml(blob: bytes, part: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(word_parts(blob)[part])


def attr(element: etree._Element, path: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(f"{W}val", found.get(f"{W}w"))


def test_templates_are_what_the_tool_makes_from_the_base(artefact: Artefact, tmp_path) -> None:
    made = make_word_template.write(artefact, tmp_path / "made.docx")
    assert word_parts(made.read_bytes()) == word_parts(template_path(artefact).read_bytes())
    assert word_parts(word_base.BASE.read_bytes()) == {
        name: text.encode() for name, text in word_base.parts().items()
    }


def test_no_leftover_parts_nor_generator_text(artefact: Artefact) -> None:
    blob = render_word(artefact, sample(artefact), None, STAMP)
    parts = word_parts(blob)
    assert set(parts) == PARTS  # no customXml, thumbnail, stylesWithEffects, theme
    everything = b"".join(parts.values())
    for leftover in (b"python-docx", b"Macintosh", b"Normal.dotm", b"asciiTheme", b"2013-"):
        assert leftover not in everything, leftover


def test_named_styles_in_the_council_font_and_colours() -> None:
    styles = etree.fromstring(word_base.styles_xml().encode())
    ids = {s.get(f"{W}styleId") for s in styles.iterfind("w:style", NS)}
    assert {"Normal", "Title", "Heading1", "Heading2", "Label", "Answer", "TableGrid"} <= ids
    fonts = styles.find("w:docDefaults//w:rFonts", NS)
    assert fonts is not None and fonts.get(f"{W}ascii") == fonts.get(f"{W}cs") == "Arial"
    grid = styles.find("w:style[@w:styleId='TableGrid']/w:tblPr", NS)
    assert grid is not None
    colours = {b.get(f"{W}color") for b in grid.find("w:tblBorders", NS)}
    assert colours == {RULE_HEX}  # light grey, not black
    assert all(int(m.get(f"{W}w")) > 0 for m in grid.find("w:tblCellMar", NS))  # padded
    for heading in ("Heading1", "Heading2", "Title"):
        style = styles.find(f"w:style[@w:styleId='{heading}']", NS)
        assert style.find("w:pPr/w:keepNext", NS) is not None, heading
    font_table = etree.fromstring(word_base.parts()["word/fontTable.xml"].encode())
    assert attr(font_table, "w:font[@w:name='Arial']/w:altName") == "Liberation Sans"


def test_every_grid_is_the_width_of_its_cells(artefact: Artefact) -> None:
    """tblGrid's columns are the cells' widths, row by row: Word and LibreOffice draw the
    same table (the old templates' grid said 50/50 and their cells 35/65)."""
    body = xml(template_path(artefact).read_bytes())
    tables = body.findall(".//w:tbl", NS)
    assert tables
    for table in tables:
        grid = [int(c.get(f"{W}w")) for c in table.iterfind("w:tblGrid/w:gridCol", NS)]
        assert sum(grid) == TEXT_WIDTH
        assert attr(table, "w:tblPr/w:tblLayout") is None  # w:type, not w:val
        assert table.find("w:tblPr/w:tblLayout", NS).get(f"{W}type") == "fixed"
        for tr in table.iterfind("w:tr", NS):
            column = 0
            for tc in tr.iterfind("w:tc", NS):
                span = int(attr(tc, "w:tcPr/w:gridSpan") or 1)
                assert int(attr(tc, "w:tcPr/w:tcW")) == sum(grid[column : column + span])
                column += span
            assert column == len(grid)
            cells = tr.findall("w:tc", NS)
            if len(cells) == 2:  # a label beside its answer: the label's cell shaded
                shading = cells[0].find("w:tcPr/w:shd", NS)
                assert shading is not None and shading.get(f"{W}fill") == LABEL_FILL_HEX


def _long_answer_rows(body: etree._Element, f: LongText) -> list[etree._Element]:
    return [
        tr
        for tr in body.iter(f"{W}tr")
        if re.search(rf"\{{\{{ (entry\['{f.name}'\]|{f.name}|\[{f.name},[^}}]*) ", _text(tr))
    ]


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def test_rows_never_split_but_long_answers_which_repeat_their_label(
    artefact: Artefact,
) -> None:
    body = xml(template_path(artefact).read_bytes())
    fields = [i for f in artefact.walk() for i in (f.inner if isinstance(f, Repeat) else [f])]
    longs = [f for f in fields if isinstance(f, LongText)]
    long_rows = [tr for f in longs for tr in _long_answer_rows(body, f)]  # kept: same proxies
    for tr in body.iter(f"{W}tr"):
        if "{%tr" in _text(tr):
            continue
        splits = tr.find("w:trPr/w:cantSplit", NS) is None
        assert splits == any(tr is row for row in long_rows), _text(tr)
    for f in longs:
        for answer in _long_answer_rows(body, f):
            table = answer.getparent()
            rows = table.findall("w:tr", NS)
            label = rows[rows.index(answer) - 1]
            # A label with a blank is filled in by render_word (`_labels`), not written in.
            written = f"{{{{ _labels['{f.name}'] }}}}" if f.blank else f.label_on_paper
            assert written in _text(label)
            # Every row above the answer is a header row, repeated on each page it runs onto.
            for above in rows[: rows.index(answer)]:
                assert above.find("w:trPr/w:tblHeader", NS) is not None, f.name
                assert above.find(".//w:keepNext", NS) is not None, f.name
            # Full width: the answer's one cell spans the grid, as the PDF prints it.
            (cell,) = answer.findall("w:tc", NS)
            assert int(attr(cell, "w:tcPr/w:tcW")) == TEXT_WIDTH


def test_a_choice_keeps_with_the_boxes_it_reveals() -> None:
    """The Phoenix referral's criteria: each choice and its "Other" box in one table, the
    choice's row kept with the box's (issue 12: options on page 5, the box on page 6)."""
    body = xml(template_path(PHOENIX_REFERRAL).read_bytes())
    choices = [f for f in PHOENIX_REFERRAL.walk() if isinstance(f, Choice)]
    revealing = [f for f in choices if any(o.reveal for o in f.options)]
    assert revealing
    for f in revealing:
        (tr,) = [tr for tr in body.iter(f"{W}tr") if f"{{{{ {f.name} }}}}" in _text(tr)]
        assert tr.find(".//w:keepNext", NS) is not None, f.name
        following = tr.getnext()
        assert following is not None and following.tag == f"{W}tr", f.name


def test_document_properties_are_written_when_generated(artefact: Artefact) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    blob = render_word(artefact, sample(artefact), None, STAMP)
    core = xml(blob, "docProps/core.xml")
    dc, terms = "{http://purl.org/dc/elements/1.1/}", "{http://purl.org/dc/terms/}"
    assert core.findtext(f"{dc}title") == artefact.title
    assert artefact.title in core.findtext(f"{dc}subject")
    assert core.findtext(f"{dc}language") == "en-GB"
    for when in ("created", "modified"):
        stamped = dt.datetime.fromisoformat(core.findtext(f"{terms}{when}"))
        assert before <= stamped <= dt.datetime.now(dt.UTC)
    properties = word_parts(blob)["docProps/core.xml"] + word_parts(blob)["docProps/app.xml"]
    assert b"Amira" not in properties and b"KR-2027" not in properties


def test_the_document_opens_with_whom_it_is_about(artefact: Artefact) -> None:
    body = xml(render_word(artefact, sample(artefact), None, STAMP)).find("w:body", NS)
    title, _board, about = body[:3]
    assert _text(title) == unbroken(artefact.title) and about.tag == f"{W}tbl"
    rows = [[_text(tc) for tc in tr.iterfind("w:tc", NS)] for tr in about.iterfind("w:tr", NS)]
    assert rows == [
        ["Young person", "Amira Fictional"],
        ["Date of birth", "27 March 2012"],
        ["Case reference", "KR-2027-0042"],
    ]
    off_case = xml(render_word(artefact, sample(artefact), None, Stamp("Form", 1)))
    assert off_case.find("w:body", NS)[2].tag != f"{W}tbl"
    assert "Amira" not in _text(off_case)


def test_every_page_says_whose_version_and_page_of_pages(artefact: Artefact) -> None:
    blob = render_word(artefact, sample(artefact), None, STAMP)
    footer = xml(blob, "word/footer1.xml")
    assert STAMP.footer in _text(footer)
    fields = [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in _text(footer).replace(STAMP.footer, "")
    assert _text(footer).endswith("OFFICIAL-SENSITIVE")
    assert _text(xml(blob, "word/header1.xml")) == "OFFICIAL-SENSITIVE"


def test_the_stamp_is_escaped() -> None:
    stamp = Stamp("Form", 1, "A&B <C>", child="Zoë <b>O'Brien</b> & co")
    blob = render_word(PHOENIX_REFERRAL, sample(PHOENIX_REFERRAL), None, stamp)
    text = word_text(blob)
    assert "Zoë <b>O'Brien</b> & co" in text and "A&B <C>" in text


def test_empty_answers_read_not_answered(artefact: Artefact) -> None:
    blob = render_word(artefact, artefact.clean({}), None, STAMP)
    unanswered = [r for r in xml(blob).iter(f"{W}r") if _text(r) == NOT_ANSWERED]
    questions = [
        f for f in artefact.walk() if isinstance(f, Text | Date | Number) and f.printed_in is None
    ]
    assert len(unanswered) >= len(questions) > 0
    assert all(attr(r, "w:rPr/w:color") == LIGHTER_HEX for r in unanswered)
    answered = word_text(render_word(artefact, sample(artefact)))
    assert answered.count(NOT_ANSWERED) < word_text(blob).count(NOT_ANSWERED)


@pytest.mark.parametrize("chosen", ["second", "last"])
def test_the_chosen_option_in_bold_the_others_lighter(chosen: str) -> None:
    data = sample(PHOENIX_REFERRAL)
    f = next(f for f in PHOENIX_REFERRAL.walk() if isinstance(f, Choice) and len(f.options) == 6)
    option = f.options[1] if chosen == "second" else f.options[-1]
    data[f.name] = option.value
    body = xml(render_word(PHOENIX_REFERRAL, data))
    (tr,) = [tr for tr in body.iter(f"{W}tr") if _text(tr).startswith(f.label_on_paper)]
    runs = {_text(r): r for r in tr.iter(f"{W}r") if "\u00a0" in _text(r)}
    assert len(runs) == len(f.options)
    for o in f.options:
        (text,) = [t for t in runs if t.endswith(o.label_on_paper)]
        run = runs[text]
        if o is option:
            assert text.startswith("\u2612") and run.find("w:rPr/w:b", NS) is not None
        else:
            assert text.startswith("\u2610") and run.find("w:rPr/w:b", NS) is None
            assert attr(run, "w:rPr/w:color") == LIGHTER_HEX
    assert "\n" in word_text(render_word(PHOENIX_REFERRAL, data))  # one option a line


def test_a_rendered_file_opens_in_python_docx(artefact: Artefact) -> None:
    import docx

    document = docx.Document(io.BytesIO(render_word(artefact, sample(artefact), None, STAMP)))
    assert document.paragraphs[0].text == unbroken(artefact.title)
    assert document.paragraphs[0].style.name == "Title"
    with zipfile.ZipFile(io.BytesIO(render_word(artefact, sample(artefact)))) as archive:
        assert archive.testzip() is None


def test_a_box_not_asked_is_blank_and_one_asked_reads_not_answered() -> None:
    """A reader tells "not asked" (the box of an option not chosen: blank, as the PDF leaves
    it out) from "not answered" (the box of the option chosen, left empty)."""
    f = next(
        f
        for f in PHOENIX_REFERRAL.walk()
        if isinstance(f, Choice) and len(f.options) == 6 and f.options[-1].reveal
    )
    box = f.options[-1].reveal[0]
    data = sample(PHOENIX_REFERRAL)
    data[box.name] = None

    def box_text(chosen: str) -> str:
        data[f.name] = chosen
        body = xml(render_word(PHOENIX_REFERRAL, data))
        (question,) = [tr for tr in body.iter(f"{W}tr") if _text(tr).startswith(f.label)]
        rows = [_text(tr) for tr in question.itersiblings()]
        return rows[rows.index(box.label_on_paper) + 1]  # the row after a label: its answer

    assert box_text(f.options[0].value) == ""
    assert box_text(f.options[-1].value) == NOT_ANSWERED


def test_figures_keep_the_style_and_the_properties() -> None:
    """The figures added after the answers (documents.word_figures) use the base template's
    heading and table styles, and saving them keeps the properties written at generation."""
    from forms.phoenix_case_closure import PHOENIX_CASE_CLOSURE
    from tests.figures_examples import example

    blob = render_word(PHOENIX_CASE_CLOSURE, sample(PHOENIX_CASE_CLOSURE), example(), STAMP)
    parts = word_parts(blob)
    assert {n for n in parts if not n.startswith("word/media/")} == PARTS
    assert b"python-docx" not in b"".join(parts.values())
    body = xml(blob)
    styles = {attr(p, "w:pPr/w:pStyle") for p in body.iter(f"{W}p")}
    assert "Heading1" in styles
    assert {attr(t, "w:tblPr/w:tblStyle") for t in body.iter(f"{W}tbl")} == {"TableGrid"}
    title = xml(blob, "docProps/core.xml").findtext("{http://purl.org/dc/elements/1.1/}title")
    assert title == PHOENIX_CASE_CLOSURE.title


def test_a_choice_with_nothing_chosen_says_so_under_its_empty_boxes() -> None:
    f = next(f for f in PHOENIX_REFERRAL.walk() if isinstance(f, Choice) and len(f.options) == 6)
    body = xml(render_word(PHOENIX_REFERRAL, PHOENIX_REFERRAL.clean({}), None, STAMP))
    (tr,) = [tr for tr in body.iter(f"{W}tr") if _text(tr).startswith(f.label_on_paper)]
    runs = [r for r in tr.iter(f"{W}r") if _text(r)]
    assert _text(runs[-1]) == NOT_ANSWERED and attr(runs[-1], "w:rPr/w:color") == LIGHTER_HEX
    assert _text(tr).count("\u2610") == len(f.options)  # every box empty, none ticked


def test_no_title_breaks_inside_its_appendix_number() -> None:
    """ "(Appendix 3)" is printed with a no-break space, in Word as in the PDF: LibreOffice
    broke the delivery plan's title between "(Appendix" and "3)"."""
    titled = [a for a in ARTEFACTS.values() if "(Appendix " in a.title]
    assert titled
    for artefact in titled:
        title = word_text(render_word(artefact, sample(artefact))).splitlines()[0]
        number = artefact.title.rsplit("(Appendix ", 1)[1]
        assert title.endswith(f"(Appendix\u00a0{number}")
