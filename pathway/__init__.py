"""The steps of a case along the CSE referral pathway, declared once, and its timeline."""

from pathway.steps import AGENCIES, BELOW_THRESHOLD, CATEGORIES, STEPS, Step, recordable_by
from pathway.timeline import Entry, OpenClock, timeline

__all__ = [
    "AGENCIES",
    "BELOW_THRESHOLD",
    "CATEGORIES",
    "STEPS",
    "Entry",
    "OpenClock",
    "Step",
    "recordable_by",
    "timeline",
]
