"""A bounded burst on loopback gets no 5xx, on SQLite and on PostgreSQL: sixty sign-ins, six
maximal autosaves and three maximal packs at once, while a signed-in person reads pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tools import burst
from tools.live import PASSWORD

MANAGER, OTHER = "morgan.live@example.org", "lee.live@example.org"  # conftest ACCOUNTS


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_burst_gets_no_server_error(
    database: str, service: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if database == "sqlite":
        url = f"sqlite:///{tmp_path / 'burst.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    (server,) = service(url, TRUSTED_PROXIES="1")
    setup = burst.prepare(server, MANAGER, PASSWORD, OTHER)
    result = burst.run(server, setup)
    print(f"burst on {database}: {dict(result.statuses)}; peak MB {result.peak_mb}")

    assert result.server_errors() == {}, result.dropped
    assert result.statuses["pack"] == {200: burst.PACKS}
    assert result.statuses["autosave"] == {200: burst.AUTOSAVES}
    assert set(result.statuses["sign in"]) <= {200, 302, 429}
    assert sum(result.statuses["sign in"].values()) == burst.SIGN_INS
    assert set(result.statuses["page"]) == {200} and len(result.page_ms) >= 3
    # Password checks and renders are bounded: no worker comes near the memory of a burst
    # of unbounded argon2 checks (64 MiB each).
    assert max(result.peak_mb.values()) < 400
