"""Page furniture: running headers and footers, and page numbers, which are not part of the CV's text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from cvmaker.domain.parsing.contact import EMAIL, looks_like_name
from cvmaker.domain.parsing.extracted import TextLine
from cvmaker.domain.parsing.page_text import PageText

PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,3}(\s*(/|of)\s*\d{1,3})?$", re.IGNORECASE)


def _repeat_key(line: TextLine) -> str:
    """Short lines ("Page 2 of 3", "Jane Doe – 2/2") are compared without their digits; longer ones exactly."""
    text = line.text.strip().casefold()
    return re.sub(r"\d+", "#", text) if len(text.split()) <= 8 else text


def _runs_on_from_above(lines: list[TextLine], position: int, page: PageText) -> bool:
    """A line at the foot of a page set as close under the line above as the lines of a paragraph are: the
    last words of the text ("team" ending a bullet on two pages), not a footer, which stands apart."""
    line = lines[position]
    if position == 0 or line.top < page.height / 2:
        return False
    above = lines[position - 1]
    return above.column == line.column and above.page == line.page and line.space_before < 0.5 * line.size


def near_edge(line: TextLine, page: PageText, fraction: float = 0.12) -> bool:
    return line.top < page.height * fraction or line.bottom > page.height * (1 - fraction)


def drop_running_lines(pages: Sequence[PageText], per_page: list[list[TextLine]]) -> list[str]:
    """Take the running headers and footers out of each page's lines (in place); returns their texts."""
    dropped: list[str] = []
    if len(pages) < 2:
        return dropped
    # A line repeated near the top or bottom of most pages (digits ignored: "Page 2 of 3") is furniture.
    edge_keys: Counter[str] = Counter()
    for page, lines in zip(pages, per_page, strict=True):
        keys = {
            _repeat_key(line)
            for n, line in enumerate(lines)
            if near_edge(line, page) and not _runs_on_from_above(lines, n, page)
        }
        edge_keys.update(keys)
    repeated = {key for key, count in edge_keys.items() if count >= max(2, (len(pages) + 1) // 2)}
    # The name set large at the top of page 1 and repeated small as a running header on later pages is the
    # name on page 1: only the occurrences in the running header's own (smallest) size are furniture.
    smallest: dict[str, float] = {}
    for page, lines in zip(pages, per_page, strict=True):
        for line in lines:
            key = _repeat_key(line)
            if key in repeated and near_edge(line, page):
                smallest[key] = min(smallest.get(key, line.size), line.size)
    for number, (page, lines) in enumerate(zip(pages, per_page, strict=True)):
        kept = []
        for line in lines:
            key = _repeat_key(line)
            top_of_first = number == 0 and line.top < page.height * 0.12 and _names_the_person(line.text)
            if near_edge(line, page) and key in repeated and line.size <= smallest[key] * 1.5 and not top_of_first:
                dropped.append(line.text)
            else:
                kept.append(line)
        lines[:] = kept
    return dropped


def _names_the_person(text: str) -> bool:
    """A running header that carries the CV's own header ("MORGAN WEAVING", "Email: m@example.com"): on the
    first page it is where the name and the contact details are, so it stays there."""
    return bool(EMAIL.search(text)) or looks_like_name(text.strip())
