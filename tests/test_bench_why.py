"""bench --http explains a missed target from what it measured in the same run (bench/why.py)."""

import re

from bench import why


def test_a_page_miss_says_what_http_adds_to_the_same_page_in_process():
    said = why.page([10.0, 11.0, 12.0, 30.0], [20.0, 24.0, 26.0, 90.0])
    assert "In process this page takes p50 11.5, p95 30.0 ms" in said
    assert "through HTTP p50 25.0 ms" in said
    assert "The 13.5 ms between" in said


def test_the_pdf_ceiling_is_two_workers_at_the_measured_render_time():
    said = why.pdf_ceiling(runs=3)
    each, most = re.search(r"takes p50 ([\d.]+) ms .* at most (\d+) a second", said).groups()
    # Two workers, each rendering one PDF per p50: 2,000 / p50 a second. The p50 is printed to
    # 0.1 ms, so the ceiling worked out from the exact p50 lies within its rounding.
    p50 = float(each)
    assert 2000 / (p50 + 0.05) - 1 <= int(most) <= 2000 / (p50 - 0.05) + 1
