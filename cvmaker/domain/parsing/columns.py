"""Two columns inside one section ("Skills" or "Languages" set in newspaper columns under a full-width heading):
read the first column down, then the second, as a person does; read row by row, a group that wraps in one column
would be spliced into the line beside it in the other."""

from __future__ import annotations

import re
from dataclasses import replace

from cvmaker.domain.parsing.rows import Row, make_row

_SAME_X = 3.0  # points: spans starting this close together start at the same column edge


_LABELLED = re.compile(r"^[^:,]{2,40}:\s+\S")


def _labelled_pair(rows: list[Row], x: float) -> bool:
    """One line with a part at `x`: still two columns when both parts are "Label: values" of their own."""
    for row in rows:
        spans = row.line.spans
        for position, span in enumerate(spans[1:], 1):
            if abs(span.x0 - x) <= _SAME_X:
                before = " ".join(s.text for s in spans[:position])
                return bool(_LABELLED.match(before) and _LABELLED.match(span.text))
    return False


def read_columns_apart(rows: list[Row], full_width_edge: float | None = None) -> list[Row]:
    """`rows` in column order when they are set in two columns, else as they are.

    Two columns: at least two lines have a part that starts at the same x, well right of where the lines start
    (a label column beside its values starts far closer to the left edge), and no line runs across that x."""
    if not rows:
        return rows
    left_edge = min(row.line.x0 for row in rows)
    right_edge = max([row.line.x1 for row in rows] + [full_width_edge or 0.0])  # where full lines end
    width = right_edge - left_edge
    if width <= 0:
        return rows
    starts = [span.x0 for row in rows for span in row.line.spans[1:]]
    starts += [row.line.x0 for row in rows if row.line.x0 > left_edge + _SAME_X]
    gutter = next(
        (
            x
            for x in sorted(starts)
            if x > left_edge + 0.4 * width
            and (sum(1 for other in starts if abs(other - x) <= _SAME_X) >= 2 or _labelled_pair(rows, x))
        ),
        None,
    )
    if gutter is None:
        return rows
    edge = gutter - _SAME_X
    if any(span.x0 < edge < span.x1 for row in rows for span in row.line.spans):
        return rows
    first: list[Row] = []
    second: list[Row] = []
    for row in rows:
        left = tuple(span for span in row.line.spans if span.x1 <= edge)
        right = tuple(span for span in row.line.spans if span.x0 >= edge)
        if left:
            first.append(make_row(row.index, replace(row.line, spans=left)) if right else row)
        if right:
            second.append(make_row(row.index, replace(row.line, spans=right)) if left else row)
    return first + second
