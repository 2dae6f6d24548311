"""Words the documents print apart from the answers, shared by the PDF and Word renderers.

Issue 12: a reader must tell a question not answered from one not asked, so an empty answer
reads NOT_ANSWERED in both formats rather than leaving a blank box; and no title breaks in
the middle of "(Appendix 3)".
"""

from __future__ import annotations

import re

NOT_ANSWERED = "Not answered"

# A short bracketed tail of a title or heading, "(Appendix 3)", never breaks inside (issue 12).
_SHORT_BRACKETS = re.compile(r"\([^()]{1,24}\)")


def unbroken(words: str) -> str:
    """Words with no-break spaces inside each short bracketed part: the PDF's and Word's
    titles and headings."""
    return _SHORT_BRACKETS.sub(lambda m: m.group().replace(" ", "\u00a0"), words)
