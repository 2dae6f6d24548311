"""Benchmark of document generation: render time, document size and memory per artefact.

`make bench` runs `python -m bench`; see `bench/__main__.py`. Only fictional data is used: the
shipped samples in `tests/samples/` and generated filler text.
"""
