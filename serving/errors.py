"""Busy answers: when the database or the service's capacity is exhausted, say so (503) and
when to try again, on a GOV.UK page (or in JSON, to the page's own scripts). Never a 500.

A page that takes a form (`shown_again`) is shown again with what was posted and the message,
so that nothing typed is lost to a busy moment.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

import psycopg
from flask import Flask, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_limiter.errors import RateLimitExceeded
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from serving.capacity import BusyError

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
BUSY = (
    "Sorry, the service is busy",
    "Nothing you sent was saved. Wait a few seconds, then try again.",
)
TOO_MANY = (
    "Too many attempts",
    "There have been too many attempts to sign in. Wait 5 minutes, then try again.",
)


# How each form page shows itself again with what was posted: endpoint -> page(message).
_AGAIN: dict[str, Callable[[str], str]] = {}


def shown_again(endpoint: str) -> Callable[[Callable[[str], str]], Callable[[str], str]]:
    """Register how `endpoint`'s page shows again, with what was posted and a message."""

    def register(page: Callable[[str], str]) -> Callable[[str], str]:
        _AGAIN[endpoint] = page
        return page

    return register


def _is_busy(error: OperationalError) -> bool:
    """The database is busy or out of reach, as opposed to a mistake in the code (still a 500)."""
    if isinstance(error.orig, sqlite3.OperationalError):
        return "locked" in str(error.orig)  # "database is locked", "database table is locked"
    return isinstance(error.orig, psycopg.OperationalError)


def _answer(title: str, message: str, status: int) -> ResponseReturnValue:
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.accept_mimetypes.best == "application/json":
        return jsonify(message=f"{title}. {message}"), status, headers
    again = _AGAIN.get(request.endpoint or "")
    if again is not None and request.method == "POST":
        return again(f"{title}: {message[:1].lower()}{message[1:]}"), status, headers
    return render_template("error.html", title=title, message=message), status, headers


def busy(error: Exception) -> ResponseReturnValue:
    if isinstance(error, OperationalError) and not _is_busy(error):
        raise error
    # The kind of error only: the statement's parameters never reach a log (hide_parameters).
    log.warning("busy: %s on %s %s", type(error).__name__, request.method, request.url_rule)
    return _answer(*BUSY, 503)


def too_many(_: RateLimitExceeded) -> ResponseReturnValue:
    return _answer(*TOO_MANY, 429)


def init_app(app: Flask) -> None:
    for kind in (BusyError, OperationalError, PoolTimeout):
        app.register_error_handler(kind, busy)
    app.register_error_handler(RateLimitExceeded, too_many)
