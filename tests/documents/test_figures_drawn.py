"""A version's figures drawn in its PDF and Word file, after the answers: every table cell,
every chart as a vector drawing (PDF) or a picture of it (Word), the radar's legend, and when
the figures were worked out."""

from __future__ import annotations

import io
import itertools
import math
import re

import pytest
from lxml import etree
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics.shapes import Group, Polygon, PolyLine, Rect, Shape, String

from documents.charts import NO_LEVEL, ORIENTATION, as_table, drawing
from documents.charts.bars import BAR
from documents.charts.parts import look, wrap_label
from documents.charts.png import png
from documents.charts.radar import _labels, radius_of
from documents.charts.svg import svg
from documents.pdf import render_pdf
from documents.word import render_word
from figures import Bars, Figures, Radar
from forms import ARTEFACTS
from tests.conftest import sample
from tests.figures_examples import (
    AS_AT_SHOWN,
    AXES,
    BARS,
    LEVELS,
    RADAR,
    TABLE,
    every_cell,
    example,
)
from tests.helpers import pdf_body, pdf_pages, squash, word_parts, word_text

CLOSURE = ARTEFACTS["phoenix_case_closure"]
WIDTH = 470.0


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(CLOSURE, sample(CLOSURE), example())


@pytest.fixture(scope="module")
def word() -> bytes:
    return render_word(CLOSURE, sample(CLOSURE), example())


def _shapes(shape: Shape) -> list[Shape]:
    if isinstance(shape, Group):
        return [inner for child in shape.contents for inner in _shapes(child)]
    return [shape]


def _words_printed() -> list[str]:
    """What the figures print as text, wherever they are drawn."""
    return [
        *every_cell(),
        TABLE["title"],
        RADAR["title"],
        BARS["title"],
        *LEVELS,
        ORIENTATION,
        AS_AT_SHOWN,
        TABLE["note"],
        BARS["note"],
        *BARS["labels"],
        *BARS["shown"],
        *(s["name"] for s in RADAR["series"]),
    ]


def test_the_pdf_prints_every_figure_after_the_answers(pdf: bytes) -> None:
    text = squash(pdf_body(pdf))
    for words in _words_printed():
        assert squash(words) in text, words
    assert text.count("figures as at") == 1
    assert text.index(TABLE["title"]) > text.index("Sign-off")  # the answers' last section


