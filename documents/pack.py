"""A pack: several completed PDFs as one file, each part's bookmarks kept under its title."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from documents.pdf import MARKING, PUBLISHER


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
