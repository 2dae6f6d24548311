"""The fourteen criteria of the Phoenix referral scored again, at each action-plan review and at
closure, so that the distance travelled can be measured (outcomes).

"An outcome star distance travelled tool will be used to measure progress" (cse-strategy.txt
L3040); it "will be reviewed at the end of the intervention to assess any progress made"
(L3072); the case closure summary "will include the distance travelled for the child"
(L3091-3093). No printed form scores it: Inferred, the referral's criteria (inventory
4.54-4.67) are that tool, asked again with the same statements and option values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from forms.model import Section
from forms.phoenix_referral import CRITERIA, criterion
from forms.prefill import From, Sources

# Where the referral asks the criteria, then where they are scored again: the last scoring is
# the latest action plan's, else the referral's.
REFERRAL, ACTION_PLAN = "phoenix_referral", "phoenix_action_plan"
LAST_SCORED_FIRST = (ACTION_PLAN, REFERRAL)


def scored_again(title: str, description: str, *, required: bool = False) -> Section:
    """A section asking the fourteen criteria again, worded and valued as on the referral."""
    return Section(
        title,
        tuple(criterion(*scored, required=required) for scored in CRITERIA),
        description=description,
    )


def details_of_last_scoring(key: str) -> Callable[..., str | None]:
    """The "Other" details of the scoring whose answer to the criterion is carried: the first
    of the answers given (latest first) that scores it, so that a review's "Other" never
    carries the referral's details, nor the referral's a review's."""
    name = f"criterion_{key}"

    def details(*scorings: Mapping[str, Any] | None) -> str | None:
        for answers in scorings:
            if answers and answers.get(name):
                return answers.get(f"{name}_other") if answers[name] == "other" else None
        return None

    return details


def from_last_scoring() -> dict[str, Sources]:
    """The prefill of every criterion and its "Other" details from the last scoring: the
    latest submitted action plan's answer, else the Phoenix referral's."""
    prefill: dict[str, Sources] = {}
    for key, _label, _statements in CRITERIA:
        prefill[f"criterion_{key}"] = tuple(f"{slug}.criterion_{key}" for slug in LAST_SCORED_FIRST)
        prefill[f"criterion_{key}_other"] = From(
            *LAST_SCORED_FIRST, via=details_of_last_scoring(key)
        )
    return prefill
