"""The servers the tests use besides SQLite: PostgreSQL at 127.0.0.1:5432 (database `test`)
and Redis at 127.0.0.1:6379. Each test gets a PostgreSQL schema of its own (postgres_schema),
dropped after."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import redis

from tools.live import POSTGRES, postgres_answers, postgres_schema

REDIS = "redis://127.0.0.1:6379/0"


def _redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping())
    except redis.RedisError:
        return False


POSTGRES_REACHABLE = postgres_answers()
REDIS_REACHABLE = _redis_reachable()


@contextmanager
def redis_prefix() -> Iterator[str]:
    """A key prefix of this test's own in Redis; its keys are removed afterwards."""
    prefix = f"cse-forms-test-{secrets.token_hex(6)}"
    yield prefix
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"*{prefix}*"):
        client.delete(key)


__all__ = ["POSTGRES", "REDIS", "postgres_schema", "redis_prefix"]
