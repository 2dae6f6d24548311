"""Rate limits kept by flask-limiter, in RATELIMIT_STORAGE_URI: failed sign-ins per client
address and across every account.

`memory://` counts in the process, which is right for the embedded default (one process);
several processes or hosts must share a store (`redis://...`), or each would count alone.
The per-account limit is not here: it is counted in the database, atomically
(accounts.sessions), because it must hold exactly. These two count failures only, checked
before the password and counted after it, so simultaneous attempts can pass a little over the
limit; they are the outer fence.

A client's address is the proxy's X-Forwarded-For only when the proxy is trusted
(TRUSTED_PROXIES, serving.proxies): otherwise anyone could pick their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, Response, current_app, g
from flask_limiter import Limiter, RequestLimit
from flask_limiter.util import get_remote_address

View = TypeVar("View", bound=Callable[..., object])


def sign_in_limited(view: View) -> View:
    """Mark a view that signs people in: `init_app` puts the limits on it."""
    view.sign_in_limited = True  # type: ignore[attr-defined]
    return view


def _failed(_: Response) -> bool:
    """Only failed sign-ins count: a busy office signing in every morning is not an attack."""
    return bool(g.get("sign_in_failed"))


def _breached(_: RequestLimit) -> None:
    from web.access import audit  # the audit trail needs the web layer's request details

    audit("sign in throttled")


def init_app(app: Flask) -> None:
    """A limiter of this app's own (its own store, key prefix and settings), put on the views
    marked with `sign_in_limited`; call it once the views are registered."""
    limiter = Limiter(key_func=get_remote_address, app=app)
    per_address = limiter.limit(
        lambda: current_app.config["SIGN_IN_PER_ADDRESS"],
        methods=["POST"],
        deduct_when=_failed,
        on_breach=_breached,
    )
    everywhere = limiter.shared_limit(
        lambda: current_app.config["SIGN_IN_EVERYWHERE"],
        scope="sign-in-everywhere",
        key_func=lambda: "everyone",
        methods=["POST"],
        deduct_when=_failed,
        on_breach=_breached,
    )
    for endpoint, view in list(app.view_functions.items()):
        if getattr(view, "sign_in_limited", False):
            app.view_functions[endpoint] = everywhere(per_address(view))  # type: ignore[assignment]
