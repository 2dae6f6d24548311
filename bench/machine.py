"""What was measured and on what: the revision, the load and how steady the machine is."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
import time


def revision() -> str:
    """The commit measured, and whether the code that makes documents differs from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "documents", "forms", "doc_templates"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "revision unknown"
    return f"commit {head}" + (" + uncommitted changes in documents/forms" if dirty else "")


def load(warn_busy: bool = True) -> str:
    one, five, _ = os.getloadavg()
    cores = os.cpu_count() or 1
    busy = warn_busy and one > 0.5 * cores
    warn = "  << machine busy: timings are inflated" if busy else ""
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {cores} cores{warn}"


def _fixed_work() -> int:
    total = 0
    for i in range(300_000):
        total += i * i % 7
    return total


def noise(runs: int = 30) -> str:
    """How steady this machine is: the spread of the times of a fixed pure-Python loop."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _fixed_work()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    low, median, p95 = times[0], statistics.median(times), times[math.ceil(0.95 * runs) - 1]
    return (
        f"a fixed CPU loop takes min {low:.0f} / median {median:.0f} / p95 {p95:.0f} ms "
        f"(p95 = {p95 / low:.2f} x min)"
    )


def describe() -> str:
    return (
        f"Python {platform.python_version()}, {revision()}\n"
        f"bench: {load()}\nbench: machine noise: {noise()}"
    )
