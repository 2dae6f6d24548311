"""Why a target of `bench --http` is missed, worked out from figures measured in the same run."""

from __future__ import annotations

import statistics
import time

from bench.answers import complete
from bench.formats import FORMATS, start_up_as_the_app_does
from bench.workload import p
from forms import ARTEFACTS

WORKERS = 2  # gunicorn workers of the PDF measure, on this machine's 2 cores


def page(in_process: list[float], http: list[float]) -> str:
    """The same page in process and through HTTP: what HTTP adds."""
    inside, outside = statistics.median(in_process), statistics.median(http)
    return (
        f"In process this page takes p50 {inside:.1f}, p95 {p(in_process, 0.95):.1f} ms; through"
        f" HTTP p50 {outside:.1f} ms. The {outside - inside:.1f} ms between are gunicorn, the"
        " socket and the sign-in check on PostgreSQL rather than SQLite, with the client that"
        " times them on the same 2 cores."
    )


def pdf_ceiling(runs: int = 20) -> str:
    """This checkout's CSE referral PDF rendered here, one at a time: the most two workers on
    two cores could make if HTTP, the database and the client cost nothing."""
    start_up_as_the_app_does()
    artefact = ARTEFACTS["cse_referral"]
    data = complete(artefact)
    render = FORMATS["pdf"]
    render(artefact, data)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        render(artefact, data)
        times.append((time.perf_counter() - started) * 1000)
    each = statistics.median(times)
    return (
        f"One CSE referral PDF takes p50 {each:.1f} ms to render here, so {WORKERS} workers on"
        f" {WORKERS} cores make at most {WORKERS * 1000 / each:.0f} a second before HTTP, the"
        " sign-in check, the audit row and the client sharing those cores."
    )
