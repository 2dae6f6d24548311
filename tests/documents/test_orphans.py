"""The page checker itself (tests.documents.orphans) on made-up pages: it finds an answer
opening a page in the answer column or at full width and the end of a split label, and lets
a label, a heading or a "(continued)" line open one; it finds pages without the stamp."""

from __future__ import annotations

from documents.pdf import MARKING
from forms import ARTEFACTS
from tests.documents.orphans import orphans, overprinted, unmarked
from tests.documents.positions import Line, Page
from tests.documents.rendered import stamp

REFERRAL = ARTEFACTS["cse_referral"]
STAMP = stamp(REFERRAL)
LABELS, ANSWERS = 69.0, 239.0  # where the label and answer columns start


def page(number: int, *rows: tuple[float, str], total: int = 2) -> Page:
    """A page with the marking, `rows` (left, text) a line each from the top, and the footer."""
    lines = [Line(MARKING, 240, 26, 354, 36)]
    lines += [
        Line(text, left, 70 + 12 * i, left + 100, 79 + 12 * i)
        for i, (left, text) in enumerate(rows)
    ]
    lines += [
        Line(STAMP.footer, 63, 796, 400, 804),
        Line(f"Page {number} of {total}", 480, 796, 532, 804),
        Line(MARKING, 240, 808, 354, 818),
    ]
    return Page(number, 595, 842, tuple(lines))


FIRST = page(1, (LABELS, "Forename"), (ANSWERS, "Amira"), (LABELS, "Surname"))


def test_a_page_opening_with_a_label_a_heading_or_continued_passes() -> None:
    for opening in (
        "Gang affiliated",
        "Locations of Interest",
        "Person of interest 2",
        "Offending history (continued)",
        "Details of current CSE Concerns (Use",
    ):
        assert orphans([FIRST, page(2, (LABELS, opening), (ANSWERS, "x"))], REFERRAL, STAMP) == []


def test_a_page_opening_with_an_answer_fails_naming_the_page_and_line() -> None:
    beside = page(2, (ANSWERS, "Believed linked to the group"), (LABELS, "Surname"))
    [found] = orphans([FIRST, beside], REFERRAL, STAMP)
    assert "page 2 starts with an answer beside no label" in found
    assert "'Believed linked to the group'" in found
    full = page(2, (LABELS, "Fictional sample. Jasmine has been seen"), (LABELS, "Surname"))
    [found] = orphans([FIRST, full], REFERRAL, STAMP)
    assert "no label or heading" in found and "Jasmine has been seen" in found
    split = page(2, (LABELS, "SAFEGUARD mnemonic \u2013see practice"), (LABELS, "Surname"))
    [found] = orphans([FIRST, split], REFERRAL, STAMP)
    assert "the end of a label whose start is on the page before" in found


def test_pages_without_the_case_version_or_number_and_overprinting_fail() -> None:
    assert unmarked([FIRST, page(2, (LABELS, "Surname"))], STAMP) == []
    bare = Page(2, 595, 842, (Line("Surname", LABELS, 70, 120, 79),))
    marking, found = unmarked([FIRST, bare], STAMP)  # no marking either, top or foot
    assert marking == "page 2 is not marked at top and foot: ('Surname', 'Surname')"
    assert "page 2 lacks ['KR-2027-0042', 'version 2', 'Page 2 of 2']" in found
    [found] = unmarked([page(1, (LABELS, "Forename"), total=3)], STAMP)
    assert "Page 1 of 1" in found
    over = Page(
        1,
        595,
        842,
        (Line("version 2 – 3 March", 400, 796, 498, 804), Line("Page 1 of 1", 487, 796, 532, 804)),
    )
    assert overprinted([FIRST]) == []
    assert overprinted([over]) == ["page 1 prints 'Page 1 of 1' over 'version 2 – 3 March'"]
