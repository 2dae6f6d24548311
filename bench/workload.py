"""What `python -m bench --http` asks of one served checkout, through HTTP: seeding it, then each
measure as a function of its own, so that the two checkouts can be measured turn about."""

from __future__ import annotations

import json
import math
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.answers import complete
from forms import ARTEFACTS
from forms.web import as_formdata
from tools.live import Gunicorn
from tools.visitor import Timer, Visitor

PAGES = ("cse_referral", "phoenix_referral")
VERSIONS = 200  # distinct submitted referrals, each downloaded once by the throughput measure
CONCURRENCY = 8


def p(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Side:
    """One served checkout, and what was made in it to measure."""

    name: str
    root: Path
    server: Gunicorn
    visitor: Visitor
    case: str = ""
    forms: dict[str, str] = field(default_factory=dict)  # slug: its longest section's page
    versions: list[str] = field(default_factory=list)


def seed(side: Side, email: str, password: str) -> None:
    """A case, a form of each measured page, and VERSIONS submitted referrals (the sample).

    A form is filled one section's page at a time: the page measured of each form is its
    longest section page (the most markup: the section asking the most fields), or the whole
    form on a checkout from before sections. The first version goes through every section,
    then "Check your answers"; each later one saves a section again, then submits from there.
    """
    visitor = side.visitor
    assert visitor.sign_in(email, password).status_code == 302, "bench: cannot sign in"
    side.case = visitor.create_case("Bench", "Httpcase")
    side.forms = {slug: visitor.longest_section(visitor.start(side.case, slug)) for slug in PAGES}
    referral = ARTEFACTS["cse_referral"]
    answers = list(as_formdata(referral, complete(referral)).items(multi=True))
    form = visitor.start(side.case, "cse_referral", new="yes")  # beside the draft measured
    side.versions.append(visitor.submit(form, referral, answers))
    for _ in range(VERSIONS - 1):
        side.versions.append(visitor.submit(form, referral, answers, sections=[1]))


def form_pages(side: Side, gets: int = 30) -> dict[str, list[float]]:
    """Milliseconds of each form page's GET (its longest section's page), one after another."""
    times: dict[str, list[float]] = {}
    timer = Timer(side.visitor)
    for slug, url in side.forms.items():
        times[slug] = []
        for _ in range(gets):
            ms, status, _ = timer.get(url)
            assert status == 200, status
            times[slug].append(ms)
    return times


@dataclass
class Throughput:
    requests: int
    seconds: float
    times_ms: list[float]
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def pdf_throughput(side: Side, versions: list[str]) -> Throughput:
    """Each version's PDF downloaded once (so rendered), CONCURRENCY at a time."""
    local = threading.local()

    def download(version: str) -> tuple[float, bool]:
        if not hasattr(local, "timer"):  # a connection per thread, all signed in as one
            local.timer = Timer(side.visitor)
        ms, status, body = local.timer.get(f"{version}/document.pdf")
        return ms, status == 200 and body.startswith(b"%PDF")

    began = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        results = list(pool.map(download, versions))
    return Throughput(
        len(versions),
        time.perf_counter() - began,
        [ms for ms, _ in results],
        sum(1 for _, ok in results if not ok),
    )


def redownloads(side: Side, times: int = 50) -> list[float]:
    """Milliseconds of downloading the same, unchanged version again and again."""
    url = f"{side.versions[0]}/document.pdf"
    timer = Timer(side.visitor)
    timer.get(url)
    measured = []
    for _ in range(times):
        ms, status, _ = timer.get(url)
        assert status == 200, status
        measured.append(ms)
    return measured


def mixed(side: Side, requests: int = 1000) -> None:
    """Page views and downloads, as a day's work mixes them, four at a time."""
    paths = [
        *side.forms.values(),
        *(url.partition("/sections/")[0] for url in side.forms.values()),  # the task lists
        side.case,
        "/",
        *(f"{v}/document.pdf" for v in side.versions[:3]),
        f"{side.versions[0]}/document.docx",
    ]
    local = threading.local()

    def one(number: int) -> int:
        if not hasattr(local, "visitor"):
            local.visitor = Visitor(side.visitor.base, address="198.51.100.201")
            local.visitor.http.cookies.update(side.visitor.http.cookies)
        return int(local.visitor.get(paths[number % len(paths)]).status_code)

    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(one, range(requests)))
    assert set(statuses) == {200}, statuses


@dataclass(frozen=True)
class Memory:
    """A process's resident memory (MB): all of it, its proportional share of what it shares
    (PSS), and what is its own."""

    rss: float
    pss: float
    private: float


def memory_mb(pid: int) -> Memory:
    found = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, value = line.partition(":")
        if value.strip().endswith("kB"):
            found[key] = int(value.split()[0]) / 1024
    return Memory(found["Rss"], found["Pss"], found["Private_Clean"] + found["Private_Dirty"])


@contextmanager
def in_process(root: Path) -> Iterator[Any]:
    """bench/inprocess.py running against the checkout `root`: call the result for a round."""
    script = Path(__file__).with_name("inprocess.py")
    process = subprocess.Popen(
        [sys.executable, "-P", str(script)],  # -P: not bench/ first on the path
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(Path(sys.executable).parent)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    assert json.loads(process.stdout.readline()) == {"ready": True}

    def round_() -> dict[str, list[float]]:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("\n")
        process.stdin.flush()
        measured: dict[str, list[float]] = json.loads(process.stdout.readline())
        return measured

    try:
        yield round_
    finally:
        process.stdin.close()
        process.wait(timeout=60)


def summary(values: list[float]) -> str:
    return f"p50 {statistics.median(values):.1f}, p95 {p(values, 0.95):.1f} ms"
