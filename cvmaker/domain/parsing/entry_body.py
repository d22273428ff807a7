"""An entry's dates and body: its date range, its bullets and paragraphs, and a closing line of tools."""

from __future__ import annotations

import re

from cvmaker.domain.parsing.dates import find_range
from cvmaker.domain.parsing.entries import Entry

_TOOLS_LINE = re.compile(r"\s+[·|•]\s+|,\s+")
# Points: a line set further right than the text of the bullet above, by more than this (which absorbs rounding
# in the positions), is that bullet's wrapped line.
_INDENT = 1.0


def read_dates(entry: Entry) -> None:
    """The entry's date range from the dates on its lines; a second date goes to its description."""
    if not entry.dates:
        return
    joined = " ".join(printed for printed, _ in entry.dates)
    found = find_range(joined)
    if found is None:
        return
    entry.date_range = found[0]
    entry.sources["dates"] = entry.dates[0][1]
    rest = (joined[: found[1]] + joined[found[2] :]).strip(" -–—,()[]")
    if re.search(r"\w", rest):
        entry.notes.append(("A second date in one entry was kept in its description", rest))
        entry.description.append(rest)


def read_body(entry: Entry) -> None:
    """Bullets (a wrapped line joined to its bullet) and paragraphs, and a note for each duration left out."""
    paragraph: list[str] = []
    bullet_x0: float | None = None  # where the text of the current bullet's first line starts
    for row in entry.body:
        text = row.text.strip()
        if not text:
            continue
        if row.bullet:
            if paragraph:
                entry.description.append(_join_lines(paragraph))
                paragraph = []
            entry.bullets.append(text)
            bullet_x0 = row.line.x0
        elif entry.bullets and (
            row.continues_bullet
            or (bullet_x0 is not None and row.line.style is None and row.line.x0 > bullet_x0 + _INDENT)
        ):
            entry.bullets[-1] = _join_wrapped(entry.bullets[-1], text)
        else:
            bullet_x0 = None
            paragraph.append(text)
    if paragraph:
        entry.description.append(_join_lines(paragraph))
    for row in entry.rows:
        for duration in row.durations:
            entry.notes.append(("A duration was left out: it follows from the dates", duration))


def _join_wrapped(first: str, second: str) -> str:
    if first.endswith("-") and second[:1].islower():
        return first[:-1] + second  # "deploy-" + "ment": a hyphenation
    if first.endswith("-") and second[:1].isupper():
        return first + second  # "OR-" + "Tools": a name broken at its own hyphen
    return f"{first} {second}"


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = _join_wrapped(text, line)
    return text


def take_trailing_keywords(entry: Entry) -> None:
    """ "Python · Django · AWS" as the last line of an entry, after its text: the tools it was done with."""
    if entry.keywords or len(entry.body) < 2 or entry.body[-1].bullet:
        return
    last = entry.body[-1].text.strip()
    if last.endswith((".", ":", ";")):
        return
    items = [item.strip() for item in _TOOLS_LINE.split(last) if item.strip()]
    if (
        len(items) >= 2
        and all(len(item.split()) <= 3 and item[:1].isalnum() for item in items)
        and ("·" in last or "|" in last or "•" in last or all(item[:1].isupper() for item in items))
    ):
        entry.keywords = items
        entry.body.pop()
