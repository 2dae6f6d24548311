"""`flask --app app create-user EMAIL --role ROLE`: the password is asked for, never echoed.

For scripts, the password may come from the environment variable NEW_USER_PASSWORD instead.
"""

from __future__ import annotations

import os

import click
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select

from accounts import ROLES
from accounts.passwords import hash_password, password_problem
from models import User, db


@click.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the person does.")
def create_user(email: str, role: str) -> None:
    """Create a staff account."""
    try:
        email = validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise click.BadParameter(str(error), param_hint="EMAIL") from None
    if db.session.scalar(select(User).where(User.email == email)) is not None:
        raise click.ClickException("An account with that email address already exists")
    password = os.environ.get("NEW_USER_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    problem = password_problem(password, email)
    if problem:
        raise click.ClickException(problem)
    db.session.add(User(email=email, password_hash=hash_password(password), role=role))
    db.session.commit()
    click.echo(f"Created a {role} account.")
