"""The completed documents of an artefact: Word and PDF, made in memory from clean answers."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from documents.fonts import register
from documents.pdf import render_pdf
from documents.stamp import Stamp
from documents.word import compiled, render_word, template_path
from figures import Figures
from forms import ARTEFACTS
from forms.model import Artefact

COLLECT_EVERY = 8
_renders = itertools.count(1)  # next() on it is atomic: threads may render at once


class Maker(Protocol):
    """Makes a document of clean answers, and the figures stored with their version."""

    def __call__(
        self,
        artefact: Artefact,
        data: Mapping[str, Any],
        figures: Figures | None = None,
        stamp: Stamp | None = None,
    ) -> bytes: ...


@dataclass(frozen=True)
class Format:
    mimetype: str
    make: Maker


FORMATS: dict[str, Format] = {
    "docx": Format(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render_word
    ),
    "pdf": Format("application/pdf", render_pdf),
}


def warm_up() -> None:
    """Load the fonts and compile every Word template now, at start-up, not on a first request.

    What this loads lives as long as the process; `create_app` then freezes it out of the
    garbage collector's way.
    """
    register()
    for artefact in ARTEFACTS.values():
        compiled(template_path(artefact))


def render(
    kind: str,
    artefact: Artefact,
    data: Mapping[str, Any],
    figures: Figures | None = None,
    stamp: Stamp | None = None,
) -> bytes:
    """The document of `kind` ("docx" or "pdf") for clean answers, with the figures stored
    with their version (None: the artefact has none) drawn after them, saying whose and which
    version it is (`stamp`; None: version 1 on no case, as the samples are).

    reportlab and lxml leave reference cycles behind; left to the collector's oldest
    generation they pile up for hundreds of renders (about 6 MB per 1,000 PDFs, measured with
    `make bench`). A full collection every COLLECT_EVERY renders keeps a worker's memory flat:
    it costs about a millisecond in a serving worker (start-up objects are frozen by
    `app.create_app`, the rest are not), a tenth of a PDF, so it is not paid on every one.
    """
    blob = FORMATS[kind].make(artefact, data, figures, stamp or Stamp(artefact.title, 1))
    if next(_renders) % COLLECT_EVERY == 0:
        gc.collect()
    return blob
