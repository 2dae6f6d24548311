"""Behind a reverse proxy: believe its X-Forwarded-* headers for exactly TRUSTED_PROXIES hops.

ProxyFix sets the client's address (rate limits), the scheme (Secure cookie, the CSRF Referer
check, redirects) and the host from the trusted hops only. The headers themselves are then
removed, so that nothing later (flask-talisman reads X-Forwarded-Proto directly) can be fooled
by a value the client wrote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

_FORWARDED = ("HTTP_FORWARDED", "HTTP_X_FORWARDED_")


class _WithoutForwardedHeaders:
    def __init__(self, app: Any) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        for key in [k for k in environ if k.startswith(_FORWARDED)]:
            del environ[key]
        return self.app(environ, start_response)


def behind_proxies(app: Flask) -> None:
    hops = app.config["TRUSTED_PROXIES"]
    app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
        _WithoutForwardedHeaders(app.wsgi_app),
        x_for=hops,
        x_proto=hops,
        x_host=hops,
        x_prefix=hops,
    )
