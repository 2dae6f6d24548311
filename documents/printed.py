"""Words the documents print in place of an answer, shared by the PDF and Word renderers.

Issue 12: a reader must tell a question not answered from one not asked, so an empty answer
reads NOT_ANSWERED in both formats rather than leaving a blank box.
"""

from __future__ import annotations

NOT_ANSWERED = "Not answered"
