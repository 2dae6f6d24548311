"""Configuration classes, chosen by the environment variable CSE_FORMS_ENV.

Production is the default: a deployment that forgets to say what it is gets the strict settings
and refuses to start without a strong secret key, or in debug mode (`ConfigError`).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import click

from sending.recipients import settings


class ConfigError(click.ClickException):
    """The service cannot start as configured. A click exception, so that `flask ...` commands
    print it as one line ("Error: ...") instead of a traceback."""


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    if not value:
        return default
    if not value.isdigit():
        raise ConfigError(f"{name} must be a whole number, not {value!r}")
    return int(value)


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in ("1", "true", "yes", "0", "false", "no"):
        raise ConfigError(f"{name} must be true or false, not {value!r}")
    return value in ("1", "true", "yes")


def _dates(name: str) -> frozenset[dt.date]:
    """Comma-separated dates, 2026-12-24,2026-12-31: refused with the one that is not a date."""
    days = set()
    for value in os.environ.get(name, "").split(","):
        if value.strip():
            try:
                days.add(dt.date.fromisoformat(value.strip()))
            except ValueError:
                raise ConfigError(
                    f"{name} must be dates like 2026-12-24, separated by commas, not {value!r}"
                ) from None
    return frozenset(days)


class Config:
    PRODUCTION = True
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    # If SQL is ever logged (echo, or an INFO root logger), never with its values: answers.
    # (app._engine_options adds what each database needs.)
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, Any]] = {"hide_parameters": True}
    # How many proxies in front of the app set X-Forwarded-For/-Proto/-Host (nginx: 1). Their
    # headers are believed for exactly that many hops; with 0, never (a client could forge them).
    TRUSTED_PROXIES = _int("TRUSTED_PROXIES", 0)
    # The host names the service answers to (comma-separated); any other Host header is
    # refused (400), so that no address the app makes can point elsewhere. Unset: any.
    TRUSTED_HOSTS = [
        h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip()
    ] or None
    # The __Host- prefix (issue 13): browsers keep such a cookie only if it is Secure, has
    # Path=/ and no Domain, so no other host (a sibling subdomain) and no plain-HTTP page can
    # set or overwrite the session cookie. Development serves plain HTTP: no prefix there.
    SESSION_COOKIE_NAME = "__Host-cse_forms_session"
    SESSION_COOKIE_PATH = "/"
    SESSION_COOKIE_DOMAIN = None
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
    # Sign-ins refused, besides: failures from one client address (a council office may share
    # one address, so this is generous), and failures across every account (password
    # spraying). flask-limiter counts them in RATELIMIT_STORAGE_URI: memory:// is per process
    # (the embedded default, one process); several processes need a shared store (redis://).
    SIGN_IN_PER_ADDRESS = os.environ.get("SIGN_IN_PER_ADDRESS", "30 per 5 minutes")
    SIGN_IN_EVERYWHERE = os.environ.get("SIGN_IN_EVERYWHERE", "300 per 5 minutes")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_STRATEGY = "moving-window"  # "30 in any 5 minutes", not per clock window
    # Keys in a shared store start with this: several services may share one Redis.
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "cse-forms")
    RATELIMIT_HEADERS_ENABLED = True
    # If the shared store is out of reach, count in the process meanwhile (and log it) rather
    # than refuse everyone or fail: the per-account limit, in the database, still holds.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True
    # At most this many password checks (argon2id: 64 MiB each) and document renders at once
    # in one process; a request that waits longer than BUSY_WAIT for its turn gets 503.
    PASSWORD_CHECKS_AT_ONCE = 2
    RENDERS_AT_ONCE = 2
    BUSY_WAIT = dt.timedelta(seconds=10)
    # Re-downloads of a submitted version (which never changes) come from memory; at most
    # this much per process, and never for more than a few minutes (documents.cache).
    DOCUMENT_CACHE_BYTES = _int("DOCUMENT_CACHE_MB", 8) * 1024 * 1024
    # Where forms are sent, and each team's agreed PDF password (sending.recipients: the
    # strategy's addresses unless set; MASE business support and the Associate Directors of
    # Safeguarding have none until set). Secrets: never logged, never kept with a case.
    SENDING: ClassVar[dict[str, str]] = settings(os.environ)
    # Closed cases are deleted by `flask purge` this long after closing (README: Retention).
    CASE_RETENTION = dt.timedelta(days=_int("CASE_RETENTION_DAYS", 25 * 365))
    # My work warns managers of any account that downloaded more than this many documents
    # (each part of a referral pack counts) in the last hour (audit.queries.bulk_downloads).
    BULK_DOWNLOAD_ALERT = _int("BULK_DOWNLOAD_ALERT", 30)
    # A long form must never be lost to an expired token: the token lives as long as the session.
    WTF_CSRF_TIME_LIMIT = int(PERMANENT_SESSION_LIFETIME.total_seconds())
    # Twenty narrative boxes of 20,000 characters, URL-encoded, fit well within this.
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 1024 * 1024
    FORCE_HTTPS = True
    TESTING = False
    # Mail (mail/): queued in the database, sent through this SMTP server by `flask send-mail`
    # (deploy/cse-forms-mail.service). Production's worker refuses to start without MAIL_SERVER and
    # MAIL_FROM (mail_problem). A mail not sent after MAIL_MAX_ATTEMPTS tries is marked failed.
    # Days the offices close beyond England's bank holidays (an extra Christmas day): the working
    # day clocks skip them (clocks.WorkingDayCalendar).
    NON_WORKING_DAYS: ClassVar[frozenset[dt.date]] = _dates("NON_WORKING_DAYS")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = _int("MAIL_PORT", 587)
    MAIL_USE_STARTTLS = _flag("MAIL_USE_STARTTLS", True)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "")
    MAIL_MAX_ATTEMPTS = _int("MAIL_MAX_ATTEMPTS", 12)
    # The service's address as its users reach it, e.g. https://cse-forms.example.org: mail sent
    # outside a request (the daily reminders, work.remind) links to it. Production's `flask
    # remind` refuses to run without it (link_problem).
    SERVICE_URL = os.environ.get("SERVICE_URL", "")


class ProductionConfig(Config):
    pass


class DevelopmentConfig(Config):
    """`make run`: served on 127.0.0.1 over plain HTTP, so the cookie cannot be Secure."""

    PRODUCTION = False
    SESSION_COOKIE_NAME = "cse_forms_session"  # a __Host- cookie must be Secure
    SESSION_COOKIE_SECURE = False
    FORCE_HTTPS = False
    # A local catcher of mail (e.g. `python -m aiosmtpd -n -l localhost:1025`): nothing leaves.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = _int("MAIL_PORT", 1025)
    MAIL_USE_STARTTLS = _flag("MAIL_USE_STARTTLS", False)
    MAIL_FROM = os.environ.get("MAIL_FROM", "cse-forms@localhost")
    SERVICE_URL = os.environ.get("SERVICE_URL", "http://127.0.0.1:5000")  # `make run`


class TestConfig(DevelopmentConfig):
    TESTING = True
    SECRET_KEY = secrets.token_hex(32)
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    RATELIMIT_STORAGE_URI = "memory://"


CONFIGS: dict[str, type[Config]] = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "test": TestConfig,
}

MINIMUM_SECRET_BYTES = 32


def production_problem(config: Mapping[str, Any], debug: bool) -> str | None:
    """Why production settings must not serve, or None: each reason says what to do."""
    secret = config.get("SECRET_KEY") or ""
    if not secret:
        return (
            "Set SECRET_KEY: production refuses to start without one"
            " (make one with: python -c 'import secrets; print(secrets.token_hex(32))')"
        )
    if len(secret.encode()) < MINIMUM_SECRET_BYTES:
        return (
            f"SECRET_KEY is too short: production needs at least {MINIMUM_SECRET_BYTES} bytes"
            " (make one with: python -c 'import secrets; print(secrets.token_hex(32))')"
        )
    if debug:
        return (
            "Debug mode is on (FLASK_DEBUG or --debug): production refuses to serve its"
            " debugger. Turn it off, or set CSE_FORMS_ENV=development on your own machine"
        )
    return None


def mail_problem(config: Mapping[str, Any]) -> str | None:
    """Why production settings cannot send mail, or None. Only the mail worker refuses to
    start on it: the web app queues mail whatever the SMTP settings are."""
    if not config.get("MAIL_SERVER"):
        return "Set MAIL_SERVER: the SMTP server that sends the service's mail"
    if not config.get("MAIL_FROM"):
        return "Set MAIL_FROM: the address the service's mail comes from"
    if config.get("MAIL_USERNAME") and not config.get("MAIL_USE_STARTTLS"):
        return "MAIL_USERNAME is set with MAIL_USE_STARTTLS off: the password would cross in clear"
    return None


def link_problem(config: Mapping[str, Any]) -> str | None:
    """Why mail sent outside a request cannot link to the service, or None."""
    url = urlsplit(config.get("SERVICE_URL") or "")
    if url.scheme not in ("http", "https") or not url.hostname:
        return (
            "Set SERVICE_URL: the service's address as its users reach it, such as"
            " https://cse-forms.example.org, that reminders link to"
        )
    return None


def development_secret(instance_path: str) -> str:
    """A secret kept in the instance folder, so that restarting `make run` keeps sessions."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
    return path.read_text().strip()
