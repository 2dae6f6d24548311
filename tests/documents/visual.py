"""Pictures of each artefact's first pages, compared with the references committed beside
this module (issue 12, "Visual regression tests").

Each artefact's sample, as the service's PDF and as LibreOffice prints its Word file
(tests.documents.rendered, with its fixed stamp, so the footer does not change daily), first
PAGES pages, drawn by poppler's pdftoppm at DPI dots per inch in grey.

Tolerance. The pictures are drawn by the same Debian fonts and programs everywhere, so the
same document draws the same pixels: drawn twice, PDF and Word alike, they differed in no pixel.
What may move with an update of poppler, freetype or LibreOffice is anti-aliasing by a fraction
of a pixel. So both pictures are blurred by BLUR pixel (at 40 dpi, 0.6 mm) before they are
compared, a pixel differs when its grey changes by more than SHADE of 255 (an eighth), and a
page differs when more than TOLERANCE of its pixels do: about 30 pixels, a glyph's edges. What
it catches (measured on the CSE referral's first page): three letters of a label wiped out,
0.04 %; one word, 0.07 %; the page moved down one pixel, 4.2 %, right one pixel, 1.2 %. A page
of another size always differs.

After a deliberate change: `make references` (this module run as a program) draws them anew;
look at the new pictures before committing them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

from forms import ARTEFACTS
from tests.documents.rendered import KINDS, Rendered

REFERENCES = Path(__file__).resolve().parent / "references"
RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "visual"  # git-ignored
ANSWERS = "sample"
PAGES = 2
DPI = 40
BLUR = 1  # pixels of box blur before comparing
SHADE = 32  # of 255: a smaller change of grey is not a difference
TOLERANCE = 0.0002  # of a page's pixels that may differ: 0.02 %, about 30 of 155,000


def pictures(pdf: bytes) -> list[Image.Image]:
    """The first PAGES pages of a PDF, in grey at DPI."""
    with tempfile.TemporaryDirectory(prefix="visual-") as temporary:
        root = Path(temporary)
        (root / "document.pdf").write_bytes(pdf)
        command = ["pdftoppm", "-png", "-gray", "-r", str(DPI), "-f", "1", "-l", str(PAGES)]
        subprocess.run(
            [*command, str(root / "document.pdf"), str(root / "page")],
            check=True,
            capture_output=True,
        )
        drawn = sorted(root.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [Image.open(path).convert("L") for path in drawn]


def name(slug: str, kind: str, page: int) -> str:
    return f"{slug}-{kind}-{page}.png"


@dataclass(frozen=True)
class Difference:
    fraction: float  # of the pixels, 1.0 when the sizes differ
    picture: Image.Image  # the reference faded, what differs in red

    @property
    def within(self) -> bool:
        return self.fraction <= TOLERANCE


def difference(reference: Image.Image, drawn: Image.Image) -> Difference:
    """How much of `drawn` differs from `reference`, and a picture showing where."""
    if reference.size != drawn.size:
        return Difference(1.0, drawn.convert("RGB"))
    blur = ImageFilter.BoxBlur(BLUR)
    changed = ImageChops.difference(reference.filter(blur), drawn.filter(blur))
    mask = changed.point(lambda grey: 255 if grey > SHADE else 0)
    fraction = mask.histogram()[255] / (mask.width * mask.height)
    faded = reference.point(lambda grey: 160 + grey * 95 // 255).convert("RGB")
    faded.paste((220, 0, 0), mask=mask)
    return Difference(fraction, faded)


def differences(slug: str, kind: str, pdf: bytes) -> list[str]:
    """What differs between the first pages of `pdf` and their references; for each page
    that differs, the picture drawn and the picture of the differences are written to RESULTS."""
    drawn = pictures(pdf)
    kept = sorted(REFERENCES.glob(f"{slug}-{kind}-*.png"))
    problems = []
    if len(kept) != len(drawn):
        problems.append(f"{len(drawn)} pages drawn, {len(kept)} references ({kind} of {slug})")
    for page, picture in enumerate(drawn, start=1):
        reference = REFERENCES / name(slug, kind, page)
        if not reference.exists():
            problems.append(f"no reference {reference.name}")
            continue
        found = difference(Image.open(reference).convert("L"), picture)
        if found.within:
            continue
        RESULTS.mkdir(parents=True, exist_ok=True)
        picture.save(RESULTS / reference.name)
        found.picture.save(RESULTS / reference.name.replace(".png", "-diff.png"))
        problems.append(
            f"page {page} of the {kind} of {slug} differs from {reference.name} in "
            f"{found.fraction:.2%} of its pixels (tolerance {TOLERANCE:.2%}): see "
            f"{RESULTS / reference.name} and its -diff.png (differences in red)"
        )
    return problems


def update(rendered: Rendered) -> list[Path]:
    """Draw every reference anew, and remove those of pages no longer drawn."""
    REFERENCES.mkdir(exist_ok=True)
    written = []
    for slug in ARTEFACTS:
        for kind in KINDS:
            for page, picture in enumerate(pictures(rendered.printed(slug, ANSWERS, kind)), 1):
                path = REFERENCES / name(slug, kind, page)
                picture.save(path, optimize=True)
                written.append(path)
    for stale in set(REFERENCES.glob("*.png")) - set(written):
        stale.unlink()
    return written


def main() -> None:
    written = update(Rendered())
    print(f"{len(written)} references drawn in {REFERENCES}: look at them before committing")
    sys.exit(0)


if __name__ == "__main__":
    main()
