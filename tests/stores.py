"""The servers the tests use besides SQLite: PostgreSQL at 127.0.0.1:5432 (database `test`)
and Redis at 127.0.0.1:6379. Each test gets a PostgreSQL schema of its own, dropped after."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import redis
import sqlalchemy as sa

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS = "redis://127.0.0.1:6379/0"


def _postgres_reachable() -> bool:
    try:
        engine = sa.create_engine(POSTGRES, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except sa.exc.OperationalError:
        return False


def _redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping())
    except redis.RedisError:
        return False


POSTGRES_REACHABLE = _postgres_reachable()
REDIS_REACHABLE = _redis_reachable()


@contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of an empty PostgreSQL schema, dropped afterwards with all it holds."""
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@contextmanager
def redis_prefix() -> Iterator[str]:
    """A key prefix of this test's own in Redis; its keys are removed afterwards."""
    prefix = f"cse-forms-test-{secrets.token_hex(6)}"
    yield prefix
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"*{prefix}*"):
        client.delete(key)
