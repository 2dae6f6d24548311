"""`python -m bench --http`: the service through HTTP, as it is deployed (gunicorn on loopback),
and the previous commit served the same way beside it, measured turn about in one run.

This machine is shared and noisy: a figure alone says little, the ratio of this commit to the
previous one, measured in the same minutes, says what a change did. Each figure is printed with
its target and PASS or FAIL (judged on this commit). PostgreSQL at 127.0.0.1:5432 when it
answers (as in production), otherwise SQLite; `--database` chooses.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import machine, why, workload
from bench.workload import Side, p, summary
from tools import burst
from tools.live import (
    PASSWORD,
    ROOT,
    Gunicorn,
    postgres_answers,
    postgres_schema,
    prepare,
    service_environment,
)
from tools.visitor import Visitor

MANAGER, OTHER = "bench.manager@example.org", "bench.other@example.org"
ROUNDS = 4


@dataclass(frozen=True)
class Row:
    measure: str
    target: str
    previous: str
    this: str
    ratio: float | None  # this / previous, for a figure where lower is better
    ok: bool | None  # None: reported, no target
    why: str = ""  # what a miss comes from, where it is known


# Why a target may be missed, printed under it when it is.
WHY_MEMORY = (
    "RSS counts every page a worker maps, with what the gunicorn master loaded once and shares "
    "with the workers: the service takes about 110 MB before its first request (Python with "
    "Flask and SQLAlchemy 45 MB, psycopg 10, reportlab and its fonts 15, python-docx and the "
    "compiled Word templates 18, pypdf 8, then the app). What each worker adds is its 'own' "
    "figure; PSS shares the rest out among the processes."
)
WHY_REDOWNLOAD = (
    "A re-download is not rendered, but it is still signed in, access-checked and audited: "
    "three statements on PostgreSQL (the session, the version with its document, the audit "
    "event) and a commit, about 3 ms here, besides HTTP."
)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def baseline_revision(asked: str | None) -> str:
    """The commit to compare with: as asked, else the last commit if the working tree has
    changes, else the one before it."""
    if asked:
        return _git("rev-parse", "--short", asked)
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return _git("rev-parse", "--short", "HEAD" if dirty else "HEAD~1")


@contextmanager
def checkout(revision: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="bench-previous-")) / "tree"
    _git("worktree", "add", "--detach", "--quiet", str(folder), revision)
    try:
        yield folder
    finally:
        _git("worktree", "remove", "--force", str(folder))


@contextmanager
def served(name: str, root: Path, database: str, logs: Path) -> Iterator[Side]:
    with ExitStack() as stack:
        if database == "postgresql":
            url = stack.enter_context(postgres_schema())
        else:
            url = f"sqlite:///{logs / f'{name}.sqlite3'}"
        env = service_environment(DATABASE_URL=url, TRUSTED_PROXIES="1")
        prepare(env, {MANAGER: "manager", OTHER: "lead_professional"}, root=root)
        server = Gunicorn(env, logs / f"{name}.log", root=root)
        stack.callback(server.stop)
        yield Side(name, root, server, Visitor(server.url, address="198.51.100.100"))


def _log(message: str) -> None:
    print(f"  .. {message}", flush=True)


def _turns(sides: list[Side], measure: Callable[[Side], Any]) -> dict[str, list[Any]]:
    """`measure` on each side in turn, ROUNDS times: noise falls on both alike."""
    results: dict[str, list[Any]] = {side.name: [] for side in sides}
    for _ in range(ROUNDS):
        for side in sides:
            results[side.name].append(measure(side))
    return results


def _p95_row(measure: str, target_ms: float, times: dict[str, list[float]], why: str = "") -> Row:
    """A row judged on the 95th percentile of this side's times."""
    before, after = p(times["previous"], 0.95), p(times["this"], 0.95)
    return Row(
        measure,
        f"p95 <= {target_ms:.0f} ms",
        summary(times["previous"]),
        summary(times["this"]),
        after / before,
        after <= target_ms,
        why,
    )


def _pooled(rounds: dict[str, list[dict[str, list[float]]]], key: str) -> dict[str, list[float]]:
    """Each side's times for `key`, all rounds together."""
    return {name: [t for r in found for t in r[key]] for name, found in rounds.items()}


def _page_rows(
    label: str, rounds: dict[str, list[dict[str, list[float]]]], inside: Any = None
) -> list[Row]:
    """A form page is one section's page: the longest of each form (bench/workload.py). With
    the in-process rounds `inside`, a miss says what HTTP adds to them."""
    return [
        _p95_row(
            f"{label}: {slug} form page (longest section) GET",
            30,
            _pooled(rounds, slug),
            why.page(_pooled(inside, slug)["this"], _pooled(rounds, slug)["this"])
            if inside
            else "",
        )
        for slug in workload.PAGES
    ]


REDOWNLOAD = "re-download of an unchanged version (PDF)"


