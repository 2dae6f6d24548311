"""`python -m bench --profile`: the query plans of a page that misses its time target, as the
database chose them (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite)."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event


def of_page(app: Flask, client: FlaskClient, path: str) -> str:
    """Every SELECT one GET of `path` runs, but the session's, each with its plan."""
    from models import db

    with app.app_context():
        engine = db.engine
    statements: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    sqlite = engine.dialect.name == "sqlite"
    explain = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN (ANALYZE, BUFFERS) "
    out = []
    with engine.connect() as connection:
        for statement, parameters in statements:
            flat = " ".join(statement.split())
            if not flat.upper().startswith("SELECT") or "staff_sessions" in flat:
                continue
            out.append(f"  {flat[:300]}{' ...' if len(flat) > 300 else ''}")
            plan = connection.exec_driver_sql(explain + statement, parameters).fetchall()
            out += [f"      {row[3] if sqlite else row[0]}" for row in plan]
    return "\n".join(out)
