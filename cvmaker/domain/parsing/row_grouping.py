"""Rows of a page: things set on one line are the things whose vertical extents overlap.

One function for both steps that need it: the PDF extractor groups glyphs into rows before it cuts them into
words, and the layout step groups fragments into rows before it looks for columns."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal, Protocol, TypeVar


class Boxed(Protocol):
    """Anything with a box on the page (y grows downwards)."""

    @property
    def x0(self) -> float: ...

    @property
    def top(self) -> float: ...

    @property
    def bottom(self) -> float: ...


B = TypeVar("B", bound=Boxed)


def _left_to_right(item: Boxed) -> tuple[float, float]:
    return (item.x0, 0.0)


def group_rows(
    items: Iterable[B],
    *,
    overlap_share: float,
    compare_with: Literal["row", "first"],
    order_in_row: Callable[[B], tuple[float, float]] = _left_to_right,
) -> list[list[B]]:
    """Rows from top to bottom, each in `order_in_row` (left to right by default).

    Items are taken by their vertical middle; one joins the row above when the two overlap vertically by more
    than `overlap_share` of the smaller height. `compare_with`: "row", the row's whole extent so far (fragments:
    a row can hold a tall capital beside small text); "first", the row's first item only (glyphs: a row must not
    creep downwards glyph by glyph)."""
    rows: list[list[B]] = []
    for item in sorted(items, key=lambda i: ((i.top + i.bottom) / 2, i.x0)):
        if rows:
            row = rows[-1]
            if compare_with == "row":
                top, bottom = min(i.top for i in row), max(i.bottom for i in row)
            else:
                top, bottom = row[0].top, row[0].bottom
            # At least a point high: a row of zero height would otherwise take nothing in. (The extractor drops
            # glyphs under a point high before grouping, so for glyphs this never applies.)
            height = max(bottom - top, 1.0)
            overlap = min(bottom, item.bottom) - max(top, item.top)
            if overlap > overlap_share * min(height, item.bottom - item.top):
                row.append(item)
                continue
        rows.append([item])
    return [sorted(row, key=order_in_row) for row in rows]
