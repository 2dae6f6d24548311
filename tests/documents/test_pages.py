"""Every page of every artefact's documents keeps its answers with their questions and says
whose and which version it is (issue 12, "How we will know"): the sample and maximal answers,
as the service's PDF and as LibreOffice prints the Word file (tests.documents.rendered).

The checks (tests.documents.orphans) read the printed lines with their positions. The Word
half is a test of its own so that each half's result is seen apart.
"""

from __future__ import annotations

import pytest

from forms.model import Artefact
from tests.documents.orphans import orphans, overprinted, unmarked
from tests.documents.rendered import ANSWERS, Rendered, stamp


def _problems(rendered: Rendered, artefact: Artefact, answers: str, kind: str) -> list[str]:
    pages = rendered.pages(artefact.slug, answers, kind)
    found = orphans(pages, artefact, stamp(artefact)) + unmarked(pages, stamp(artefact))
    found += overprinted(pages)
    return [f"{artefact.slug} {answers} {kind} ({len(pages)} pages): {p}" for p in found]


def _report(problems: list[str]) -> str:
    shown = "\n".join(problems[:12])
    more = f"\n... and {len(problems) - 12} more" if len(problems) > 12 else ""
    return f"{len(problems)} problem(s):\n{shown}{more}"


@pytest.mark.parametrize("answers", ANSWERS)
def test_pdf_pages_keep_answers_with_labels_and_say_whose(
    rendered: Rendered, artefact: Artefact, answers: str
) -> None:
    problems = _problems(rendered, artefact, answers, "pdf")
    assert not problems, _report(problems)


@pytest.mark.parametrize("answers", ANSWERS)
def test_word_pages_keep_answers_with_labels_and_say_whose(
    rendered: Rendered, artefact: Artefact, answers: str
) -> None:
    problems = _problems(rendered, artefact, answers, "word")
    assert not problems, _report(problems)
