"""A line prepared for understanding: its bullet marker removed, dates and durations split off."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cvmaker.domain.parsing.contact import SEPARATORS
from cvmaker.domain.parsing.dates import DURATION, RANGE, find_range, is_date_text
from cvmaker.domain.parsing.extracted import TextLine
from cvmaker.domain.parsing.text import strip_bullet


@dataclass
class Row:
    index: int  # position in the document's lines: the key of provenance and of "was it placed?"
    line: TextLine
    text: str  # without the bullet marker
    bullet: bool
    pieces: list[str] = field(default_factory=list)  # the text without dates, split at separators
    dates: list[str] = field(default_factory=list)  # printed dates found on the line
    durations: list[str] = field(default_factory=list)  # "2 years 10 months": derived, not kept
    dates_in_own_span: bool = False  # a date set apart (a margin, a right-aligned column): an entry's date
    set_apart: set[str] = field(default_factory=set)  # pieces that are whole spans after the first (a place?)
    continues_bullet: bool = False  # the wrapped second line of a bullet whose marker is a drawn shape

    @property
    def words(self) -> int:
        return len(self.text.split())


_TRAILING_DURATION = re.compile(
    r"\s*\(\s*(?:\d+(?:[.,]\d+)?\s*(?:yrs?|years?|mos?|months?|ans?|années?|años?|anos?|jahre?|monate?|mois|meses)"
    r"\s*(?:,|and|et|y|e|und)?\s*)+\)$",
    re.IGNORECASE,
)


def _balanced(text: str) -> str:
    """A bracket opened inside the text keeps its closing one: "Master (University of Twente)" after a date."""
    for opening, closing in (("(", ")"), ("[", "]")):
        if text.count(opening) > text.count(closing) and text.rfind(opening) > 0:
            text += closing
    return text


def _date_at_edge(piece: str) -> tuple[str | None, str]:
    """A date range at the start or the end of a piece: ("2018 - 2020", rest) or (None, piece)."""
    found = find_range(piece)
    if found is None:
        return None, piece
    _, start, end = found
    before, after = _balanced(piece[:start].strip(" ,;:|()[]–—-")), _balanced(piece[end:].strip(" ,;:|()[]"))
    if before and after in ("-", "–", "—"):  # "... Universidad de 2013 –": an open range, its end below
        return piece[start:end] + " –", before
    if before.count("(") > before.count(")") and not after:
        inside = before[before.rfind("(") + 1 :].strip()
        if inside:
            return None, piece  # "(NeurIPS 2023)": a date inside a parenthesis belongs to its text
        before = before[: before.rfind("(")].strip(" ,;|–—-")
        return piece[start:end], before
    if not after and before:
        return piece[start:end], before
    if not before and after:
        if after[:1] in "-–—":  # "2020 – Personal Project": an open range whose end is on the next line
            return piece[start:end] + " –", after.lstrip("-–— ")
        return piece[start:end], after
    if not before and not after:
        return piece[start:end], ""
    return None, piece


def _split_keeping_ranges(text: str) -> list[str]:
    """Split at separators ("|", " – ", "•"), but not inside a date range ("2019 – 2021" stays whole)."""
    ranges: list[str] = []

    def protect(match: re.Match[str]) -> str:
        ranges.append(match.group(0))
        return f"\u0001{len(ranges) - 1}\u0001"

    protected = RANGE.sub(lambda m: protect(m) if m.group(2) else m.group(0), text)
    pieces = SEPARATORS.split(protected)
    return [re.sub("\u0001(\\d+)\u0001", lambda m: ranges[int(m.group(1))], piece) for piece in pieces]


def _range_inside(row: Row, pieces: list[str]) -> list[str]:
    """ "Software Engineer (2019 – 2021), Google": a full range inside a short line is its entry's dates."""
    for position, piece in enumerate(pieces):
        found = find_range(piece)
        if found is None:
            continue
        date, start, end = found
        if date.start is None and not re.search(r"\(\s*" + re.escape(date.printed) + r"\s*\)", piece):
            continue  # a lone year inside text ("Windows 2000") is not a date of the entry
        rest = (piece[:start] + piece[end:]).replace("()", " ")
        rest = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", rest)).strip(" ,;|–—-")
        row.dates.append(date.printed)
        row.dates_in_own_span = True
        return pieces[:position] + ([rest] if rest else []) + pieces[position + 1 :]
    return pieces


