"""An "Other" option whose follow-up box is its details: in every artefact, the box is required
when Other is chosen (and only then), with a message naming it."""

from __future__ import annotations

from collections.abc import Iterator

from forms.choices import Choice, Option
from forms.kinds import Text
from forms.model import Artefact
from forms.repeat import Repeat
from tests.conftest import sample


def others(artefact: Artefact) -> Iterator[tuple[Choice, Option, Text]]:
    """Each (choice, "Other…" option, its details box), repeating blocks' choices included."""
    for f in artefact.walk():
        for each in f.inner if isinstance(f, Repeat) else [f]:
            for option in each.options if isinstance(each, Choice) else ():
                if option.label.startswith("Other") and option.reveal:
                    (box,) = option.reveal
                    assert isinstance(box, Text), f"{each.name}: Other reveals no text box"
                    yield each, option, box


def test_every_other_details_box_is_required_when_other_is_chosen(artefact: Artefact) -> None:
    for choice, option, box in others(artefact):
        assert box.required, f"{choice.name}: the details of '{option.label}' are not required"
        if choice.name not in {f.name for f in artefact.walk()}:
            continue  # in a repeating block: its own artefact's tests say so
        data = sample(artefact)
        data[choice.name] = (
            [option.value] if isinstance(data.get(choice.name), list) else option.value
        )
        data[box.name] = None
        assert (box.name, f"Enter {box.called}") in artefact.problems(data)
        data[choice.name] = None
        assert box.name not in dict(artefact.problems(data))


def test_the_artefacts_with_other_details() -> None:
    from forms import ARTEFACTS

    found = {a.slug: len(list(others(a))) for a in ARTEFACTS.values() if list(others(a))}
    # The referral's 14 criteria, scored again at the action plan's reviews and at closure.
    assert found == {"phoenix_referral": 14, "phoenix_action_plan": 14, "phoenix_case_closure": 15}
