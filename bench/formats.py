"""The document formats the benchmark renders, by name: exactly as the app renders them."""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from documents.render import render, warm_up
from forms.model import Artefact

Renderer = Callable[[Artefact, Mapping[str, Any]], bytes]
FORMATS: dict[str, Renderer] = {"word": partial(render, "docx"), "pdf": partial(render, "pdf")}


def start_up_as_the_app_does() -> None:
    """What `create_app` does before serving: load fonts and templates, collect, then freeze."""
    warm_up()
    gc.collect()
    gc.freeze()
