"""The README's table of who may start, edit, submit and read each form is what the code does
(forms.starters): one declaration, written down once for people."""

from __future__ import annotations

from forms import ARTEFACTS, starters
from tests.roles_table import CASE_READERS, roles_table


def test_the_readme_names_every_form_once() -> None:
    assert set(roles_table()) == set(ARTEFACTS)


def test_start_edit_and_submit_are_for_the_roles_the_code_lets_write() -> None:
    for slug, row in roles_table().items():
        for action in ("start", "edit a draft", "submit"):
            assert row[action] == starters(ARTEFACTS[slug]), (slug, action)


def test_a_case_form_is_read_by_the_case_and_a_report_by_its_writers() -> None:
    for slug, row in roles_table().items():
        artefact = ARTEFACTS[slug]
        expected = CASE_READERS if artefact.per_case else starters(artefact)
        assert row["read / download"] == expected, slug


def test_the_mase_forms_are_not_the_referrers_and_no_form_is_spas() -> None:
    table = roles_table()
    for slug in ("mase_referral", "mase_case_summary"):
        assert table[slug]["start"] == {"lead_professional", "manager"}
    assert all("spa" not in row["start"] and "admin" not in row["start"] for row in table.values())
