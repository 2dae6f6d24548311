"""A pack: several completed PDFs as one file, each part's bookmarks kept under its title, its
pages numbered on from part to part ("Page 6 of 8" on the file's sixth page, issue 12)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from documents.pdf import MARKING, PUBLISHER, lay_out
from documents.stamp import Stamp
from figures import Figures
from forms.model import Artefact

Part = tuple[Artefact, Mapping[str, Any], Figures | None, Stamp]
"""A part of a pack: an artefact, its clean answers, its version's figures, its stamp."""


def render_pack(parts: Sequence[Part], title: str) -> bytes:
    """One PDF of `parts` in order, each laid out once, then written with its pages numbered
    on from the part before, and merged under a bookmark per part (its title)."""
    laid_out = [(part[0].title, lay_out(*part)) for part in parts]
    total = sum(pdf.pages for _, pdf in laid_out)
    written, first = [], 1
    for part_title, pdf in laid_out:
        written.append((part_title, pdf.written(first, total)))
        first += pdf.pages
    return merge(written, title)


def merge(parts: Sequence[tuple[str, bytes]], title: str) -> bytes:
    """One PDF of `parts` ((title, PDF bytes) in order), with a top-level bookmark per part."""
    writer = PdfWriter()
    for part_title, blob in parts:
        writer.append(PdfReader(io.BytesIO(blob)), outline_item=part_title)
    writer.add_metadata({"/Title": title, "/Author": PUBLISHER, "/Subject": f"{title} ({MARKING})"})
    writer.root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
