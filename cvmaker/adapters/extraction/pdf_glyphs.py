"""Glyphs of a PDF page -> the fragments the layout step reads: glyphs -> rows (vertical overlap) -> words (small
gaps) -> fragments (split at wide gaps: tab stops, chips, right-aligned dates). Nothing here calls PDFium: the
glyphs come from `pdf`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from cvmaker.adapters.extraction.right_to_left import logical_order
from cvmaker.domain.parsing.page_text import Fragment, PageText
from cvmaker.domain.parsing.row_grouping import group_rows
from cvmaker.domain.parsing.text import clean

WORD_GAP = 0.18  # of the font size: a wider gap between glyphs separates words
FRAGMENT_GAP = 0.9  # of the font size: a wider gap separates fragments (columns, chips, tab stops)
ICON = "\ue000"  # an icon glyph (private use area or an icon font): text cleaning removes it
# TeX's older fonts (OT1) have no accented letters: "é" is an "e" with a separate accent glyph over it, which PDF
# text layers give as two characters ("R´esum´e", "EXPE´RIENCE"). Each spacing accent -> its combining mark.
SPACING_ACCENTS = {
    "\u00b4": "\u0301",  # acute
    "\u0060": "\u0300",  # grave
    "\u00a8": "\u0308",  # diaeresis
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u00b8": "\u0327",  # cedilla
    "\u02c7": "\u030c",  # caron
    "\u02d8": "\u0306",  # breve
    "\u02da": "\u030a",  # ring
    "\u02d9": "\u0307",  # dot above
    "\u02dd": "\u030b",  # double acute
    "\u00af": "\u0304",  # macron
    "\u02db": "\u0328",  # ogonek
}
_DOTLESS = {"\u0131": "i", "\u0237": "j"}  # TeX puts accents on a dotless i or j


@dataclass(slots=True)
class Glyph:
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


@dataclass(slots=True)
class _Word:
    glyphs: list[Glyph]
    gap_before: float  # in points; infinite for the first word of a row

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def size(self) -> float:
        return self.glyphs[0].size


def _rows_of_glyphs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    # A ligature's letters share a left edge ("لا"): the narrower, read later in right-to-left text, is left.
    rows = group_rows(
        glyphs, overlap_share=0.6, compare_with="first", order_in_row=lambda g: (g.x0, g.x1 if g.rtl else 0.0)
    )
    return [attach_accents(row) for row in rows]


def attach_accents(row: list[Glyph]) -> list[Glyph]:
    """A spacing accent set over (or under) a neighbouring letter becomes part of that letter: "E" + "´" -> "É",
    whichever of the two comes first. An accent beside no letter (typed as itself) stays as it is."""
    if not any(glyph.char in SPACING_ACCENTS for glyph in row):
        return row
    out = list(row)
    index = 0
    while index < len(out):
        glyph = out[index]
        if glyph.char not in SPACING_ACCENTS:
            index += 1
            continue
        centre = (glyph.x0 + glyph.x1) / 2
        letters = [
            n for n in (index - 1, index + 1) if 0 <= n < len(out) and out[n].char.isalpha() and _covers(out[n], centre)
        ]
        if not letters:
            index += 1
            continue
        target = min(letters, key=lambda n: abs((out[n].x0 + out[n].x1) / 2 - centre))
        letter = out[target]
        base = _DOTLESS.get(letter.char, letter.char)
        out[target] = replace(letter, char=unicodedata.normalize("NFC", base + SPACING_ACCENTS[glyph.char]))
        if target == index + 1 and glyph.space_before:
            out[target] = replace(out[target], space_before=True)
        del out[index]
    return out


def _covers(letter: Glyph, x: float) -> bool:
    slack = 0.2 * (letter.x1 - letter.x0)
    return letter.x0 - slack <= x <= letter.x1 + slack


def _words(row: list[Glyph]) -> list[_Word]:
    words: list[_Word] = []
    previous: Glyph | None = None
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
            # A space in the text layer splits words even where an overhanging letter ("f" in italics) touches
            # the next one; in right-to-left text the boxes of joined letters overlap, so there it needs a gap.
            elif gap > WORD_GAP * size or gap < -size or (spaced and gap > (0.05 if glyph.rtl else -0.05) * size):
                words.append(_Word([glyph], gap))
            else:
                words[-1].glyphs.append(glyph)
        previous = glyph
    return words


def written_right_to_left(page_glyphs: list[tuple[float, float, list[Glyph]]]) -> bool:
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


def page_texts(page_glyphs: list[tuple[float, float, list[Glyph]]], right_to_left: bool = False) -> list[PageText]:
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
    texts = logical_order(texts, right_to_left)
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
