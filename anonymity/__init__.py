"""Anonymity check: does a case study give a detail of a young person on a case its author sees?

"anonymised case studies will be produced at part of the quarterly report" (cse-strategy.txt
L2976-2978). Before a case study is submitted, its text is searched for the names, aliases,
dates of birth, postcodes, schools and family members' names of every case its author can
see (anonymity.sources); the author is told what kind of detail is in which box, never which
case it is from, and may change it or confirm it is anonymous (web.sections).
"""

from anonymity.matching import Finding, Known, findings_in
from anonymity.sources import known_to

__all__ = ["Finding", "Known", "findings_in", "known_to"]
