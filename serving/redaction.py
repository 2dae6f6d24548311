"""Request logs never hold an invitation's token (accounts/invitations.py): its link's path
does, so `/invitation/<token>` is written `/invitation/[token]` by every log of requests we
configure (the development server's and Flask's own "Exception on <path>" here; nginx's in
deploy/cse-forms.nginx.conf; gunicorn keeps no access log)."""

from __future__ import annotations

import logging
import re

from flask import Flask

_TOKEN_IN_PATH = re.compile(r"/invitation/[^\s?\"#]+")


def redact(text: str) -> str:
    return _TOKEN_IN_PATH.sub("/invitation/[token]", text)


class RedactTokens(logging.Filter):
    """Rewrites a record's message without the token (the message is formatted here, once)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/invitation/" in message:
            record.msg, record.args = redact(message), ()
        return True


def init_app(app: Flask) -> None:
    """Put the filter, once each, on the development server's request log (werkzeug) and on
    the app's log, where Flask writes the path of a request that failed."""
    for logger in (logging.getLogger("werkzeug"), app.logger):
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
