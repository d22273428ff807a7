"""Reading order of a page of positioned text fragments: rows, columns and sidebars, running headers and footers.

A fragment is a run of words on one baseline with no wide gap inside (the extractor splits at wide gaps). Rows
are fragments whose vertical extents overlap. A page has a second column when a vertical gutter separates
fragments over a tall band and both sides carry their own headings (a sidebar); otherwise fragments beside each
other (a right-aligned date, a date margin on the left) are one line, which keeps a date with its entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cvmaker.domain.parsing.extracted import TextLine
from cvmaker.domain.parsing.page_furniture import PAGE_NUMBER, drop_running_lines, near_edge
from cvmaker.domain.parsing.page_text import Fragment, PageText, lines_of, rows_of
from cvmaker.domain.parsing.sidebars import (
    OrderedPage,
    Sidebar,
    coverage_mask,
    find_gutter,
    sidebars_last,
    split_columns,
    styled_heading,
)

__all__ = ["Fragment", "PageText", "order_document", "order_page"]


def order_page(page: PageText, looks_like_heading: Callable[[str], bool] = lambda text: False) -> list[TextLine]:
    """Lines of one page in reading order.

    Full-width bands at the top (name, contact line) and at the bottom are read first and last; between them,
    two columns that each have a heading are read column by column; any other page row by row."""
    return _order_page(page, looks_like_heading, None).lines


def _order_page(page: PageText, looks_like_heading: Callable[[str], bool], previous: Sidebar | None) -> OrderedPage:
    fragments = [f for f in page.fragments if f.text.strip()]
    if not fragments:
        return OrderedPage([])
    is_heading = styled_heading(fragments, looks_like_heading)
    rows = rows_of(fragments)
    masks = [coverage_mask(row) for row in rows]
    for start in range(min(len(rows), 12)):
        for end in range(len(rows), max(start + 8, len(rows) - 8) - 1, -1):
            gutter = find_gutter(rows[start:end], masks[start:end])
            if gutter is not None:
                ordered = split_columns(rows, gutter, page, is_heading, start, end)
                return ordered if ordered is not None else OrderedPage(lines_of(rows, page.number, 0))
    if previous is not None and not any(f.x0 < previous.gutter < f.x1 for f in fragments):
        # The sidebar of the previous page runs on here for a few lines (too few to find a gutter by): the
        # same gutter, still clear of text, still divides the page.
        continued = split_columns(rows, previous.gutter, page, is_heading, 0, len(rows), previous)
        if continued is not None:
            return continued
    return OrderedPage(lines_of(rows, page.number, 0))


def order_document(
    pages: Sequence[PageText], looks_like_heading: Callable[[str], bool] = lambda text: False
) -> tuple[list[TextLine], list[str]]:
    """All lines in reading order, without running headers/footers and page numbers (returned separately)."""
    ordered_pages: list[OrderedPage] = []
    for page in pages:
        previous = ordered_pages[-1].sidebar if ordered_pages else None
        ordered_pages.append(_order_page(page, looks_like_heading, previous))
    per_page = sidebars_last(ordered_pages)
    dropped = drop_running_lines(pages, per_page)
    ordered: list[TextLine] = []
    for page, lines in zip(pages, per_page, strict=True):
        for line in lines:
            if PAGE_NUMBER.match(line.text.strip()) and near_edge(line, page, 0.1):
                dropped.append(line.text)
                continue
            ordered.append(line)
    return ordered, dropped
