"""The PDF sent by email: AES-256, opened only with its password, holding every answer. Only
fictional data (the samples)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PasswordType, PdfReader, PdfWriter

from documents.pdf import render_pdf
from forms import ARTEFACTS
from sending.encrypt import encrypted, new_password
from tests.conftest import sample
from tests.helpers import pdf_body

SENT = ("cse_referral", "mase_referral", "phoenix_referral")


def _opened(blob: bytes, password: str) -> bytes:
    reader = PdfReader(io.BytesIO(blob))
    assert reader.decrypt(password) != PasswordType.NOT_DECRYPTED
    out = io.BytesIO()
    PdfWriter(clone_from=reader).write(out)
    return out.getvalue()


@pytest.mark.parametrize("slug", SENT)
def test_the_encrypted_pdf_opens_with_its_password_and_holds_every_answer(slug: str) -> None:
    artefact = ARTEFACTS[slug]
    plain = render_pdf(artefact, sample(artefact))
    password = new_password()
    blob = encrypted(plain, password)
    reader = PdfReader(io.BytesIO(blob))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256 (PDF 2.0, ISO 32000-2)
    assert reader.decrypt("not the password") == PasswordType.NOT_DECRYPTED
    assert pdf_body(_opened(blob, password)) == pdf_body(plain)


def test_nothing_of_the_answers_is_readable_without_the_password() -> None:
    artefact = ARTEFACTS["cse_referral"]
    answers = sample(artefact)
    blob = encrypted(render_pdf(artefact, answers), new_password())
    for name in ("child_forename", "child_surname"):
        assert answers[name].encode() not in blob
    reader = PdfReader(io.BytesIO(blob))
    with pytest.raises(Exception, match=r"decrypt|password|encrypt"):
        reader.pages[0].extract_text()


def test_a_password_is_made_to_be_read_out() -> None:
    made = {new_password() for _ in range(200)}
    assert len(made) == 200
    for password in made:
        assert re.fullmatch(r"([a-hj-km-np-rt-y346-9]{4}-){3}[a-hj-km-np-rt-y346-9]{4}", password)


def test_no_password_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a password"):
        encrypted(b"%PDF-1.4", "")
