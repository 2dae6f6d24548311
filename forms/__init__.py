"""The declarations of the strategy's paper artefacts, one module each.

Every module in this package that defines an `ARTEFACT` is a declaration: adding an artefact
is adding a module (with its Word template in doc_templates/ and its sample in tests/samples/).
"""

import importlib
import pkgutil

from forms.model import Artefact

# Who each audience's artefacts are for, by role (accounts.ROLES). Managers may write
# anything; admins manage accounts and never see case content.
STARTERS: dict[str, frozenset[str]] = {
    "Practitioners making a referral": frozenset(
        {"referrer", "lead_professional", "phoenix", "manager"}
    ),
    "Lead professionals and the MASE meeting": frozenset(
        {"referrer", "lead_professional", "manager"}
    ),
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
    """The roles that may start and edit an artefact."""
    return artefact.started_by or STARTERS[artefact.audience]
