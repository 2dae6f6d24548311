"""My work, the manager's overdue list and the team inboxes at scale: `python -m bench` (after the
renders) or `python -m bench --only-mywork`.

A fresh database on SQLite (a file in a temporary folder) and on PostgreSQL (a temporary
database at 127.0.0.1:5432, dropped afterwards; skipped when the server does not answer) is
brought to the newest schema by the migrations and seeded with 10,000 fictional cases and
100,000 pathway events (bench/seed.py; `--quick`: 1,000 and 10,000). Each page is then asked
for in process (Flask's test client) by someone signed in, as the app serves it: the session
looked up, the lists queried, the page rendered, the view audited.
"""

from __future__ import annotations

import re
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from bench import machine, plans, report
from bench.seed import FULL, QUICK, Scale, Seeded, seed
from bench.timing import p95
from config import DevelopmentConfig
from tools.live import POSTGRES, postgres_answers

TARGET_MS = 50.0
WARMUP, RUNS, QUICK_RUNS = 5, 100, 30
DATABASES = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Page:
    path: str
    who: str  # the seeded account that asks for it (bench.seed)
    label: str


PAGES = (
    Page("/my-work", "referrer02", "My work, a referrer"),
    Page("/my-work", "spa_kingston", "My work, SPA Kingston"),
    Page("/my-work", "phoenix", "My work, Phoenix"),
    Page("/my-work", "manager", "My work + overdue, manager"),
    Page("/inbox", "spa_kingston", "Inbox, SPA Kingston"),
    Page("/inbox", "phoenix", "Inbox, Phoenix"),
)
# A row of any of these lists links to its case's pathway.
_ROW = re.compile(r'href="/cases/[A-Za-z0-9_-]+#pathway"')


@dataclass(frozen=True)
class PageTiming:
    database: str
    page: Page
    times_ms: list[float]
    cpu_ms: list[float]  # this process's CPU time (on PostgreSQL, the server's is not counted)
    rows: int  # the rows the page lists (at most work.queries.SHOWN a list)
    size: int  # bytes of HTML
    plans: str = ""  # with --profile, for a page over the target: its queries' plans

    @property
    def p50(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        return p95(self.times_ms)

    @property
    def cpu_p50(self) -> float:
        return statistics.median(self.cpu_ms)


@dataclass(frozen=True)
class Run:
    database: str
    seeded: Seeded
    timings: list[PageTiming]


@contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="bench-mywork-") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"


@contextmanager
def postgres_database(server: str = POSTGRES) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database of this run's own, dropped afterwards."""
    name = f"bench_mywork_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        yield sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


@contextmanager
def database(kind: str) -> Iterator[str]:
    with sqlite_database() if kind == "sqlite" else postgres_database() as url:
        yield url


def available(asked: str | None) -> list[str]:
    """The databases to measure: as asked, else both (SQLite only if PostgreSQL is down)."""
    if asked:
        return [asked]
    return list(DATABASES) if postgres_answers() else ["sqlite"]


