"""`flask --app app create-user EMAIL --role ROLE`: the password is asked for, never echoed.

For scripts, the password may come from the environment variable NEW_USER_PASSWORD instead.
"""

from __future__ import annotations

import os
import secrets

import click
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from accounts import BOROUGHS, ROLES
from accounts.passwords import hash_password, password_problem
from forms.kinds import has_control_characters, unstorable_problem
from models import User, db
from serving.transactions import writing


def add_user(email: str, password: str, role: str, **profile: str | None) -> User:
    """A new account, its password hashed (argon2id), added to the session."""
    user = User(email=email, password_hash=hash_password(password), role=role, **profile)
    db.session.add(user)
    return user


# How a message names each typed option, as the account's page would label it.
_CALLED = {
    "--name": "Full name",
    "--job-title": "Job title",
    "--organisation": "Organisation",
    "--phone": "Telephone number",
}


@click.command("create-user")
@with_appcontext
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the person does.")
@click.option("--name", default="", help="Full name, as forms print it.")
@click.option("--job-title", default="", help="Job title (a referral's 'Role').")
@click.option("--organisation", default="", help="Agency or service.")
@click.option("--phone", default="", help="Work telephone number.")
@click.option(
    "--borough",
    type=click.Choice(BOROUGHS),
    help="For --role spa (and only then): the borough whose SPA team the person works in.",
)
def create_user(
    email: str,
    role: str,
    name: str,
    job_title: str,
    organisation: str,
    phone: str,
    borough: str | None,
) -> None:
    """Create a staff account."""
    if (role == "spa") != (borough is not None):
        raise click.BadParameter(
            "give --borough for an spa account, and only for one", param_hint="--borough"
        )
    # A name is printed on every form the person fills (a referral's referrer): what no
    # document can hold, and the bidi controls that spoof a name, are refused (issue 13).
    typed = (name, job_title, organisation, phone)
    for (option, called), text in zip(_CALLED.items(), typed, strict=True):
        problem = unstorable_problem(called, text)
        if problem:
            raise click.BadParameter(problem, param_hint=option)
    try:
        email = validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise click.BadParameter(str(error), param_hint="EMAIL") from None
    if db.session.scalar(select(User).where(User.email == email)) is not None:
        raise click.ClickException("An account with that email address already exists")
    password = os.environ.get("NEW_USER_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    # Sign-in refuses a password with control characters (accounts.views): none is set.
    problem = password_problem(password, email) or (
        "The password must not contain control characters"
        if has_control_characters(password)
        else None
    )
    if problem:
        raise click.ClickException(problem)
    with writing():
        add_user(
            email,
            password,
            role,
            name=name,
            job_title=job_title,
            organisation=organisation,
            phone=phone,
            borough=borough,
        )
    click.echo(f"Created a {role} account.")


# One fictional account per role for `make run` on a new machine (development only).
DEMO_ACCOUNTS = (
    ("referrer", "Sam Referrer", "Designated safeguarding lead", "Example Secondary School"),
    ("lead_professional", "Lee Lead", "Social worker", "Kingston Children's Services"),
    ("spa", "Sasha Spa", "SPA social worker", "Kingston Single Point of Access"),
    ("phoenix", "Pat Phoenix", "CSE youth worker", "The Phoenix Project"),
    ("manager", "Morgan Manager", "Team manager", "Kingston Children's Services"),
    ("admin", "Alex Admin", "Systems administrator", "Kingston Council"),
)


@click.command("demo-accounts")
@with_appcontext
def demo_accounts() -> None:
    """Development only: on an empty database, one account per role, passwords shown once."""
    if current_app.config["PRODUCTION"]:
        raise click.ClickException("Demo accounts are for development only: none created")
    if db.session.scalar(select(User).limit(1)) is not None:
        return
    lines = []
    with writing():
        for role, name, job_title, organisation in DEMO_ACCOUNTS:
            email = f"{role.replace('_', '.')}@demo.example.org"
            password = "-".join(secrets.choice(_WORDS) for _ in range(3)) + str(
                secrets.randbelow(90) + 10
            )
            add_user(
                email,
                password,
                role,
                name=name,
                job_title=job_title,
                organisation=organisation,
                phone="020 8547 5000",
                borough="Kingston" if role == "spa" else None,
            )
            lines.append(f"  {role:<18} {email:<36} {password}")
    click.echo(
        "\nDemo accounts, one per role. The passwords are shown only this once: note one now."
        "\n(To start again: delete instance/cse.sqlite3.)\n\n" + "\n".join(lines) + "\n"
    )


_WORDS = (
    "amber", "birch", "cobalt", "delta", "ember", "fjord", "garnet", "harbour", "indigo",
    "juniper", "kestrel", "lantern", "meadow", "nectar", "orchid", "pebble", "quartz", "russet",
    "saffron", "thistle", "umber", "velvet", "willow", "yarrow", "zephyr",
)  # fmt: skip
