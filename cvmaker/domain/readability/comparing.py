"""The written CV against the CV the importer read back, field by field.

Basics are compared in place; sections by their heading (the same words first, then the same kind); entries are
paired whatever section they landed in (a heading that was not recognised puts its entries in the section
above), each written entry with the read entry most like it, best pairs first, so one misread field does not
lose the whole entry. Only what the page shows is compared: hidden sections and entries are not rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cvmaker.domain.cv.model import Basics, CvDocument, Item, Section, SectionKind
from cvmaker.domain.readability.model import FieldGroup, FieldReading, FieldStatus
from cvmaker.domain.readability.normalising import (
    date_key,
    email_key,
    link_key,
    overlap,
    phone_key,
    text_key,
)
from cvmaker.domain.rich_text.plain import shown_line, shown_text

# A description that keeps this much of its words (F1 of the bags of words) reads as written: a word hyphenated
# at the end of a line ("deploy-" / "ment") is not the writer's doing, nor something a template can avoid.
TEXT_READ = 0.95
# A read entry this unlike a written one is not that entry.
ENTRY_LIKENESS = 0.3
# Credit of a mangled single value (a name, a date): found, so a person searching still finds something.
MANGLED_CREDIT = 0.5
SHOWN_CHARS = 400


@dataclass(frozen=True, slots=True)
class _Entry:
    section_index: int
    item_index: int
    section: Section
    item: Item


def shown_sections(document: CvDocument) -> list[tuple[int, Section]]:
    """The sections a render shows, with their index in the document."""
    return [
        (index, section)
        for index, section in enumerate(document.sections)
        if section.visible and any(item.visible for item in section.items)
    ]


def compare(written: CvDocument, read: CvDocument) -> list[FieldReading]:
    readings = _basics(written.basics, read.basics)
    if written.summary and written.summary.strip():
        readings.append(_text("summary", "Summary", shown_text(written.summary), read.summary))
    sections = shown_sections(written)
    headings, claimed = _headings(sections, read.sections)
    readings += headings
    readings += _order(sections, read.sections, claimed)
    readings += _entries(sections, read)
    readings += _skills(sections, read)
    return readings


# ---------------------------------------------------------------- single values


def _single(
    path: str,
    label: str,
    group: FieldGroup,
    expected: str,
    read: str | None,
    key: Callable[[str | None], str] = text_key,
) -> FieldReading:
    found = key(read)
    if not found:
        return FieldReading(path, label, group, FieldStatus.LOST, expected, None, 0.0)
    if found == key(expected):
        return FieldReading(path, label, group, FieldStatus.READ, expected, read, 1.0)
    return FieldReading(path, label, group, FieldStatus.MANGLED, expected, read, MANGLED_CREDIT)


def _text(path: str, label: str, written: str, read: str | None) -> FieldReading:
    found = " ".join((read or "").split())
    expected = " ".join(written.split())
    if not text_key(found):
        return FieldReading(path, label, FieldGroup.TEXT, FieldStatus.LOST, _clip(expected), None, 0.0)
    kept = overlap(expected, found)
    status = FieldStatus.READ if kept >= TEXT_READ else FieldStatus.MANGLED
    return FieldReading(path, label, FieldGroup.TEXT, status, _clip(expected), _clip(found), round(kept, 3))


def _clip(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


# ---------------------------------------------------------------- basics


def _basics(written: Basics, read: Basics) -> list[FieldReading]:
    readings = [_single("basics.name", "Name", FieldGroup.NAME, written.name, read.name)]
    if written.headline:
        readings.append(_single("basics.headline", "Headline", FieldGroup.HEADLINE, written.headline, read.headline))
    if written.email:
        readings.append(_single("basics.email", "Email", FieldGroup.CONTACT, written.email, read.email, email_key))
    if written.phone:
        readings.append(_single("basics.phone", "Phone", FieldGroup.CONTACT, written.phone, read.phone, phone_key))
    if written.location:
        readings.append(_single("basics.location", "Location", FieldGroup.CONTACT, written.location, read.location))
    unclaimed = [link.url for link in read.links]
    for index, link in enumerate(written.links):
        readings.append(_link(index, link.url, link.label, unclaimed))
    return readings


def _link(index: int, url: str, label: str | None, unclaimed: list[str]) -> FieldReading:
    path, name = f"basics.links.{index}", f"Link: {label or link_key(url)}"
    wanted = link_key(url)
    exact = next((found for found in unclaimed if link_key(found) == wanted), None)
    if exact is not None:
        unclaimed.remove(exact)
        return FieldReading(path, name, FieldGroup.CONTACT, FieldStatus.READ, url, exact, 1.0)
    # The same site with a different path ("github.com/jane" read as "github.com/jane/repo"), or a piece of it.
    host = wanted.split("/", 1)[0]
    near = next((f for f in unclaimed if link_key(f).split("/", 1)[0] == host or link_key(f) in wanted), None)
    if near is not None:
        unclaimed.remove(near)
        return FieldReading(path, name, FieldGroup.CONTACT, FieldStatus.MANGLED, url, near, MANGLED_CREDIT)
    return FieldReading(path, name, FieldGroup.CONTACT, FieldStatus.LOST, url, None, 0.0)


# ---------------------------------------------------------------- sections


def _headings(sections: list[tuple[int, Section]], read: list[Section]) -> tuple[list[FieldReading], dict[int, int]]:
    """A reading per written heading, and which read section each was found as (written index -> read index)."""
    claimed: dict[int, int] = {}
    taken: set[int] = set()
    for index, section in sections:  # the same words first, so a kind met twice pairs each heading with its own
        wanted = text_key(section.title)
        found = next((n for n, s in enumerate(read) if n not in taken and text_key(s.title) == wanted), None)
        if found is not None:
            claimed[index] = found
            taken.add(found)
    for index, section in sections:
        if index in claimed:
            continue
        found = next((n for n, s in enumerate(read) if n not in taken and s.kind is section.kind), None)
        if found is not None:
            claimed[index] = found
            taken.add(found)
    readings = []
    for index, section in sections:
        path, label = f"sections.{index}.title", f"Section heading “{section.title}”"
        if index not in claimed:
            readings.append(FieldReading(path, label, FieldGroup.HEADINGS, FieldStatus.LOST, section.title, None, 0.0))
            continue
        title = read[claimed[index]].title
        same = text_key(title) == text_key(section.title)
        status, credit = (FieldStatus.READ, 1.0) if same else (FieldStatus.MANGLED, MANGLED_CREDIT)
        readings.append(FieldReading(path, label, FieldGroup.HEADINGS, status, section.title, title, credit))
    return readings, claimed


def _order(sections: list[tuple[int, Section]], read: list[Section], claimed: dict[int, int]) -> list[FieldReading]:
    """Whether the sections found were read in the order they are written."""
    found = [(index, claimed[index]) for index, _ in sections if index in claimed]
    if len(found) < 2:
        return []
    titles = {index: section.title for index, section in sections}
    expected = ", ".join(titles[index] for index, _ in found)
    in_reading_order = ", ".join(titles[index] for index, _ in sorted(found, key=lambda pair: pair[1]))
    read_positions = [position for _, position in found]
    if read_positions == sorted(read_positions):
        return [
            FieldReading("sections", "Order of sections", FieldGroup.ORDER, FieldStatus.READ, expected, expected, 1.0)
        ]
    return [
        FieldReading(
            "sections", "Order of sections", FieldGroup.ORDER, FieldStatus.MANGLED, expected, in_reading_order, 0.0
        )
    ]


# ---------------------------------------------------------------- entries


def item_text(item: Item) -> str:
    return " ".join(part for part in (item.description, *item.bullets) if part and part.strip())


def written_text(item: Item) -> str:
    """What a render of the item prints: its rich text without the markers (a reader never sees "**")."""
    parts = (shown_text(item.description or ""), *map(shown_line, item.bullets))
    return " ".join(part for part in parts if part.strip())


def _likeness(written: Item, read: Item) -> float:
    parts: list[float] = []
    names = [(written.title, read.title, read.organization), (written.organization, read.organization, read.title)]
    straight = [overlap(ours, theirs) for ours, theirs, _ in names if ours]
    crossed = [overlap(ours, other) for ours, _, other in names if ours]  # title and organisation swapped
    if straight:
        parts.append(max(sum(straight), sum(crossed)) / len(straight))
    dates = [(date_key(written.start_date), date_key(read.start_date))]
    dates.append((date_key(written.end_date, written.current), date_key(read.end_date, read.current)))
    dates = [(ours, theirs) for ours, theirs in dates if ours]
    if dates:
        parts.append(sum(ours == theirs for ours, theirs in dates) / len(dates))
    text = written_text(written)
    if text:
        parts.append(overlap(text, item_text(read)))
    return sum(parts) / len(parts) if parts else 0.0


def _read_entries(read: CvDocument) -> list[_Entry]:
    return [
        _Entry(s, i, section, item) for s, section in enumerate(read.sections) for i, item in enumerate(section.items)
    ]


def _pairs(written: list[_Entry], read: list[_Entry]) -> dict[int, _Entry]:
    """Written entry (by position) -> the read entry it was found as: the likeliest pairs first, once each."""
    scored = sorted(
        (
            (_likeness(ours.item, theirs.item) + (0.05 if ours.section.kind is theirs.section.kind else 0.0), w, r)
            for w, ours in enumerate(written)
            for r, theirs in enumerate(read)
        ),
        key=lambda triple: (-triple[0], triple[1], triple[2]),
    )
    pairs: dict[int, _Entry] = {}
    used: set[int] = set()
    for likeness, w, r in scored:
        if likeness < ENTRY_LIKENESS:
            break
        if w not in pairs and r not in used:
            pairs[w] = read[r]
            used.add(r)
    return pairs


def _entries(sections: list[tuple[int, Section]], read: CvDocument) -> list[FieldReading]:
    written = [
        _Entry(index, item_index, section, item)
        for index, section in sections
        if section.kind is not SectionKind.SKILLS
        for item_index, item in enumerate(section.items)
        if item.visible
    ]
    pairs = _pairs(written, _read_entries(read))
    readings: list[FieldReading] = []
    for position, entry in enumerate(written):
        found = pairs.get(position)
        readings += _entry_fields(entry, found.item if found else None)
    return readings


def _entry_fields(entry: _Entry, found: Item | None) -> Iterable[FieldReading]:
    item = entry.item
    path = f"sections.{entry.section_index}.items.{entry.item_index}"
    name = item.title or item.organization or f"entry {entry.item_index + 1}"
    label = f"{entry.section.title} › {name}"
    if item.title:
        yield _single(
            f"{path}.title", f"{label}: title", FieldGroup.ENTRIES, item.title, found.title if found else None
        )
    if item.organization:
        yield _single(
            f"{path}.organization",
            f"{label}: organisation",
            FieldGroup.ENTRIES,
            item.organization,
            found.organization if found else None,
        )
    if item.start_date:
        read_start = date_key(found.start_date) if found else None
        yield _single(
            f"{path}.startDate", f"{label}: start date", FieldGroup.ENTRIES, date_key(item.start_date), read_start
        )
    end = date_key(item.end_date, item.current)
    if end:
        read_end = date_key(found.end_date, found.current) if found else None
        yield _single(f"{path}.endDate", f"{label}: end date", FieldGroup.ENTRIES, end, read_end)
    text = written_text(item)
    if text:
        where = f"{path}.bullets" if item.bullets else f"{path}.description"
        yield _text(where, f"{label}: description", text, item_text(found) if found else None)


# ---------------------------------------------------------------- skills


def written_skills(document: CvDocument) -> list[str]:
    """The skills a render shows: the keywords of the shown skills sections, each once."""
    return _unique(
        keyword
        for _, section in shown_sections(document)
        if section.kind is SectionKind.SKILLS
        for item in section.items
        if item.visible
        for keyword in item.keywords
    )


def read_skills(document: CvDocument) -> list[str]:
    """The skills a parser read: under a skills heading; anywhere only when no such heading was read (it was
    lost, not renamed)."""
    listed = [section for section in document.sections if section.kind is SectionKind.SKILLS] or document.sections
    return _unique(keyword for section in listed for item in section.items for keyword in item.keywords)


def missing_skills(written: CvDocument, read: CvDocument) -> list[str]:
    """The written skills the parser did not read as skills."""
    found = {text_key(k) for k in read_skills(read)}
    return [k for k in written_skills(written) if text_key(k) not in found]


def _skills(sections: list[tuple[int, Section]], read: CvDocument) -> list[FieldReading]:
    """Skills as a set: written in any skills section, read in any skills section."""
    written = _unique(
        keyword
        for _, section in sections
        if section.kind is SectionKind.SKILLS
        for item in section.items
        if item.visible
        for keyword in item.keywords
    )
    if not written:
        return []
    found = read_skills(read)
    ours, theirs = {text_key(k) for k in written}, {text_key(k) for k in found}
    common = ours & theirs
    expected, shown = ", ".join(written), ", ".join(found) or None
    path = next(f"sections.{index}" for index, s in sections if s.kind is SectionKind.SKILLS)
    if not common:
        return [FieldReading(path, "Skills", FieldGroup.SKILLS, FieldStatus.LOST, expected, shown, 0.0)]
    if ours == theirs:
        return [FieldReading(path, "Skills", FieldGroup.SKILLS, FieldStatus.READ, expected, shown, 1.0)]
    credit = 2 * len(common) / (len(ours) + len(theirs))
    return [FieldReading(path, "Skills", FieldGroup.SKILLS, FieldStatus.MANGLED, expected, shown, round(credit, 3))]


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for value in values:
        key = text_key(value)
        if key and key not in seen:
            seen.add(key)
            kept.append(value.strip())
    return kept
