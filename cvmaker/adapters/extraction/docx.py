"""DOCX -> lines in reading order, with python-docx: paragraphs with their styles, tables (CVs laid out with
tables), text boxes (each once: Word stores a text box twice, as DrawingML and as a VML fallback), SmartArt
graphics, the page header, hyperlinks.

python-docx parses with entity resolution off (no XXE, no billion laughs); the zip container was pre-scanned by
`file_sniffing.prescan_docx` before this runs.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from cvmaker.adapters.extraction.hidden_text import (
    HIDDEN_RUN,
    TINY_POINTS,
    TINY_TEXT,
    WHITE,
    WHITE_TEXT,
    HiddenText,
    luminance,
)
from cvmaker.domain.errors import FileLimitExceeded, UnsupportedFile
from cvmaker.domain.parsing.extracted import ExtractedDocument, LinkTarget, Span, TextLine
from cvmaker.domain.parsing.text import clean

MAX_PARAGRAPHS = 5_000
MAX_CHARS = 100_000
DEFAULT_SIZE = 11.0
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_R_ID = f"{_R}id"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_DSP = "{http://schemas.microsoft.com/office/drawing/2008/diagram}"


@dataclass
class _Reader:
    document: Any
    lines: list[TextLine] = field(default_factory=list)
    links: list[LinkTarget] = field(default_factory=list)
    paragraphs: int = 0
    characters: int = 0
    hidden: HiddenText = field(default_factory=HiddenText)
    # A coloured page background makes white text legible: then only marked-hidden and tiny text is hidden.
    dark_page: bool = False

    # one paragraph ---------------------------------------------------------------------------------------------
    def paragraph(self, p: Any, part: Any) -> None:
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise FileLimitExceeded(
                f"This document has more than {MAX_PARAGRAPHS:,} paragraphs; a CV has far fewer.", "paragraphs"
            )
        text, size, bold = self._runs(p)
        self.characters += len(text)
        if self.characters > MAX_CHARS:
            raise FileLimitExceeded(
                f"This document holds more than {MAX_CHARS:,} characters, more than any CV.", "characters"
            )
        style = _style_name(p, self.document)
        is_heading = bool(style and re.match(r"(heading|title|subtitle)", style, re.IGNORECASE))
        # A numbered heading ("1. Experience") is a heading; other numbered paragraphs are list items.
        numbered = not is_heading and (
            p.find(f"{_W}pPr/{_W}numPr") is not None or bool(style and "list" in style.lower())
        )
        for number, piece in enumerate(text.split("\n")):
            spans = tuple(Span(clean(cell), size=size, bold=bold) for cell in piece.split("\t") if clean(cell))
            if spans:
                self.lines.append(
                    TextLine(
                        spans=spans,
                        page=1,
                        top=float(len(self.lines)),
                        size=size,
                        bold=bold,
                        style=style or "Normal",
                        list_item=numbered and number == 0,
                    )
                )
        self._hyperlinks(p, part)
        # Text boxes anchored in this paragraph, read where they are anchored.
        for box in p.iter(f"{_W}txbxContent"):
            if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
                continue
            self.block(box, part)
        # SmartArt anchored here ("Contact" and "Personal info" boxes holding the name, phone and email).
        for diagram in p.iter(f"{_DGM}relIds"):
            self._diagram(diagram, part)

    def _diagram(self, relation_ids: Any, part: Any) -> None:
        """A SmartArt graphic's text, a line per DrawingML paragraph with its size and weight: from the drawing
        Word saved of it (its shapes in drawing order) when there is one, else from its data model."""
        data = _related(part, relation_ids.get(f"{_R}dm"))
        if data is None:
            return
        tree = _xml(data.blob)
        if tree is None:
            return
        drawing_id = next((e.get("relId") for e in tree.iter(f"{_DSP}dataModelExt")), None)
        drawing = _related(part, drawing_id)
        drawing_tree = _xml(drawing.blob) if drawing is not None else None
        for a_p in (drawing_tree if drawing_tree is not None else tree).iter(f"{_A}p"):
            runs = [(r.findtext(f"{_A}t") or "", r.find(f"{_A}rPr")) for r in a_p.iter(f"{_A}r")]
            text = clean("".join(t for t, _ in runs))
            if not text:
                continue
            self.characters += len(text)
            if self.characters > MAX_CHARS:
                raise FileLimitExceeded(
                    f"This document holds more than {MAX_CHARS:,} characters, more than any CV.", "characters"
                )
            sizes = [int(rpr.get("sz")) / 100 for _, rpr in runs if rpr is not None and rpr.get("sz", "").isdigit()]
            bold = any(rpr is not None and rpr.get("b") in ("1", "true") for _, rpr in runs)
            size = max(sizes, default=DEFAULT_SIZE)
            self.lines.append(
                TextLine(
                    spans=(Span(text, size=size, bold=bold),),
                    page=1,
                    top=float(len(self.lines)),
                    size=size,
                    bold=bold,
                    style="Normal",
                )
            )

    def _runs(self, p: Any) -> tuple[str, float, bool]:
        """The paragraph's own text (not its text boxes), its main font size and whether it is mostly bold."""
        pieces: list[str] = []
        weights: dict[tuple[float, bool], int] = {}
        style_size, style_bold = _style_font(p, self.document)
        for run in p.iter(f"{_W}r"):
            if not _is_own(run, p):
                continue  # a run of a text box inside this paragraph: read with its box
            text = ""
            for child in run:
                tag = child.tag
                if tag == f"{_W}t":
                    text += child.text or ""
                elif tag == f"{_W}tab":
                    text += "\t"
                elif tag in (f"{_W}br", f"{_W}cr"):
                    text += "\n"
                elif tag == f"{_W}noBreakHyphen":
                    text += "-"
            if not text:
                continue
            reason = _hidden(run, self.dark_page)
            if reason:
                self.hidden.add(reason, text, True)
                continue
            size, bold = _run_font(run, style_size, style_bold)
            weights[(size, bold)] = weights.get((size, bold), 0) + len(text.strip())
            pieces.append(text)
        if not weights:
            return "".join(pieces), style_size, style_bold
        (size, bold) = max(weights, key=lambda key: weights[key])
        return "".join(pieces), size, bold

    def _hyperlinks(self, p: Any, part: Any) -> None:
        for link in p.iter(f"{_W}hyperlink"):
            rel_id = link.get(_R_ID)
            if not rel_id or part is None or rel_id not in part.rels:
                continue
            relationship = part.rels[rel_id]
            if not relationship.is_external:
                continue
            text = "".join(t.text or "" for t in link.iter(f"{_W}t"))
            self.links.append(LinkTarget(relationship.target_ref, clean(text)))

    # blocks: a body, a cell, a text box, a header ------------------------------------------------------------
    def block(self, element: Any, part: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph(child, part)
            elif tag == f"{_W}tbl":
                self.table(child, part)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    self.block(content, part)

    def table(self, tbl: Any, part: Any) -> None:
        """Rows in order. A row of short single-paragraph cells (a date beside a title) is one line whose cells
        are spans; a row of tall cells (a sidebar beside the main column) is read cell by cell."""
        for tr in tbl.iterchildren(f"{_W}tr"):
            cells = [tc for tc in tr.iterchildren(f"{_W}tc")]
            firsts: list[Any] = []
            for tc in cells:
                paragraphs = [p for p in tc.iterchildren(f"{_W}p") if _plain_text(p).strip()]
                firsts.append(paragraphs)
            non_empty = [ps for ps in firsts if ps]
            nested = any(tc.find(f"{_W}tbl") is not None for tc in cells)
            tall = sum(1 for ps in non_empty if len(ps) > 1)
            short_firsts = all(len(_plain_text(ps[0])) <= 80 for ps in non_empty)
            if len(non_empty) >= 2 and tall <= 1 and short_firsts and not nested:
                self._row_as_line(non_empty, part)
            else:
                for tc in cells:
                    self.block(tc, part)

    def _row_as_line(self, cells: list[list[Any]], part: Any) -> None:
        spans: list[Span] = []
        sizes: list[tuple[float, bool]] = []
        first_style = None
        for paragraphs in cells:
            text, size, bold = self._runs(paragraphs[0])
            first_style = first_style or _style_name(paragraphs[0], self.document)
            for cell_text in re.split(r"[\t\n]", text):
                if clean(cell_text):
                    spans.append(Span(clean(cell_text), size=size, bold=bold))
                    sizes.append((size, bold))
            self._hyperlinks(paragraphs[0], part)
        if spans:
            size, bold = max(set(sizes), key=sizes.count)
            self.lines.append(
                TextLine(
                    spans=tuple(spans),
                    page=1,
                    top=float(len(self.lines)),
                    size=size,
                    bold=bold,
                    style=first_style or "Normal",
                )
            )
        for paragraphs in cells:
            for p in paragraphs[1:]:
                self.paragraph(p, part)


def _is_own(run: Any, p: Any) -> bool:
    for ancestor in run.iterancestors():
        if ancestor.tag == f"{_W}txbxContent":
            return False
        if ancestor is p:
            return True
    return True


def _related(part: Any, relation_id: str | None) -> Any:
    """The part `relation_id` names from `part`, or None (a missing or broken relationship)."""
    if not relation_id:
        return None
    try:
        return part.related_parts[relation_id]
    except (KeyError, AttributeError):
        return None


def _xml(blob: bytes) -> Any:
    """A part's XML parsed by python-docx's own parser (entities never resolved); None when it is not XML."""
    from docx.oxml import parse_xml

    try:
        return parse_xml(blob)
    except Exception:  # lxml's syntax error: a broken part is skipped, the rest of the CV is read
        return None


def _plain_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t"))


def _style_name(p: Any, document: Any) -> str | None:
    style_id = p.find(f"{_W}pPr/{_W}pStyle")
    if style_id is None:
        return None
    name: str | None
    try:
        name = document.styles.get_by_id(style_id.get(f"{_W}val"), 1).name  # 1: WD_STYLE_TYPE.PARAGRAPH
    except Exception:  # an unknown style id: use the id itself
        name = style_id.get(f"{_W}val")
    return name


def _style_font(p: Any, document: Any) -> tuple[float, bool]:
    size, bold = None, None
    style_id = p.find(f"{_W}pPr/{_W}pStyle")
    style = None
    try:
        style = (
            document.styles.get_by_id(style_id.get(f"{_W}val"), 1)
            if style_id is not None
            else document.styles.default(1)
        )
    except Exception:
        style = None
    depth = 0
    while style is not None and depth < 10 and (size is None or bold is None):
        font = style.font
        if size is None and font.size is not None:
            size = font.size.pt
        if bold is None and font.bold is not None:
            bold = font.bold
        style = style.base_style
        depth += 1
    return (size or DEFAULT_SIZE, bool(bold))


def _hidden(run: Any, dark_page: bool) -> str | None:
    """Why a run is not seen by a person reading the document, or None: marked hidden (`w:vanish`), too small,
    or white where nothing coloured lies beneath (shading of the run, paragraph, cell or table; a text box,
    whose fill is not read here, counts as coloured so its text is kept)."""
    properties = run.find(f"{_W}rPr")
    if properties is None:
        return None
    vanish = properties.find(f"{_W}vanish")
    if vanish is not None and (vanish.get(f"{_W}val") or "true").lower() not in ("0", "false", "off"):
        return HIDDEN_RUN
    sz = properties.find(f"{_W}sz")
    if sz is not None and (sz.get(f"{_W}val") or "").isdigit() and int(sz.get(f"{_W}val")) / 2 < TINY_POINTS:
        return TINY_TEXT
    color = properties.find(f"{_W}color")
    if color is None or dark_page or not _is_white(color) or _on_colour(run):
        return None
    return WHITE_TEXT


def _is_white(color: Any) -> bool:
    theme = (color.get(f"{_W}themeColor") or "").lower()
    if theme in ("background1", "light1"):
        return True
    value = color.get(f"{_W}val") or ""
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", value):
        return False
    return luminance(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)) >= WHITE


