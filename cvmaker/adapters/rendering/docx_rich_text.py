"""Rich text into a Word document: bold and italic runs, real hyperlinks (`w:hyperlink` to an external
relationship, so the address survives, not only its text), line breaks, paragraphs and bulleted paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from cvmaker.domain.rich_text.model import Block, BulletList, Emphasis, Inline, LineBreak, Link, Strong, Text

LIST_STYLE = "List Bullet"


def write_blocks(
    new_paragraph: Callable[[str | None], Any], blocks: Iterable[Block], link_color: Any, rtl: bool
) -> None:
    """Each paragraph as a paragraph and each list item as a bulleted paragraph; `new_paragraph(style)` adds an
    empty one where the caller wants it."""
    for block in blocks:
        if isinstance(block, BulletList):
            for item in block.items:
                write_inlines(new_paragraph(LIST_STYLE), item, link_color, rtl)
        else:
            write_inlines(new_paragraph(None), block.children, link_color, rtl)


def write_inlines(paragraph: Any, inlines: Iterable[Inline], link_color: Any, rtl: bool) -> None:
    _write(paragraph, paragraph._p, inlines, _Look(), link_color, rtl)


@dataclass(frozen=True, slots=True)
class _Look:
    """How the runs being written look: what the markers around them ask for."""

    bold: bool = False
    italic: bool = False
    link_color: Any = None  # set inside a link


def _write(paragraph: Any, parent: Any, inlines: Iterable[Inline], look: _Look, link_color: Any, rtl: bool) -> None:
    """Runs for `inlines`, appended to `parent` (the paragraph, or a hyperlink inside it)."""
    for inline in inlines:
        if isinstance(inline, Text):
            _run(paragraph, parent, look, rtl).text = inline.text
        elif isinstance(inline, LineBreak):
            _run(paragraph, parent, look, rtl).add_break()
        elif isinstance(inline, Strong):
            _write(paragraph, parent, inline.children, replace(look, bold=True), link_color, rtl)
        elif isinstance(inline, Emphasis):
            _write(paragraph, parent, inline.children, replace(look, italic=True), link_color, rtl)
        elif isinstance(inline, Link):
            hyperlink = _hyperlink(paragraph, inline.href)
            _write(paragraph, hyperlink, inline.children, replace(look, link_color=link_color), link_color, rtl)


def _run(paragraph: Any, parent: Any, look: _Look, rtl: bool) -> Any:
    from docx.oxml import OxmlElement

    run = paragraph.add_run()
    if look.bold:
        run.bold = True
    if look.italic:
        run.italic = True
    if look.link_color is not None:
        run.font.color.rgb = look.link_color
        run.font.underline = True
    if rtl:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    if parent is not paragraph._p:
        parent.append(run._r)  # moved from the paragraph's end into the hyperlink
    return run


def _hyperlink(paragraph: Any, url: str) -> Any:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    paragraph._p.append(hyperlink)
    return hyperlink
