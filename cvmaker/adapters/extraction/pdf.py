"""PDF -> positioned text, with pypdfium2 (PDFium through ctypes).

pdfplumber's word extraction costs ~130 ms for a 2-page CV, pypdfium2 gives the same characters, boxes, font
sizes and weights in a few ms, so this reads characters with PDFium and does the grouping itself (`pdf_glyphs`:
characters -> words (small gaps) -> fragments (split at wide gaps: tab stops, chips, right-aligned dates)), then
hands the fragments to the domain's reading-order step. Runs in a child process (see `cvmaker.services.importing`); every failure is a typed error.
"""

from __future__ import annotations

import ctypes
import math
import time
import unicodedata
from typing import Any

from cvmaker.adapters.extraction.hidden_text import OFF_PAGE_TEXT, TINY_POINTS, TINY_TEXT, HiddenText
from cvmaker.adapters.extraction.pdf_glyphs import ICON, Glyph, page_texts, written_right_to_left
from cvmaker.adapters.extraction.pdf_hidden import Backgrounds, is_white_or_clear
from cvmaker.adapters.extraction.right_to_left import is_rtl
from cvmaker.domain.errors import FileLimitExceeded, UnsupportedFile
from cvmaker.domain.parsing.extracted import ExtractedDocument, LinkTarget
from cvmaker.domain.parsing.headings import looks_like_heading_text
from cvmaker.domain.parsing.layout import order_document
from cvmaker.domain.parsing.text import clean, is_dropped_char

MAX_PAGES = 20
MAX_CHARS = 100_000
MAX_SECONDS = 8.0
INVISIBLE_RENDER_MODES = {3, 7}  # PDF text render modes that paint nothing (mode 7 only clips)
SOFT_HYPHENS = {"\u00ad", "\ufffe", "\x02"}
ICON_FONT_WORDS = (
    "awesome",
    "icon",
    "marvosym",
    "dingbat",
    "wingding",
    "fontello",
    "material",
    "academicons",
    "symbola",
    "bootstrap-icons",
    "remixicon",
    "tabler",
)


def extract_pdf(data: bytes) -> ExtractedDocument:
    """Positioned lines of a PDF in reading order. Raises `UnsupportedFile` (damaged, encrypted, no text layer)
    or `FileLimitExceeded` (too many pages or characters)."""
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    started = time.monotonic()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD or "password" in str(error).lower():
            raise UnsupportedFile(
                "This PDF is protected by a password. Save an unprotected copy and upload that.", "encrypted"
            ) from None
        raise UnsupportedFile("This PDF is damaged and cannot be read.", "damaged") from None
    try:
        page_count = len(document)
        if page_count == 0:
            raise UnsupportedFile("This PDF has no pages.", "damaged")
        if page_count > MAX_PAGES:
            raise FileLimitExceeded(f"This PDF has {page_count} pages; a CV can have at most {MAX_PAGES}.", "pages")
        page_glyphs: list[tuple[float, float, list[Glyph]]] = []
        rotated: list[str] = []
        hidden = HiddenText()
        links: list[LinkTarget] = []
        total_chars = 0
        for index in range(page_count):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                raise UnsupportedFile(
                    f"Page {index + 1} of this PDF is damaged and cannot be read.", "damaged"
                ) from None
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    glyphs = _glyphs(textpage, (width, height), raw, rotated, hidden, Backgrounds(page, height, raw))
                    links.extend(_links(document, page, textpage, height, raw))
                finally:
                    textpage.close()
            finally:
                page.close()
            total_chars += len(glyphs)
            if total_chars > MAX_CHARS:
                raise FileLimitExceeded(
                    f"This PDF holds more than {MAX_CHARS:,} characters, more than any CV.", "characters"
                )
            if time.monotonic() - started > MAX_SECONDS:
                raise FileLimitExceeded("This PDF takes too long to read.", "time")
            page_glyphs.append((width, height, glyphs))
    finally:
        document.close()
    pages = page_texts(page_glyphs, written_right_to_left(page_glyphs))
    if not any(page.fragments for page in pages):
        raise UnsupportedFile(
            "This PDF has no text layer (it looks like a scan or a picture). Upload the original document, "
            "or a PDF exported from a word processor.",
            "no_text_layer",
        )
    lines, dropped = order_document(pages, looks_like_heading_text)
    if rotated:
        dropped.append("rotated text: " + clean("".join(rotated))[:200])
    dropped.extend(hidden.dropped())
    return ExtractedDocument(kind="pdf", pages=page_count, lines=lines, links=links, dropped=dropped)


