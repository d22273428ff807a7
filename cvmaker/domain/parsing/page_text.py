"""A page as the PDF extractor hands it over: positioned text fragments; and rows of fragments made into lines.

A fragment is a run of words on one baseline with no wide gap inside (the extractor splits at wide gaps). Rows
are fragments whose vertical extents overlap."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cvmaker.domain.parsing.extracted import Span, TextLine
from cvmaker.domain.parsing.row_grouping import group_rows


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


def rows_of(fragments: Sequence[Fragment]) -> list[list[Fragment]]:
    return group_rows(fragments, overlap_share=0.5, compare_with="row")


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


def lines_of(rows: list[list[Fragment]], page: int, column: int) -> list[TextLine]:
    lines: list[TextLine] = []
    previous_bottom: float | None = None
    for row in rows:
        top = min(f.top for f in row)
        gap = 0.0 if previous_bottom is None else max(0.0, top - previous_bottom)
        lines.append(_line(row, page, column, gap))
        previous_bottom = max(f.bottom for f in row)
    return lines
