"""The printed report: a table of timings, a table of memory, and the targets' verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.memory import Memory
from bench.timing import Timing

P95_TARGET_MS = {"pdf": 50.0, "word": 50.0}
RSS_TARGET_MB = 100.0
GROWTH_TARGET_MB = 10.0


@dataclass(frozen=True)
class Check:
    what: str
    subject: str
    value: str
    ok: bool


def _row(cells: Sequence[object], widths: Sequence[int]) -> str:
    out = []
    for cell, width in zip(cells, widths, strict=True):
        text = str(cell)
        out.append(text.ljust(-width) if width < 0 else text.rjust(width))
    return "  ".join(out).rstrip()


def timing_table(timings: Sequence[Timing], chars: dict[tuple[str, str], int]) -> str:
    widths = (-14, -9, 9, -5, 4, 11, 11, 9, 6)
    head = ("artefact", "answers", "chars", "fmt", "n", "median ms", "p95 ms", "size KB", "pages")
    lines = [_row(head, widths)]
    for t in timings:
        n = f"{len(t.times_ms)}*" if t.capped else str(len(t.times_ms))
        lines.append(
            _row(
                (
                    t.artefact,
                    t.answers,
                    f"{chars[(t.artefact, t.answers)]:,}",
                    t.fmt,
                    n,
                    f"{t.median:,.1f}",
                    f"{t.p95:,.1f}",
                    f"{t.size / 1024:,.1f}",
                    "-" if t.pages is None else t.pages,
                ),
                widths,
            )
        )
    if any(t.capped for t in timings):
        lines.append("* fewer renders than asked: the case's time budget ran out (see --budget)")
    return "\n".join(lines)


def memory_table(memories: Sequence[Memory]) -> str:
    marks = sorted(memories[0].rss) if memories else []
    head = (
        "artefact",
        "fmt",
        "mode",
        "start",
        *[f"@{m}" for m in marks],
        f"@{marks[-1]}-@{marks[1]}" if len(marks) > 2 else "growth",
        "peak",
        "ms/render",
    )
    widths = (-14, -5, -5, 7, *[7] * len(marks), 12, 7, 10)
    lines = [_row(head, widths)]
    for m in memories:
        lines.append(
            _row(
                (
                    m.slug,
                    m.fmt,
                    m.mode,
                    f"{m.before_warmup:.1f}",
                    *[f"{m.rss[k]:.1f}" for k in marks],
                    f"{m.growth:+.1f}",
                    f"{m.peak:.1f}",
                    f"{m.ms_per_render:.1f}",
                ),
                widths,
            )
        )
    return "\n".join(lines)


def slow(timings: Sequence[Timing]) -> list[Timing]:
    """The complete-sample renders that miss their time target."""
    return [t for t in timings if t.answers == "complete" and t.p95 > P95_TARGET_MS[t.fmt]]


def checks(timings: Sequence[Timing], memories: Sequence[Memory]) -> list[Check]:
    """The targets, judged on the complete sample and on memory as the app runs it."""
    found = [
        Check(
            f"{t.fmt.upper()} p95 <= {P95_TARGET_MS[t.fmt]:.0f} ms",
            t.artefact,
            f"{t.p95:.1f} ms",
            t.p95 <= P95_TARGET_MS[t.fmt],
        )
        for t in timings
        if t.answers == "complete"
    ]
    for m in memories:
        if m.mode != "app":
            continue
        subject = f"{m.slug} {m.fmt}"
        last = max(m.rss)
        found.append(
            Check(
                f"RSS after {last:,} renders <= {RSS_TARGET_MB:.0f} MB",
                subject,
                f"{m.last:.1f} MB",
                m.last <= RSS_TARGET_MB,
            )
        )
        found.append(
            Check(
                f"RSS @{last:,} - @{last // 10:,} <= {GROWTH_TARGET_MB:.0f} MB",
                subject,
                f"{m.growth:+.1f} MB",
                m.growth <= GROWTH_TARGET_MB,
            )
        )
    return found


def verdict(found: Sequence[Check], quick: bool) -> str:
    lines = [
        _row((c.what, c.subject, c.value, "pass" if c.ok else "FAIL"), (-34, -20, 10, -4))
        for c in found
    ]
    failed = [c for c in found if not c.ok]
    note = " (quick run: indicative only)" if quick else ""
    if failed:
        lines.append(f"RESULT: FAIL - {len(failed)} of {len(found)} targets missed{note}")
        lines.append("!" * 72)
    else:
        lines.append(f"RESULT: PASS - all {len(found)} targets met{note}")
    return "\n".join(lines)
