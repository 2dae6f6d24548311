"""A case's gender and ethnicity become options: what was typed is mapped where it plainly
says one, else kept as typed for a member to choose (forms/case_options.py)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 22:00:00.000000

The options are written out here, not imported: a migration does what it did when it was
written, whatever the forms say later.
"""

import re

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

GENDER = {
    "female": "Female",
    "male": "Male",
    "non_binary": "Non-binary",
    "another": "Another gender",
    "prefer_not_to_say": "Prefer not to say",
    "not_known": "Not known",
}
# The words people type for an option, besides its label and value.
GENDER_SYNONYMS = {
    "female": ("f", "girl", "woman", "young woman"),
    "male": ("m", "boy", "man", "young man"),
    "non_binary": ("nonbinary", "non binary", "enby"),
    "not_known": ("unknown", "nk", "n k", "not yet known"),
}

_ASIAN = "Asian, Asian British or Asian Welsh"
_BLACK = "Black, Black British, Black Welsh, Caribbean or African"
_MIXED = "Mixed or Multiple ethnic groups"
_WHITE = "White"
_OTHER = "Other ethnic group"
# value -> (group, label), as forms/case_options.py had them at this revision.
ETHNICITY = {
    "asian_indian": (_ASIAN, "Indian"),
    "asian_pakistani": (_ASIAN, "Pakistani"),
    "asian_bangladeshi": (_ASIAN, "Bangladeshi"),
    "asian_chinese": (_ASIAN, "Chinese"),
    "asian_other": (_ASIAN, "Any other Asian background"),
    "black_caribbean": (_BLACK, "Caribbean"),
    "black_african": (_BLACK, "African"),
    "black_other": (_BLACK, "Any other Black, Black British or Caribbean background"),
    "mixed_white_black_caribbean": (_MIXED, "White and Black Caribbean"),
    "mixed_white_black_african": (_MIXED, "White and Black African"),
    "mixed_white_asian": (_MIXED, "White and Asian"),
    "mixed_other": (_MIXED, "Any other Mixed or Multiple ethnic background"),
    "white_british": (_WHITE, "English, Welsh, Scottish, Northern Irish or British"),
    "white_irish": (_WHITE, "Irish"),
    "white_gypsy_traveller": (_WHITE, "Gypsy or Irish Traveller"),
    "white_roma": (_WHITE, "Roma"),
    "white_other": (_WHITE, "Any other White background"),
    "other_arab": (_OTHER, "Arab"),
    "other_any": (_OTHER, "Any other ethnic group"),
    "prefer_not_to_say": (None, "Prefer not to say"),
    "not_known": (None, "Not known"),
}
# The short names in common use (the 2011 census's among them) that say one option plainly.
# A name that could be more than one ("British", "Black British", "Mixed") is not here.
ETHNICITY_SYNONYMS = {
    "asian_indian": ("asian indian", "indian asian", "british indian"),
    "asian_pakistani": ("asian pakistani", "british pakistani"),
    "asian_bangladeshi": ("asian bangladeshi", "british bangladeshi"),
    "asian_chinese": ("asian chinese", "british chinese"),
    "asian_other": ("asian other", "other asian"),
    "black_caribbean": ("black caribbean", "caribbean black"),
    "black_african": ("black african", "african black"),
    "black_other": ("black other", "other black"),
    "mixed_white_black_caribbean": ("mixed white and black caribbean",),
    "mixed_white_black_african": ("mixed white and black african",),
    "mixed_white_asian": ("mixed white and asian",),
    "mixed_other": ("mixed other", "other mixed"),
    "white_british": (
        "white british",
        "white english",
        "white welsh",
        "white scottish",
        "white northern irish",
        "white uk",
    ),
    "white_irish": ("white irish",),
    "white_gypsy_traveller": ("gypsy", "irish traveller", "white gypsy or irish traveller"),
    "white_roma": ("white roma",),
    "white_other": ("white other", "other white"),
    "other_arab": ("arab other",),
    "not_known": ("unknown", "nk", "n k", "not yet known"),
}
AS_TYPED = {"gender": "gender_as_typed", "ethnicity": "ethnicity_as_typed"}
DESCRIBED = {
    "gender": {"another": "gender_description"},
    "ethnicity": {
        "asian_other": "ethnicity_asian_other",
        "black_african": "ethnicity_black_african",
        "black_other": "ethnicity_black_other",
        "mixed_other": "ethnicity_mixed_other",
        "white_other": "ethnicity_white_other",
        "other_any": "ethnicity_other_any",
    },
}


def normal(text: str) -> str:
    """Lower case, "&" as "and", punctuation as spaces, one space between words."""
    text = text.lower().replace("&", " and ").replace("_", " ")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _words_to_values() -> dict[str, dict[str, str]]:
    gender = {normal(value): value for value in GENDER}
    gender |= {normal(label): value for value, label in GENDER.items()}
    for value, words in GENDER_SYNONYMS.items():
        gender |= {normal(w): value for w in words}
    ethnicity = {normal(value): value for value in ETHNICITY}
    for value, (group, label) in ETHNICITY.items():
        ethnicity[normal(label)] = value
        if group:  # "White: Irish", as the ONS names it
            ethnicity[normal(f"{group} {label}")] = value
    for value, words in ETHNICITY_SYNONYMS.items():
        ethnicity |= {normal(w): value for w in words}
    return {"gender": gender, "ethnicity": ethnicity}


WORDS_TO_VALUES = _words_to_values()
cases = sa.table("cases", sa.column("id", sa.String(32)), sa.column("details", sa.JSON()))


def mapped(details: dict) -> dict:
    """The details with each typed answer as its option, or kept as typed with none chosen."""
    new = dict(details)
    for name, words in WORDS_TO_VALUES.items():
        typed = details.get(name)
        if typed is None:
            continue
        if not str(typed).strip():
            new[name] = None
            continue
        value = words.get(normal(str(typed)))
        new[name] = value
        if value is None:
            new[AS_TYPED[name]] = str(typed)
    return new


def unmapped(details: dict) -> dict:
    """The details with each option as words again, as typed where that was kept."""
    new = dict(details)
    labels = {"gender": GENDER, "ethnicity": {v: label for v, (_, label) in ETHNICITY.items()}}
    for name, key in AS_TYPED.items():
        value = details.get(name)
        box = DESCRIBED[name].get(value or "")
        words = (box and details.get(box)) or labels[name].get(value or "")
        new[name] = new.pop(key, None) or words or None
        for box in DESCRIBED[name].values():
            new.pop(box, None)
    return new


def _rewrite(change) -> None:
    bind = op.get_bind()
    for case_id, details in bind.execute(sa.select(cases.c.id, cases.c.details)).all():
        if not isinstance(details, dict):
            continue
        new = change(details)
        if new != details:
            bind.execute(cases.update().where(cases.c.id == case_id).values(details=new))


def upgrade():
    _rewrite(mapped)


def downgrade():
    _rewrite(unmapped)