def _on_colour(run: Any) -> bool:
    if _shaded(run.find(f"{_W}rPr")):
        return True
    highlight = run.find(f"{_W}rPr/{_W}highlight")
    if highlight is not None and (highlight.get(f"{_W}val") or "none") != "none":
        return True
    for ancestor in run.iterancestors():
        tag = ancestor.tag
        if tag == f"{_W}txbxContent":
            return True
        if tag == f"{_W}p" and _shaded(ancestor.find(f"{_W}pPr")):
            return True
        if tag == f"{_W}tc" and _shaded(ancestor.find(f"{_W}tcPr")):
            return True
        if tag == f"{_W}tbl" and _shaded(ancestor.find(f"{_W}tblPr")):
            return True
    return False


def _shaded(properties: Any) -> bool:
    shading = properties.find(f"{_W}shd") if properties is not None else None
    if shading is None:
        return False
    fill = (shading.get(f"{_W}fill") or "auto").lower()
    return fill not in ("auto", "ffffff") or (shading.get(f"{_W}val") or "clear") not in ("clear", "nil")


def _run_font(run: Any, size: float, bold: bool) -> tuple[float, bool]:
    properties = run.find(f"{_W}rPr")
    if properties is None:
        return size, bold
    sz = properties.find(f"{_W}sz")
    if sz is not None and (sz.get(f"{_W}val") or "").isdigit():
        size = int(sz.get(f"{_W}val")) / 2
    b = properties.find(f"{_W}b")
    if b is not None:
        bold = (b.get(f"{_W}val") or "true").lower() not in ("0", "false", "off")
    return size, bold


