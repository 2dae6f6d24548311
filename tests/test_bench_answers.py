"""`make bench` renders every artefact's sample and a maximal answer set: both must be valid."""

from forms.model import Artefact


def test_bench_answer_sets_are_valid_for_every_artefact(artefact: Artefact) -> None:
    from bench.answers import answer_sets

    sets = answer_sets(artefact)  # raises if the declaration refuses the maximal set
    assert artefact.problems(sets["maximal"]) == []
    assert artefact.problems(sets["complete"]) == []
