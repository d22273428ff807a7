"""Reading order of a page of positioned text fragments: rows, columns and sidebars, running headers and footers.

A fragment is a run of words on one baseline with no wide gap inside (the extractor splits at wide gaps). Rows
are fragments whose vertical extents overlap. A page has a second column when a vertical gutter separates
fragments over a tall band and both sides carry their own headings (a sidebar); otherwise fragments beside each
other (a right-aligned date, a date margin on the left) are one line, which keeps a date with its entry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cvmaker.domain.parsing.dates import DURATION, is_date_text
from cvmaker.domain.parsing.extracted import Span, TextLine


@dataclass(frozen=True, slots=True)
class Fragment:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class PageText:
    number: int
    width: float
    height: float
    fragments: tuple[Fragment, ...]


_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,3}(\s*(/|of)\s*\d{1,3})?$", re.IGNORECASE)


def _rows(fragments: Sequence[Fragment]) -> list[list[Fragment]]:
    """Group fragments whose vertical middles fall inside each other's extent."""
    rows: list[list[Fragment]] = []
    for fragment in sorted(fragments, key=lambda f: (f.middle, f.x0)):
        if rows:
            row = rows[-1]
            top = min(f.top for f in row)
            bottom = max(f.bottom for f in row)
            height = max(bottom - top, 1.0)
            overlap = min(bottom, fragment.bottom) - max(top, fragment.top)
            if overlap > 0.5 * min(height, fragment.bottom - fragment.top):
                row.append(fragment)
                continue
        rows.append([fragment])
    return [sorted(row, key=lambda f: f.x0) for row in rows]


def _merge_touching(row: Sequence[Fragment]) -> list[Fragment]:
    """Fragments that touch (a glyph that fell into its own row, like a tall capital) become one again."""
    merged: list[Fragment] = []
    for fragment in row:
        if merged and -1.0 < fragment.x0 - merged[-1].x1 < 0.08 * fragment.size:
            last = merged[-1]
            merged[-1] = Fragment(
                last.text + fragment.text,
                last.x0,
                fragment.x1,
                min(last.top, fragment.top),
                max(last.bottom, fragment.bottom),
                last.size,
                last.bold,
            )
        else:
            merged.append(fragment)
    return merged


def _line(row: Sequence[Fragment], page: int, column: int, space_before: float) -> TextLine:
    row = _merge_touching(row)
    weights = Counter[tuple[float, bool]]()
    for fragment in row:
        weights[(round(fragment.size, 1), fragment.bold)] += len(fragment.text)
    (size, bold), _ = weights.most_common(1)[0]
    spans = tuple(Span(f.text, f.x0, f.x1, f.size, f.bold) for f in row)
    return TextLine(
        spans=spans,
        page=page,
        top=min(f.top for f in row),
        bottom=max(f.bottom for f in row),
        size=size,
        bold=bold,
        space_before=space_before,
        column=column,
    )


def _lines_of(rows: list[list[Fragment]], page: int, column: int) -> list[TextLine]:
    lines: list[TextLine] = []
    previous_bottom: float | None = None
    for row in rows:
        top = min(f.top for f in row)
        gap = 0.0 if previous_bottom is None else max(0.0, top - previous_bottom)
        lines.append(_line(row, page, column, gap))
        previous_bottom = max(f.bottom for f in row)
    return lines


_RESOLUTION = 2.0  # points per cell of the coverage masks


def _mask(row: Sequence[Fragment]) -> int:
    """The horizontal cells a row's fragments cover, as the bits of an int (cheap to OR over many rows)."""
    mask = 0
    for f in row:
        first, last = max(0, int(f.x0 / _RESOLUTION)), max(0, int(f.x1 / _RESOLUTION))
        mask |= ((1 << (last - first + 1)) - 1) << first
    return mask


def _gutter(rows: Sequence[Sequence[Fragment]], masks: Sequence[int]) -> float | None:
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
class _Sidebar:
    """Where a page's sidebar was, so the next page can continue it."""

    gutter: float
    on_the_right: bool


@dataclass(slots=True)
class _OrderedPage:
    lines: list[TextLine]
    sidebar: _Sidebar | None = None  # set when the page ends with its sidebar, read after its main column
    side_lines: int = 0  # how many lines at the end (before any footer) are that sidebar's