# Chinese and Japanese text separates fields with full-width punctuation ("2021.03–2025.09，同济大学，博士"): read
# like their ASCII counterparts, so fields split where they would after ", ".
_FULL_WIDTH_SEPARATORS = str.maketrans({"，": ", ", "；": "; ", "、": ", "})


def _join_split_dates(spans: list[str]) -> list[str]:
    """ "Summer | 2015", "March | 2019": a date whose words the PDF set apart is one span again."""
    joined: list[str] = []
    for span in spans:
        if joined and not is_date_text(joined[-1]) and is_date_text(f"{joined[-1].strip()} {span.strip()}"):
            joined[-1] = f"{joined[-1].strip()} {span.strip()}"
        else:
            joined.append(span)
    return joined


def make_row(index: int, line: TextLine) -> Row:
    spans = _join_split_dates([s.text.translate(_FULL_WIDTH_SEPARATORS) for s in line.spans])
    # A date in a left margin beside a bullet ("Present ‖ • Built ..."): the bullet decides what the line is.
    leading_dates: list[str] = []
    while len(spans) > 1 and is_date_text(spans[0]) and strip_bullet(spans[1])[1]:
        leading_dates.append(spans.pop(0).strip())
    text, bullet = strip_bullet(" ".join(spans))
    bullet = bullet or line.list_item
    row = Row(index, line, text, bullet)
    if leading_dates:
        row.dates.extend(leading_dates)
        row.dates_in_own_span = True
    if bullet and spans:
        spans[0] = strip_bullet(spans[0])[0]
        spans = [s for s in spans if s]
    kept: list[str] = []
    for position, span in enumerate(spans):
        stripped = span.strip()
        if DURATION.match(stripped):
            row.durations.append(stripped)
            continue
        at_edge = position in (0, len(spans) - 1)
        if is_date_text(stripped) and (not bullet or (at_edge and len(spans) > 1)):
            row.dates.append(stripped)
            row.dates_in_own_span = True
            continue
        kept.append(stripped)
    if not bullet:
        pieces: list[str] = []
        for span in kept:
            date, span = _date_at_edge(span)
            if date is not None:
                row.dates.append(date)
                row.dates_in_own_span = True
                if DURATION.match(span.strip()):  # "Jan 2020 - Present (3 years 2 months)"
                    row.durations.append(span.strip())
                    span = ""
            for piece in _split_keeping_ranges(span):
                piece = piece.strip(" ,;")
                if not piece:
                    continue
                if is_date_text(piece):
                    row.dates.append(piece)
                    row.dates_in_own_span = True
                    continue
                date, rest = _date_at_edge(piece)
                if date is not None and len(row.dates) == 0:
                    row.dates.append(date)
                    piece = rest
                if (how_long := _TRAILING_DURATION.search(piece)) and how_long.start() > 0:
                    # "Field Geologist (2 months)": how long, derived from the dates, not part of the title
                    row.durations.append(how_long.group(0).strip())
                    piece = piece[: how_long.start()].rstrip(" ,;")
                if piece:
                    pieces.append(piece)
        if not row.dates and len(" ".join(pieces).split()) <= 14:
            pieces = _range_inside(row, pieces)
        row.pieces = pieces
        row.set_apart = {span for span in kept[1:] if span in pieces}
    else:
        row.pieces = kept
    row.text = " ".join(kept)
    return row
