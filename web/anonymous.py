"""The anonymity check on "Check your answers" of an artefact that must be anonymised (the case
study, L2976-2978): what it found, as the page shows it, box by box."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask_login import current_user

from anonymity import findings_in, known_to
from forms.model import Artefact
from forms.tasks import number_of
from models import Document

CONFIRM_FIRST = (
    "Change the case study so that it does not identify anyone, or confirm that you have"
    " checked it is anonymous"
)


def warnings(doc: Document, artefact: Artefact, data: dict[str, Any]) -> list[dict[str, str]]:
    """Each detail of a case the signed-in user can see that the answers hold: the kind of
    detail, the box it is in (with a link to change it) and the words, never which case."""
    if not artefact.anonymised:
        return []
    boxes = [(f.name, data[f.name]) for f in artefact.walk() if isinstance(data.get(f.name), str)]
    shown = []
    for finding in findings_in(boxes, known_to(current_user)):
        number = number_of(artefact, finding.name)
        page = url_for("sections.section", document_id=doc.id, number=number)
        shown.append(
            {
                "kind": finding.kind,
                "label": artefact.field(finding.name).label,
                "text": finding.text,
                "href": f"{page}#{finding.name}",
            }
        )
    return shown
