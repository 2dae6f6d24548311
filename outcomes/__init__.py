"""Distance travelled: the fourteen Phoenix criteria scored at referral, at each action-plan
review and at closure, and whether each improved, stayed the same or got worse.

"An outcome star distance travelled tool will be used to measure progress" (cse-strategy.txt
L3040), "reviewed at the end of the intervention" (L3072); the closure summary "will include
the distance travelled for the child" (L3091-3093), and the progress report asks for "Outcomes -
distance travelled" (L4128).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from forms.phoenix_referral import CRITERIA

Change = Literal["improved", "same", "worse"]
CHANGES: tuple[Change, ...] = ("improved", "same", "worse")
LEVELS = ("1", "2", "3", "4", "5")
KEYS = tuple(f"criterion_{key}" for key, _label, _statements in CRITERIA)


def level(answer: Any) -> int | None:
    """A criterion's answer as a level, 1 (least concern) to 5 (most concern); None when it was
    not scored or answered "Other" (a text, not a level)."""
    return int(answer) if answer in LEVELS else None


def change(before: Any, after: Any) -> Change | None:
    """How one criterion moved between two scorings: a lower level is less concern, so it
    improved. None when either scoring has no level."""
    first, last = level(before), level(after)
    if first is None or last is None:
        return None
    return "improved" if last < first else "worse" if last > first else "same"


def changes(first: Mapping[str, Any], last: Mapping[str, Any]) -> dict[str, Change | None]:
    """Each criterion's change between two sets of answers holding `criterion_<key>` fields
    (the Phoenix referral, an action plan's review, the closure summary)."""
    return {key: change(first.get(key), last.get(key)) for key in KEYS}
