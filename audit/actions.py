"""The names of audit events (web.access.audit), as the audit page's action filter offers them.

A new kind of event is added here too: tests/web/test_audit_page.py finds every name the code
audits and fails on one missing, so the filter never hides an action.
"""

from __future__ import annotations

# A download records its format (issue 13); older rows say only "download" and still display.
DOWNLOAD_OF_FORMAT = {"pdf": "download PDF", "docx": "download Word"}
DOWNLOAD_PACK = "download pack"  # one event per part of the pack: its document and version
DOWNLOADS = frozenset({"download", DOWNLOAD_PACK, *DOWNLOAD_OF_FORMAT.values()})
# The action filter's choice that matches every download, whatever its format.
ANY_DOWNLOAD = "any download"

VIEW_AUDIT = "view audit"

ACTIONS: tuple[str, ...] = (
    "sign in",
    "sign out",
    "sign in failed",
    "sign in throttled",
    "second factor failed",
    "second factor set up",
    "recovery code used",
    "password changed",
    "password change refused",
    "invite",
    "invite again",
    "reset password",
    "invitation accepted",
    "change role",
    "deactivate",
    "reactivate",
    "end sessions",
    "reset second factor",
    "view",
    "view case",
    "view audit",
    "download PDF",
    "download Word",
    "download pack",
    "download",
    "refused",
    "refused: case closed",
    "create case",
    "change case details",
    "add member",
    "remove member",
    "start",
    "save draft",
    "edit another's draft",
    "discard draft",
    "submit",
    "confirm anonymous",
    "send",
    "attach to report",
    "record pathway step",
    "record contact",
    "copy contacts",
    "close",
    "reopen",
    "hold",
    "release",
)


def matching(action: str) -> frozenset[str]:
    """The stored action names a filter's choice stands for."""
    return DOWNLOADS if action == ANY_DOWNLOAD else frozenset({action})
