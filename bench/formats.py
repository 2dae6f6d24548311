"""The document formats the benchmark renders, by name."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from documents.pdf import render_pdf
from documents.word import render_word
from forms.kinds import Artefact

Renderer = Callable[[Artefact, Mapping[str, Any]], bytes]
FORMATS: dict[str, Renderer] = {"word": render_word, "pdf": render_pdf}
