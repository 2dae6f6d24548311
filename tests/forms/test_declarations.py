"""The declarations match the paper: labels verbatim from the inventory, names unique."""

from __future__ import annotations

import re
from pathlib import Path

from forms.kinds import Artefact, Repeat

INVENTORY = Path(__file__).resolve().parents[3] / "shared" / "spec" / "artefacts.md"

# Declared labels that are not printed as such, each with the reason.
NOT_PRINTED = {
    "Email": "the printed box 'Email/ telephone number' is split so each can be checked",
    "Telephone number": "the printed box 'Email/ telephone number' is split so each can be checked",
}


def inventory_labels(number: str) -> set[str]:
    """The 'Label as printed' column of an artefact's rows in the inventory, typos fixed."""
    labels = set()
    row = re.compile(rf"^\| {re.escape(number)}\.\d+[a-z]? \| [^|]* \| ([^|]+) \|")
    for line in INVENTORY.read_text(encoding="utf-8").splitlines():
        match = row.match(line)
        if match:
            label = match.group(1).replace(" *[sic]*", "").replace("FamIly", "Family").strip()
            labels.add(label)
    return labels


def test_every_label_is_printed_on_the_paper_form(artefact: Artefact) -> None:
    printed = inventory_labels(artefact.inventory)
    assert printed, f"no inventory rows found for artefact {artefact.inventory}"
    declared = {f.label for f in artefact.walk() if not isinstance(f, Repeat)}
    for repeat in (f for f in artefact.walk() if isinstance(f, Repeat)):
        declared |= {i.label for s in repeat.fields for i in s.walk()}
    assert declared - printed - set(NOT_PRINTED) == set()


def test_field_names_are_unique(artefact: Artefact) -> None:
    names = [f.name for f in artefact.walk()]
    assert len(names) == len(set(names))
    for repeat in (f for f in artefact.walk() if isinstance(f, Repeat)):
        inner = [i.name for s in repeat.fields for i in s.walk()]
        assert len(inner) == len(set(inner))


def test_referral_has_the_nine_safeguard_headings() -> None:
    from forms.cse_referral import CSE_REFERRAL

    headings = [f.label for f in CSE_REFERRAL.walk() if f.name.startswith("safeguard_")]
    assert "".join(h[0] for h in headings) == "SAFEGUARD"
    assert all(CSE_REFERRAL.field(f"safeguard_{k}").hint for k in ("absence", "gifts"))
