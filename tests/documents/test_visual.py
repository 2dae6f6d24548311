"""Each artefact's sample looks as it did: its first pages, as PDF and as LibreOffice prints its
Word file, against the references in tests/documents/references (tests.documents.visual).
After a deliberate change, `make references` draws them anew."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops, ImageDraw

from forms.model import Artefact
from tests.documents.rendered import KINDS, Rendered
from tests.documents.visual import ANSWERS, REFERENCES, difference, differences, name


@pytest.mark.parametrize("kind", KINDS)
def test_first_pages_look_as_their_references(
    rendered: Rendered, artefact: Artefact, kind: str
) -> None:
    found = differences(artefact.slug, kind, rendered.printed(artefact.slug, ANSWERS, kind))
    assert not found, "\n".join(found)


def test_three_letters_changed_or_a_pixel_moved_are_beyond_the_tolerance() -> None:
    """The tolerance lets through no change a reader could see: three letters of a label
    wiped out (the end of "Date of birth", 12 × 6 pixels at 40 dpi), or the page moved by a
    pixel. The same picture is no difference at all."""
    reference = Image.open(REFERENCES / name("cse_referral", "pdf", 1)).convert("L")
    assert difference(reference, reference.copy()).fraction == 0
    wiped = reference.copy()
    ImageDraw.Draw(wiped).rectangle((65, 75, 77, 81), fill=255)
    assert ImageChops.difference(reference, wiped).getbbox(), "nothing printed there"
    assert not difference(reference, wiped).within
    assert not difference(reference, ImageChops.offset(reference, 0, 1)).within
    assert not difference(reference, reference.crop((0, 0, 331, 467))).within
