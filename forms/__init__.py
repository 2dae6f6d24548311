"""The declarations of the strategy's paper artefacts, one module each."""

from forms.cse_referral import CSE_REFERRAL
from forms.kinds import Artefact

ARTEFACTS: dict[str, Artefact] = {a.slug: a for a in (CSE_REFERRAL,)}
