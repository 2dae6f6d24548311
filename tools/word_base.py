"""Write the base Word template, doc_templates/base/base.docx, from which every artefact's
template is made (tools.make_word_template).

    python -m tools.word_base

It is written part by part rather than saved from python-docx's default document, so that it
holds nothing left over (no bibliography customXml, no thumbnail, no "stylesWithEffects", no
theme, no 2013 dates, no "Microsoft Macintosh Word"): only named styles in the council's font
stack and colours (documents.word_style), an A4 page with 2 cm margins, and the marking in
header and footer. The footer gives the version's stamp (`_stamp_footer`, filled by
documents.word.render_word) and "Page N of M" (PAGE and NUMPAGES fields, which Word and
LibreOffice update when they lay the pages out), as the PDF's footer does (issue 12).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from documents import word_style as s
from documents.pdf import MARKING
from documents.word import TEMPLATE_DIR

BASE = TEMPLATE_DIR / "base" / "base.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
XML = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_PARTS = {  # part name -> (content type, relationship type from the document)
    "word/styles.xml": (f"{DOCUMENT_TYPE}.styles+xml", "styles"),
    "word/settings.xml": (f"{DOCUMENT_TYPE}.settings+xml", "settings"),
    "word/fontTable.xml": (f"{DOCUMENT_TYPE}.fontTable+xml", "fontTable"),
    "word/header1.xml": (f"{DOCUMENT_TYPE}.header+xml", "header"),
    "word/footer1.xml": (f"{DOCUMENT_TYPE}.footer+xml", "footer"),
}


def _fonts(size: int, bold: bool = False, colour: str = s.INK_HEX) -> str:
    return (
        f'<w:rFonts w:ascii="{s.FONT}" w:hAnsi="{s.FONT}" w:eastAsia="{s.FONT}" '
        f'w:cs="{s.FONT}"/>{"<w:b/><w:bCs/>" if bold else ""}<w:color w:val="{colour}"/>'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    )


def _style(
    style_id: str,
    name: str,
    size: int,
    bold: bool = False,
    before: int = 0,
    after: int = 0,
    keep_next: bool = False,
    outline: int | None = None,
) -> str:
    """A paragraph style based on Normal. Headings and labels keep with the next paragraph so
    that none ends a page without what follows it (issue 12)."""
    keep = "<w:keepNext/><w:keepLines/>" if keep_next else ""
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="{int(style_id not in _BUILT_IN)}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
        f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{keep}'
        f'<w:spacing w:before="{before}" w:after="{after}"/>{level}</w:pPr>'
        f"<w:rPr>{_fonts(size, bold)}</w:rPr></w:style>"
    )


_BUILT_IN = {"Normal", "Title", "Heading1", "Heading2", "Header", "Footer", s.TABLE}


def _borders() -> str:
    line = f'w:val="single" w:sz="{s.RULE_EIGHTHS}" w:space="0" w:color="{s.RULE_HEX}"'
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return "<w:tblBorders>" + "".join(f"<w:{side} {line}/>" for side in sides) + "</w:tblBorders>"


def _table_style() -> str:
    """Light grey rules and the PDF's cell padding; the figures' tables use it too."""
    margins = (
        f'<w:tblCellMar><w:top w:w="{s.PAD_ABOVE}" w:type="dxa"/>'
        f'<w:left w:w="{s.PAD_LEFT_RIGHT}" w:type="dxa"/>'
        f'<w:bottom w:w="{s.PAD_BELOW}" w:type="dxa"/>'
        f'<w:right w:w="{s.PAD_LEFT_RIGHT}" w:type="dxa"/></w:tblCellMar>'
    )
    return (
        f'<w:style w:type="table" w:styleId="{s.TABLE}"><w:name w:val="Table Grid"/>'
        '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" '
        'w:lineRule="auto"/></w:pPr>'
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{_borders()}{margins}</w:tblPr></w:style>'
    )


def styles_xml() -> str:
    return (
        f'{XML}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>'
        f'{_fonts(s.BODY_SIZE)}<w:lang w:val="{s.LANGUAGE}" w:eastAsia="{s.LANGUAGE}" '
        f'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
        '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name '
        'w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        "</w:tblPr></w:style>"
        + _style(s.TITLE, "Title", s.TITLE_SIZE, bold=True, after=80, keep_next=True)
        + _style(s.BOARD, "Board", s.BODY_SIZE, after=200, keep_next=True)
        + _style(
            s.HEADING1, "heading 1", s.HEADING1_SIZE, True, 280, 120, keep_next=True, outline=0
        )
        + _style(s.HEADING2, "heading 2", s.HEADING2_SIZE, True, 160, 80, keep_next=True, outline=1)
        + _style(s.NOTE, "Note", s.BODY_SIZE, after=120, keep_next=True)
        + _style(s.LABEL, "Label", s.BODY_SIZE, bold=True)
        + _style(s.PROMPT, "Prompt", s.PROMPT_SIZE, before=40)
        + _style(s.ANSWER, "Answer", s.BODY_SIZE)
        # Between two tables, which Word would otherwise join into one: a point high.
        + '<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableGap"><w:name '
        'w:val="Table gap"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing '
        'w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr><w:rPr><w:sz '
        'w:val="2"/><w:szCs w:val="2"/></w:rPr></w:style>'
        + _style("Header", "header", s.FOOTER_SIZE)
        + _style("Footer", "footer", s.FOOTER_SIZE)
        + _table_style()
        + "</w:styles>"
    )


def _font_table() -> str:
    """Arial, then the fonts LibreOffice may use in its place (documents.word_style)."""
    fonts = [s.FONT, *s.FONT_FALLBACKS]
    entries = "".join(
        f'<w:font w:name="{name}">{f"<w:altName w:val={chr(34)}{alt}{chr(34)}/>" if alt else ""}'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in zip(fonts, [*fonts[1:], None], strict=True)
    )
    return f'{XML}<w:fonts xmlns:w="{W}">{entries}</w:fonts>'


def _settings() -> str:
    return (
        f'{XML}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{s.LANGUAGE}"/></w:settings>'
    )


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field(instruction: str) -> str:
    return f'<w:fldSimple w:instr=" {instruction} ">{_run("1")}</w:fldSimple>'


def _marking(style: str) -> str:
    """OFFICIAL-SENSITIVE, centred, in bold at the PDF's 10 pt (larger than the footer's)."""
    centred = f'<w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="center"/></w:pPr>'
    size = f'<w:sz w:val="{s.MARKING_SIZE}"/><w:szCs w:val="{s.MARKING_SIZE}"/>'
    marked = (
        f'<w:r><w:rPr><w:b/><w:bCs/>{size}</w:rPr><w:t xml:space="preserve">{MARKING}</w:t></w:r>'
    )
    return f"<w:p>{centred}{marked}</w:p>"


def _header() -> str:
    return f'{XML}<w:hdr xmlns:w="{W}" xmlns:r="{R}">{_marking("Header")}</w:hdr>'


def _footer() -> str:
    """The stamp on the left, "Page N of M" at a right-aligned tab stop, the marking below, as
    the PDF. Paragraphs only: LibreOffice 7.4 prints nothing of a footer after a table in it
    (measured), so no table lays them out. The stamp is small enough (FOOTER_SIZE) that the
    longest form's fits one line beside the page number."""
    tab = f'<w:tabs><w:tab w:val="right" w:pos="{s.TEXT_WIDTH}"/></w:tabs>'
    stamp = (
        f'<w:p><w:pPr><w:pStyle w:val="Footer"/>{tab}</w:pPr>{_run("{{ _stamp_footer }}")}'
        f"<w:r><w:tab/></w:r>{_run('Page ')}{_field('PAGE')}{_run(' of ')}"
        f"{_field('NUMPAGES')}</w:p>"
    )
    return f'{XML}<w:ftr xmlns:w="{W}" xmlns:r="{R}">{stamp}{_marking("Footer")}</w:ftr>'


