"""Positioned lines -> a CvDocument, the warnings (what could not be placed) and where each field came from.

The steps, in order: lines -> rows (`rows`) -> sections (`sections`); the header and contact sections -> the
basics (`basics`); each other section -> its items (`section_items`); then whatever was left over is reported."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cvmaker.domain import limits
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.parsing.basics import read_basics
from cvmaker.domain.parsing.extracted import ExtractedDocument, TextLine
from cvmaker.domain.parsing.headingless import split_headingless
from cvmaker.domain.parsing.rows import make_row
from cvmaker.domain.parsing.section_items import read_section
from cvmaker.domain.parsing.sections import RawSection, find_sections
from cvmaker.domain.parsing.timeline import date_timeline
from cvmaker.domain.parsing.trail import Trail, clip


@dataclass
class ParsedCv:
    document: CvDocument
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (what happened, the text concerned)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where it came from


def parse_cv(extracted: ExtractedDocument) -> ParsedCv:
    """Understand an extracted document. Pure: no I/O, deterministic apart from the generated ids."""
    document = CvDocument()
    trail = Trail.of(extracted)
    sections = split_headingless(find_sections([make_row(index, line) for index, line in enumerate(extracted.lines)]))
    # Where full lines end, from the sections only: a contact line across the top of a two-column page runs
    # wider than the main column, whose lines would then never seem to wrap.
    body_lines = [row.line for raw in sections[1:] for row in raw.rows]
    right_edges = _right_edges(body_lines or extracted.lines)
    read_basics(sections, extracted, document, trail)
    if extracted.kind == "pdf":
        _drop_running_name(sections, document.basics.name, trail)
    for raw in sections[1:]:
        read_section(raw, document, right_edges, trail)
    date_timeline(sections[0], document, trail)
    _report_dropped(extracted.dropped, trail)
    for index, line in enumerate(extracted.lines):
        if index not in trail.placed and line.text.strip():
            trail.warn("Could not be placed in any field", line.text)
    document.title = clip(
        f"{document.basics.name} (imported)" if document.basics.name else "Imported CV", limits.MAX_TITLE
    )
    return ParsedCv(document, trail.warnings, trail.sources)


def _right_edges(lines: Iterable[TextLine]) -> dict[int, float]:
    """Where full lines end, per column: a line that ends short of it was not wrapped."""
    edges: dict[int, float] = {}
    for line in lines:
        edges[line.column] = max(edges.get(line.column, 0.0), line.x1)
    return edges


def _drop_running_name(sections: list[RawSection], name: str, trail: Trail) -> None:
    """ "Jane Doe – Résumé" at the top or bottom of later pages only (so not dropped as repeated on every
    page): a running header, not part of the section it falls in."""
    name = name.casefold()
    if not name:
        return
    edges: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(trail.lines):
        by_page.setdefault(line.page, []).append(index)
    for page, indexes in by_page.items():
        if page > 1:
            by_top = sorted(indexes, key=lambda i: trail.lines[i].top)
            edges.update({by_top[0], by_top[-1]})
    for raw in sections[1:]:
        kept = []
        for row in raw.rows:
            text = row.line.text.casefold()
            if row.index in edges and name in text and len(text.split()) <= len(name.split()) + 6:
                trail.warn("A running header or footer with the name; left out", row.line.text)
                trail.placed.add(row.index)
            else:
                kept.append(row)
        raw.rows = kept


def _report_dropped(dropped: Iterable[str], trail: Trail) -> None:
    """What the extractor left out on purpose (see `layout` and the PDF extractor), each with its reason."""
    for text in dropped:
        if text.startswith("rotated text: "):
            trail.warn("Rotated text (a watermark or a sideways label) was left out", text[len("rotated text: ") :])
        elif text.startswith("hidden text ("):
            reason, _, hidden = text[len("hidden text (") :].partition("): ")
            trail.warn(
                f"Hidden text ({reason}) was left out: a person reading the file does not see it, and it can be "
                "an attempt to steer automated screening",
                hidden,
            )
        elif text.startswith("footer: "):
            trail.warn("The page footer was left out", text[len("footer: ") :])
        else:
            trail.warn("Repeated on every page (a running header or footer, or a page number); left out", text)
