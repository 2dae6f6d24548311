"""A Word file's document properties, written when it is generated (issue 12).

The title and subject are the form's and the marking; created and modified are the moment it
was generated, in UTC; the language is British English. Nothing else: no generator text, no
author or "last modified by" (a name must never reach the metadata, where anyone opening the
file's properties reads it), and an application part that names only the service.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from documents.pdf import MARKING, PUBLISHER
from documents.word_style import LANGUAGE

_XML = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
)


def core_xml(title: str, when: dt.datetime | None) -> str:
    """docProps/core.xml of a document titled `title` (the form's: never an answer),
    generated at `when` (None: a template, which has no dates)."""
    dates = ""
    if when is not None:
        moment = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        dates = "".join(
            f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{moment}</dcterms:{name}>'
            for name in ("created", "modified")
        )
    return (
        f"{_XML}{_CORE}<dc:title>{escape(title)}</dc:title>"
        f"<dc:subject>{escape(f'{title} ({MARKING})')}</dc:subject>"
        f"{dates}<dc:language>{LANGUAGE}</dc:language></cp:coreProperties>"
    )


def app_xml() -> str:
    """docProps/app.xml: only the application, which is the service."""
    return (
        f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties"><Application>{escape(PUBLISHER)}</Application></Properties>'
    )
