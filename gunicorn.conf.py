"""gunicorn's settings in production: `make serve`, and deploy/cse-forms.service.

Sized for the 2-core machines the service runs on: one worker process per core (rendering a
document and drawing a page are CPU-bound and hold the GIL, so more processes than cores only
add memory), each with 8 threads, so that requests waiting on the database or for their turn
at a password check do not hold up the rest (with 4, a person reading pages during a burst of
sign-ins waited twice as long: bench --http). What one request may do at once is bounded in
the app itself (PASSWORD_CHECKS_AT_ONCE, RENDERS_AT_ONCE: serving.capacity). Override with the
environment: GUNICORN_BIND, WEB_CONCURRENCY (workers), GUNICORN_THREADS.

Every setting that matters for safety is here, not on a command line: the app reads
forwarded headers itself (TRUSTED_PROXIES), files it makes are the service's own (umask), and
the Server header names no software.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from typing import Any

import gunicorn.http.wsgi

wsgi_app = "app:create_app()"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Load the app once, before forking: start-up work (fonts, compiled templates) is done once and
# its memory shared by the workers, and a misconfiguration stops the server at once.
preload_app = True
# A worker silent this long is restarted (a maximal pack takes seconds, never a minute).
timeout = 60
graceful_timeout = 30
keepalive = 5
# Restart each worker now and then, staggered, so that no slow leak ever grows unbounded.
max_requests = 5000
max_requests_jitter = 500
# Files the service makes (the embedded database, its WAL) are readable by it alone.
umask = 0o077
# Forwarded headers are the app's business (ProxyFix, with exactly TRUSTED_PROXIES hops), and
# the app's only: gunicorn itself believes none, from any address.
forwarded_allow_ips = ""
secure_scheme_headers: dict[str, str] = {}
# Errors to stderr (the journal); requests are logged by nginx in front, not twice.
# No control socket: the service is managed through systemd (signals), nothing else.
control_socket_disable = True
errorlog = "-"
accesslog = None
# No software named in the Server header (gunicorn has no setting for it).
gunicorn.http.wsgi.SERVER = "cse-forms"  # type: ignore[attr-defined]


def _fewer_malloc_arenas(count: int) -> None:
    """glibc gives each thread up to 8 x cores malloc arenas; with a few threads per worker
    their fragments add tens of MB per process. Workers are forked, so setting it here, in
    the master, holds for them all (as MALLOC_ARENA_MAX would)."""
    name = ctypes.util.find_library("c")
    if name:
        m_arena_max = -8
        ctypes.CDLL(name).mallopt(m_arena_max, count)


_fewer_malloc_arenas(2)


def post_fork(server: Any, worker: Any) -> None:
    """A worker must not share the master's database connections (none should be open; this
    makes sure, without closing them for the master)."""
    from models import db

    app = worker.app.wsgi()
    with app.app_context():
        db.engine.dispose(close=False)