def test_the_pdf_draws_charts_as_vectors_with_their_labels_as_text(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            assert xobject.get_object()["/Subtype"] != "/Image"
    star = next(p for p in pdf_pages(pdf) if RADAR["title"] in p)
    for axis in AXES:  # wrapped over lines, every word of it printed
        for word in axis.split():
            assert word in star, axis
    contents = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert b"[6 3] 0 d" in contents  # the second series' dashes, drawn as a line


def test_the_star_its_key_and_its_legend_are_on_one_page(pdf: bytes) -> None:
    star = next(squash(p) for p in pdf_pages(pdf, raw=False) if RADAR["title"] in p)
    for words in [ORIENTATION, *LEVELS, *(s["name"] for s in RADAR["series"])]:
        assert words in star


def test_a_long_table_repeats_its_head_and_never_splits_a_row() -> None:
    rows = [[f"row{n:03d}start " + "words " * 30 + f"row{n:03d}end", str(n)] for n in range(60)]
    figures: Figures = {
        "as_at": "2026-12-01T14:05:00+00:00",
        "blocks": [{"kind": "table", "title": "Long", "head": ["Head1", "Head2"], "rows": rows}],
    }
    pages = [
        p
        for p in pdf_pages(render_pdf(CLOSURE, sample(CLOSURE), figures))
        if re.search(r"row\d{3}(start|end)", p)
    ]
    assert len(pages) >= 3
    for page in pages:
        assert "Head1" in page
    for n in range(60):
        assert [p for p in pages if f"row{n:03d}start" in p] == [
            p for p in pages if f"row{n:03d}end" in p
        ]


def test_documents_without_figures_print_none(artefact_word_pdf: tuple[bytes, bytes]) -> None:
    word, pdf = artefact_word_pdf
    assert "figures as at" not in pdf_body(pdf)
    assert "figures as at" not in word_text(word)


@pytest.fixture
def artefact_word_pdf() -> tuple[bytes, bytes]:
    data = sample(CLOSURE)
    return render_word(CLOSURE, data, None), render_pdf(CLOSURE, data, None)


def test_the_word_file_has_every_figure_and_a_picture_per_chart(word: bytes) -> None:
    text = squash(word_text(word))
    for words in _words_printed():
        assert squash(words) in text, words
    parts = word_parts(word)
    pictures = [name for name in parts if name.startswith("word/media/")]
    assert len(pictures) == 2  # the star and the bars
    for name in pictures:
        image = Image.open(io.BytesIO(parts[name]))
        assert image.format == "PNG"
        assert round(image.info["dpi"][0]) == 200
    body = parts["word/document.xml"].decode()
    described = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    assert described == [
        f"Star chart: {RADAR['title']}. Its figures are in the table after it.",
        f"Bar chart: {BARS['title']}. Its figures are in the table after it.",
    ]


def test_word_tables_repeat_their_head_and_never_split_a_row(word: bytes) -> None:
    body = etree.fromstring(word_parts(word)["word/document.xml"])
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    (table,) = [t for t in body.iterfind(".//w:tbl", ns) if "tableCellA" in "".join(t.itertext())]
    rows = table.findall("w:tr", ns)
    assert [bool(r.find("w:trPr/w:tblHeader", ns) is not None) for r in rows] == [
        True,
        False,
        False,
    ]
    assert all(r.find("w:trPr/w:cantSplit", ns) is not None for r in rows)


def _series_points(chart: Shape, index: int) -> tuple[list[Shape], list[Shape]]:
    """The lines and the markers of one series in a drawing."""
    colour = look(index).colour
    shapes = _shapes(chart)
    lines = [s for s in shapes if isinstance(s, PolyLine | Polygon) and s.strokeColor == colour]
    markers = [s for s in shapes if getattr(s, "fillColor", None) == colour and s not in lines]
    return lines, markers


def test_a_missing_level_leaves_a_gap_not_a_point() -> None:
    radar: Radar = {
        **RADAR,
        "axes": AXES[:5],
        "series": [{"name": "A", "values": [3, None, 3, 3, 3]}],
    }
    lines, markers = _series_points(drawing(radar, WIDTH), 0)
    assert len(markers) == 4 + 1  # one per level given, and the key's
    assert not any(isinstance(line, Polygon) for line in lines)  # never closed through the gap
    points = [len(line.points) // 2 for line in lines]
    assert points == [4]  # axes 3, 4, 5 and round to 1: axis 2 has no point
    complete: Radar = {**radar, "series": [{"name": "A", "values": [3, 3, 3, 3, 3]}]}
    lines, markers = _series_points(drawing(complete, WIDTH), 0)
    assert len(markers) == 5 + 1 and [type(line) for line in lines] == [Polygon]


def test_level_1_is_drawn_furthest_from_the_centre() -> None:
    radii = [radius_of(level, 5, 100.0) for level in range(1, 6)]
    assert radii == sorted(radii, reverse=True)
    assert radii[-1] > 0  # the last level is a ring too, not the centre


def test_the_fourteen_criteria_labels_never_overlap_and_are_never_cut() -> None:
    labels = _labels(AXES, 116.0, 108.0)
    for one, other in itertools.combinations(labels, 2):
        assert not one.overlaps(other), (one.lines, other.lines)
    assert [" ".join(label.lines) for label in labels] == AXES
    long = [f"A much longer label number {n} than any criterion has today" for n in range(24)]
    for one, other in itertools.combinations(_labels(long, 116.0, 108.0), 2):
        assert not one.overlaps(other)


def test_a_word_too_wide_for_its_line_is_broken_not_cut() -> None:
    word = "Averyveryverylongwordwithoutspaces" * 3
    lines = wrap_label(f"Start {word} end", 60)
    assert "".join(lines).replace(" ", "") == f"Start{word}end"
    assert len(lines) > 3


def test_a_suppressed_count_has_no_bar_and_is_printed_as_shown() -> None:
    chart = drawing(BARS, WIDTH)
    shapes = _shapes(chart)
    bars = [s for s in shapes if isinstance(s, Rect) and s.fillColor == BAR]
    assert len(bars) == 2  # 23 and 9; none for "fewer than 5" nor for 0
    assert bars[0].width / bars[1].width == pytest.approx(23 / 9)
    texts = [s.text for s in shapes if isinstance(s, String)]
    assert "fewer than 5" in texts and "0" in texts


def test_every_chart_is_also_a_table() -> None:
    star = as_table(RADAR)
    assert star["head"] == [RADAR["title"], *(s["name"] for s in RADAR["series"])]
    assert star["rows"][4] == [AXES[4], "5", NO_LEVEL, NO_LEVEL]
    assert as_table(BARS)["rows"][1] == ["Schools (barLabelB)", "fewer than 5"]


def test_the_svg_has_no_style_and_escapes_every_text() -> None:
    hostile: Bars = {**BARS, "labels": ["<b>Tom & Jerry</b>", "B", "C", "D"]}
    markup = str(svg(drawing(hostile, WIDTH), 'A "chart" <of> & counts'))
    assert "style=" not in markup
    root = etree.fromstring(markup)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<b>Tom & Jerry</b>" in texts
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'A "chart" <of> & counts'


def test_the_png_is_the_drawing_at_200_dpi() -> None:
    chart = drawing(RADAR, WIDTH)
    image = Image.open(io.BytesIO(png(chart)))
    assert image.size == (
        math.ceil(chart.width * 200 / 72 * 2) // 2,
        math.ceil(chart.height * 200 / 72 * 2) // 2,
    )
    colours = {colour for _count, colour in image.getcolors(maxcolors=1 << 20)}
    for index in range(3):  # each series' colour is in the picture
        assert tuple(round(c * 255) for c in look(index).colour.rgb()) in colours


def test_empty_blocks_are_drawn_without_error() -> None:
    figures: Figures = {
        "as_at": "2026-12-01T14:05:00+00:00",
        "blocks": [
            {"kind": "table", "title": "No rows", "head": ["Head"], "rows": []},
            {**RADAR, "title": "No series", "series": []},
            {**BARS, "title": "No bars", "labels": [], "counts": [], "shown": []},
        ],
    }
    text = squash(pdf_body(render_pdf(CLOSURE, sample(CLOSURE), figures)))
    assert all(title in text for title in ("No rows", "No series", "No bars"))
    assert "No bars" in word_text(render_word(CLOSURE, sample(CLOSURE), figures))


def test_a_chart_whose_figures_a_table_already_gives_prints_no_second_table() -> None:
    star = dict(_STAR_FOR_SAME_AS)
    alone: Figures = {"as_at": "2026-12-01T14:05:00+00:00", "blocks": [star]}  # type: ignore[list-item]
    paired: Figures = {
        "as_at": "2026-12-01T14:05:00+00:00",
        "blocks": [{**star, "same_as": "Levels"}],  # type: ignore[list-item]
    }
    data = sample(CLOSURE)
    for render in (render_pdf, render_word):
        tables_alone = _tables_with(render(CLOSURE, data, alone), "Spoke two")
        tables_paired = _tables_with(render(CLOSURE, data, paired), "Spoke two")
        assert tables_alone == tables_paired + 1, render


_STAR_FOR_SAME_AS = {
    "kind": "radar",
    "title": "Star",
    "axes": ["Spoke one", "Spoke two", "Spoke three"],
    "levels": ["Low", "Middle", "High"],
    "series": [{"name": "First", "values": [1, 2, 3]}],
}


def _tables_with(blob: bytes, words: str) -> int:
    """How many times `words` is printed as text (a table cell; the PDF chart's label too)."""
    text = word_text(blob) if blob[:2] == b"PK" else pdf_body(blob)
    return text.count(words)