def _document() -> str:
    page = (
        f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        f'<w:footerReference w:type="default" r:id="rIdFooter"/>'
        f'<w:pgSz w:w="{s.PAGE_WIDTH}" w:h="{s.PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{s.MARGIN}" w:right="{s.MARGIN}" w:bottom="{s.MARGIN}" '
        f'w:left="{s.MARGIN}" w:header="567" w:footer="340" w:gutter="0"/></w:sectPr>'
    )
    return f'{XML}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{page}</w:body></w:document>'


def _relationships() -> str:
    ids = {"header": "rIdHeader", "footer": "rIdFooter"}
    rels = "".join(
        f'<Relationship Id="{ids.get(kind, "rId" + kind)}" Type="{REL}/{kind}" '
        f'Target="{name.removeprefix("word/")}"/>'
        for name, (_, kind) in _PARTS.items()
    )
    return f'{XML}<Relationships xmlns="{PKG}/relationships">{rels}</Relationships>'


def _content_types() -> str:
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>'
        for name, (kind, _) in {
            "word/document.xml": (f"{DOCUMENT_TYPE}.document.main+xml", ""),
            "docProps/core.xml": ("application/vnd.openxmlformats-package.core-properties+xml", ""),
            "docProps/app.xml": (
                "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                "",
            ),
            **_PARTS,
        }.items()
    )
    return (
        f'{XML}<Types xmlns="{PKG}/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Default Extension="png" ContentType="image/png"/>{overrides}</Types>'
    )


def _package_relationships() -> str:
    od = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return (
        f'{XML}<Relationships xmlns="{PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{od}/officeDocument" Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{od}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )


def parts() -> dict[str, str]:
    """Every part of the base template. Its document properties are placeholders: render_word
    writes them at generation time (documents.word_properties)."""
    from documents.word_properties import app_xml, core_xml

    return {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _package_relationships(),
        "docProps/core.xml": core_xml("Base template", None),
        "docProps/app.xml": app_xml(),
        "word/document.xml": _document(),
        "word/_rels/document.xml.rels": _relationships(),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": _settings(),
        "word/fontTable.xml": _font_table(),
        "word/header1.xml": _header(),
        "word/footer1.xml": _footer(),
    }


def save(path: Path, package: dict[str, str]) -> Path:
    """Write a package's parts as a .docx file: the same bytes for the same parts (a fixed
    time in the zip, never the day it was written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, xml in package.items():
            info = zipfile.ZipInfo(name, (2027, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            docx.writestr(info, xml.encode("utf-8"))
    return path


if __name__ == "__main__":
    save(BASE, parts())
    print(f"wrote {BASE}")
