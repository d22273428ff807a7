"""Columns on a page: a vertical gutter with text on both sides, and which side is the main column and which
the sidebar (or only a margin of dates and labels beside the lines they belong to)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cvmaker.domain.parsing.dates import DURATION, is_date_text
from cvmaker.domain.parsing.extracted import TextLine
from cvmaker.domain.parsing.page_text import Fragment, PageText, lines_of, rows_of

_RESOLUTION = 2.0  # points per cell of the coverage masks


def coverage_mask(row: Sequence[Fragment]) -> int:
    """The horizontal cells a row's fragments cover, as the bits of an int (cheap to OR over many rows)."""
    mask = 0
    for f in row:
        first, last = max(0, int(f.x0 / _RESOLUTION)), max(0, int(f.x1 / _RESOLUTION))
        mask |= ((1 << (last - first + 1)) - 1) << first
    return mask


def find_gutter(rows: Sequence[Sequence[Fragment]], masks: Sequence[int]) -> float | None:
    """The x of a vertical gap that no fragment of `rows` crosses, with text on both sides over several rows."""
    fragments = [f for row in rows for f in row]
    if len(fragments) < 8:
        return None
    covered = 0
    for mask in masks:
        covered |= mask
    left_edge = int(min(f.x0 for f in fragments) / _RESOLUTION)
    right_edge = int(max(f.x1 for f in fragments) / _RESOLUTION)
    bits = format(covered, "b")[::-1].ljust(right_edge + 1, "0")
    best: tuple[int, float] | None = None
    for run in re.finditer(r"0{3,}", bits[left_edge + 1 : right_edge]):
        x = (left_edge + 1 + (run.start() + run.end()) / 2) * _RESOLUTION
        left = sum(1 for f in fragments if f.x1 <= x)
        right = sum(1 for f in fragments if f.x0 >= x)
        balance = min(left, right)
        if balance >= 4 and (best is None or balance > best[0]):
            best = (balance, x)
    return None if best is None else best[1]


@dataclass(frozen=True, slots=True)
class Sidebar:
    """Where a page's sidebar was, so the next page can continue it."""

    gutter: float
    on_the_right: bool


@dataclass(slots=True)
class OrderedPage:
    lines: list[TextLine]
    sidebar: Sidebar | None = None  # set when the page ends with its sidebar, read after its main column
    side_lines: int = 0  # how many lines at the end (before any footer) are that sidebar's


def split_columns(
    rows: list[list[Fragment]],
    gutter: float,
    page: PageText,
    is_heading: Callable[[Fragment], bool],
    body_start: int,
    body_end: int,
    continued: Sidebar | None = None,
) -> OrderedPage | None:
    """Read a page as header band, main column, sidebar, footer band; None when it is not a sidebar layout.
    `continued`: the previous page's sidebar, which this page may carry on without a heading of its own."""
    body_rows = rows[body_start:body_end]
    left = [f for row in body_rows for f in row if f.x1 <= gutter]
    right = [f for row in body_rows for f in row if f.x0 >= gutter]
    left_headed, right_headed = any(is_heading(f) for f in left), any(is_heading(f) for f in right)
    if continued is not None:
        if not left or not right:
            return None
        main, side = (left, right) if continued.on_the_right else (right, left)
        return _main_then_side(rows, main, side, page, body_start, body_end, gutter)
    if not left_headed and not right_headed:
        return None
    plain_first: list[Fragment] | None = None
    if not (left_headed and right_headed):
        plain, other = (left, right) if not left_headed else (right, left)
        if _width(plain) > _width(other) or _is_margin(plain, other):
            # Dates, places and labels beside the lines they belong to, or headings in a margin of their own
            # beside the text: read row by row.
            return None
        plain_first = plain  # a sidebar without headings (a photo, the name, contact details): read it first
    # The header band goes on down to the first row with text on both sides or a heading.
    while body_start < body_end:
        row = rows[body_start]
        both = any(f.x1 <= gutter for f in row) and any(f.x0 >= gutter for f in row)
        if both or any(is_heading(f) for f in row):
            break
        body_start += 1
    band_ids = {id(f) for row in rows[:body_start] + rows[body_end:] for f in row}
    left = [f for f in left if id(f) not in band_ids]
    right = [f for f in right if id(f) not in band_ids]
    header = lines_of(rows[:body_start], page.number, 0)
    footer = lines_of(rows[body_end:], page.number, 0)
    if not left or not right:
        return OrderedPage(header + lines_of(rows_of(left + right), page.number, 0) + footer)
    if plain_first is not None:
        plain_ids = {id(f) for f in plain_first}
        first = [f for f in left + right if id(f) in plain_ids]
        second = [f for f in left + right if id(f) not in plain_ids]
        return OrderedPage(
            header + lines_of(rows_of(first), page.number, 1) + lines_of(rows_of(second), page.number, 0) + footer
        )
    # The wider column is the main one and is read first, unless the sidebar holds the largest text
    # (the name at the top of a sidebar): then the sidebar comes first.
    left_width = max(f.x1 for f in left) - min(f.x0 for f in left)
    right_width = max(f.x1 for f in right) - min(f.x0 for f in right)
    main, side = (left, right) if left_width >= right_width else (right, left)
    if max(f.size for f in side) > max(f.size for f in main) + 0.5:
        # The name at the top of the sidebar: the sidebar's top (name, contact details) is the CV's header and
        # comes first; its sections come after the main column, whose opening paragraph (a summary without a
        # heading) would otherwise fall into the sidebar's last section.
        side_rows = rows_of(side)
        first_heading = next((n for n, row in enumerate(side_rows) if any(is_heading(f) for f in row)), len(side_rows))
        sections = lines_of(side_rows[first_heading:], page.number, 1)
        return OrderedPage(
            header
            + lines_of(side_rows[:first_heading], page.number, 1)
            + lines_of(rows_of(main), page.number, 0)
            + sections
            + footer,
            Sidebar(gutter, min(f.x0 for f in side) >= gutter),
            len(sections),
        )
    return _main_then_side(rows, main, side, page, body_start, body_end, gutter)


