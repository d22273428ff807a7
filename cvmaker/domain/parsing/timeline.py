"""Dates set apart from the jobs they belong to: a timeline in a text box or a column of its own ("● 2021/07/15 -
2023/08/27" five times down the side of the page), read before or after the entries it stands beside."""

from __future__ import annotations

from cvmaker.domain.cv.model import CvDocument, SectionKind
from cvmaker.domain.parsing.dates import find_range, is_date_text
from cvmaker.domain.parsing.sections import RawSection
from cvmaker.domain.parsing.text import strip_bullet
from cvmaker.domain.parsing.trail import Trail


def date_timeline(header: RawSection, document: CvDocument, trail: Trail) -> None:
    """Give the timeline's ranges, in order, to the first experience section whose entries have no dates at all
    and are exactly as many as the ranges (anything else would be a guess)."""
    dated = [row for row in header.rows if row.line.text.strip() and is_date_text(strip_bullet(row.line.text)[0])]
    undated = [
        section
        for section in document.sections
        if section.kind is SectionKind.EXPERIENCE
        and len(section.items) == len(dated)
        and not any(i.start_date or i.end_date for i in section.items)
    ]
    if len(dated) < 2 or not undated:
        return
    at = document.sections.index(undated[0])
    texts = {row.line.text for row in dated}
    trail.warnings[:] = [w for w in trail.warnings if w[1] not in texts]  # placed after all, not unplaced
    for number, (item, row) in enumerate(zip(undated[0].items, dated, strict=True)):
        found = find_range(strip_bullet(row.line.text)[0])
        if found is None:
            continue
        date = found[0]
        item.start_date, item.end_date, item.current = date.start, None if date.current else date.end, date.current
        trail.source(f"sections.{at}.items.{number}.startDate", row.index)
