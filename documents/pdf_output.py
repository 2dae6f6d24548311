"""How reportlab writes our PDFs out: two of its steps made cheaper, for the same pages.

Writing the file out is about half of a render, and two steps in it cost more than they need
to on every render:

- Compressing the streams (two embedded font subsets of about 35 KB and the page contents):
  reportlab uses zlib's default level, 6. Level 1 takes about 40 % less time for files about
  5 % larger; the streams decompress to exactly the same bytes, so every page is the same.
- Encoding each name and number it writes in PDFDocEncoding, through a codec looked up by
  name every time: hundreds of short strings a render, nearly all of them ASCII, which the
  encoding leaves as it is.

reportlab has no setting for either, so both are replaced here, once, on import.
"""

from __future__ import annotations

import re
import zlib

from reportlab.pdfbase import pdfdoc

COMPRESSION_LEVEL = 1
# The ASCII characters PDFDocEncoding does not have (reportlab raises on them).
_NOT_IN_PDFDOC = re.compile("[\x18-\x1f]")
_REPORTLAB_PDFDOC_ENC = pdfdoc.pdfdocEnc


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's Flate filter, at zlib's fastest level."""

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        return zlib.compress(data, COMPRESSION_LEVEL)


def _pdfdoc_enc(x: object) -> object:
    """reportlab's `pdfdocEnc`, with ASCII (which PDFDocEncoding leaves alone) done directly."""
    if type(x) is str and x.isascii() and not _NOT_IN_PDFDOC.search(x):
        return x.encode("ascii")
    return _REPORTLAB_PDFDOC_ENC(x)


# reportlab looks both up in its module each time it uses them, fonts and pages alike.
pdfdoc.PDFZCompress = _Flate()
pdfdoc.pdfdocEnc = _pdfdoc_enc
