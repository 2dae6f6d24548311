"""Flask-Migrate (Alembic), set up only where it is used: `flask db ...` commands and tests. A
web worker never migrates, and importing Alembic costs every process about 10 MB."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app

from models import db

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def migrations(app: Flask) -> None:
    """Flask-Migrate on `app`, once: it adds the `flask db` commands."""
    if "migrate" not in app.extensions:
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(MIGRATIONS))


def migrations_if_a_command(app: Flask) -> None:
    """`flask ...` makes the app inside a click command: offer `flask db` there, only."""
    if click.get_current_context(silent=True) is not None:
        migrations(app)


def upgrade() -> None:
    """Bring the current app's database to the newest schema (as `flask db upgrade` does)."""
    from flask_migrate import upgrade as flask_migrate_upgrade

    migrations(current_app._get_current_object())  # type: ignore[attr-defined]
    flask_migrate_upgrade()
