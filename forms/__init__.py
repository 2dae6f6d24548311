"""The declarations of the strategy's paper artefacts, one module each.

Every module in this package that defines an `ARTEFACT` is a declaration: adding an artefact
is adding a module (with its Word template in doc_templates/ and its sample in tests/samples/).
"""

import importlib
import pkgutil

from forms.model import Artefact

# Who may start, edit and submit each audience's artefacts, by role (accounts.ROLES), unless an
# artefact says otherwise (`Artefact.started_by`). README "Accounts, cases and who sees what"
# gives the strategy's line for each; tests/forms/test_roles_table.py fails if it and this differ.
# - Referrals: "Any practitioner concerned about CSE should make a referral to SPA" (L205), so
#   Phoenix workers too. SPA receives them (L209-215) and writes none: the MASH team completes
#   the referral of a case no service knows (L234-236) as a practitioner, with a referrer account.
# - MASE forms: "to be completed by lead professional" (L273-275), not by the referrer; and
#   managers, who decide with the allocated worker whether it meets category 1 (L238-242).
# - Phoenix forms: the project's one CSE youth work lead and its youth work support (L2836-2838).
#   Managers too: the Youth Service manages the project's delivery (L3303-3306) and keeps it
#   going when the allocated worker is off (L3323-3325). Admins never see case content.
STARTERS: dict[str, frozenset[str]] = {
    "Practitioners making a referral": frozenset(
        {"referrer", "lead_professional", "phoenix", "manager"}
    ),
    "Lead professionals and the MASE meeting": frozenset({"lead_professional", "manager"}),
    "The Phoenix Project": frozenset({"phoenix", "manager"}),
}
AUDIENCES = tuple(STARTERS)


def _declared() -> list[Artefact]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        declared = getattr(importlib.import_module(f"{__name__}.{module.name}"), "ARTEFACT", None)
        if isinstance(declared, Artefact):
            found.append(declared)
    return sorted(found, key=lambda a: (AUDIENCES.index(a.audience), a.order, a.slug))


ARTEFACTS: dict[str, Artefact] = {a.slug: a for a in _declared()}


def starters(artefact: Artefact) -> frozenset[str]:
    """The roles that may start, edit and submit an artefact."""
    return artefact.started_by or STARTERS[artefact.audience]
