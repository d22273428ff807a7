"""A CV as an editable Word document, built with python-docx from the CV's data (not converted from the PDF):
the name is the document title, section titles are Heading 1, entries are Heading 2, bullets are Word list
paragraphs, and the design's font, size, accent colour, page size and margins carry over.

Output is byte-for-byte stable for equal input (fixed document dates and zip timestamps), so equal CVs hash equal.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from cvmaker.adapters.rendering.docx_rich_text import write_blocks, write_inlines
from cvmaker.domain.cv import design as allowed
from cvmaker.domain.cv.model import CvDocument, Design, Item, PageSize
from cvmaker.domain.letters.layout import LetterContent
from cvmaker.domain.rendering.plain_text import (
    COMPACT_KINDS,
    detect_script,
    format_period,
    link_label,
    shown_sections,
)
from cvmaker.domain.rich_text.parsing import parse_blocks, parse_inlines
from cvmaker.domain.rich_text.plain import plain_text

# What XML 1.0 cannot hold at all (python-docx refuses it): C0 controls but tab, line feed and carriage return,
# lone surrogates, U+FFFE and U+FFFF. A CV may hold them (text pasted from a word processor or a web page).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word's own line and page breaks (vertical tab, form feed) stay line breaks; any other such character goes.
_AS_LINE_BREAK = {"\x0b": "\n", "\x0c": "\n"}
FIXED_TIME = datetime(2000, 1, 1)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
PAGE_MM = {PageSize.A4: (210.0, 297.0), PageSize.LETTER: (215.9, 279.4)}


def _xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda found: _AS_LINE_BREAK.get(found.group(0), ""), text)


def _xml_values(value: Any) -> Any:
    if isinstance(value, str):
        return _xml_text(value)
    if isinstance(value, dict):
        return {key: _xml_values(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_xml_values(child) for child in value]
    return value


def _xml_document(document: CvDocument) -> CvDocument:
    """The document with every text as a Word file can hold it (see `_NOT_XML`)."""
    return CvDocument.from_dict(_xml_values(document.to_dict()))


def _xml_letter(letter: LetterContent) -> LetterContent:
    return replace(
        letter,
        date=_xml_text(letter.date),
        greeting=_xml_text(letter.greeting),
        blocks=tuple(replace(block, lines=tuple(map(_xml_text, block.lines))) for block in letter.blocks),
        closing=_xml_text(letter.closing),
        signature=_xml_text(letter.signature),
    )


def _stable_zip(data: bytes) -> bytes:
    """The same zip with every entry's timestamp fixed, in the original order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return output.getvalue()


