"""Application factory of the Kingston & Richmond CSE forms service."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, Response, render_template, request
from flask.helpers import get_debug_flag
from flask_talisman import Talisman
from flask_wtf import CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy.engine import make_url

import serving.transactions  # noqa: F401  (the database's transaction events)
from accounts.cli import create_user, demo_accounts
from accounts.sessions import login_manager
from config import CONFIGS, Config, ConfigError, development_secret, production_problem
from documents.render import warm_up
from mail.cli import send_mail_command
from models import db
from pathway.state import refresh_pathway
from retention import purge_command
from serving import errors, limits, redaction
from serving.proxies import behind_proxies
from serving.schema import migrations_if_a_command
from work.remind import remind_command

ROOT = Path(__file__).resolve().parent
csrf = CSRFProtect()
talisman = Talisman()

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def create_app(
    config: type[Config] | dict[str, Any] | None = None, instance_path: str | None = None
) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(ROOT / "static" / "assets"),
        static_url_path="/assets",
        template_folder=str(ROOT / "web" / "templates"),
        instance_path=instance_path,
    )
    _configure(app, config)
    behind_proxies(app)
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "web" / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.trim_blocks = True
    db.init_app(app)
    migrations_if_a_command(app)
    csrf.init_app(app)
    WTFormsHelpers(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        frame_options="DENY",
        # Not "no-referrer": over HTTPS, Flask-WTF refuses a POST whose Referer is not this
        # site (WTF_CSRF_SSL_STRICT), and browsers send none under no-referrer. same-origin
        # sends it to this site only, so other sites still learn nothing of our addresses.
        referrer_policy="same-origin",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()"},
    )

    login_manager.init_app(app)
    errors.init_app(app)
    redaction.init_app(app)

    from accounts.admin import bp as admin
    from accounts.own import bp as own_account
    from accounts.second_factor import bp as second_factor
    from accounts.views import bp as accounts
    from web import templating
    from web.access import IdConverter, guard
    from web.attachments import bp as attachments
    from web.audit import bp as audit
    from web.case_status import bp as case_status
    from web.cases import bp as cases
    from web.closed import refuse_if_closed
    from web.contacts import bp as contacts
    from web.documents import bp as documents
    from web.drafts import bp as drafts
    from web.members import bp as members
    from web.pathway import bp as pathway
    from web.reports import bp as reports
    from web.sections import bp as sections
    from web.sending import bp as sending
    from web.versions import bp as versions
    from web.work import bp as work

    app.url_map.converters["id"] = IdConverter
    templating.init_app(app)
    blueprints = (
        accounts,
        admin,
        own_account,
        attachments,
        audit,
        cases,
        case_status,
        contacts,
        reports,
        documents,
        drafts,
        members,
        pathway,
        second_factor,
        sections,
        sending,
        versions,
        work,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    app.before_request(guard)
    app.before_request(refuse_if_closed)  # after the access rule: issue 13
    limits.init_app(app)
    commands = (
        create_user,
        demo_accounts,
        purge_command,
        send_mail_command,
        refresh_pathway,
        remind_command,
    )
    for command in commands:
        app.cli.add_command(command)
    app.after_request(_no_store)
    for code in ERROR_PAGES:
        app.register_error_handler(code, _error_page(code))
    # Everything made so far lives as long as the process: keep it out of the collector's way,
    # so that collecting after each document (documents.render) stays cheap.
    warm_up()
    gc.collect()  # garbage left by start-up must not be frozen with it
    gc.freeze()
    return app


def _configure(app: Flask, config: type[Config] | dict[str, Any] | None) -> None:
    if config is None or isinstance(config, dict):
        app.config.from_object(CONFIGS[os.environ.get("CSE_FORMS_ENV", "production")])
        app.config.update(config or {})
    else:
        app.config.from_object(config)
    if app.config["PRODUCTION"]:
        problem = production_problem(app.config, app.debug or get_debug_flag())
        if problem:
            raise ConfigError(problem)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = development_secret(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        folder = Path(app.instance_path)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{folder / 'cse.sqlite3'}"
    _private_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"])
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = _engine_options(app.config)


def _private_sqlite_file(uri: str) -> None:
    """An embedded database is readable by the service's own account only: its file is made
    0600 before SQLite first opens it (SQLite gives its -wal and -shm files the file's mode),
    in an instance folder that is 0700 when it holds the database."""
    url = make_url(uri)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    path = Path(url.database)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _engine_options(config: dict[str, Any]) -> dict[str, Any]:
    options = dict(config["SQLALCHEMY_ENGINE_OPTIONS"])
    url = make_url(config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "postgresql":
        # A connection dropped by a restart of the server is noticed before use; a request
        # that cannot get a connection within 10 s is answered 503 (serving.errors).
        options.setdefault("pool_pre_ping", True)
        options.setdefault("pool_timeout", 10)
    return options


def _no_store(response: Response) -> Response:
    """Nothing this service shows may be kept by a browser or proxy, static assets aside."""
    if not request.path.startswith("/assets/"):
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


ERROR_PAGES = {
    400: ("Sorry, there is a problem with what was sent", "Go back and try again."),
    401: (
        "You have been signed out",
        "Nothing was saved. Use your browser's back button to get back to what you typed, copy"
        " it, then sign in again.",
    ),
    404: ("Page not found", "If you typed the web address, check it is correct."),
    413: ("Your answers are too long to send", "Shorten the longest answers and try again."),
    500: ("Sorry, there is a problem with the service", "Your answers were not saved. Try again."),
}


def _error_page(code: int) -> Callable[[Exception], tuple[str, int]]:
    title, message = ERROR_PAGES[code]

    def page(_: Exception) -> tuple[str, int]:
        return render_template("error.html", title=title, message=message), code

    return page
