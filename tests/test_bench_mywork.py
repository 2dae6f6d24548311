"""`make bench` seeds many cases and times My work and the inboxes (bench/mywork.py): here at a
tiny scale on SQLite, that its seeding and timing still work and the pages list rows."""

from pathlib import Path

import pytest

from bench import mywork, seed


def test_seeding_makes_exactly_the_cases_and_events_asked_for() -> None:
    for scale in (seed.Scale(50, 500), seed.Scale(10, 10), seed.Scale(3, 80)):
        made = seed.rows(scale)
        assert len(made["cases"]) == scale.cases
        assert len(made["events"]) == scale.events
        cases = {c["id"] for c in made["cases"]}
        assert {e["case_id"] for e in made["events"]} <= cases
        assert {m["case_id"] for m in made["members"]} == cases
        # The audit trail: three events a pathway event, and 40 downloads in the last hour.
        assert len(made["audit"]) == scale.events * seed.AUDIT_PER_EVENT + 40
        assert {a["case_id"] for a in made["audit"]} <= cases
    with pytest.raises(ValueError):
        seed.Scale(10, 5)


def test_the_benchmark_times_every_page_on_a_tiny_database(tmp_path: Path) -> None:
    scale = seed.Scale(50, 500)
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    run = mywork.measure("sqlite", url, scale, runs=3, warmup=1, log=False)

    seeded = run.seeded
    assert (seeded.cases, seeded.events) == (50, 500)
    assert seeded.members >= 50
    assert 0 < seeded.overdue <= seeded.dues  # two years of cases: many clocks long overdue
    assert seeded.insert_s > 0 and seeded.refresh_s > 0
    assert [t.page for t in run.timings] == list(mywork.PAGES)
    for timing in run.timings:
        assert len(timing.times_ms) == len(timing.cpu_ms) == 3
        assert 0 < timing.p50 <= timing.p95
        assert timing.rows > 0, timing.page  # every page lists something (200 asserted)
        assert timing.plans == ""

    found = mywork.checks([run])
    assert len(found) == len(mywork.PAGES)
    assert all(c.what.endswith(f"p95 <= {mywork.TARGET_MS:.0f} ms") for c in found)
    table = mywork.timing_table([run])
    assert all(page.label in table for page in mywork.PAGES)
    assert "10,000" not in mywork.seeding_table([run])  # the tiny scale, not the full one