def _add_hyperlink(paragraph: Any, url: str, text: str, color: Any) -> None:
    """python-docx has no hyperlink API: a `w:hyperlink` to an external relationship, wrapping one run."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relationship = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(color))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([colour, underline])
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.extend([properties, text_element])
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


@dataclass
class _Builder:
    """Builds one document; holds the python-docx objects while it does."""

    document: Any
    accent: Any
    rtl: bool
    language: str

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        paragraph = self.document.add_paragraph(text, style=style)
        if self.rtl:
            self._right_to_left(paragraph)
        return paragraph

    def rich_text(self, text: str) -> None:
        """A summary or description: paragraphs with bold, italic and linked runs, and bulleted paragraphs."""
        write_blocks(lambda style: self.paragraph(style=style), parse_blocks(text), self.accent, self.rtl)

    def bullet(self, text: str) -> None:
        write_inlines(self.paragraph(style="List Bullet"), parse_inlines(text), self.accent, self.rtl)

    def heading(self, text: str, level: int) -> Any:
        heading = self.document.add_heading(text, level=level)
        for run in heading.runs:
            run.font.color.rgb = self.accent
        if self.rtl:
            self._right_to_left(heading)
        return heading

    def contact(self, document: CvDocument) -> Any:
        """The contact line: location, email, phone, then each link as a real hyperlink (so the full address
        survives, not just the printed label), separated by " | "."""
        parts = [part for part in (document.basics.location, document.basics.email, document.basics.phone) if part]
        paragraph = self.paragraph(" | ".join(parts))
        for link in document.basics.links:
            if paragraph.text or len(paragraph._p) > 1:
                paragraph.add_run(" | ")
            _add_hyperlink(paragraph, link.url, link_label(link.url, link.label), self.accent)
        return paragraph

    @staticmethod
    def _right_to_left(paragraph: Any) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement

        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        for run in paragraph.runs:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))

    def entry(self, item: Item) -> None:
        title = ", ".join(part for part in (item.title, item.organization) if part)
        if title:
            self.heading(title, level=2)
        meta = " | ".join(part for part in (format_period(item, self.language), item.location) if part)
        if meta:
            run = self.paragraph().add_run(meta)
            run.italic = True
            if self.rtl:
                run._r.get_or_add_rPr().append(self._rtl_element())
        if item.url:
            self.paragraph(item.url)
        if item.description:
            self.rich_text(item.description)
        for bullet in item.bullets:
            self.bullet(bullet)
        if item.keywords:
            self.paragraph(", ".join(item.keywords))

    def row(self, item: Item) -> None:
        paragraph = self.document.add_paragraph()
        detail = ", ".join(item.keywords) if item.keywords else plain_text(item.description or "").replace("\n", "; ")
        if item.title:
            paragraph.add_run(item.title + (": " if detail else "")).bold = True
        paragraph.add_run(detail)
        if self.rtl:
            self._right_to_left(paragraph)

    @staticmethod
    def _rtl_element() -> Any:
        from docx.oxml import OxmlElement

        return OxmlElement("w:rtl")


def _set_page(document: Any, design: Design) -> None:
    from docx.shared import Mm

    width, height = PAGE_MM[design.page_size]
    margin = Mm(allowed.margin_mm(design.margins) or 18.0)
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = margin


def _set_fonts(document: Any, design: Design) -> None:
    from docx.shared import Pt

    for style_name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
        style = document.styles[style_name]
        style.font.name = design.font_family
        # East Asian and complex-script text use their own font slots in Word.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for slot in ("w:eastAsia", "w:cs"):
            fonts.set(
                f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{slot.split(':')[1]}",
                design.font_family,
            )
    document.styles["Normal"].font.size = Pt(design.font_size)
    document.styles["Title"].font.size = Pt(design.font_size * 2.2)
    document.styles["Heading 1"].font.size = Pt(design.font_size * 1.25)
    document.styles["Heading 2"].font.size = Pt(design.font_size * 1.05)


def _set_spacing(document: Any, design: Design) -> None:
    """The design's line height and section spacing, where they differ from Word's defaults (as in the PDF,
    NORMAL keeps the look as it was)."""
    from docx.shared import Pt

    line_height = allowed.LINE_HEIGHTS.get(design.line_height)
    if line_height is not None:
        for style_name in ("Normal", "List Bullet"):
            document.styles[style_name].paragraph_format.line_spacing = line_height
    spacing = allowed.SECTION_SPACINGS.get(design.section_spacing)
    if spacing is not None:
        # Word's own space above headings, scaled as the PDF scales the classic template's (1.05em above a
        # section, 0.65em between entries).
        for style_name, gap, normal_gap in (("Heading 1", spacing[0], 1.05), ("Heading 2", spacing[1], 0.65)):
            paragraph_format = document.styles[style_name].paragraph_format
            paragraph_format.space_before = Pt(round(paragraph_format.space_before.pt * gap / normal_gap, 1))


def _style_section_heading(heading: Any, design: Design) -> None:
    """A section heading in the design's heading style (TEMPLATE and PLAIN keep Word's Heading 1)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    accent = design.accent_color.lstrip("#").upper()
    if design.heading_style is allowed.HeadingStyle.UNDERLINE:
        _rule_below(heading, accent)
    elif design.heading_style is allowed.HeadingStyle.BAND:
        shading = OxmlElement("w:shd")
        fill = allowed.mix_color(design.accent_color.lower(), (255, 255, 255), 0.9).lstrip("#").upper()
        for name, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
            shading.set(qn(name), value)
        heading._p.get_or_add_pPr().append(shading)
    elif design.heading_style is allowed.HeadingStyle.SMALL_CAPS:
        for run in heading.runs:
            run.font.small_caps = True


