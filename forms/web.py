"""The web form of a declared artefact: one WTForms field per field kind, from the declaration.

Checks are not WTForms validators: the form collects what was typed, cleans it with the
declaration and attaches the declaration's problems to the fields, so the web form and the
schema enforce exactly the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovTextArea,
    GovTextInput,
)
from werkzeug.datastructures import MultiDict
from wtforms import Field as WTField
from wtforms import (
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice

from forms.choices import Choice, MultiChoice
from forms.kinds import Date, Field, LongText
from forms.model import Artefact
from forms.repeat import Repeat

_DATE_PARTS = ("day", "month", "year")


class GovDateField(WTField):
    """A date typed as day, month and year (GOV.UK date input).

    Parses leniently enough for people ("5", "05") and strictly enough for documents; a crafted
    post with the wrong number of parts is an error, not a crash.
    """

    widget = GovDateInput()

    def __init__(self, label: str, called: str, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.called = called[:1].upper() + called[1:]

    def _value(self) -> str:
        return "" if self.data is None else f"{self.data:%d %m %Y}"

    def process_formdata(self, valuelist: list[str]) -> None:
        parts = [v.strip() for v in valuelist]
        # GovDateInput unpacks exactly three values: keep what was typed, padded for display.
        self.raw_data = [*parts, "", "", ""][:3]
        self.data = None
        if not parts:  # not posted at all: unanswered
            return
        if len(parts) != 3:
            raise ValueError(f"{self.called} must be a real date")
        if not any(parts):
            return
        missing = [name for name, part in zip(_DATE_PARTS, parts, strict=True) if not part]
        if missing:
            raise ValueError(f"{self.called} must include a {' and a '.join(missing)}")
        day, month, year = parts
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise ValueError(f"{self.called} must be a real date")
        try:
            self.data = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{self.called} must be a real date") from None


def _wtforms_field(f: Field) -> Any:
    """The unbound WTForms field for one declared field."""
    if isinstance(f, Repeat):
        return FieldList(
            FormField(_subform(f), label=f.item_label),
            label=f.label,
            min_entries=1,
            # One more than allowed, so that a post with too many blocks is refused with the
            # declaration's message instead of being cut short in silence.
            max_entries=f.max_items + 1,
        )
    if isinstance(f, Date):
        return GovDateField(f.label, f.called, description=f.hint or "")
    if isinstance(f, Choice):  # tick any as checkboxes, pick one as radios
        many = isinstance(f, MultiChoice)
        return (SelectMultipleField if many else RadioField)(
            f.label,
            choices=[SelectChoice(o.value, o.label) for o in f.options],
            description=f.hint or "",
            validate_choice=False,  # the declaration checks the options, with its own message
            widget=GovCheckboxesInput() if many else GovRadioInput(),
        )
    if isinstance(f, LongText):
        return TextAreaField(f.label, description=f.hint or "", widget=GovTextArea())
    return StringField(f.label, description=f.hint or "", widget=GovTextInput())


@cache
def _subform(repeat: Repeat) -> type[Form]:
    fields = {inner.name: _wtforms_field(inner) for inner in repeat.inner}
    return type(f"{repeat.name.title()}Entry", (Form,), fields)


@cache
def form_class(artefact: Artefact) -> type[FlaskForm]:
    """The FlaskForm (CSRF included) for an artefact; built once per artefact."""
    fields = {f.name: _wtforms_field(f) for f in artefact.walk()}
    return type(f"{artefact.slug.title().replace('_', '')}Form", (FlaskForm,), fields)


def bound_fields(form: Form) -> Iterator[WTField]:
    """Every leaf field of a form, entries of repeating blocks included, in page order."""
    for bound in form:
        if isinstance(bound, FieldList):
            for entry in bound.entries:
                yield from bound_fields(entry.form)
        else:
            yield bound


def check(artefact: Artefact, form: FlaskForm) -> dict[str, Any] | None:
    """Validate a posted form; return the clean data, or None with errors set on the fields."""
    typed_ok = form.validate()  # CSRF, and dates that are not dates
    data = artefact.clean(form.data)
    problems = artefact.problems(data)
    leaves = list(bound_fields(form))
    for path, message in problems:
        # A problem with a whole repeating block sits on the block's first input.
        bound = next(b for b in leaves if b.name == path or b.name.startswith(f"{path}-"))
        if not bound.errors:
            bound.errors = [message]
    return data if typed_ok and not problems else None


def error_summary(form: FlaskForm) -> list[dict[str, str]]:
    """GOV.UK error summary items, in page order, each linking to an input that takes focus."""
    items = []
    for bound in bound_fields(form):
        if bound.errors and bound.name != "csrf_token":
            target = f"{bound.name}-day" if isinstance(bound, GovDateField) else bound.id
            items.append({"text": str(bound.errors[0]), "href": f"#{target}"})
    return items


def _pairs(fields: Iterator[Field], data: Mapping[str, Any], prefix: str) -> Iterator[tuple]:
    for f in fields:
        value = data.get(f.name)
        name = f"{prefix}{f.name}"
        if isinstance(f, Repeat):
            for index, item in enumerate(value or []):
                yield from _pairs(iter(f.inner), item, f"{name}-{index}-")
        elif isinstance(f, Date):
            when = dt.date.fromisoformat(value) if isinstance(value, str) else value
            parts = ("", "", "") if when is None else (when.day, when.month, when.year)
            for part in parts:
                yield name, str(part)
        elif isinstance(value, list):  # ticked boxes: one value each
            for ticked in value:
                yield name, ticked
        elif value is not None:
            yield name, str(value)


def as_formdata(artefact: Artefact, data: Mapping[str, Any]) -> MultiDict:
    """Answers (clean, or as stored) as a browser would post them: dates as day, month, year."""
    return MultiDict(list(_pairs(artefact.walk(), data, "")))


def typed(form: Form) -> list[list[str]]:
    """What the form holds as typed, as [name, value] pairs: how a draft is kept.

    A block just added and still empty keeps one empty box, so that it is still there when
    the draft is opened again.
    """
    pairs: list[list[str]] = []
    for bound in form:
        if isinstance(bound, FieldList):
            for entry in bound.entries:
                got = typed(entry.form)
                if not got:
                    box = next(
                        (b for b in bound_fields(entry.form) if isinstance(b, StringField)), None
                    )
                    got = [[box.name, ""]] if box is not None else []
                pairs.extend(got)
        elif bound.name != "csrf_token":
            pairs.extend([bound.name, v] for v in (bound.raw_data or []))
    return pairs


def merged(saved: list[list[str]], posted: MultiDict, names: frozenset[str]) -> MultiDict:
    """A draft with one section's page posted over it: the section's fields as posted (a box
    unticked is not posted, so none of the saved values of those fields are kept), the other
    sections' as saved."""
    kept = [(name, value) for name, value in saved if name.partition("-")[0] not in names]
    new = [(n, v) for n, v in posted.items(multi=True) if n.partition("-")[0] in names]
    return MultiDict(kept + new)


