"""Word and PDF documents of every artefact: every value typed appears, intact, in both."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader

from documents.pdf import MARKING, render_pdf
from documents.word import RESERVED, render_word, template_variables
from forms.choices import Choice
from forms.kinds import Field, LongText, Text
from forms.model import Artefact
from forms.repeat import Repeat
from schemas import schema_for
from tests.conftest import sample
from tests.helpers import pdf_body, pdf_pages, squash, word_parts, word_text

HOSTILE = [
    "Smith & <Jones>",
    "<b>unclosed",
    "{{7*7}}",
    "{% raw %}",
    "{_{ x }_}",
    "'); DROP TABLE x;--",
    'O\'Brien "Jr"',
    "Łukasz Wójcik",
    "Zoë",
    "Nguyễn Thị Minh",
    '<img src="/etc/passwd"/>',
    "Emoji 😀 👍",
    "김민준 王芳 さくら",
]
ARABIC = "مريم أحمد"


def answered(artefact: Artefact, data: dict[str, Any]) -> Iterator[tuple[Field, Any]]:
    """Every (field, answer) given in an answer set, repeating blocks included."""
    for f in artefact.walk():
        if isinstance(f, Repeat):
            for item in data.get(f.name) or []:
                for inner in f.inner:
                    if item.get(inner.name) not in (None, "", []):
                        yield inner, item[inner.name]
        elif data.get(f.name) not in (None, "", []):
            yield f, data[f.name]


def text_values(artefact: Artefact, data: dict[str, Any]) -> Iterator[tuple[Field, str]]:
    """Every (field, typed text) of an answer set, repeating blocks included."""
    for f, value in answered(artefact, data):
        if isinstance(value, str) and not isinstance(f, Choice):
            yield f, value


def place(artefact: Artefact, data: dict[str, Any], kinds: tuple[type, ...], value: str) -> Field:
    """Put `value` in the first field of one of `kinds` (exactly), at the top level or else in
    the first block of a repeat; return that field."""
    for f in artefact.walk():
        if type(f) in kinds:
            data[f.name] = value
            return f
    for f in artefact.walk():
        if isinstance(f, Repeat):
            for inner in f.inner:
                if type(inner) in kinds:
                    items = data.get(f.name) or [{}]
                    items[0][inner.name] = value
                    data[f.name] = items
                    return inner
    raise AssertionError(f"{artefact.slug} has no field of {kinds}")


def test_word_template_uses_exactly_the_declared_names(artefact: Artefact) -> None:
    declared = {f.name for f in artefact.walk()}
    # Besides the declared names, only the few render_word adds (whose and which version,
    # and labels whose blank an answer fills: only where there are some).
    used = template_variables(artefact)
    within = {f.name for f in artefact.walk() if f.printed_in}  # printed in another's row
    assert used - RESERVED == declared - within and {"_about", "_stamp_footer"} <= used
    assert ("_labels" in used) == any(f.blank for f in artefact.walk())
    assert not declared & RESERVED
    xml = word_parts(render_word(artefact, sample(artefact)))["word/document.xml"].decode()
    for repeat in (f for f in artefact.walk() if isinstance(f, Repeat)):
        raw = word_parts(open_template(artefact))["word/document.xml"].decode()
        used = set(re.findall(r"\{\{\s*entry\['(\w+)'\]\s*\}\}", raw))
        assert used == {i.name for s in repeat.fields for i in s.walk()}
    assert "{{" not in xml and "{%" not in xml


def open_template(artefact: Artefact) -> bytes:
    from documents.word import template_path

    return template_path(artefact).read_bytes()


def test_every_declared_field_is_in_schema_and_both_documents(artefact: Artefact) -> None:
    data = sample(artefact)
    schema_fields = set(schema_for(artefact).fields)
    word = squash(word_text(render_word(artefact, data)))
    # A blank PDF prints every box, as paper does; a filled one leaves out the follow-up boxes
    # of the options not chosen (tests/documents/test_variant_boxes.py).
    pdf = squash(" ".join(pdf_pages(render_pdf(artefact, artefact.clean({})))))
    for f in artefact.walk():
        assert f.name in schema_fields
        fields = [f] if not isinstance(f, Repeat) else [i for s in f.fields for i in s.walk()]
        for each in fields:
            if each.printed_in is not None:  # printed in another's row (forms.printed)
                continue
            label = each.label_on_paper  # as the blank PDF prints it; the filled Word, filled
            assert squash(each.printed_label(data)) in word, label
            assert squash(label) in pdf, label


def test_sample_round_trips_into_both_documents(artefact: Artefact) -> None:
    data = sample(artefact)
    word = squash(word_text(render_word(artefact, data)))
    pdf = squash(pdf_body(render_pdf(artefact, data)))
    # Text as typed; dates, numbers and ticked options as the documents print them.
    for f, value in answered(artefact, data):
        assert squash(f.display(value)) in word, f.name
        assert squash(f.display(value)) in pdf, f.name


def test_word_xml_parses_strictly(artefact: Artefact) -> None:
    data = sample(artefact)
    place(artefact, data, (Text, LongText), " ".join(HOSTILE))
    parser = etree.XMLParser(recover=False, resolve_entities=False)
    for name, blob in word_parts(render_word(artefact, data)).items():
        if name.endswith(".xml") or name.endswith(".rels"):
            etree.fromstring(blob, parser)


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_values_appear_literally(artefact: Artefact, value: str) -> None:
    data = sample(artefact)
    place(artefact, data, (Text, LongText), value)
    assert value in word_text(render_word(artefact, data))
    assert value in "".join(pdf_pages(render_pdf(artefact, data)))


def test_long_narrative_reaches_every_page(artefact: Artefact) -> None:
    data = sample(artefact)
    narrative = " ".join(f"w{n:05d}" for n in range(3333))[:20_000]
    assert len(narrative) == 20_000
    place(artefact, data, (LongText,), narrative)
    assert squash(narrative) in squash(word_text(render_word(artefact, data)))
    assert squash(narrative) in squash(pdf_body(render_pdf(artefact, data)))


def test_line_breaks_are_kept(artefact: Artefact) -> None:
    data = sample(artefact)
    place(artefact, data, (LongText,), "First line\nSecond line\n\tIndented third")
    xml = word_parts(render_word(artefact, data))["word/document.xml"].decode()
    assert 'First line</w:t><w:br/><w:t xml:space="preserve">Second line' in xml
    lines = [line.strip() for line in "".join(pdf_pages(render_pdf(artefact, data))).splitlines()]
    assert "First line" in lines and "Second line" in lines


def test_right_to_left_text_is_shaped_for_the_pdf(artefact: Artefact) -> None:
    data = sample(artefact)
    place(artefact, data, (Text, LongText), ARABIC)
    assert ARABIC in word_text(render_word(artefact, data))
    blob = render_pdf(artefact, data)
    # The PDF draws the joined (presentation) forms of the letters, right to left: pypdf,
    # which ignores /ActualText, reads those, and they normalise to what was typed.
    drawn = "".join(page.extract_text() for page in PdfReader(io.BytesIO(blob)).pages)
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in drawn)
    for word in ARABIC.split():
        assert word in unicodedata.normalize("NFKC", drawn)
    # pdftotext reads each glyph's /ActualText (issue 12): the letters as typed, in order.
    text = "".join(pdf_pages(blob, raw=False))
    assert ARABIC in text.replace("\u202b", "").replace("\u202c", "")


def test_every_pdf_page_is_marked_and_numbered(artefact: Artefact) -> None:
    data = sample(artefact)
    place(artefact, data, (LongText,), "long " * 3000)
    pages = pdf_pages(render_pdf(artefact, data), raw=False)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == MARKING, number  # top of the page
        assert MARKING in lines[-3:], number  # bottom, beside the footer and page number
        assert lines.count(MARKING) == 2, number
        assert f"Page {number} of {len(pages)}" in text


def test_pdf_embeds_a_unicode_font_and_no_standard_font(artefact: Artefact) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(artefact, sample(artefact))))
    fonts = set()
    for pdf_page in reader.pages:
        for font in pdf_page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            assert (
                "/FontFile2"
                in font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                if "/DescendantFonts" in font
                else True
            )
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts
    standard = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")
    assert not any(s in name for name in fonts for s in standard)


def test_pdf_metadata_and_bookmarks(artefact: Artefact) -> None:
    data = sample(artefact)
    reader = PdfReader(io.BytesIO(render_pdf(artefact, data)))
    assert reader.metadata.title == artefact.title
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    top_level = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top_level == [section.title for section in artefact.sections]
    # Each bookmark opens the page where its heading is printed.
    pages = pdf_pages(render_pdf(artefact, data))
    entries = [e for e in reader.outline if not isinstance(e, list)]
    for nested in (e for e in reader.outline if isinstance(e, list)):
        entries += nested
    for entry in entries:
        page_text = squash(pages[reader.get_destination_page_number(entry)])
        assert squash(entry.title) in page_text, entry.title
    # No answer (a child's name, say) is ever written into the metadata.
    metadata = " ".join(str(v) for v in reader.metadata.values())
    for _, value in text_values(artefact, data):
        assert value not in metadata


def test_unanswered_fields_print_as_blank_space(artefact: Artefact) -> None:
    empty = artefact.clean({})
    word = word_text(render_word(artefact, empty))
    pdf = " ".join(pdf_pages(render_pdf(artefact, empty)))
    # Printed options (a "None" tick box, say) aside, no answer box says anything.
    options = [
        o.label_on_paper for f in artefact.walk() if isinstance(f, Choice) for o in f.options
    ]
    for text in (word, pdf):
        for label in sorted(options, key=len, reverse=True):
            text = text.replace(label, "")
        assert "None" not in text.split()
        assert artefact.title in text