def app_on(url: str) -> Flask:
    """The app on `url` in development settings, its database at the newest schema."""
    from app import create_app
    from models import db
    from serving.schema import upgrade

    settings = {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": secrets.token_hex(32)}
    app = create_app(type("BenchConfig", (DevelopmentConfig,), settings))
    with app.app_context():
        upgrade()
        db.session.remove()
    return app


def signed_in(app: Flask, user_id: str) -> FlaskClient:
    """A client signed in as the user, without the password page: a server session of theirs
    (accounts.sessions), its id in the cookie."""
    from models import StaffSession, db

    with app.app_context():
        row = StaffSession(user_id=user_id)
        db.session.add(row)
        db.session.commit()
        session_id = row.id
        db.session.remove()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = session_id
        session["_fresh"] = True
    return client


def time_page(
    client: FlaskClient, path: str, warmup: int, runs: int
) -> tuple[list[float], list[float], str]:
    """`runs` GETs of `path` timed after `warmup` untimed ones: their wall-clock and CPU times
    (this process's), and the last page."""
    page = ""
    for _ in range(warmup):
        client.get(path)
    times, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        page = response.get_data(as_text=True)
    return times, cpu, page


def measure(
    kind: str,
    url: str,
    scale: Scale,
    runs: int,
    warmup: int = WARMUP,
    log: bool = True,
    explain: bool = False,
) -> Run:
    """Seed the empty database at `url` and time every page on it; with `explain`, keep the
    query plans of each page over the target."""
    app = app_on(url)
    say = _log if log else (lambda _: None)
    say(f"my work: seeding {kind}: {scale.cases:,} cases, {scale.events:,} events")
    seeded = seed(app, scale)
    timings = []
    for page in PAGES:
        say(f"my work: timing {kind} {page.label}")
        client = signed_in(app, seeded.users[page.who])
        times, cpu, html = time_page(client, page.path, warmup, runs)
        timing = PageTiming(kind, page, times, cpu, len(_ROW.findall(html)), len(html))
        if explain and timing.p95 > TARGET_MS:
            timing = replace(timing, plans=plans.of_page(app, client, page.path))
        timings.append(timing)
    from models import db

    with app.app_context():
        db.engine.dispose()  # before its database is dropped
    return Run(kind, seeded, timings)


def run_all(databases: Sequence[str], quick: bool, explain: bool = False) -> list[Run]:
    scale, runs = (QUICK, QUICK_RUNS) if quick else (FULL, RUNS)
    found = []
    for kind in databases:
        with database(kind) as url:
            found.append(measure(kind, url, scale, runs, explain=explain))
    return found


def _log(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def seeding_table(runs: Sequence[Run]) -> str:
    widths = (-10, 7, 8, 8, 7, 8, 10, 12)
    head = ("database", "cases", "events", "members", "clocks", "overdue", "insert s", "refresh s")
    lines = [report._row(head, widths)]
    for r in runs:
        s = r.seeded
        counts = (s.cases, s.events, s.members, s.dues, s.overdue)
        seconds = (s.insert_s, s.refresh_s)
        cells = (r.database, *[f"{n:,}" for n in counts], *[f"{t:,.1f}" for t in seconds])
        lines.append(report._row(cells, widths))
    return "\n".join(lines)


def timing_table(runs: Sequence[Run]) -> str:
    widths = (-10, -27, -9, 5, 4, 5, 8, 8, 8)
    head = ("database", "page", "path", "rows", "n", "KB", "p50 ms", "p95 ms", "cpu p50")
    lines = [report._row(head, widths)]
    for r in runs:
        for t in r.timings:
            cells = (t.database, t.page.label, t.page.path, t.rows, len(t.times_ms))
            numbers = (t.size / 1024, t.p50, t.p95, t.cpu_p50)
            lines.append(report._row((*cells, *[f"{n:.1f}" for n in numbers]), widths))
    return "\n".join(lines)


def checks(runs: Sequence[Run]) -> list[report.Check]:
    return [
        report.Check(
            f"{t.page.path} p95 <= {TARGET_MS:.0f} ms",
            f"{t.database} {t.page.who}",
            f"{t.p95:.1f} ms",
            t.p95 <= TARGET_MS,
        )
        for r in runs
        for t in r.timings
    ]


def print_report(runs: Sequence[Run]) -> None:
    print(
        "\nMy work and the inboxes at scale, in process (Flask's test client): a fresh database "
        "seeded\nin bulk, then `flask refresh-pathway` made each case's stage and running clocks; "
        f"each page\nasked for by one signed-in account, {WARMUP} warm-up GETs then n timed; p95 "
        "is nearest-rank;\ncpu p50 is this process's CPU time (not PostgreSQL's): a wall time far "
        f"above it is a busy\nmachine. {machine.load()}"
    )
    print(seeding_table(runs))
    print(timing_table(runs), flush=True)


def print_plans(runs: Sequence[Run]) -> None:
    for t in (t for r in runs for t in r.timings if t.plans):
        print(f"\nQuery plans of {t.page.path} as {t.page.who} on {t.database}:\n{t.plans}")