def measure(sides: list[Side]) -> list[Row]:
    rows: list[Row] = []
    _log("form pages, in process")
    with ExitStack() as stack:
        rounds = {side.name: stack.enter_context(workload.in_process(side.root)) for side in sides}
        found = _turns(sides, lambda side: rounds[side.name]())
    rows += _page_rows("in process, SQLite", found)
    redownloads = _pooled(found, "redownload")
    rows.append(_p95_row(f"in process, SQLite: {REDOWNLOAD}", 5, redownloads, WHY_REDOWNLOAD))
    _log("form pages, through HTTP")
    rows += _page_rows("HTTP", _turns(sides, workload.form_pages), inside=found)

    _log("PDF downloads, each version once, 8 at a time")
    share = workload.VERSIONS // ROUNDS
    results: dict[str, list[workload.Throughput]] = {side.name: [] for side in sides}
    for number in range(ROUNDS):
        for side in sides:
            versions = side.versions[number * share : (number + 1) * share]
            results[side.name].append(workload.pdf_throughput(side, versions))
    rate, tail, errors = {}, {}, {}
    for name, got in results.items():
        rate[name] = sum(r.requests for r in got) / sum(r.seconds for r in got)
        tail[name] = p([t for r in got for t in r.times_ms], 0.99)
        errors[name] = sum(r.errors for r in got)
    rows.append(
        Row(
            "CSE referral PDF, 2 workers, 8 at a time",
            ">= 60/s, p99 <= 250 ms, 0 errors",
            f"{rate['previous']:.0f}/s, p99 {tail['previous']:.0f} ms, {errors['previous']} errors",
            f"{rate['this']:.0f}/s, p99 {tail['this']:.0f} ms, {errors['this']} errors",
            rate["previous"] / rate["this"],
            rate["this"] >= 60 and tail["this"] <= 250 and errors["this"] == 0,
            why.pdf_ceiling(),
        )
    )

    _log("re-downloads of an unchanged version")
    again = _turns(sides, workload.redownloads)
    flat = {name: [t for r in got for t in r] for name, got in again.items()}
    rows.append(_p95_row(f"HTTP: {REDOWNLOAD}", 5, flat, WHY_REDOWNLOAD))

    _log("memory after 1,000 mixed page views and downloads")
    for side in sides:
        workload.mixed(side)
    memory = {
        side.name: [workload.memory_mb(pid) for pid in side.server.workers()] for side in sides
    }

    def described(found: list[workload.Memory]) -> str:
        return (
            "RSS " + ", ".join(f"{m.rss:.0f}" for m in found) + " MB (shared with the master "
            "and each other counted once each; PSS "
            + ", ".join(f"{m.pss:.0f}" for m in found)
            + ", own "
            + ", ".join(f"{m.private:.0f}" for m in found)
            + " MB)"
        )

    worst = {name: max(m.rss for m in found) for name, found in memory.items()}
    rows.append(
        Row(
            "Each worker's memory after 1,000 mixed requests",
            "RSS <= 100 MB",
            described(memory["previous"]),
            described(memory["this"]),
            worst["this"] / worst["previous"],
            worst["this"] <= 100,
            WHY_MEMORY,
        )
    )
    return rows


def bursts(sides: list[Side]) -> list[Row]:
    """The burst of tools.burst on each side: the reader's page times, and what failed."""
    results = {}
    for side in sides:
        _log(f"burst on {side.name}")
        setup = burst.prepare(side.server, MANAGER, PASSWORD, OTHER)
        results[side.name] = burst.run(side.server, setup)

    def described(found: burst.Burst) -> str:
        failed = sum(n for counts in found.server_errors().values() for n in counts.values())
        peak = max(found.peak_mb.values())
        return f"{summary(found.page_ms)}; {failed} x 5xx; peak {peak:.0f} MB"

    before, after = results["previous"], results["this"]
    return [
        Row(
            "Burst: a reader's pages, meanwhile",
            "0 x 5xx (p95 reported)",
            described(before),
            described(after),
            p(after.page_ms, 0.95) / p(before.page_ms, 0.95),
            not after.server_errors(),
        )
    ]


def report(rows: list[Row], previous: str, this: str) -> str:
    lines = [f"previous = {previous}, this = {this}; ratio = this / previous, lower is better"]
    for row in rows:
        ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
        verdict = {True: "PASS", False: "FAIL", None: "-"}[row.ok]
        lines += [
            f"{row.measure}  [target: {row.target}]  ratio {ratio}  {verdict}",
            f"    previous: {row.previous}",
            f"    this:     {row.this}",
        ]
        if row.ok is False and row.why:
            lines += textwrap.wrap(
                row.why, 96, initial_indent="    why: ", subsequent_indent="    "
            )
    failed = [row for row in rows if row.ok is False]
    met = f"{len(rows) - len(failed)} of {len(rows)} targets met"
    lines.append(f"RESULT: {'FAIL' if failed else 'PASS'} - {met}")
    return "\n".join(lines)


def main(args: argparse.Namespace) -> None:
    previous = baseline_revision(args.against)
    this = machine.revision()
    database = args.database or ("postgresql" if postgres_answers() else "sqlite")
    print(f"bench --http: this checkout ({this}) beside {previous}, on {database}")
    print(f"bench --http: {machine.describe()}", flush=True)
    logs = Path(tempfile.mkdtemp(prefix="bench-http-"))
    with checkout(previous) as old, ExitStack() as stack:
        sides = [
            stack.enter_context(served("previous", old, database, logs)),
            stack.enter_context(served("this", ROOT, database, logs)),
        ]
        for side in sides:
            _log(f"seeding {side.name}: {workload.VERSIONS} submitted referrals")
            workload.seed(side, MANAGER, PASSWORD)
        rows = measure(sides)
        if not args.no_burst:
            rows += bursts(sides)
    print()
    print(report(rows, previous, this))
    print(f"\nbench --http: {machine.load(warn_busy=False)}; server logs in {logs}")
