"""PDF -> positioned text, with pypdfium2 (PDFium through ctypes).

pdfplumber's word extraction costs ~130 ms for a 2-page CV, pypdfium2 gives the same characters, boxes, font
sizes and weights in a few ms, so this reads characters with PDFium and does the grouping itself: characters ->
words (small gaps) -> fragments (split at wide gaps: tab stops, chips, right-aligned dates) -> the domain's
reading-order step. Runs in a child process (see `cvmaker.services.importing`); every failure is a typed error.
"""

from __future__ import annotations

import ctypes
import re
import time
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from cvmaker.domain.errors import FileLimitExceeded, UnsupportedFile
from cvmaker.domain.parsing.extracted import ExtractedDocument, LinkTarget
from cvmaker.domain.parsing.headings import looks_like_heading_text
from cvmaker.domain.parsing.layout import Fragment, PageText, order_document
from cvmaker.domain.parsing.text import clean, is_dropped_char

MAX_PAGES = 20
MAX_CHARS = 100_000
MAX_SECONDS = 8.0
WORD_GAP = 0.18  # of the font size: a wider gap between glyphs separates words
FRAGMENT_GAP = 0.9  # of the font size: a wider gap separates fragments (columns, chips, tab stops)
INVISIBLE_RENDER_MODES = {3, 7}  # PDF text render modes that paint nothing (mode 7 only clips)
SOFT_HYPHENS = {"\u00ad", "\ufffe", "\x02"}
ICON = "\ue000"  # an icon glyph (private use area or an icon font): text cleaning removes it
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


@dataclass(slots=True)
class _Glyph:
    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    space_before: bool
    rtl: bool = False  # a Hebrew or Arabic letter (set right to left)
    mark: bool = False  # a combining mark (a vowel sign, a shadda): part of the letter it sits on


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
        page_glyphs: list[tuple[float, float, list[_Glyph]]] = []
        rotated: list[str] = []
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
                    glyphs = _glyphs(textpage, height, raw, rotated)
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
    pages = _pages(page_glyphs, _written_right_to_left(page_glyphs))
    if not any(page.fragments for page in pages):
        raise UnsupportedFile(
            "This PDF has no text layer (it looks like a scan or a picture). Upload the original document, "
            "or a PDF exported from a word processor.",
            "no_text_layer",
        )
    lines, dropped = order_document(pages, looks_like_heading_text)
    if rotated:
        dropped.append("rotated text: " + clean("".join(rotated))[:200])
    return ExtractedDocument(kind="pdf", pages=page_count, lines=lines, links=links, dropped=dropped)


def _glyphs(textpage: Any, page_height: float, raw: Any, rotated: list[str] | None = None) -> list[_Glyph]:
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    glyphs: list[_Glyph] = []
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    # Per text object (one font, one size, one matrix): (bold, invisible, icon font, size, rotated); per font:
    # (bold, icon font). Chromium writes a text object per glyph, so the font cache is the one that pays.
    styles: dict[int, tuple[bool, bool, bool, float, bool]] = {}
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
        bold, invisible, icon_font, size, is_rotated = style
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
            char = ICON  # kept for its position; becomes a bullet or nothing (see `_fragment`)
        if not get_box(handle, index, box_ref):
            continue
        top, bottom = page_height - box.top, page_height - box.bottom
        if size < 2.5 or bottom - top < 1.0:
            continue  # hidden "white 1-pt" text and zero-height glyphs
        wide = ord(char) >= 0x300
        glyphs.append(
            _Glyph(
                char,
                box.left,
                box.right,
                top,
                bottom,
                size,
                bold,
                pending_space,
                wide and _is_rtl(char),
                wide and unicodedata.category(char) == "Mn",
            )
        )
        pending_space = False
    return glyphs


def _style(
    handle: Any, index: int, text_object: Any, raw: Any, fonts: dict[int, tuple[bool, bool]]
) -> tuple[bool, bool, bool, float, bool]:
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
    size = raw.FPDFText_GetFontSize(handle, index)
    return (known[0], mode in INVISIBLE_RENDER_MODES, known[1], size, 0.05 < angle < 6.23)


@dataclass(slots=True)
class _Word:
    glyphs: list[_Glyph]
    gap_before: float  # in points; infinite for the first word of a row

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def size(self) -> float:
        return self.glyphs[0].size


