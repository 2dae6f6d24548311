"""In-process render timings: warm-up, then N timed renders, within a time budget per case."""

from __future__ import annotations

import io
import math
import statistics
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

from bench.formats import FORMATS
from forms.model import Artefact

WARMUP_BUDGET_S = 1.0
"""Warm-up stops once it has taken this long (after at least one render): by then the
per-process caches (compiled template, registered fonts) are filled."""


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (with fewer than 20 values: the largest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Timing:
    artefact: str
    answers: str
    fmt: str
    times_ms: list[float]
    wanted: int
    size: int
    pages: int | None

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        """Nearest-rank 95th percentile (with fewer than 20 renders: the slowest)."""
        return p95(self.times_ms)

    @property
    def capped(self) -> bool:
        return len(self.times_ms) < self.wanted


def pdf_pages(blob: bytes) -> int:
    return len(PdfReader(io.BytesIO(blob)).pages)


def time_renders(
    artefact: Artefact,
    answers: str,
    data: Mapping[str, Any],
    fmt: str,
    *,
    warmup: int,
    runs: int,
    budget_s: float,
) -> Timing:
    """Time up to `runs` renders after up to `warmup` ones, within `budget_s` seconds.

    Warm-up stops after WARMUP_BUDGET_S (at least one render if `warmup` > 0); at least one
    render is timed whatever `budget_s`.
    """
    render = FORMATS[fmt]
    blob = b""
    start = time.perf_counter()
    for _ in range(warmup):
        blob = render(artefact, data)
        if time.perf_counter() - start > WARMUP_BUDGET_S:
            break
    times: list[float] = []
    spent = 0.0
    # Go on while the next render, at the mean so far, still fits in the budget.
    while len(times) < runs and (not times or spent * (1 + 1 / len(times)) <= budget_s):
        start = time.perf_counter()
        blob = render(artefact, data)
        elapsed = time.perf_counter() - start
        times.append(elapsed * 1000)
        spent += elapsed
    pages = pdf_pages(blob) if fmt == "pdf" else None
    return Timing(artefact.slug, answers, fmt, times, runs, len(blob), pages)
