"""Documents already made, kept a few minutes in memory: a submitted version never changes, so
its Word file and PDF are made once and downloaded again from here.

The key is what the document is made from: the versions, the format, the renderer (a digest of
the code, templates and fonts that draw it) and the day (printed in the footer). Nothing here
decides who may see a document: views check access first and only then ask for it, so a
cached document is never served to someone who may not see its version. Entries are dropped
after TTL, and the oldest first once the cache holds `DOCUMENT_CACHE_BYTES`.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path

from flask import current_app

from clocks.workdays import london_today
from serving.capacity import turn
from serving.transactions import release

TTL_SECONDS = 600
ROOT = Path(__file__).resolve().parent.parent


def _renderer_digest() -> str:
    """What a document looks like depends on this code, the Word templates, the declarations
    and how figures are printed."""
    digest = hashlib.sha256()
    for folder, pattern in (
        ("documents", "**/*.py"),  # documents.charts too
        ("forms", "*.py"),
        ("figures", "*.py"),
        ("doc_templates", "*.docx"),
    ):
        for path in sorted((ROOT / folder).glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


RENDERER = _renderer_digest()

_entries: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()
_size = 0
_lock = threading.Lock()


def _get(key: Hashable) -> bytes | None:
    with _lock:
        found = _entries.get(key)
        if found is None:
            return None
        made, blob = found
        if time.monotonic() - made > TTL_SECONDS:
            _drop(key)
            return None
        _entries.move_to_end(key)
        return blob


def _drop(key: Hashable) -> None:
    global _size
    _size -= len(_entries.pop(key)[1])


def _put(key: Hashable, blob: bytes, limit: int) -> None:
    global _size
    if len(blob) > limit // 4:  # one huge document must not push out everything else
        return
    with _lock:
        if key in _entries:
            _drop(key)
        _entries[key] = (time.monotonic(), blob)
        _size += len(blob)
        while _size > limit:
            _drop(next(iter(_entries)))


def document(
    versions: tuple[str, ...], kind: str, make: Callable[[], bytes], about: Hashable = None
) -> bytes:
    """The document of `kind` made from `versions` (ids), saying `about` whom it is (a case's
    details may change after): from memory, or made now by `make`, which must need nothing
    more from the database (the connection is given back while it waits for its turn at
    rendering and renders: serving.capacity)."""
    key = (versions, kind, RENDERER, london_today(), about)
    blob = _get(key)
    if blob is None:
        release()
        with turn("render"):
            blob = make()
        _put(key, blob, current_app.config["DOCUMENT_CACHE_BYTES"])
    return blob


def size() -> int:
    """How many bytes of documents the cache holds."""
    return _size


def clear() -> None:
    global _size
    with _lock:
        _entries.clear()
        _size = 0
