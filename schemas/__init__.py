"""marshmallow schemas derived from the declarations: the stored form of every artefact's answers.

`dump` turns clean answers into JSON-ready data for the database; `load` checks stored or
posted data with exactly the declaration's rules and gives back clean answers.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validates_schema

from forms.choices import MultiChoice
from forms.kinds import Date, Field, Number
from forms.model import Artefact
from forms.repeat import Repeat


def _schema_field(f: Field) -> fields.Field:
    if isinstance(f, Repeat):
        return fields.List(fields.Nested(_schema_class(f.name, f.fields)), load_default=list)
    if isinstance(f, Date):
        return fields.Date(allow_none=True, load_default=None)
    if isinstance(f, MultiChoice):
        return fields.List(fields.String(), allow_none=True, load_default=None)
    if isinstance(f, Number):
        # A number as typed when it is not one: the declaration's check names the field.
        return fields.Raw(allow_none=True, load_default=None)
    return fields.String(allow_none=True, load_default=None)


def _schema_class(name: str, declared: tuple[Field, ...]) -> type[Schema]:
    attrs = {inner.name: _schema_field(inner) for f in declared for inner in f.walk()}
    return Schema.from_dict(attrs, name=f"{name.title()}Schema")


@cache
def stored_schema(artefact: Artefact) -> Schema:
    """Types only: reads back what `schema_for(...).dump` stored, without re-judging it."""
    return _schema_class(artefact.slug, tuple(artefact.walk()))()


@cache
def schema_for(artefact: Artefact) -> Schema:
    """The schema of an artefact, whose `load` applies the declaration's checks and rules."""
    base = _schema_class(artefact.slug, tuple(artefact.walk()))

    class ArtefactSchema(base):  # type: ignore[valid-type, misc]
        @validates_schema
        def _declared_rules(self, data: dict[str, Any], **_: Any) -> None:
            problems = artefact.problems(artefact.clean(data))
            if problems:
                raise ValidationError({path: [message] for path, message in problems})

        @post_load
        def _clean(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
            return artefact.clean(data)

    ArtefactSchema.__name__ = base.__name__
    return ArtefactSchema()
