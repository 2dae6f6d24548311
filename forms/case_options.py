"""The gender and ethnic group options of the case details form (forms.case).

Other forms ask for gender and ethnicity in a text box of their own: they are given the
option's words (forms.choices.Choice.words, via forms.prefill.case_values), never its value.
"""

from collections.abc import Mapping
from typing import Any

from forms.choices import Choice, Option
from forms.kinds import Text


def _describe(name: str, what: str) -> tuple[Text, ...]:
    """The optional box an "any other" option reveals, as the census's "write in"."""
    return (
        Text(
            name,
            f"Describe their {what} (optional)",
            error_name=f"the description of their {what}",
        ),
    )


# Inferred: the strategy asks for gender without options (inventory: a text box). These are
# the options people expect on a public service form, with a box for another gender; "Not
# known" because the practitioner types the case before they may know.
GENDER = Choice(
    "gender",
    "Gender",
    error_name="the gender",
    options=(
        Option("female", "Female"),
        Option("male", "Male"),
        Option("non_binary", "Non-binary"),
        Option(
            "another",
            "Another gender",
            reveal=_describe("gender_description", "gender"),
        ),
        Option(
            "prefer_not_to_say", "Prefer not to say", hint="The young person prefers not to say."
        ),
        Option("not_known", "Not known"),
    ),
)

# The 19 ethnic groups of the 2021 Census of England and Wales, under its 5 high-level groups,
# worded as the ONS Census 2021 dictionary (variable ethnic_group_tb) names them; the "any
# other" options as the census question words them, each with its "write in" box (the census
# has one under "African" too). Listed as GOV.UK lists ethnic groups: the groups alphabetically,
# "Other ethnic group" last. Then "Prefer not to say" and "Not known" (Inferred, as for gender).
_ASIAN = "Asian, Asian British or Asian Welsh"
_BLACK = "Black, Black British, Black Welsh, Caribbean or African"
_MIXED = "Mixed or Multiple ethnic groups"
_WHITE = "White"
_OTHER = "Other ethnic group"

ETHNICITY = Choice(
    "ethnicity",
    "Ethnicity",
    hint="The young person's ethnic group, as they describe it if they have.",
    error_name="the ethnicity",
    options=(
        Option("asian_indian", "Indian", group=_ASIAN),
        Option("asian_pakistani", "Pakistani", group=_ASIAN),
        Option("asian_bangladeshi", "Bangladeshi", group=_ASIAN),
        Option("asian_chinese", "Chinese", group=_ASIAN),
        Option(
            "asian_other",
            "Any other Asian background",
            group=_ASIAN,
            reveal=_describe("ethnicity_asian_other", "Asian background"),
        ),
        Option("black_caribbean", "Caribbean", group=_BLACK),
        Option(
            "black_african",
            "African",
            group=_BLACK,
            reveal=_describe("ethnicity_black_african", "African background"),
        ),
        Option(
            "black_other",
            "Any other Black, Black British or Caribbean background",
            group=_BLACK,
            reveal=_describe(
                "ethnicity_black_other", "Black, Black British or Caribbean background"
            ),
        ),
        Option("mixed_white_black_caribbean", "White and Black Caribbean", group=_MIXED),
        Option("mixed_white_black_african", "White and Black African", group=_MIXED),
        Option("mixed_white_asian", "White and Asian", group=_MIXED),
        Option(
            "mixed_other",
            "Any other Mixed or Multiple ethnic background",
            group=_MIXED,
            reveal=_describe("ethnicity_mixed_other", "Mixed or Multiple ethnic background"),
        ),
        Option(
            "white_british",
            "English, Welsh, Scottish, Northern Irish or British",
            group=_WHITE,
        ),
        Option("white_irish", "Irish", group=_WHITE),
        Option("white_gypsy_traveller", "Gypsy or Irish Traveller", group=_WHITE),
        Option("white_roma", "Roma", group=_WHITE),
        Option(
            "white_other",
            "Any other White background",
            group=_WHITE,
            reveal=_describe("ethnicity_white_other", "White background"),
        ),
        Option("other_arab", "Arab", group=_OTHER),
        Option(
            "other_any",
            "Any other ethnic group",
            group=_OTHER,
            reveal=_describe("ethnicity_other_any", "ethnic group"),
        ),
        Option(
            "prefer_not_to_say", "Prefer not to say", hint="The young person prefers not to say."
        ),
        Option("not_known", "Not known"),
    ),
)

# A case's answers kept as they were typed before these were options (migration 0011), for a
# member to choose from: the case page asks until the option is chosen (web/cases.py).
AS_TYPED = {"gender": "gender_as_typed", "ethnicity": "ethnicity_as_typed"}


def typed_to_choose(stored: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(what to choose, as typed) for each answer kept as typed whose option is not chosen
    yet: "Choose the gender: it was typed as ‘F/M’"."""
    return [
        (choice.called, str(stored[key]))
        for choice, key in ((GENDER, AS_TYPED["gender"]), (ETHNICITY, AS_TYPED["ethnicity"]))
        if stored.get(key) and not stored.get(choice.name)
    ]


def without_typed(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A case's stored details less the answers kept as typed: the declared ones."""
    return {k: v for k, v in stored.items() if k not in AS_TYPED.values()}


def with_typed(new: Mapping[str, Any], old: Mapping[str, Any]) -> dict[str, Any]:
    """New details keep what was typed before the options (nothing typed is lost)."""
    return {**new, **{k: old[k] for k in AS_TYPED.values() if old.get(k)}}
