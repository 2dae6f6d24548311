"""Whose and which version a document is (documents.stamp): its footer and its file name."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.stamp import Stamp, stamp_of

DAY = dt.date(2027, 3, 4)


@pytest.mark.parametrize(
    ("reference", "named"),
    [
        ("PX-1234", "cse-referral-PX-1234-v2-2027-03-04.pdf"),
        ("PX/12 34 ë", "cse-referral-PX-12-34-v2-2027-03-04.pdf"),  # a small set of characters
        ("../../etc/passwd", "cse-referral-etc-passwd-v2-2027-03-04.pdf"),
        ("¿?", "cse-referral-case-v2-2027-03-04.pdf"),  # nothing left: a word, not a gap
        ("A" * 40, f"cse-referral-{'A' * 24}-v2-2027-03-04.pdf"),
    ],
)
def test_a_file_is_named_by_form_case_version_and_day(reference: str, named: str) -> None:
    stamp = Stamp("CSE Referral Form", 2, reference, child="Amira Fictional", generated=DAY)
    assert stamp.file_name("cse-referral", "pdf") == named


def test_a_document_on_no_case_is_named_without_one() -> None:
    stamp = stamp_of("Phoenix Project progress report", 3, None, None)
    assert stamp.about == []
    assert stamp.file_name("phoenix-progress-report", "docx").startswith(
        "phoenix-progress-report-v3-"
    )


def test_the_footer_names_the_case_and_version_never_the_young_person() -> None:
    details = {"forename": "Amira", "surname": "Fictional", "dob": dt.date(2011, 5, 6)}
    stamp = stamp_of("MASE Referral Information", 4, "abcdefghijklmnop", details)
    assert stamp.footer.startswith("MASE Referral Information – case CSE-abcdefgh – version 4 – ")
    assert "Amira" not in stamp.footer and "Amira" not in stamp.file_name("mase", "pdf")
    assert stamp.about == [
        ("Young person", "Amira Fictional"),
        ("Date of birth", "6 May 2011"),
        ("Case reference", "CSE-abcdefgh"),
    ]
    given = stamp_of("MASE Referral Information", 1, "abcdefghijklmnop", {"case_reference": "K7"})
    assert given.reference == "K7" and given.about[0] == ("Young person", "Not known")
