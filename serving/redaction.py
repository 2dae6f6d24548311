"""Request logs never hold an invitation's token (accounts/invitations.py): its link's path
does, so `/invitation/<token>` is written `/invitation/[token]` by every log of requests we
configure (the development server's here; nginx's in deploy/cse-forms.nginx.conf)."""

from __future__ import annotations

import logging
import re

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


def init_app() -> None:
    """Put the filter on the development server's request log (werkzeug), once."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactTokens) for f in logger.filters):
        logger.addFilter(RedactTokens())
