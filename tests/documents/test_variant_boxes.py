"""The MASE case summary's variant boxes, revealed on the web by the variant chosen, print in
both documents with what was written: other agencies after Lead Professional, and the impact of
the plan (one box for either existing variant) at the end, in Word as on paper."""

from __future__ import annotations

import pytest

from documents.pdf import render_pdf
from documents.word import render_word
from forms.mase_case_summary import MASE_CASE_SUMMARY
from tests.conftest import sample
from tests.helpers import pdf_body, squash, word_text

IMPACT = "Impact of MASE plan so far"
AGENCIES = "Other agencies actively involved in managing risk of CSE"
WRITTEN = "Fewer missing episodes since the plan (fictional)."


@pytest.mark.parametrize("impact", ["impact", "impact_out_of_borough"])
def test_the_impact_prints_in_its_one_place(impact: str) -> None:
    data = sample(MASE_CASE_SUMMARY)
    data.update(impact=None, impact_out_of_borough=None, other_agencies=None)
    data.update(
        {impact: WRITTEN, "case_variant": "existing" if impact == "impact" else "out_of_borough"}
    )
    assert MASE_CASE_SUMMARY.problems(data) == []
    word = squash(word_text(render_word(MASE_CASE_SUMMARY, data)))
    assert word.count(IMPACT) == 1
    assert f"{IMPACT} {WRITTEN}" in word  # the label's cell, then the answer's
    assert word.index(IMPACT) > word.index("Action(s)")  # after the actions, as on paper
    pdf = squash(pdf_body(render_pdf(MASE_CASE_SUMMARY, data)))
    assert f"{IMPACT} {WRITTEN}" in pdf
    assert pdf.count(IMPACT) == 1  # not the other variant's empty box too


def test_a_blank_pdf_prints_every_variant_box() -> None:
    pdf = squash(pdf_body(render_pdf(MASE_CASE_SUMMARY, MASE_CASE_SUMMARY.clean({}))))
    assert pdf.count(IMPACT) == 2 and pdf.count(AGENCIES) == 1


def test_other_agencies_print_after_the_lead_professional() -> None:
    data = sample(MASE_CASE_SUMMARY)
    word = squash(word_text(render_word(MASE_CASE_SUMMARY, data)))
    assert f"{AGENCIES} {data['other_agencies']}" in word
    assert word.index("Lead Professional:") < word.index(AGENCIES) < word.index("Victim")
    pdf = squash(pdf_body(render_pdf(MASE_CASE_SUMMARY, data)))
    assert f"{AGENCIES} {data['other_agencies']}" in pdf
