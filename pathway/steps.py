"""The steps of the CSE referral pathway, in order, declared once.

Line numbers (L224 and so on) are those of the strategy text, cse-strategy.txt. Each step's
`label` is the strategy's own words; `name` is how the service says it happened. The clocks a
step starts are not declared here: a clock names the step it starts on (clocks.CLOCKS,
`starts_on`), so `Step.starts` reads them from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from clocks import CLOCKS

# The police category of CSE risk (L288-317), or below its threshold (L244-252).
BELOW_THRESHOLD = "below"
CATEGORIES: dict[str, str] = {
    BELOW_THRESHOLD: "Below the category 1 threshold: CSE vulnerability and emerging themes",
    "1": "Category 1 (at risk)",
    "2": "Category 2 (medium risk)",
    "3": "Category 3 (high risk)",
}

# The agencies of the MASE attendance register's printed rows (L914-945), offered for the
# strategy meeting "with relevant agencies" (L269). *Inferred*: the strategy lists no agencies for
# the strategy meeting itself; the register's are the ones the board names.
AGENCIES: tuple[str, ...] = (
    "Children's Social Care",
    "Police",
    "Health",
    "Education",
    "Youth Services",
    "Youth Offending",
    "Other agencies",
)

PRACTITIONERS = frozenset({"referrer", "lead_professional", "manager"})
# The SPA team's allocated worker and manager decide and hold the strategy meeting (L238-271);
# a lead professional may record the same steps for a case already open to them (L224).
LEADS = frozenset({"lead_professional", "manager", "spa"})
SPA = frozenset({"spa", "manager"})
PHOENIX = frozenset({"phoenix", "manager"})


@dataclass(frozen=True)
class Step:
    """A step of the pathway, recorded on a case by the roles in `recorded_by`."""

    key: str
    name: str  # what happened, as the service says it
    label: str  # the strategy's own words
    lines: tuple[int, ...]  # the lines `label` is on (the text is double-spaced)
    recorded_by: frozenset[str]
    meets: tuple[str, ...] = ()  # the clocks it meets
    # The clocks it ends without meeting them: a declined referral gets no first contact.
    stops: tuple[str, ...] = ()
    carries_category: bool = False
    asks_agencies: bool = False  # which agencies attended (AGENCIES)
    # Its clocks start only at category 1 or above: below it, no strategy meeting (L244-269).
    starts_at_threshold_only: bool = False
    note: str | None = None  # what to do next, in the strategy's words, shown with it

    @property
    def starts(self) -> tuple[str, ...]:
        """The clocks this step starts: those that name it (clocks.CLOCKS `starts_on`)."""
        return tuple(c.key for c in CLOCKS.values() if c.starts_on == self.key)

    def starts_clocks(self, category: str | None) -> tuple[str, ...]:
        if self.starts_at_threshold_only and category in (None, BELOW_THRESHOLD):
            return ()
        return self.starts


STEPS: dict[str, Step] = {
    s.key: s
    for s in (
        # L2788 (Spotting the Signs): "If you have identified risks or concerns please discuss
        # with your CSE or Safeguarding Lead by ____ (date)". The date on the submitted form
        # starts the clock (pathway.state); this step meets it.
        Step(
            key="spotting_discussed",
            name="Discussed with the CSE or Safeguarding Lead",
            label="please discuss with your CSE or Safeguarding Lead",
            lines=(2788,),
            recorded_by=PRACTITIONERS,
            meets=("spotting_discuss",),
        ),
        # L224: "1) CSE concerns referred to SPA or CSE concern identified in existing open case."
        Step(
            key="spa_referral",
            name="Referred to SPA",
            label="CSE concerns referred to SPA or CSE concern identified in existing open case",
            lines=(224,),
            recorded_by=PRACTITIONERS,
        ),
        # L226-228: "it needs to go through the MASH process via SPA": the SPA team says it has the
        # referral. *Inferred*: the strategy sets SPA no time to acknowledge, so no clock.
        Step(
            key="spa_acknowledged",
            name="Referral received by SPA",
            label="it needs to go through the MASH process via SPA",
            lines=(226, 228),
            recorded_by=SPA,
        ),
        # L238-242: "2) After completion of CSE referral form information is to be reviewed and
        # decision to be made by allocated worker & manager regarding the level of CSE risk and if
        # the case is likely to meet the category 1 threshold". Below it: L244-252, "discussed
        # with the CSE worker at the Phoenix Project" (consultation); at or above: L254-259.
        Step(
            key="spa_decision",
            name="Decision on the level of CSE risk",
            label=(
                "decision to be made by allocated worker & manager regarding the level of CSE "
                "risk and if the case is likely to meet the category 1 threshold"
            ),
            lines=(238, 240, 242),
            recorded_by=LEADS,
            carries_category=True,
            starts_at_threshold_only=True,
        ),
        # L269-271: "3) Strategy meeting to be held with relevant agencies within 3 days and
        # category of risk to be determined at strategy meeting."
        Step(
            key="strategy_meeting",
            name="Strategy meeting held",
            label=(
                "Strategy meeting to be held with relevant agencies within 3 days and category "
                "of risk to be determined at strategy meeting"
            ),
            lines=(269, 271),
            recorded_by=LEADS,
            meets=("strategy_meeting",),
            carries_category=True,
            asks_agencies=True,
        ),
        # L273-275: "4) If the case is category 1 or above MASE referral form to be completed by
        # lead professional and sent to MASE business support."
        Step(
            key="mase_list",
            name="MASE referral sent to MASE business support",
            label=(
                "If the case is category 1 or above MASE referral form to be completed by lead "
                "professional and sent to MASE business support"
            ),
            lines=(273, 275),
            recorded_by=frozenset(
                {"lead_professional", "manager"}
            ),  # the lead professional (L273),
        ),
        # L2894: "a referral has been made to Phoenix Project"; L2875: its referrals inbox.
        Step(
            key="phoenix_sent",
            name="Phoenix Project referral sent",
            label="a referral has been made to Phoenix Project",
            lines=(2894,),
            recorded_by=PRACTITIONERS,
        ),
        # L2879: "The recipient will receive acknowledgement of the referral within 24 hours."
        Step(
            key="phoenix_acknowledged",
            name="Phoenix Project referral acknowledged",
            label="The recipient will receive acknowledgement of the referral",
            lines=(2879,),
            recorded_by=PHOENIX,
            meets=("phoenix_acknowledgement",),
        ),
        # L2884: "On acceptance of the referral, the CSE youth work lead will undertake a process
        # of triage". Accepting a referral acknowledges it.
        Step(
            key="phoenix_accepted",
            name="Phoenix Project referral accepted",
            label=(
                "On acceptance of the referral, the CSE youth work lead will undertake a "
                "process of triage"
            ),
            lines=(2884,),
            recorded_by=PHOENIX,
            meets=("phoenix_acknowledgement",),
        ),
        # L2894-2896: "Where a young person is not accepted on to MASE, but a referral has been
        # made to Phoenix Project, we will offer information and advice about referral to the
        # Youth Inquiry Service for support."
        Step(
            key="phoenix_declined",
            name="Phoenix Project referral declined",
            label=(
                "Where a young person is not accepted on to MASE, but a referral has been made "
                "to Phoenix Project, we will offer information and advice about referral to the "
                "Youth Inquiry Service for support"
            ),
            lines=(2894, 2896),
            recorded_by=PHOENIX,
            meets=("phoenix_acknowledgement",),
            stops=("phoenix_first_contact",),
            note=(
                "Offer information and advice about referral to the Youth Inquiry Service for "
                "support."
            ),
        ),
        # L3271: "Accepted referrals will receive first contact within two working days".
        Step(
            key="first_contact",
            name="First contact",
            label="Accepted referrals will receive first contact",
            lines=(3271,),
            recorded_by=PHOENIX,
            meets=("phoenix_first_contact",),
        ),
        # L2890-2892: "An initial meeting with the child or young person will be arranged by the
        # CSE youth work lead within 7 days of the accepted referral."
        Step(
            key="initial_meeting",
            name="Initial meeting",
            label=(
                "An initial meeting with the child or young person will be arranged by the CSE "
                "youth work lead"
            ),
            lines=(2890,),
            recorded_by=PHOENIX,
            meets=("phoenix_initial_meeting",),
        ),
        # L3091-3093: "A case closure summary (appendix 3) will be completed at the end of the
        # intervention". Nothing is due once the intervention has ended.
        Step(
            key="closed",
            name="Closed",
            label=(
                "A case closure summary (appendix 3) will be completed at the end of the "
                "intervention"
            ),
            lines=(3091, 3093),
            recorded_by=PHOENIX,
            stops=tuple(CLOCKS),
        ),
    )
}


def recordable_by(role: str) -> list[Step]:
    """The steps a role may record, in pathway order."""
    return [s for s in STEPS.values() if role in s.recorded_by]