def _split_columns(
    rows: list[list[Fragment]],
    gutter: float,
    page: PageText,
    is_heading: Callable[[Fragment], bool],
    body_start: int,
    body_end: int,
    continued: _Sidebar | None = None,
) -> _OrderedPage | None:
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
    header = _lines_of(rows[:body_start], page.number, 0)
    footer = _lines_of(rows[body_end:], page.number, 0)
    if not left or not right:
        return _OrderedPage(header + _lines_of(_rows(left + right), page.number, 0) + footer)
    if plain_first is not None:
        plain_ids = {id(f) for f in plain_first}
        first = [f for f in left + right if id(f) in plain_ids]
        second = [f for f in left + right if id(f) not in plain_ids]
        return _OrderedPage(
            header + _lines_of(_rows(first), page.number, 1) + _lines_of(_rows(second), page.number, 0) + footer
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
        side_rows = _rows(side)
        first_heading = next((n for n, row in enumerate(side_rows) if any(is_heading(f) for f in row)), len(side_rows))
        sections = _lines_of(side_rows[first_heading:], page.number, 1)
        return _OrderedPage(
            header
            + _lines_of(side_rows[:first_heading], page.number, 1)
            + _lines_of(_rows(main), page.number, 0)
            + sections
            + footer,
            _Sidebar(gutter, min(f.x0 for f in side) >= gutter),
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
) -> _OrderedPage:
    band_ids = {id(f) for row in rows[:body_start] + rows[body_end:] for f in row}
    main = [f for f in main if id(f) not in band_ids]
    side = [f for f in side if id(f) not in band_ids]
    header = _lines_of(rows[:body_start], page.number, 0)
    footer = _lines_of(rows[body_end:], page.number, 0)
    side_lines = _lines_of(_rows(side), page.number, 1)
    on_the_right = min(f.x0 for f in side) >= gutter
    return _OrderedPage(
        header + _lines_of(_rows(main), page.number, 0) + side_lines + footer,
        _Sidebar(gutter, on_the_right),
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


def _styled_heading(fragments: Sequence[Fragment], wording: Callable[[str], bool]) -> Callable[[Fragment], bool]:
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


def order_page(page: PageText, looks_like_heading: Callable[[str], bool] = lambda text: False) -> list[TextLine]:
    """Lines of one page in reading order.

    Full-width bands at the top (name, contact line) and at the bottom are read first and last; between them,
    two columns that each have a heading are read column by column; any other page row by row."""
    return _order_page(page, looks_like_heading, None).lines


def _order_page(page: PageText, looks_like_heading: Callable[[str], bool], previous: _Sidebar | None) -> _OrderedPage:
    fragments = [f for f in page.fragments if f.text.strip()]
    if not fragments:
        return _OrderedPage([])
    is_heading = _styled_heading(fragments, looks_like_heading)
    rows = _rows(fragments)
    masks = [_mask(row) for row in rows]
    for start in range(min(len(rows), 12)):
        for end in range(len(rows), max(start + 8, len(rows) - 8) - 1, -1):
            gutter = _gutter(rows[start:end], masks[start:end])
            if gutter is not None:
                ordered = _split_columns(rows, gutter, page, is_heading, start, end)
                return ordered if ordered is not None else _OrderedPage(_lines_of(rows, page.number, 0))
    if previous is not None and not any(f.x0 < previous.gutter < f.x1 for f in fragments):
        # The sidebar of the previous page runs on here for a few lines (too few to find a gutter by): the
        # same gutter, still clear of text, still divides the page.
        continued = _split_columns(rows, previous.gutter, page, is_heading, 0, len(rows), previous)
        if continued is not None:
            return continued
    return _OrderedPage(_lines_of(rows, page.number, 0))


def _repeat_key(line: TextLine) -> str:
    """Short lines ("Page 2 of 3", "Jane Doe – 2/2") are compared without their digits; longer ones exactly."""
    text = line.text.strip().casefold()
    return re.sub(r"\d+", "#", text) if len(text.split()) <= 8 else text


def order_document(
    pages: Sequence[PageText], looks_like_heading: Callable[[str], bool] = lambda text: False
) -> tuple[list[TextLine], list[str]]:
    """All lines in reading order, without running headers/footers and page numbers (returned separately)."""
    ordered_pages: list[_OrderedPage] = []
    for page in pages:
        previous = ordered_pages[-1].sidebar if ordered_pages else None
        ordered_pages.append(_order_page(page, looks_like_heading, previous))
    per_page = _sidebars_last(ordered_pages)
    dropped: list[str] = []
    if len(pages) >= 2:
        # A line repeated near the top or bottom of most pages (digits ignored: "Page 2 of 3") is furniture.
        edge_keys: Counter[str] = Counter()
        for page, lines in zip(pages, per_page, strict=True):
            keys = {
                _repeat_key(line)
                for n, line in enumerate(lines)
                if _near_edge(line, page) and not _runs_on_from_above(lines, n, page)
            }
            edge_keys.update(keys)
        repeated = {key for key, count in edge_keys.items() if count >= max(2, (len(pages) + 1) // 2)}
        # The name set large at the top of page 1 and repeated small as a running header on later pages is the
        # name on page 1: only the occurrences in the running header's own (smallest) size are furniture.
        smallest: dict[str, float] = {}
        for page, lines in zip(pages, per_page, strict=True):
            for line in lines:
                key = _repeat_key(line)
                if key in repeated and _near_edge(line, page):
                    smallest[key] = min(smallest.get(key, line.size), line.size)
        for page, lines in zip(pages, per_page, strict=True):
            kept = []
            for line in lines:
                key = _repeat_key(line)
                if _near_edge(line, page) and key in repeated and line.size <= smallest[key] * 1.5:
                    dropped.append(line.text)
                else:
                    kept.append(line)
            lines[:] = kept
    ordered: list[TextLine] = []
    for page, lines in zip(pages, per_page, strict=True):
        for line in lines:
            if _PAGE_NUMBER.match(line.text.strip()) and _near_edge(line, page, 0.1):
                dropped.append(line.text)
                continue
            ordered.append(line)
    return ordered, dropped


def _sidebars_last(pages: list[_OrderedPage]) -> list[list[TextLine]]:
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


def _runs_on_from_above(lines: list[TextLine], position: int, page: PageText) -> bool:
    """A line at the foot of a page set as close under the line above as the lines of a paragraph are: the
    last words of the text ("team" ending a bullet on two pages), not a footer, which stands apart."""
    line = lines[position]
    if position == 0 or line.top < page.height / 2:
        return False
    above = lines[position - 1]
    return above.column == line.column and above.page == line.page and line.space_before < 0.5 * line.size


def _near_edge(line: TextLine, page: PageText, fraction: float = 0.12) -> bool:
    return line.top < page.height * fraction or line.bottom > page.height * (1 - fraction)