def _glyphs(
    textpage: Any,
    page_size: tuple[float, float],
    raw: Any,
    rotated: list[str] | None = None,
    hidden: HiddenText | None = None,
    backgrounds: Backgrounds | None = None,
) -> list[Glyph]:
    handle = textpage.raw
    page_width, page_height = page_size
    hidden = hidden if hidden is not None else HiddenText()
    count = raw.FPDFText_CountChars(handle)
    glyphs: list[Glyph] = []
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    # Per text object (one font, one size, one matrix): (bold, invisible, icon font, size, rotated, white or
    # clear); per font: (bold, icon font). Chromium writes a text object per glyph, so the font cache pays.
    styles: dict[int, tuple[bool, bool, bool, float, bool, str | None]] = {}
    fonts: dict[int, tuple[bool, bool]] = {}
    get_unicode, get_object, get_box = raw.FPDFText_GetUnicode, raw.FPDFText_GetTextObject, raw.FPDFText_GetLooseCharBox
    pending_space = False
    for index in range(count):
        code = get_unicode(handle, index)
        if code in (0x20, 0x0A, 0x0D, 0x09, 0xA0) or code == 0:
            pending_space = True
            continue
        try:
            char = chr(code)
        except ValueError:
            continue
        if char in SOFT_HYPHENS:
            char = "-"  # a hyphenation at the end of a line: the lines are joined back later
        text_object = get_object(handle, index)
        key = ctypes.cast(text_object, ctypes.c_void_p).value or 0
        style = styles.get(key) if key else None
        if style is None:
            style = _style(handle, index, text_object, raw, fonts)
            if key:
                styles[key] = style
        bold, invisible, icon_font, size, is_rotated, unseen_ink = style
        if invisible:
            pending_space = True
            continue
        if is_rotated:  # a watermark or a sideways label is not read as lines
            if rotated is not None:
                if pending_space and rotated:
                    rotated.append(" ")
                rotated.append(char)
                pending_space = False
            continue
        if icon_font or is_dropped_char(char):
            char = ICON  # kept for its position; becomes a bullet or nothing (see `pdf_glyphs`)
        if not get_box(handle, index, box_ref):
            continue
        top, bottom = page_height - box.top, page_height - box.bottom
        reason = None
        if size < TINY_POINTS or bottom - top < 1.0:
            reason = TINY_TEXT
        elif box.right <= 0 or box.left >= page_width or bottom <= 0 or top >= page_height:
            reason = OFF_PAGE_TEXT
        elif unseen_ink and not (backgrounds and backgrounds.under((box.left + box.right) / 2, (top + bottom) / 2)):
            reason = unseen_ink
        if reason:
            if char != ICON:
                hidden.add(reason, char, pending_space)
            pending_space = False
            continue
        wide = ord(char) >= 0x300
        glyphs.append(
            Glyph(
                char,
                box.left,
                box.right,
                top,
                bottom,
                size,
                bold,
                pending_space,
                wide and is_rtl(char),
                wide and unicodedata.category(char) == "Mn",
            )
        )
        pending_space = False
    return glyphs


def _style(
    handle: Any, index: int, text_object: Any, raw: Any, fonts: dict[int, tuple[bool, bool]]
) -> tuple[bool, bool, bool, float, bool, str | None]:
    font = raw.FPDFTextObj_GetFont(text_object) if text_object else None
    font_key = ctypes.cast(font, ctypes.c_void_p).value or 0 if font else 0
    known = fonts.get(font_key) if font_key else None
    if known is None:
        weight = raw.FPDFText_GetFontWeight(handle, index)
        name_buffer = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        raw.FPDFText_GetFontInfo(handle, index, name_buffer, len(name_buffer), ctypes.byref(flags))
        font_name = name_buffer.value.decode("latin-1", "replace").lower()
        bold = weight >= 600 or any(w in font_name for w in ("bold", "black", "heavy", "semibold", "demi"))
        # Icon fonts map their glyphs to ordinary letters in some PDFs ("#" for an envelope): they are icons.
        known = (bold, any(w in font_name for w in ICON_FONT_WORDS))
        if font_key:
            fonts[font_key] = known
    mode = raw.FPDFTextObj_GetTextRenderMode(text_object) if text_object else 0
    angle = raw.FPDFText_GetCharAngle(handle, index)
    size = raw.FPDFText_GetFontSize(handle, index) * _matrix_scale(text_object, raw)
    unseen_ink = is_white_or_clear(text_object, mode, raw)
    return (known[0], mode in INVISIBLE_RENDER_MODES, known[1], size, 0.05 < angle < 6.23, unseen_ink)


def _matrix_scale(text_object: Any, raw: Any) -> float:
    """How much the text object's matrix enlarges its glyphs. Word and Pages on macOS set the font size to 1 and
    scale with the text matrix (`1 Tf` then `11 0 0 11 x y Tm`): the size a reader sees is the product, and the
    hidden-text filter and the heading sizes must use it."""
    if not text_object:
        return 1.0
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(text_object, ctypes.byref(matrix)):
        return 1.0
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
    return scale if scale > 0 else 1.0


def _links(document: Any, page: Any, textpage: Any, page_height: float, raw: Any) -> list[LinkTarget]:
    """URI link annotations, each with the text under its rectangle."""
    found: list[LinkTarget] = []
    position = ctypes.c_int(0)
    link = raw.FPDF_LINK()
    rect = raw.FS_RECTF()
    buffer_size = 2048
    buffer = ctypes.create_string_buffer(buffer_size)
    for _ in range(200):  # a cap: a hostile file may carry thousands of annotations
        if not raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
            break
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        length = raw.FPDFAction_GetURIPath(document.raw, action, buffer, buffer_size)
        if length <= 1 or length > buffer_size:
            continue
        url = buffer.raw[: length - 1].decode("utf-8", "replace").strip()
        text = ""
        if raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            text = clean(
                textpage.get_text_bounded(rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
            )
        found.append(LinkTarget(url, text))
    return found
