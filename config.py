"""Configuration classes, chosen by the environment variable CSE_FORMS_ENV.

Production is the default: a deployment that forgets to say what it is gets the strict settings
and refuses to start without a secret key.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path
from typing import ClassVar


class Config:
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    # If SQL is ever logged (echo, or an INFO root logger), never with its values: answers.
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, bool]] = {"hide_parameters": True}
    SESSION_COOKIE_NAME = "cse_forms_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    # Signed-in sessions end after 12 hours whatever happens, and after 30 minutes without a
    # request; a warning 2 minutes before lets the user stay signed in.
    PERMANENT_SESSION_LIFETIME = dt.timedelta(hours=12)
    IDLE_TIMEOUT = dt.timedelta(minutes=30)
    IDLE_WARNING = dt.timedelta(minutes=2)
    # No more than 10 failed sign-ins in 5 minutes for any one email address.
    SIGN_IN_ATTEMPTS = 10
    SIGN_IN_WINDOW = dt.timedelta(minutes=5)
    # Closed cases are deleted by `flask purge` this long after closing (README: Retention).
    CASE_RETENTION = dt.timedelta(days=int(os.environ.get("CASE_RETENTION_DAYS", 25 * 365)))
    # A long form must never be lost to an expired token: the token lives as long as the session.
    WTF_CSRF_TIME_LIMIT = int(PERMANENT_SESSION_LIFETIME.total_seconds())
    # Twenty narrative boxes of 20,000 characters, URL-encoded, fit well within this.
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 1024 * 1024
    FORCE_HTTPS = True
    TESTING = False


class ProductionConfig(Config):
    pass


class DevelopmentConfig(Config):
    """`make run`: served on 127.0.0.1 over plain HTTP, so the cookie cannot be Secure."""

    SESSION_COOKIE_SECURE = False
    FORCE_HTTPS = False


class TestConfig(DevelopmentConfig):
    TESTING = True
    SECRET_KEY = secrets.token_hex(32)
    SQLALCHEMY_DATABASE_URI = "sqlite://"


CONFIGS: dict[str, type[Config]] = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "test": TestConfig,
}


def development_secret(instance_path: str) -> str:
    """A secret kept in the instance folder, so that restarting `make run` keeps sessions."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