def problems_of(artefact: Artefact, form: FlaskForm) -> list[tuple[str, str]]:
    """Every problem with a form's answers, as (input name, message), in page order."""
    check(artefact, form)
    return [
        (b.name, str(b.errors[0]))
        for b in bound_fields(form)
        if b.errors and b.name != "csrf_token"
    ]


def _declared(artefact: Artefact, name: str) -> Field | None:
    """The declared field behind a WTForms field name (`repeat-index-inner` in a block)."""
    repeat, _, rest = name.partition("-")
    try:
        f = artefact.field(repeat)
    except KeyError:  # the CSRF token
        return None
    if isinstance(f, Repeat):
        inner = rest.partition("-")[2]
        return next((i for i in f.inner if i.name == inner), None)
    return f


def check_draft(artefact: Artefact, form: Form) -> bool:
    """A draft keeps anything typed except characters that no document can hold; those are
    refused, with errors set on their fields."""
    ok = True
    for bound in bound_fields(form):
        f = _declared(artefact, bound.name)
        # Browsers send a box's new lines as CR LF: they are new lines, as Text.clean reads them.
        typed = [v.replace("\r\n", "\n").replace("\r", "\n") for v in bound.raw_data or []]
        problems = [f.unstorable_problem(v) for v in typed] if f else []
        if any(problems):
            bound.errors = [next(p for p in problems if p)]
            ok = False
    return ok
