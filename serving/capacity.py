"""Bounded work: at most a few password checks and document renders at once in one process.

A password check (argon2id) takes 64 MiB for its duration and a render keeps a core busy, so
a burst of either must queue rather than exhaust memory or starve every other request. A
request that waits longer than BUSY_WAIT for its turn is answered 503 with Retry-After
(serving.errors); it never waits for ever.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app

# The config setting that says how many of each kind of work may run at once.
LIMITS = {"password check": "PASSWORD_CHECKS_AT_ONCE", "render": "RENDERS_AT_ONCE"}

_gates: dict[tuple[str, int], threading.BoundedSemaphore] = {}
_made = threading.Lock()


class BusyError(Exception):
    """Too much of one kind of work is already running: try again shortly."""


def _gate(kind: str) -> threading.BoundedSemaphore:
    size = int(current_app.config[LIMITS[kind]])
    with _made:
        return _gates.setdefault((kind, size), threading.BoundedSemaphore(size))


@contextmanager
def turn(kind: str) -> Iterator[None]:
    """Wait for a turn at `kind` of work (a key of LIMITS); BusyError if none comes in time."""
    gate = _gate(kind)
    if not gate.acquire(timeout=current_app.config["BUSY_WAIT"].total_seconds()):
        raise BusyError(kind)
    try:
        yield
    finally:
        gate.release()
