"""Resident memory over many renders, each format and mode in a fresh process.

Run by the benchmark as `python -m bench.memory SLUG FORMAT MODE RENDERS`; it prints one JSON
line. MODE is "app" (as the app runs: start-up objects frozen, as `create_app` does, and a
collection after each render, as `documents.render` does) or "raw" (the bare renderers with the
collector left alone: the comparison that shows why the app collects).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ("app", "raw")
CHECKPOINTS = (0, 100, 500, 1000)
WARMUP = 5


def rss_mb(key: str = "VmRSS") -> float:
    """This process's resident set size (or its peak, with key="VmHWM") in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{key} not in /proc/self/status")


def measure(slug: str, fmt: str, mode: str, renders: int) -> dict[str, object]:
    from bench.answers import complete
    from bench.formats import FORMATS
    from documents.render import FORMATS as DOCUMENTS
    from forms import ARTEFACTS

    artefact = ARTEFACTS[slug]
    data = complete(artefact)
    render = FORMATS[fmt] if mode == "app" else DOCUMENTS["docx" if fmt == "word" else fmt].make
    if mode == "app":
        from bench.formats import start_up_as_the_app_does

        start_up_as_the_app_does()
    before = rss_mb()
    for _ in range(WARMUP):
        render(artefact, data)
    marks = sorted({c * renders // CHECKPOINTS[-1] for c in CHECKPOINTS})
    rss = {0: rss_mb()}
    start = time.perf_counter()
    for done in range(1, renders + 1):
        render(artefact, data)
        if done in marks:
            rss[done] = rss_mb()
    elapsed = time.perf_counter() - start
    return {
        "slug": slug,
        "fmt": fmt,
        "mode": mode,
        "before_warmup": before,
        "rss": rss,
        "peak": rss_mb("VmHWM"),
        "ms_per_render": elapsed * 1000 / renders,
    }


@dataclass(frozen=True)
class Memory:
    slug: str
    fmt: str
    mode: str
    before_warmup: float
    rss: dict[int, float]
    peak: float
    ms_per_render: float

    @property
    def last(self) -> float:
        return self.rss[max(self.rss)]

    @property
    def growth(self) -> float:
        """RSS at the end minus RSS after the first tenth of the renders."""
        marks = sorted(self.rss)
        return self.last - self.rss[marks[1] if len(marks) > 2 else marks[0]]


def _run(slug: str, fmt: str, mode: str, renders: int) -> Memory:
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory", slug, fmt, mode, str(renders)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: memory run {slug}/{fmt}/{mode} failed:\n{done.stderr}")
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    raw["rss"] = {int(k): v for k, v in raw["rss"].items()}
    return Memory(**raw)


def run_all(slugs: list[str], formats: list[str], renders: int, workers: int) -> list[Memory]:
    """Every slug x format x mode, `workers` fresh processes at a time; slowest first."""
    jobs = [
        (s, f, m) for f in sorted(formats, key=lambda f: f != "pdf") for s in slugs for m in MODES
    ]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: _run(job[0], job[1], job[2], renders), jobs))


if __name__ == "__main__":
    slug_arg, fmt_arg, mode_arg, renders_arg = sys.argv[1:5]
    print(json.dumps(measure(slug_arg, fmt_arg, mode_arg, int(renders_arg))))
