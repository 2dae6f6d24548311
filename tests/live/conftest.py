"""Fixtures that run the service as it is deployed (tools.live): gunicorn processes from the
systemd unit, on PostgreSQL or SQLite, with rate limits in Redis, and nginx over TLS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.stores import POSTGRES_REACHABLE, REDIS, REDIS_REACHABLE, postgres_schema, redis_prefix
from tools.live import Gunicorn, prepare, service_environment
from tools.nginx import Nginx


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each module's tests share its servers (module-scoped fixtures): under `make test`'s
    two workers, a module runs in one, so its servers start once."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.xdist_group(f"live-{Path(str(item.path)).stem}"))


ACCOUNTS = {
    "lee.live@example.org": "lead_professional",
    "morgan.live@example.org": "manager",
}


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if not POSTGRES_REACHABLE:
        pytest.fail("these tests run the service on PostgreSQL: 127.0.0.1:5432 did not answer")
    with postgres_schema() as url:
        yield url


@pytest.fixture(scope="module")
def redis_settings() -> Iterator[dict[str, str]]:
    if not REDIS_REACHABLE:
        pytest.fail("these tests share rate limits in Redis: 127.0.0.1:6379 did not answer")
    with redis_prefix() as prefix:
        yield {"RATELIMIT_STORAGE_URI": REDIS, "RATELIMIT_KEY_PREFIX": prefix}


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """A factory: `service(database_url, instances=1, **settings)` prepares the database (schema
    and ACCOUNTS, through `flask` commands) and starts that many gunicorn instances on it;
    `service.front(*instances)` puts nginx in front of them. All stopped after the module's
    tests, their logs printed if one of them failed."""
    tmp_path = tmp_path_factory.mktemp("service")
    failures = request.session.testsfailed
    started: list[Gunicorn | Nginx] = []
    logs: list[Path] = []

    def start(database_url: str, instances: int = 1, **settings: str) -> list[Gunicorn]:
        env = service_environment(DATABASE_URL=database_url, **settings)
        prepare(env, ACCOUNTS)
        servers = []
        for _ in range(instances):
            logs.append(tmp_path / f"gunicorn-{len(logs)}.log")
            servers.append(Gunicorn(env, logs[-1]))
            started.append(servers[-1])
        return servers

    def front(*servers: Gunicorn) -> Nginx:
        nginx = Nginx([server.port for server in servers], tmp_path / "nginx")
        started.append(nginx)
        logs.extend([tmp_path / "nginx" / "stderr.log", tmp_path / "nginx" / "error.log"])
        return nginx

    start.front = front  # type: ignore[attr-defined]
    yield start
    for process in reversed(started):
        process.stop()
    if request.session.testsfailed > failures:
        for log in logs:
            if log.exists():
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-4000:]}")
