"""The Phoenix worker's contact log (Appendix 7): the quick form, total time and copy text."""

from contacts.form import CONTACT, CONTACT_TYPES, KEEPERS
from contacts.log import Recorded, copy_text, duration_text, may_copy, total_text, type_text
from contacts.period import PERIOD

__all__ = [
    "CONTACT",
    "CONTACT_TYPES",
    "KEEPERS",
    "PERIOD",
    "Recorded",
    "copy_text",
    "duration_text",
    "may_copy",
    "total_text",
    "type_text",
]
