"""Fixtures of the document tests: every artefact's documents, made once per session."""

from __future__ import annotations

import pytest

from tests.documents.rendered import Rendered


@pytest.fixture(scope="session")
def rendered() -> Rendered:
    """Each artefact's sample and maximal documents, as PDF and as LibreOffice prints its Word
    file (tests.documents.rendered), made when a test first asks and kept for the session."""
    return Rendered()
