"""A bounded burst on loopback, all at once: sixty sign-in attempts, six maximal autosaves and
three maximal referral packs, while a signed-in person loads pages throughout.

tests/live/test_burst.py asserts that nothing of it gets a 5xx, and `python -m bench --http`
reports how long that person's pages took. The app must trust one proxy (TRUSTED_PROXIES=1):
the visitors say, as nginx would, which client address each request came from.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import requests

from bench.answers import maximal
from forms import ARTEFACTS
from forms.web import as_formdata
from tools.live import Gunicorn, peak_memory_mb
from tools.visitor import Visitor

SIGN_INS, AUTOSAVES, PACKS = 60, 6, 3
REFERRAL, MASE = ARTEFACTS["cse_referral"], ARTEFACTS["mase_referral"]


@dataclass
class Burst:
    """What came back: status codes by kind of request, the page times of the person reading
    throughout (ms), and each worker's peak resident memory (MB)."""

    statuses: dict[str, Counter[int]] = field(default_factory=dict)
    page_ms: list[float] = field(default_factory=list)
    peak_mb: dict[int, float] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)  # requests that got no answer at all

    def server_errors(self) -> dict[str, dict[int, int]]:
        return {
            kind: {code: n for code, n in counts.items() if code >= 500}
            for kind, counts in self.statuses.items()
            if any(code >= 500 for code in counts)
        }


def _pairs(artefact: Any, data: dict[str, Any]) -> list[tuple[str, str]]:
    return list(as_formdata(artefact, data).items(multi=True))


@dataclass
class Setup:
    """Everything made before the burst: signed-in visitors and what they will ask for."""

    reader: Visitor
    pages: list[str]
    autosaves: list[tuple[Visitor, str, list[tuple[str, str]]]]
    packs: list[tuple[Visitor, str]]
    sign_ins: list[tuple[Visitor, str, str]]

    def visitors(self) -> list[Visitor]:
        return [
            self.reader,
            *(visitor for visitor, *_ in self.autosaves),
            *(visitor for visitor, _ in self.packs),
            *(visitor for visitor, *_ in self.sign_ins),
        ]


def prepare(server: Gunicorn, manager: str, password: str, other: str) -> Setup:
    """Cases with maximal referral packs and drafts, made through the pages by `manager`."""
    referral = maximal(REFERRAL)
    referral["mase_referral"] = "yes"  # so that a MASE part continues it: a pack
    referral_pairs, mase_pairs = _pairs(REFERRAL, referral), _pairs(MASE, maximal(MASE))

    def signed_in(address: str) -> Visitor:
        visitor = Visitor(server.url, address=address)
        assert visitor.sign_in(manager, password).status_code == 302
        return visitor

    maker = signed_in("198.51.100.1")
    packs = []
    for number in range(PACKS):
        case = maker.create_case("Burst", f"Packcase{number}")
        version = maker.submit(maker.start(case, "cse_referral"), REFERRAL, referral_pairs)
        continuing = maker.start(case, "mase_referral", continues=version.rsplit("/", 1)[1])
        part = maker.submit(continuing, MASE, mase_pairs)
        packs.append((signed_in(f"198.51.100.{10 + number}"), f"{part}/pack.pdf"))
    case = maker.create_case("Burst", "Draftcase")
    autosaves = []
    for number in range(AUTOSAVES):
        form = maker.start(case, "cse_referral", new="yes")  # a draft each: none waits on another
        visitor = signed_in(f"198.51.100.{20 + number}")
        if visitor.get(f"{form}/sections/1").status_code == 404:  # a section's lock version
            visitor.get(form)  # a checkout from before sections: its one form page
        autosaves.append((visitor, form, referral_pairs))
    reader = signed_in("198.51.100.30")
    form = maker.start(case, "cse_referral", new="yes")
    pages = ["/", case, form, maker.longest_section(form)]  # the task list, a section's page
    sign_ins = []
    for number in range(SIGN_INS):
        visitor = Visitor(server.url, address="203.0.113.7")
        visitor.get("/sign-in")
        right = number % 4 == 0
        sign_ins.append((visitor, other, password if right else f"a wrong guess {number}"))
    return Setup(reader, pages, autosaves, packs, sign_ins)


def _sign_in(visitor: Visitor, email: str, password: str) -> Any:
    return visitor.post("/sign-in", {"email": email, "password": password})


def _autosave(visitor: Visitor, form: str, answers: list[tuple[str, str]]) -> Any:
    """The whole maximal document in one autosave (no `section`: the endpoint then takes the
    document as posted), the most one autosave can carry."""
    posted = [*answers, ("lock_version", visitor.hidden["lock_version"])]
    return visitor.post(f"{form}/autosave", posted, headers={"Accept": "application/json"})


def run(server: Gunicorn, setup: Setup) -> Burst:
    """Everything at once; the reader loads pages until the rest have their answers."""
    burst = Burst()
    lock = threading.Lock()
    jobs: list[tuple[str, Callable[[], Any]]] = [
        ("sign in", partial(_sign_in, visitor, email, password))
        for visitor, email, password in setup.sign_ins
    ]
    jobs += [("autosave", partial(_autosave, *autosave)) for autosave in setup.autosaves]
    jobs += [("pack", partial(visitor.get, pack)) for visitor, pack in setup.packs]
    start = threading.Barrier(len(jobs) + 1)
    done = threading.Event()

    def work(kind: str, job: Callable[[], Any]) -> None:
        start.wait()
        try:
            status = job().status_code
        except requests.RequestException as error:  # no answer: counted as a server error
            status = 599
            burst.dropped.append(f"{kind}: {error!r}")
        with lock:
            burst.statuses.setdefault(kind, Counter())[status] += 1

    def read() -> None:
        start.wait()
        while not done.is_set():
            for page in setup.pages:
                began = time.perf_counter()
                status = setup.reader.get(page).status_code
                burst.page_ms.append((time.perf_counter() - began) * 1000)
                with lock:
                    burst.statuses.setdefault("page", Counter())[status] += 1

    # Connections left idle since the setup may have been closed by the server (keep-alive):
    # like a browser after a pause, every visitor starts on a new one.
    for visitor in [
        setup.reader,
        *(s[0] for s in setup.sign_ins),
        *(a[0] for a in setup.autosaves),
    ]:
        visitor.http.close()
    for visitor, _ in setup.packs:
        visitor.http.close()
    threads = [threading.Thread(target=work, args=job) for job in jobs]
    reader = threading.Thread(target=read)
    for thread in [*threads, reader]:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    done.set()
    reader.join(timeout=120)
    burst.peak_mb = {pid: peak_memory_mb(pid) for pid in server.workers()}
    return burst
