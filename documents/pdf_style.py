"""The PDF's paragraph styles, and its paragraphs of the declaration's words and headings."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from documents.fonts import BODY as FONT
from documents.fonts import BOLD, register
from documents.pdf_grid import INK
from documents.printed import unbroken


def _heading(
    name: str, body: ParagraphStyle, size: float, leading: float, before: float, after: float
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        parent=body,
        fontName=BOLD,
        fontSize=size,
        leading=leading,
        spaceBefore=before,
        spaceAfter=after,
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    register()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
    return {
        "body": body,
        "note": ParagraphStyle("note", parent=body, spaceAfter=6),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=20, leading=25, spaceAfter=4
        ),
        "h1": _heading("h1", body, size=13.5, leading=17, before=14, after=6),
        "h2": _heading("h2", body, size=11.5, leading=14, before=8, after=4),
    }


@lru_cache(maxsize=1024)  # texts of the declarations, in our few styles: a small, fixed set
def _parsed(markup: str, style: ParagraphStyle) -> list[Any]:
    return list(Paragraph(markup, style).frags)


class Text(Paragraph):
    """A paragraph of the declaration's words (a title, a heading, printed instructions).

    The same few texts are laid out on every render, and each several times over (to keep a
    short section together, then in its frame): their markup is parsed once per process and
    their lines broken once per width. They come from the declarations, never from answers.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # reportlab breaks the lines anew on every call, though they depend on the width
        # alone; a split that gives up drops them, and then they are broken again.
        if self._wrapped and self._wrapped[0] == available_width and hasattr(self, "blPara"):
            self.width, self.height = self._wrapped[1]
        else:
            self._wrapped = (available_width, super().wrap(available_width, available_height))
        return self._wrapped[1]


def text(words: str, style: ParagraphStyle) -> Text:
    # reportlab makes the halves of a split paragraph with its own arguments: keep them
    markup = escape(unbroken(words))
    return Text(markup, style, frags=list(_parsed(markup, style)))


class Heading(Text):
    """A heading that is also a bookmark, so the bookmark always opens the heading's page.

    A heading that is not the declaration's (the title of a block of figures) is parsed anew
    each time (`remember=False`): only the declarations' words are kept between renders."""

    def __init__(
        self, title: str, style: ParagraphStyle, level: int, remember: bool = True
    ) -> None:
        markup = escape(unbroken(title))
        frags = list(_parsed(markup, style)) if remember else Paragraph(markup, style).frags
        super().__init__(markup, style, frags=frags)
        self.title, self.level = title, level

    def draw(self) -> None:
        key = f"b{id(self)}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.title, key, level=self.level, closed=True)
        super().draw()