def _main_then_side(
    rows: list[list[Fragment]],
    main: list[Fragment],
    side: list[Fragment],
    page: PageText,
    body_start: int,
    body_end: int,
    gutter: float,
) -> OrderedPage:
    band_ids = {id(f) for row in rows[:body_start] + rows[body_end:] for f in row}
    main = [f for f in main if id(f) not in band_ids]
    side = [f for f in side if id(f) not in band_ids]
    header = lines_of(rows[:body_start], page.number, 0)
    footer = lines_of(rows[body_end:], page.number, 0)
    side_lines = lines_of(rows_of(side), page.number, 1)
    on_the_right = min(f.x0 for f in side) >= gutter
    return OrderedPage(
        header + lines_of(rows_of(main), page.number, 0) + side_lines + footer,
        Sidebar(gutter, on_the_right),
        len(side_lines),
    )


def _width(fragments: Sequence[Fragment]) -> float:
    return max(f.x1 for f in fragments) - min(f.x0 for f in fragments) if fragments else 0.0


def _is_margin(plain: Sequence[Fragment], other: Sequence[Fragment]) -> bool:
    """Is the column without headings a margin of the other (dates, places, labels on the same lines as the text
    they belong to) rather than a sidebar of its own?"""
    if not plain:
        return True
    dated = sum(1 for f in plain if is_date_text(f.text) or DURATION.match(f.text.strip()))
    tops = [g.top for g in other]
    aligned = sum(
        1
        for f in plain
        if any(abs(f.top - top) < 1.5 or abs(f.middle - top - (f.bottom - f.top) / 2) < 1.5 for top in tops)
    )
    return dated * 2 >= len(plain) or aligned >= 0.7 * len(plain)


def styled_heading(fragments: Sequence[Fragment], wording: Callable[[str], bool]) -> Callable[[Fragment], bool]:
    """Headings by their wording *and* their look (bigger, bolder or in capitals than the page's text), so a
    label in a date margin ("Languages" beside "Python, SQL") is not taken for a sidebar's heading."""
    weights: Counter[float] = Counter()
    bold_chars = 0
    for f in fragments:
        weights[round(f.size, 1)] += len(f.text)
        bold_chars += len(f.text) if f.bold else 0
    body = weights.most_common(1)[0][0]
    body_bold = bold_chars * 2 > sum(weights.values())

    def is_heading(f: Fragment) -> bool:
        styled = f.size >= body + 0.8 or (f.bold and not body_bold) or _is_caps(f.text)
        return styled and wording(f.text)

    return is_heading


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def sidebars_last(pages: list[OrderedPage]) -> list[list[TextLine]]:
    """A main column that runs on from page to page is read on from page to page, and the sidebars after it:
    otherwise the main column's text at the top of page 2 would fall into the last section of page 1's sidebar.
    The sidebars' lines go to the end of the last page with a main column, in page order."""
    per_page = [list(page.lines) for page in pages]
    if sum(1 for page in pages if page.lines) < 2 or not any(page.side_lines for page in pages[:-1]):
        return per_page
    moved: list[TextLine] = []
    for page, lines in zip(pages, per_page, strict=True):
        if page.side_lines:
            side = [line for line in lines if line.column == 1][-page.side_lines :]
            side_ids = {id(line) for line in side}
            lines[:] = [line for line in lines if id(line) not in side_ids]
            moved.extend(side)
    last = max(position for position, lines in enumerate(per_page) if lines or position == 0)
    per_page[last].extend(moved)
    return per_page
