"""The LibreOffice helper (tests.libreoffice): a clear error without soffice, and the work
shared out evenly between its calls."""

from __future__ import annotations

import pytest

from tests.libreoffice import INSTALL, LibreOfficeMissingError, batches, soffice, to_pdf


def test_without_soffice_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(LibreOfficeMissingError, match=INSTALL):
        soffice()
    with pytest.raises(LibreOfficeMissingError, match="make debs-test"):
        to_pdf({"a": b"not a docx"})


def test_the_largest_files_are_shared_out_first() -> None:
    sizes = {"huge": 90, "big": 50, "mid": 40, "small": 5}
    assert batches(sizes, 2) == [["huge", "small"], ["big", "mid"]]
    assert batches(sizes, 1) == [["huge", "big", "mid", "small"]]
    assert batches({"only": 1}, 2) == [["only"]]