def extract_docx(data: bytes) -> ExtractedDocument:
    """Lines of a Word document in reading order: page header first, then the body."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise UnsupportedFile("This file is not a Word document.", "not_a_cv_file") from None
    except ValueError as error:  # python-docx refuses a main part that is not a document (.dotx/.docm)
        raise UnsupportedFile(f"This Word file cannot be read: {error}", "not_a_cv_file") from None
    reader = _Reader(document)
    background = document.element.find(f"{_W}background")
    reader.dark_page = background is not None and not _is_white(background)
    dropped: list[str] = []
    seen_headers: set[int] = set()
    for section in document.sections:
        # With a first page of its own, the other pages' header is a running one (the name again, "Page 2 of 3"):
        # it is kept with the dropped text, not read as the CV's header.
        first_own = bool(section.different_first_page_header_footer)
        for header, running in ((section.first_page_header, False), (section.header, first_own)):
            try:
                if header.is_linked_to_previous or id(header._element) in seen_headers:
                    continue
                seen_headers.add(id(header._element))
                if running:
                    dropped.extend(
                        "header: " + clean(_plain_text(p))
                        for p in header._element.iter(f"{_W}p")
                        if clean(_plain_text(p))
                    )
                else:
                    reader.block(header._element, header.part)
            except Exception:  # a header that cannot be read is not worth failing the import for
                continue
        try:
            footer = section.footer
            if not footer.is_linked_to_previous:
                dropped.extend(
                    "footer: " + clean(_plain_text(p)) for p in footer._element.iter(f"{_W}p") if clean(_plain_text(p))
                )
        except Exception:
            pass
    reader.block(document.element.body, document.part)
    breaks = sum(1 for _ in document.element.body.iter(f"{_W}lastRenderedPageBreak"))
    if not reader.lines:
        raise UnsupportedFile("This Word document has no text.", "no_text")
    dropped.extend(reader.hidden.dropped())
    return ExtractedDocument(kind="docx", pages=breaks + 1, lines=reader.lines, links=reader.links, dropped=dropped)
