"""`python -m bench`: time and measure Word and PDF generation for every declared artefact, then
My work, the manager's overdue list and the inboxes at scale (bench/mywork.py), then the
progress report's figures at scale (bench/report_figures.py).

Exit status is 0 whatever the verdict: this is a report. `--quick` is a smoke run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from bench import machine, memory, mywork, profile, report, report_figures
from bench.answers import answer_sets, total_chars
from bench.formats import FORMATS, start_up_as_the_app_does
from bench.timing import WARMUP_BUDGET_S, Timing, time_renders
from forms import ARTEFACTS
from forms.model import Artefact

RUNS = {"complete": 200, "maximal": 10}
QUICK_RUNS = {"complete": 20, "maximal": 1}
# The maximal set has no warm-up of its own: the complete renders of the same artefact and
# format, just before it in this process, have filled the caches (one maximal PDF can take a
# minute).
WARMUP = {"complete": 5, "maximal": 0}
QUICK_WARMUP = {"complete": 1, "maximal": 0}
MEMORY_RENDERS, QUICK_MEMORY_RENDERS = 1000, 100


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--only",
        metavar="SLUG",
        nargs="+",
        choices=sorted(ARTEFACTS),
        help="measure only these artefacts (default: every declared artefact), and not My work",
    )
    parser.add_argument(
        "--only-mywork",
        action="store_true",
        help="measure only My work, the overdue list and the inboxes at scale (bench/mywork.py)",
    )
    parser.add_argument(
        "--only-report",
        action="store_true",
        help="measure only the progress report's figures at scale (bench/report_figures.py)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="few renders: a smoke run, numbers only indicative"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="time budget of the timed renders of one case; at least one render is always "
        "timed (default: %(default)s)",
    )
    parser.add_argument(
        "--http",
        action="store_true",
        help="measure the service through HTTP as deployed (gunicorn on loopback), beside the "
        "previous commit served the same way (bench/served.py)",
    )
    parser.add_argument(
        "--against",
        metavar="REVISION",
        help="with --http: the commit to compare with (default: the last commit if the working "
        "tree has changes, else the one before it)",
    )
    parser.add_argument(
        "--database",
        choices=("postgresql", "sqlite"),
        help="with --http: the database (default: PostgreSQL at 127.0.0.1:5432 if it answers); "
        "for My work: this one only (default: SQLite, and PostgreSQL if it answers)",
    )
    parser.add_argument(
        "--no-burst", action="store_true", help="with --http: leave out the burst (faster)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="after the verdict, print a cProfile (top 15 by own time) of each render that "
        "misses its time target, and the query plans of each page of My work that does",
    )
    return parser.parse_args()


def _log(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def _timings(
    artefacts: dict[str, Artefact], sets: dict[str, dict[str, Any]], quick: bool, budget: float
) -> list[Timing]:
    runs = QUICK_RUNS if quick else RUNS
    warmup = QUICK_WARMUP if quick else WARMUP
    timings = []
    for answers in runs:  # every complete set first: they carry the targets
        for slug, artefact in artefacts.items():
            for fmt in FORMATS:
                _log(f"timing {slug} {answers} {fmt}")
                data = sets[slug][answers]
                timings.append(
                    time_renders(
                        artefact,
                        answers,
                        data,
                        fmt,
                        warmup=warmup[answers],
                        runs=runs[answers],
                        budget_s=budget,
                    )
                )
    print(
        f"\nRender time, in process: up to {warmup['complete']} warm-up renders (stopping after "
        f"{WARMUP_BUDGET_S:.0f} s) before the complete set, none before the maximal one; then n\n"
        "timed renders; p95 is nearest-rank (the slowest when n < 20)"
    )
    return timings


def _renders(args: argparse.Namespace) -> tuple[list[Timing], dict[str, Any]]:
    """Render timings and memory, printed; the timings and the answer sets."""
    cores = os.cpu_count() or 1
    renders = QUICK_MEMORY_RENDERS if args.quick else MEMORY_RENDERS
    artefacts = {slug: ARTEFACTS[slug] for slug in args.only or ARTEFACTS}
    sets = {slug: answer_sets(a) for slug, a in artefacts.items()}
    start_up_as_the_app_does()
    chars = {(slug, name): total_chars(d) for slug, s in sets.items() for name, d in s.items()}
    timings = _timings(artefacts, sets, args.quick, args.budget)
    print(report.timing_table(timings, chars), flush=True)

    _log(
        f"memory: {len(artefacts) * len(FORMATS) * len(memory.MODES)} fresh processes, "
        f"{renders:,} renders each"
    )
    memories = memory.run_all(list(artefacts), list(FORMATS), renders, cores)
    print(
        "\nResident memory (MB), complete sample, one fresh process per row: start = after "
        f"imports,\n@0 = after {memory.WARMUP} warm-up renders, @N = after N more renders. "
        "mode app: as the app runs\n(start-up frozen, a collection after each render); mode raw: "
        "the bare renderers, collector left\nalone. ms/render is indicative: processes run side "
        "by side."
    )
    print(report.memory_table(memories))
    print("\nTargets (complete sample; memory as the app runs it)")
    print(report.verdict(report.checks(timings, memories), args.quick))
    return timings, sets


def _report_figures(args: argparse.Namespace) -> None:
    runs = report_figures.run_all(report_figures.available(args.database), args.quick)
    report_figures.print_report(runs)
    print(f"\nTargets (progress report figures, {report_figures.TARGET_MS:.0f} ms at p95)")
    print(report.verdict(report_figures.checks(runs), args.quick))


def main() -> None:
    args = _args()
    if args.http:
        from bench import served

        served.main(args)
        return
    started = time.perf_counter()
    what = (
        "My work only"
        if args.only_mywork
        else "progress report only"
        if args.only_report
        else f"{len(args.only or ARTEFACTS)} artefact(s)"
    )
    print(f"bench: {'quick' if args.quick else 'full'} run, {what}")
    print(f"bench: {machine.describe()}", flush=True)
    if args.only_report:
        _report_figures(args)
        print(f"\nbench: finished in {time.perf_counter() - started:.0f} s")
        return
    timings, sets = ([], {}) if args.only_mywork else _renders(args)
    if args.only_mywork or not args.only:
        runs = mywork.run_all(mywork.available(args.database), args.quick, args.profile)
        mywork.print_report(runs)
        print(f"\nTargets (My work and the inboxes, {mywork.TARGET_MS:.0f} ms at p95)")
        print(report.verdict(mywork.checks(runs), args.quick))
        if args.profile:
            mywork.print_plans(runs)
    if not args.only and not args.only_mywork:
        _report_figures(args)
    if args.profile:
        for t in report.slow(timings):
            print(f"\ncProfile of {t.artefact} {t.answers} {t.fmt}, 20 renders:")
            print(profile.top(ARTEFACTS[t.artefact], sets[t.artefact][t.answers], t.fmt))
    elapsed = time.perf_counter() - started
    print(f"\nbench: finished in {elapsed:.0f} s; {machine.load(warn_busy=False)} (with its own)")


if __name__ == "__main__":
    main()
