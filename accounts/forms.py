"""The forms of account management: inviting someone, changing a role, choosing a password."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovRadioInput, GovTextInput
from wtforms import Field, PasswordField, RadioField, StringField, ValidationError
from wtforms.fields.choices import SelectChoice

from accounts import BOROUGHS, ROLES
from accounts.passwords import password_problem
from forms.kinds import has_control_characters, unstorable_problem

ROLE_NAMES = {
    "referrer": "Referrer (schools, police, health and other agencies)",
    "lead_professional": "Lead professional",
    "spa": "Single Point of Access (SPA)",
    "phoenix": "The Phoenix Project",
    "manager": "Manager",
    "admin": "Administrator (manages accounts, never sees cases)",
}
NO_ROLE = "Select the person's role"
NO_BOROUGH = "Select the borough of the person's SPA team"
NOT_SPA = "Only an SPA account works in a borough: select no borough, or the SPA role"


def _role_field() -> RadioField:
    return RadioField(
        "Role",
        choices=[SelectChoice(r, ROLE_NAMES[r]) for r in ROLES],
        validate_choice=False,
        widget=GovRadioInput(),
    )


def _borough_field() -> RadioField:
    return RadioField(
        "Borough (SPA only)",
        choices=[SelectChoice(b, b) for b in BOROUGHS],
        validate_choice=False,
        widget=GovRadioInput(),
    )


class RoleForm(FlaskForm):
    role = _role_field()
    borough = _borough_field()

    def validate_role(self, field: Field) -> None:
        if field.data not in ROLES:
            raise ValidationError(NO_ROLE)

    def validate_borough(self, field: Field) -> None:
        if self.role.data == "spa" and field.data not in BOROUGHS:
            raise ValidationError(NO_BOROUGH)
        if self.role.data != "spa" and field.data:
            raise ValidationError(NOT_SPA)


def _text(called: str, longest: int) -> StringField:
    """A one-line detail, refused (as `flask create-user` refuses it) if it holds what no
    document may hold, bidi controls included."""

    def storable(_: FlaskForm, field: Field) -> None:
        text = field.data or ""
        problem = unstorable_problem(called, text)
        if problem:
            raise ValidationError(problem)
        if len(text) > longest:
            raise ValidationError(f"{called} must be {longest} characters or fewer")

    return StringField(called, widget=GovTextInput(), validators=[storable])


class InviteForm(RoleForm):
    email = StringField("Email address", widget=GovTextInput())
    name = _text("Full name", 200)
    job_title = _text("Job title", 200)
    organisation = _text("Organisation", 200)
    phone = _text("Telephone number", 40)

    def validate_email(self, field: Field) -> None:
        typed = (field.data or "").strip()
        if not typed:
            raise ValidationError("Enter the person's work email address")
        if has_control_characters(typed) or len(typed) > 254:
            raise ValidationError("Enter an email address in the correct format")
        try:
            field.data = validate_email(typed, check_deliverability=False).normalized.lower()
        except EmailNotValidError:
            raise ValidationError("Enter an email address in the correct format") from None

    def validate_name(self, field: Field) -> None:
        if not (field.data or "").strip():
            raise ValidationError("Enter the person's full name")


class NewPasswordForm(FlaskForm):
    """A new password, typed twice; checked against the rules with the account's address."""

    password = PasswordField(
        "New password", widget=GovPasswordInput(), render_kw={"autocomplete": "new-password"}
    )
    confirm = PasswordField(
        "Confirm new password",
        widget=GovPasswordInput(),
        render_kw={"autocomplete": "new-password"},
    )
    email = ""

    def validate_password(self, field: Field) -> None:
        typed = field.data or ""
        if not typed:
            raise ValidationError("Enter a new password")
        if has_control_characters(typed):
            raise ValidationError("New password must not contain control characters")
        if len(typed) > 1024:
            raise ValidationError("New password must be 1,024 characters or fewer")
        problem = password_problem(typed, self.email)
        if problem:
            raise ValidationError(problem.replace("The password", "New password", 1))

    def validate_confirm(self, field: Field) -> None:
        if not field.data:
            raise ValidationError("Confirm your new password")
        if field.data != self.password.data:
            raise ValidationError("Confirm new password must match the new password")


class ChangePasswordForm(NewPasswordForm):
    current = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        render_kw={"autocomplete": "current-password"},
    )


def error_list(form: FlaskForm, *order: str) -> list[dict[str, str]]:
    """The error summary's list: each field's first message, linked to the field, in the
    page's `order` of fields (by default, the form's)."""
    fields = [form[name] for name in order] if order else list(form)
    return [{"text": f.errors[0], "href": f"#{f.id}"} for f in fields if f.errors]
