"""`python -m bench --only-report` seeds fictional Phoenix cases and times the progress report's
figures (bench/report_figures.py): here at a tiny scale on SQLite, that its seeding and timing
still work and the figures count the cases seeded."""

from pathlib import Path

from bench import report_figures, report_seed


def test_seeding_makes_referrals_and_closures_of_fictional_cases() -> None:
    made = report_seed.rows(200)
    assert len(made["cases"]) == len(made["stages"]) == 200
    sent = [e for e in made["events"] if e["step"] == "phoenix_sent"]
    assert len(sent) == 200
    closed = [e for e in made["events"] if e["step"] == "closed"]
    closures = [s for s in made["submissions"] if s["artefact"] == "phoenix_case_closure"]
    assert 0 < len(closed) == len(closures) < 200
    assert all(c["details"]["forename"] == "Bench" for c in made["cases"])


def test_the_benchmark_times_the_figures_on_a_tiny_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    run = report_figures.measure("sqlite", url, 300, runs=2, warmup=0)

    assert run.made["cases"] == 300
    assert [t.period for t in run.timings] == ["last 3 months", "last 12 months"]
    quarter, year = run.timings
    assert 0 < quarter.referred < year.referred < 300
    assert 0 < quarter.ended < year.ended
    for timing in run.timings:
        assert len(timing.figures_ms) == len(timing.answers_ms) == len(timing.in_sql_ms) == 2
        assert min(timing.figures_ms) > 0
    found = report_figures.checks([run])
    assert [c.subject for c in found] == ["sqlite last 3 months"]  # the quarter has the target
    assert "last 12 months" in report_figures.table([run])