def _rows_of_glyphs(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    rows: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        if rows:
            reference = rows[-1][0]
            overlap = min(reference.bottom, glyph.bottom) - max(reference.top, glyph.top)
            smaller = min(reference.bottom - reference.top, glyph.bottom - glyph.top)
            if overlap > 0.6 * smaller:
                rows[-1].append(glyph)
                continue
        rows.append([glyph])
    # A ligature's letters share a left edge ("لا"): the narrower, read later in right-to-left text, is left.
    return [sorted(row, key=lambda g: (g.x0, g.x1 if g.rtl else 0.0)) for row in rows]


def _words(row: list[_Glyph]) -> list[_Word]:
    words: list[_Word] = []
    previous: _Glyph | None = None
    for glyph in row:
        if previous is None:
            words.append(_Word([glyph], float("inf")))
        else:
            # From the word's right edge so far: the boxes of a ligature's letters overlap.
            gap = glyph.x0 - (max(g.x1 for g in words[-1].glyphs) if glyph.rtl else previous.x1)
            size = max(previous.size, glyph.size)
            # The text layer's space comes before the next glyph in reading order: on its left in left-to-right
            # text, on its right in right-to-left text (where the glyph read next is the one further left).
            spaced = glyph.space_before if not glyph.rtl else previous.space_before
            if glyph.mark or previous.mark:
                words[-1].glyphs.append(glyph)  # a vowel mark or a shadda sits on its letter, inside its word
            elif gap > WORD_GAP * size or gap < -size or (spaced and gap > 0.05 * size):
                words.append(_Word([glyph], gap))
            else:
                words[-1].glyphs.append(glyph)
        previous = glyph
    return words


def _written_right_to_left(page_glyphs: list[tuple[float, float, list[_Glyph]]]) -> bool:
    """A CV in Hebrew or Arabic (more such letters than Latin ones): its lines run right to left, also the ones
    that hold an email address or a phone number beside a few Hebrew or Arabic words."""
    rtl = latin = 0
    for _, _, glyphs in page_glyphs:
        for glyph in glyphs:
            if glyph.rtl:
                rtl += 1
            elif glyph.char.isalpha() and glyph.char.isascii():
                latin += 1
    return rtl > latin


def _pages(page_glyphs: list[tuple[float, float, list[_Glyph]]], right_to_left: bool = False) -> list[PageText]:
    """Glyphs -> rows (vertical overlap) -> words (small gaps) -> fragments, split at wide gaps and where a word
    starts on the document's main left edges after text in a left margin (a date column, as in moderncv)."""
    page_rows = [[_words(row) for row in _rows_of_glyphs(glyphs)] for _, _, glyphs in page_glyphs]
    edges: dict[int, int] = {}
    for rows in page_rows:
        for words in rows:
            edges[round(words[0].x0)] = edges.get(round(words[0].x0), 0) + 1
    strong_edges = [x for x, count in edges.items() if count >= 4]
    return [
        PageText(number + 1, width, height, tuple(_fragments(rows, strong_edges, right_to_left)))
        for number, ((width, height, _), rows) in enumerate(zip(page_glyphs, page_rows, strict=True))
    ]


def _fragments(rows: list[list[_Word]], strong_edges: list[int], right_to_left: bool = False) -> list[Fragment]:
    fragments: list[Fragment] = []
    for words in rows:
        groups: list[list[_Word]] = []
        for word in words:
            if groups and (
                word.gap_before > FRAGMENT_GAP * word.size
                or word.gap_before < -word.size
                or _starts_column_after_margin(word, groups[-1][0], strong_edges)
            ):
                groups.append([])
            if not groups:
                groups.append([])
            groups[-1].append(word)
        row_fragments = [_fragment(group, right_to_left) for group in groups]
        if (
            len(groups) >= 2
            and not row_fragments[0].text
            and _is_icon_only(groups[0])
            and len(row_fragments[1].text.split()) >= 4
        ):
            # A bullet glyph from a symbol font, set apart from its text by a tab (Word's PDFs).
            row_fragments[0] = replace(row_fragments[0], text="•")
        fragments.extend(row_fragments)
    return [f for f in fragments if f.text]


def _is_icon_only(words: list[_Word]) -> bool:
    return all(glyph.char == ICON for word in words for glyph in word.glyphs)


def _starts_column_after_margin(word: _Word, first: _Word, strong_edges: list[int]) -> bool:
    return word.gap_before > WORD_GAP * word.size and any(
        abs(word.x0 - edge) <= 1.0 and first.x0 < edge - 3 * word.size for edge in strong_edges
    )


def _word_text(word: _Word) -> str:
    return "".join(g.char for g in word.glyphs)


def _fragment(words: list[_Word], right_to_left: bool = False) -> Fragment:
    glyphs = [glyph for word in words for glyph in word.glyphs]
    texts = [_word_text(word) for word in words]
    if texts and texts[0] and set(texts[0]) == {ICON}:
        # An icon before a sentence is its bullet (Wingdings, Font Awesome); before a word it is decoration.
        texts[0] = "•" if len(texts) >= 5 else ""
    texts = _logical_order(texts, right_to_left)
    sizes: dict[float, int] = {}
    bold_count = 0
    for glyph in glyphs:
        sizes[round(glyph.size, 1)] = sizes.get(round(glyph.size, 1), 0) + 1
        bold_count += glyph.bold
    return Fragment(
        text=clean(" ".join(texts)),
        x0=glyphs[0].x0,
        x1=max(g.x1 for g in glyphs),
        top=min(g.top for g in glyphs),
        bottom=max(g.bottom for g in glyphs),
        size=max(sizes, key=lambda s: sizes[s]),
        bold=bold_count * 2 > len(glyphs),
    )


_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic and their forms
_LTR_LETTER = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")


def _is_rtl(char: str) -> bool:
    return _RTL_LETTER.match(char) is not None


def _logical_order(words: list[str], right_to_left: bool = False) -> list[str]:
    """Words read left to right on the page -> the order they are written in. Hebrew and Arabic are set right
    to left: each such word's letters, and a run of such words, read backwards; in a line that is mostly
    right-to-left, the runs themselves come right to left, while a Latin name or a number inside keeps its own
    order ("Python, Java" in an Arabic line)."""
    if not right_to_left and not any(_RTL_LETTER.search(word) for word in words):
        return words
    rtl = [bool(_RTL_LETTER.search(word)) for word in words]
    words = [word[::-1] if is_rtl else word for word, is_rtl in zip(words, rtl, strict=True)]
    rtl_letters = sum(len(_RTL_LETTER.findall(word)) for word in words)
    ltr_letters = sum(len(_LTR_LETTER.findall(word)) for word in words)
    if right_to_left or rtl_letters >= ltr_letters:
        # Right to left as a whole; a run of Latin words keeps its left-to-right order. Numbers are runs of
        # their own ("+971 4 555 0199" is set "0199 555 4 971+"): digits keep their order, the words do not,
        # and a sign set after the digits goes before them.
        words = [f"{word[-1]}{word[:-1]}" if re.fullmatch(r"\d[\d().-]*[+]", word) else word for word in words]
        letters = [
            not is_rtl and re.search(r"[^\W\d_]", word) is not None for word, is_rtl in zip(words, rtl, strict=True)
        ]
        # A number beside a Latin word belongs to its run ("Python 3"); between right-to-left words or other
        # numbers it stands alone.
        latin = [
            has_letters
            or (
                bool(re.search(r"\d", word))
                and not rtl[i]
                and ((i > 0 and letters[i - 1]) or (i + 1 < len(words) and letters[i + 1]))
            )
            for i, (word, has_letters) in enumerate(zip(words, letters, strict=True))
        ]
        return [words[i] for run in reversed(_runs(latin)) for i in (run[1] if run[0] else reversed(run[1]))]
    # Left to right as a whole: only each run of right-to-left words reads backwards.
    return [words[i] for run in _runs(rtl) for i in (reversed(run[1]) if run[0] else run[1])]


def _runs(flags: list[bool]) -> list[tuple[bool, list[int]]]:
    """Maximal runs of positions with the same flag: [(flag, [positions])]."""
    runs: list[tuple[bool, list[int]]] = []
    for position, flag in enumerate(flags):
        if runs and runs[-1][0] == flag:
            runs[-1][1].append(position)
        else:
            runs.append((flag, [position]))
    return runs


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
