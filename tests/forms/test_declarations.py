"""The declarations match the paper: labels and options verbatim from the inventory."""

from __future__ import annotations

import re
from pathlib import Path

from forms.choices import Choice
from forms.model import Artefact
from forms.phoenix_referral import PHOENIX_REFERRAL
from forms.repeat import Repeat
from outcomes import KEYS

INVENTORY = Path(__file__).resolve().parents[3] / "shared" / "spec" / "artefacts.md"
POLICE_CATEGORIES = "### Police risk categories (verbatim)"

# Declared labels that are not printed as such, each with the reason.
NOT_PRINTED = {
    "Email": "the printed box 'Email/ telephone number' is split so each can be checked",
    "Telephone number": "the printed box 'Email/ telephone number' is split so each can be checked",
    "Partly or fully": "the delivery plan prints two ticks, Partly and Fully, with no label",
    "More than 20 sessions": "the delivery plan records the agreement the manual requires for"
    " more than 20 sessions (L3095-3097), which its paper has no box for",
    "More than 20 sessions agreed with the Associate Director of Safeguarding": "the same",
    "Date agreed": "the same",
}


def inventory_section(number: str) -> str:
    """The inventory's text for one artefact (with the police categories, quoted by several),
    typos repaired as the declarations repair them."""
    text = INVENTORY.read_text(encoding="utf-8")
    heading = re.search(rf"^#+ {re.escape(number)}\. .*$", text, flags=re.MULTILINE)
    assert heading, f"no inventory section for artefact {number}"
    end = re.search(r"^(## |### B\d)", text[heading.end() :], flags=re.MULTILINE)
    section = text[heading.start() : heading.end() + (end.start() if end else len(text))]
    section += text[text.index(POLICE_CATEGORIES) :]
    return " ".join(section.replace(" *[sic]*", "").replace("FamIly", "Family").split())


def printed_words(artefact: Artefact) -> list[str]:
    """Every label and option label a person reads on the artefact's page."""
    words = []
    for f in artefact.walk():
        inner = f.inner if isinstance(f, Repeat) else [f]
        for each in inner:
            if each.printed_in is None:  # else printed in another's row, not under its label
                words.append(each.label_on_paper)
            if isinstance(each, Choice):
                words.extend(o.label_on_paper for o in each.options)
    return words


def test_every_label_and_option_is_printed_on_the_paper_form(artefact: Artefact) -> None:
    section = inventory_section(artefact.inventory)
    # The referral's criteria scored again at a review and at closure (forms.criteria) are
    # worded as printed on the referral: its inventory section says them.
    if any(f.name in KEYS for f in artefact.walk()):
        section += " " + inventory_section(PHOENIX_REFERRAL.inventory)
    missing = [
        word
        for word in printed_words(artefact)
        if " ".join(word.split()) not in section and word not in NOT_PRINTED
    ]
    assert missing == []


def test_field_names_are_unique(artefact: Artefact) -> None:
    names = [f.name for f in artefact.walk()]
    assert len(names) == len(set(names))
    for repeat in (f for f in artefact.walk() if isinstance(f, Repeat)):
        inner = [i.name for i in repeat.inner]
        assert len(inner) == len(set(inner))


def test_referral_has_the_nine_safeguard_headings() -> None:
    from forms.cse_referral import CSE_REFERRAL

    headings = [f.label for f in CSE_REFERRAL.walk() if f.name.startswith("safeguard_")]
    assert "".join(h[0] for h in headings) == "SAFEGUARD"
    assert all(CSE_REFERRAL.field(f"safeguard_{k}").hint for k in ("absence", "gifts"))


def test_the_criteria_are_scored_at_referral_review_and_closure_with_the_same_options() -> None:
    """The action plan's reviews and the closure ask every criterion of the referral, with its
    statements and option values, so that the three scorings compare (outcomes)."""
    from forms import ARTEFACTS

    def asked(slug: str) -> dict[str, list[tuple[str, str]]]:
        artefact = ARTEFACTS[slug]
        return {
            f.name: [(o.value, o.label) for o in f.options]
            for f in artefact.walk()
            if f.name in KEYS and isinstance(f, Choice)
        }

    referral = asked("phoenix_referral")
    assert list(referral) == list(KEYS)
    assert [v for v, _ in referral[KEYS[0]]] == ["1", "2", "3", "4", "5", "other"]
    assert asked("phoenix_action_plan") == referral
    assert asked("phoenix_case_closure") == referral
    # Required at closure only: a review may not score them again.
    closure, plan = ARTEFACTS["phoenix_case_closure"], ARTEFACTS["phoenix_action_plan"]
    assert all(closure.field(key).required for key in KEYS)
    assert not any(plan.field(key).required for key in KEYS)
    assert not any(PHOENIX_REFERRAL.field(key).required for key in KEYS)