class PythonDocxWriter:
    """The `DocxWriter` the render service uses."""

    def write(self, document: CvDocument, design: Design) -> bytes:
        import docx
        from docx.shared import RGBColor

        document = _xml_document(document)
        word = docx.Document()
        _set_page(word, design)
        _set_fonts(word, design)
        _set_spacing(word, design)
        script = detect_script(document)
        builder = _Builder(
            word,
            RGBColor.from_string(design.accent_color.lstrip("#").upper()),
            script.direction == "rtl",
            script.language,
        )
        properties = word.core_properties
        properties.title = document.title
        properties.author = document.basics.name
        properties.created = properties.modified = properties.last_printed = FIXED_TIME
        properties.revision = 1
        properties.last_modified_by = "CV Maker"

        builder.heading(document.basics.name, level=0)
        if document.basics.headline:
            builder.paragraph(document.basics.headline)
        if document.basics.location or document.basics.email or document.basics.phone or document.basics.links:
            builder.contact(document)
        if document.summary:
            builder.rich_text(document.summary)
        for section in shown_sections(document):
            _style_section_heading(builder.heading(section.title, level=1), design)
            for item in section.items:
                if section.kind in COMPACT_KINDS:
                    builder.row(item)
                else:
                    builder.entry(item)
        buffer = io.BytesIO()
        word.save(buffer)
        return _stable_zip(buffer.getvalue())

    def write_letter(self, document: CvDocument, design: Design, letter: LetterContent) -> bytes:
        """A cover letter from `document` in `design` (see `write_letter_docx`)."""
        return write_letter_docx(document, design, letter)


# ---------------------------------------------------------------- cover letters


def _rule_below(paragraph: Any, color: str) -> None:
    """A thin line under the letterhead, in the accent colour (as the PDF's)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "6"), ("w:color", color)):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _lines_paragraph(builder: _Builder, lines: Sequence[str]) -> Any:
    """One paragraph with a line break between `lines` (a letter's line breaks inside a paragraph are kept)."""
    paragraph = builder.document.add_paragraph()
    for index, line in enumerate(lines):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(line)
    if builder.rtl:
        builder._right_to_left(paragraph)
    return paragraph


def write_letter_docx(document: CvDocument, design: Design, letter: LetterContent) -> bytes:
    """A cover letter as a Word document in the CV's design: the CV's name, headline and contact details as the
    letterhead, then the date, the greeting, the paragraphs and lists, the closing and the signature."""
    import docx
    from docx.shared import Pt, RGBColor

    document, letter = _xml_document(document), _xml_letter(letter)
    word = docx.Document()
    _set_page(word, design)
    _set_fonts(word, design)
    script = detect_script(CvDocument(basics=document.basics, summary=letter.all_text()))
    accent = RGBColor.from_string(design.accent_color.lstrip("#").upper())
    builder = _Builder(word, accent, script.direction == "rtl", script.language)
    properties = word.core_properties
    properties.title = f"{document.basics.name} - Cover letter" if document.basics.name else "Cover letter"
    properties.author = document.basics.name
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.revision = 1
    properties.last_modified_by = "CV Maker"

    gap = Pt(design.font_size * 0.8)
    if document.basics.name:
        builder.heading(document.basics.name, level=0)
    if document.basics.headline:
        builder.paragraph(document.basics.headline)
    letterhead_end = builder.contact(document)
    _rule_below(letterhead_end, design.accent_color.lstrip("#").upper())
    letterhead_end.paragraph_format.space_after = Pt(design.font_size * 2)

    builder.paragraph(letter.date).paragraph_format.space_after = Pt(design.font_size * 1.5)
    if letter.greeting:
        builder.paragraph(letter.greeting).paragraph_format.space_after = gap
    for block in letter.blocks:
        if block.kind == "list":
            bullets = [builder.paragraph(line, style="List Bullet") for line in block.lines]
            bullets[-1].paragraph_format.space_after = gap
            continue
        paragraph = _lines_paragraph(builder, block.lines)
        paragraph.paragraph_format.space_after = gap
    if letter.closing:
        closing = builder.paragraph(letter.closing)
        closing.paragraph_format.space_before = gap
        closing.paragraph_format.space_after = Pt(design.font_size * 2.6)  # room to sign by hand
        closing.paragraph_format.keep_with_next = True
    signature = _lines_paragraph(builder, [letter.signature])
    signature.runs[0].bold = True
    signature.runs[0].font.color.rgb = accent
    buffer = io.BytesIO()
    word.save(buffer)
    return _stable_zip(buffer.getvalue())
